import type { Lang, LocalizedText } from '@cdsx/criteria';

export type { Lang, LocalizedText };

/** Shorthand for a Vietnamese / English text pair. */
export function t(vi: string, en: string): LocalizedText {
  return { vi, en };
}

/** Pick one language, or both as `vi / en` when `lang` is undefined (error messages without `--lang`). */
export function say(text: LocalizedText, lang: Lang | undefined): string {
  if (lang) return text[lang];
  return text.vi === text.en ? text.vi : `${text.vi} / ${text.en}`;
}
