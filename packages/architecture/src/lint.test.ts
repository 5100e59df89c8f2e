import { describe, expect, it } from 'vitest';
import { edition } from './editions/1.0.0';
import { ARCHITECTURE_LINT_RULES, type ArchitectureLintRule, lintArchitecture } from './lint';
import type { ArchitectureEdition } from './model';

const clone = (): ArchitectureEdition => structuredClone(edition) as ArchitectureEdition;
const at = (e: ArchitectureEdition, code: string) => e.components.find((c) => c.code === code)!;

describe('lintArchitecture', () => {
  it('finds nothing in the published edition', () => {
    expect(lintArchitecture(edition)).toEqual([]);
  });

  const broken: Record<ArchitectureLintRule, (e: ArchitectureEdition) => void> = {
    'duplicate-code': (e) => {
      at(e, 'HTS8').code = 'HTS7';
    },
    'code-format': (e) => {
      at(e, 'DL10').code = 'HTS99';
    },
    'unknown-reference': (e) => {
      at(e, 'KTT7').sources = [{ key: 'S99' }];
    },
    'block-tiers': (e) => {
      // The rural cell of KTT loses every component but its slot.
      e.components = e.components.filter((c) => !['KTT15', 'KTT16', 'KTT17'].includes(c.code));
    },
    'tier-order': (e) => {
      at(e, 'HTS3').tier = 'central';
      at(e, 'HTS4').tier = 'central';
      at(e, 'HTS2').tier = 'provincial';
    },
    'extension-slot': (e) => {
      delete (at(e, 'DL13') as { extensionSlot?: true }).extensionSlot;
    },
    'area-groups': (e) => {
      at(e, 'HTS7').areaGroups = ['urban'];
    },
    'concern-coverage': (e) => {
      e.crossCutting = e.crossCutting.map((x) => ({
        ...x,
        concerns: x.concerns.filter((d) => d !== 'resources'),
      }));
      for (const c of e.components) c.concerns = c.concerns.map((d) => (d === 'resources' ? 'business' : d));
    },
  };

  it('has a crafted broken architecture for every rule', () => {
    expect(Object.keys(broken).sort()).toEqual([...ARCHITECTURE_LINT_RULES].sort());
  });

  for (const rule of ARCHITECTURE_LINT_RULES) {
    it(`reports ${rule}`, () => {
      const e = clone();
      broken[rule](e);
      const problems = lintArchitecture(e);
      const hit = problems.find((p) => p.rule === rule);
      expect(hit, `expected ${rule}, got ${JSON.stringify(problems)}`).toBeDefined();
      expect(hit!.message.vi).not.toBe('');
      expect(hit!.message.en).not.toBe('');
    });
  }

  it('locates problems precisely', () => {
    const e = clone();
    delete (at(e, 'DL13') as { extensionSlot?: true }).extensionSlot;
    const p = lintArchitecture(e);
    const i = e.components.findIndex((c) => c.code === 'DL13');
    expect(p.map((x) => [x.rule, x.path, x.code])).toEqual([
      ['extension-slot', `components[${i}].extensionSlot`, 'DL13'],
    ]);
  });

  it('flags a slot that is not the last code of its tier', () => {
    const e = clone();
    (at(e, 'HTS7') as { extensionSlot?: true }).extensionSlot = true;
    expect(lintArchitecture(e).some((p) => p.rule === 'extension-slot' && p.code === 'HTS7')).toBe(true);
  });

  it('flags a gap in the numbering of a block', () => {
    const e = clone();
    e.components = e.components.filter((c) => c.code !== 'NVCQS2');
    expect(lintArchitecture(e).some((p) => p.rule === 'code-format' && p.code === 'NVCQS3')).toBe(true);
  });
});
