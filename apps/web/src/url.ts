import type { Lang } from '@cdsx/criteria';

/** A what-if value as the URL carries it: a number, yes/no, or `null` for "no data". */
export type EditValue = number | boolean | null;

/** Everything a link must carry to reopen the same view. */
export interface UrlState {
  lang: Lang | null;
  view: 'commune' | 'province';
  /** Province filter of the search (and the province view when no commune is chosen); '' for all. */
  province: string;
  /** The chosen commune's code; '' for none. */
  commune: string;
  /** Catalog edition version the synthetic data is shown under; '' for the latest. */
  edition: string;
  /** What-if values by criterion id, in the order they were made. */
  edits: ReadonlyArray<readonly [string, EditValue]>;
}

export const EMPTY_STATE: UrlState = {
  lang: null,
  view: 'commune',
  province: '',
  commune: '',
  edition: '',
  edits: [],
};

// Criterion ids are letters, digits and dots (HT.01); anything else is refused rather than guessed at.
const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/;
const CODE = /^\d{2,5}$/;
const VERSION = /^\d+\.\d+\.\d+$/;

/** `HT.01:99.5,HT.06:y,AN.02:n,DL.01:-` — one `id:value` per edit; y/n for yes/no, `-` for "no data". */
export function encodeEdits(edits: UrlState['edits']): string {
  return edits
    .map(([id, v]) => `${id}:${v === null ? '-' : v === true ? 'y' : v === false ? 'n' : String(v)}`)
    .join(',');
}

/** The inverse of {@link encodeEdits}; malformed pairs are skipped (a hand-edited link cannot break the page). */
export function decodeEdits(text: string): Array<[string, EditValue]> {
  const out = new Map<string, EditValue>();
  for (const pair of text.split(',')) {
    const i = pair.lastIndexOf(':');
    if (i <= 0) continue;
    const id = pair.slice(0, i);
    const raw = pair.slice(i + 1);
    if (!ID.test(id)) continue;
    let v: EditValue;
    if (raw === '-') v = null;
    else if (raw === 'y') v = true;
    else if (raw === 'n') v = false;
    else if (raw !== '' && Number.isFinite(Number(raw))) v = Number(raw);
    else continue;
    out.set(id, v);
  }
  return [...out];
}

/** Read the state from a query string (`location.search`); unknown or malformed parameters are ignored. */
export function parseUrl(search: string): UrlState {
  const q = new URLSearchParams(search);
  const lang = q.get('lang');
  const province = q.get('p') ?? '';
  const commune = q.get('c') ?? '';
  const edition = q.get('ed') ?? '';
  return {
    lang: lang === 'vi' || lang === 'en' ? lang : null,
    view: q.get('v') === 'province' ? 'province' : 'commune',
    province: CODE.test(province) ? province : '',
    commune: CODE.test(commune) ? commune : '',
    edition: VERSION.test(edition) ? edition : '',
    edits: decodeEdits(q.get('w') ?? ''),
  };
}

/** The query string for a state (with the leading `?`, or '' for the empty state); stable order. */
export function serializeUrl(s: UrlState): string {
  const parts: string[] = [];
  const add = (k: string, v: string) => {
    if (v) parts.push(`${k}=${encodeURIComponent(v).replace(/%3A/g, ':').replace(/%2C/g, ',')}`);
  };
  add('lang', s.lang ?? '');
  add('v', s.view === 'province' ? 'province' : '');
  add('p', s.province);
  add('c', s.commune);
  add('ed', s.edition);
  add('w', encodeEdits(s.edits));
  return parts.length ? `?${parts.join('&')}` : '';
}
