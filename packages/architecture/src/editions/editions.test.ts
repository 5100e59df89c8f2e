import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentHashOf } from '@cdsx/criteria';
import { describe, expect, it } from 'vitest';
import { lintArchitecture } from '../lint';
import { ArchitectureEditionSchema, type Tier } from '../model';
import { contentHash, edition } from './1.0.0';
import data from './1.0.0.json';
import { ARCHITECTURES, getArchitecture, latestArchitecture } from './index';

describe.each(ARCHITECTURES.map((p) => [p.edition.version, p] as const))(
  'architecture edition %s',
  (_v, p) => {
    it('matches its schema and lints clean', () => {
      expect(ArchitectureEditionSchema.safeParse(p.edition).success).toBe(true);
      expect(lintArchitecture(p.edition)).toEqual([]);
    });
    it('has the content hash it publishes (immutable)', () => {
      expect(contentHashOf(p.edition)).toBe(p.contentHash);
    });
    it('is deep-frozen', () => {
      expect(Object.isFrozen(p.edition.components[0]!.name)).toBe(true);
      expect(() => {
        (p.edition.components as unknown as unknown[]).push({});
      }).toThrow();
    });
    it('says its basis is unverified, like the draft criteria editions', () => {
      expect(p.edition.basisStatus).toBe('unverified');
      expect(p.edition.sources.find((s) => s.key === 'S1')?.verified).toBe(false);
    });
  },
);

describe('lookup', () => {
  it('finds editions by version and latest; refuses unknown ones with a bilingual issue', () => {
    expect(getArchitecture('1.0.0')).toEqual({ ok: true, value: latestArchitecture });
    expect(getArchitecture('latest').ok).toBe(true);
    const bad = getArchitecture('9.9.9');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.issues[0]!.message.vi).toContain('1.0.0');
    expect(contentHash).toBe(latestArchitecture.contentHash);
    expect(edition).toBe(latestArchitecture.edition);
    expect(contentHashOf(data)).toBe(contentHash);
  });
});

// ─── Independent oracle: the code tables of the architecture brief ──────────────────────────────

const tablesFile = join(__dirname, '../../test/brief-tables.md');
const tables = readFileSync(tablesFile, 'utf8');

/** Expand "HTS1–2", "1–2", "10–14", "DL9" into codes of a block. */
function expand(block: string, cell: string): string[] {
  const c = cell.trim();
  if (c === '–' || c === 'none') return [];
  const m = /^(?:[A-ZĐƯ]+)?(\d+)(?:–(\d+))?$/u.exec(c);
  if (!m) throw new Error(`unparsed cell ${cell}`);
  const from = Number(m[1]);
  const to = Number(m[2] ?? m[1]);
  return Array.from({ length: to - from + 1 }, (_, i) => `${block}${from + i}`);
}

interface Expected {
  code: string;
  tier: Tier;
  group?: string;
  /** Last code of its tier cell: the "…khác" slot. */
  last: boolean;
}

function expectedFromBrief(): Expected[] {
  const rows = tables
    .split('\n')
    .filter((l) => /^\| [A-ZĐƯ]+ \|/u.test(l))
    .map((l) =>
      l
        .split('|')
        .slice(1, -1)
        .map((s) => s.trim()),
    );
  const out: Expected[] = [];
  const push = (codes: string[], tier: Tier, group?: string) =>
    codes.forEach((code, i) => {
      out.push({ code, tier, ...(group ? { group } : {}), last: i === codes.length - 1 });
    });
  for (const [block, central, provincial, essential, area] of rows) {
    push(expand(block!, central!), 'central');
    push(expand(block!, provincial!), 'provincial');
    push(expand(block!, essential!), 'commune_essential');
    if (area !== 'none') {
      const [u, r, m] = area!.split('/');
      push(expand(block!, u!), 'area_specific', 'urban');
      push(expand(block!, r!), 'area_specific', 'rural');
      push(expand(block!, m!), 'area_specific', 'remote');
    }
  }
  return out;
}

describe('every code in the brief tables is present, in its tier and area group', () => {
  const expected = expectedFromBrief();
  const byCode = new Map(edition.components.map((c) => [c.code, c]));

  it('parses a plausible number of codes from the tables (the oracle itself is not empty)', () => {
    expect(expected.length).toBe(166);
  });

  it('has exactly the codes of the tier table', () => {
    expect(edition.components.map((c) => c.code).sort()).toEqual(expected.map((e) => e.code).sort());
  });

  it.each(expected.map((e) => [e.code, e] as const))('%s', (_code, e) => {
    const c = byCode.get(e.code);
    expect(c, `${e.code} missing`).toBeDefined();
    expect(c!.tier).toBe(e.tier);
    expect(c!.areaGroups ?? []).toEqual(e.group ? [e.group] : []);
    // Every tier cell ends with its open "…khác" slot (the brief's rule), and only there.
    expect(c!.extensionSlot ?? false).toBe(e.last);
  });

  it('marks the slots the brief names explicitly', () => {
    const area = /\(HTS14\/17\/22[^)]*\)/u.exec(tables)![0];
    const named = [...area.matchAll(/([A-ZĐƯ]+)(\d+)\/(\d+)\/(\d+)/gu)].flatMap((m) => [
      `${m[1]}${m[2]}`,
      `${m[1]}${m[3]}`,
      `${m[1]}${m[4]}`,
    ]);
    named.push('HTS2', 'HTS5', 'HTS9');
    expect(named).toHaveLength(21);
    for (const code of named) expect(byCode.get(code)?.extensionSlot, code).toBe(true);
  });

  it('has every essential-at-commune item of the brief as an essential, non-slot component', () => {
    const section = tables.slice(tables.indexOf('Essential-at-commune codes:'));
    const codes = section
      .split('\n')
      .slice(1)
      .flatMap((l) => l.split('/'))
      .map((s) => s.trim())
      .filter((s) => /^[A-ZĐƯ]+\d/u.test(s))
      .flatMap((s) => {
        const m = /^([A-ZĐƯ]+)(\d+)(?:–(\d+))?$/u.exec(s)!;
        return expand(m[1]!, `${m[2]}${m[3] ? `–${m[3]}` : ''}`);
      });
    expect(codes).toHaveLength(29);
    for (const code of codes) {
      expect(byCode.get(code)?.tier, code).toBe('commune_essential');
      expect(byCode.get(code)?.extensionSlot, code).toBeUndefined();
    }
  });

  const brief = join(__dirname, '../../../../../shared/docs/architecture-brief.md');
  it.runIf(existsSync(brief))('the oracle tables are still verbatim in the brief', () => {
    const text = readFileSync(brief, 'utf8');
    const tierTable = tables.split('\n').filter((l) => l.startsWith('| '));
    for (const line of tierTable) expect(text).toContain(line);
  });
});
