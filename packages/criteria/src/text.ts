import { z } from 'zod';

/** A text in Vietnamese first, English beside it. Both are required: officials read vi, vendors often en. */
export const LocalizedTextSchema = z
  .strictObject({
    vi: z.string().trim().min(1),
    en: z.string().trim().min(1),
  })
  .meta({ id: 'LocalizedText', description: 'Text in Vietnamese (vi) and English (en).' });

/** Text in Vietnamese (`vi`) and English (`en`). */
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

/** Supported interface languages; Vietnamese is the default everywhere. */
export type Lang = 'vi' | 'en';

/** Pick one language of a {@link LocalizedText}. */
export function localize(text: LocalizedText, lang: Lang = 'vi'): string {
  return text[lang];
}
