import { z } from 'zod';

/**
 * Text without control characters: no C0 control but tab, line feed and carriage return, no DEL, no C1
 * control, no bidirectional embedding, override or isolate (they can rewrite a terminal or reorder what
 * a reader sees). The shipped JSON Schemas carry the same pattern.
 */
export const NO_CONTROL_CHARACTERS =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]*$/;

/** At least one character that is not whitespace (what `.trim().min(1)` requires, as a JSON Schema pattern). */
export const NOT_BLANK = /\S/;

/**
 * A required text (tên, tài liệu…): not blank, no control characters; surrounding whitespace is trimmed.
 * The blank check is a pattern so the shipped JSON Schema rejects exactly what the library rejects.
 */
export function requiredTextSchema() {
  return z.string().regex(NOT_BLANK).regex(NO_CONTROL_CHARACTERS).trim().min(1);
}

/** An optional free text (ghi chú): anything but control characters. */
export function freeTextSchema() {
  return z.string().regex(NO_CONTROL_CHARACTERS);
}

/** A text in Vietnamese first, English beside it. Both are required: officials read vi, vendors often en. */
export const LocalizedTextSchema = z
  .strictObject({
    vi: requiredTextSchema(),
    en: requiredTextSchema(),
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
