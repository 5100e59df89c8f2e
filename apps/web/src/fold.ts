/**
 * Fold Vietnamese text for searching: lower case, no tone or vowel marks, đ/Đ → d, single spaces.
 * "Ba Đình", "BA DINH" and "ba  dinh" all fold to "ba dinh".
 */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** A searchable item: its folded text is computed once. */
export interface Indexed<T> {
  item: T;
  folded: string;
}

export function indexBy<T>(items: readonly T[], text: (item: T) => string): Indexed<T>[] {
  return items.map((item) => ({ item, folded: fold(text(item)) }));
}

/**
 * Items whose folded text contains every word of the folded query (order free), in input order.
 * An empty query matches everything.
 */
export function search<T>(index: readonly Indexed<T>[], query: string): T[] {
  const words = fold(query).split(' ').filter(Boolean);
  if (words.length === 0) return index.map((e) => e.item);
  return index.filter((e) => words.every((w) => e.folded.includes(w))).map((e) => e.item);
}
