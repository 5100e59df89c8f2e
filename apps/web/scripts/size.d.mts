/** Size of one built JS file: raw bytes and bytes after gzip (level 9). */
export interface FileSize {
  file: string;
  raw: number;
  gzip: number;
}

/** Initial JS of the built site (entry chunk and its static imports) and the lazy chunks. */
export interface SiteSize {
  initial: FileSize[];
  lazy: FileSize[];
  initialGzipKb: number;
  budgetKb: number;
}

export const BUDGET_KB: number;

/** Measure the built site in `dist` (needs Vite's manifest). */
export function measure(dist: string): SiteSize;
