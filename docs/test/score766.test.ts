import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_PROFILE } from '@cdsx/score766';
import { describe, expect, it } from 'vitest';
import { DOCS_ROOT } from '../scripts/generate.mjs';

// The scoring table of the QĐ 766 page is hand-written prose around data: every row must say what the profile says.
const STATUS = {
  vi: { official: 'chính thức', operational: 'vận hành', 'reverse-engineered': 'suy ngược' },
  en: { official: 'official', operational: 'operational', 'reverse-engineered': 'reverse-engineered' },
} as const;

describe('QĐ 766 docs page', () => {
  for (const [lang, path] of [
    ['vi', 'kpi/score766.md'],
    ['en', 'en/kpi/score766.md'],
  ] as const) {
    it(`${path}: one row per indicator with the profile's max, rule, zero rule and status`, async () => {
      const page = await readFile(join(DOCS_ROOT, path), 'utf8');
      const rows = new Map(
        page
          .split('\n')
          .filter((l) => /^\| \d\.\d[ab]? \|/.test(l))
          .map((l) => {
            const cells = l.split('|').map((c) => c.trim());
            return [cells[1], cells] as const;
          }),
      );
      const { indicators } = DEFAULT_PROFILE.profile;
      expect([...rows.keys()]).toEqual(indicators.map((d) => d.id));
      for (const d of indicators) {
        const cells = rows.get(d.id)!;
        expect(cells[2], d.id).toContain(d.name[lang]);
        expect(cells[4], d.id).toBe(String(d.max));
        const rule =
          d.rule.kind === 'linear'
            ? `${d.max} × r`
            : d.rule.kind === 'capped'
              ? `min(${d.max}, ${d.max} × r / ${d.rule.threshold * 100}%)`
              : lang === 'vi'
                ? 'chỉ theo dõi'
                : 'tracking only';
        expect(cells[5], d.id).toBe(rule);
        const zero =
          d.rule.kind === 'informational'
            ? '—'
            : d.zeroDenominator === 'full'
              ? lang === 'vi'
                ? 'đủ điểm'
                : 'full points'
              : d.zeroDenominator === 'zero'
                ? '0'
                : 'N/A';
        expect(cells[6], d.id).toBe(zero);
        const input =
          d.input.kind === 'metric'
            ? `\`${d.input.code}\``
            : `\`${d.input.numerator.join(' + ')}\` / \`${d.input.denominator}\``;
        expect(cells[7], d.id).toBe(input);
        expect(cells[8], d.id).toBe(STATUS[lang][d.status]);
      }
      // The example output shows the profile's current hash.
      expect(page).toContain(DEFAULT_PROFILE.contentHash);
    });
  }
});
