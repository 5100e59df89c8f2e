import { describe, expect, it } from 'vitest';
import { clone, makeCriterion, makeEdition } from '../../test/make-edition';
import { CdsxValidationError } from '../issues';
import type { ApplicableRequirement, CatalogEdition, Criterion } from '../model';
import { requiredBump } from './bump';
import type { Crosswalk } from './crosswalk';
import { type CatalogChange, diffCatalogs, tryDiffCatalogs } from './diff';

const base = makeEdition();
const crit = (e: CatalogEdition, id: string): Criterion => e.criteria.find((c) => c.id === id)!;
const slotReq = (e: CatalogEdition, id: string, group: 'urban' | 'rural' | 'remote', level: string) =>
  crit(e, id).requirements[group][level] as ApplicableRequirement;
const types = (changes: CatalogChange[]) => changes.map((c) => c.type);
const variant = (change: (e: CatalogEdition) => void): CatalogEdition => {
  const e = clone(base);
  change(e);
  return e;
};
const noChanges = { renamed: [], added: [], removed: [] };

describe('diffCatalogs', () => {
  it('finds nothing between an edition and itself, and the bump is none', () => {
    const diff = diffCatalogs(base, clone(base));
    expect(diff.changes).toEqual([]);
    expect(requiredBump(diff)).toEqual({ bump: 'none', reasons: [] });
    expect(diff.from.contentHash).toBe(diff.to.contentHash);
  });

  it('reports a new version as a new permalink subpath (minor)', () => {
    const diff = diffCatalogs(
      base,
      variant((e) => (e.version = '9.1.0')),
    );
    expect(diff.changes).toEqual([{ type: 'edition_added', path: 'version', version: '9.1.0' }]);
    expect(requiredBump(diff).bump).toBe('minor');
  });

  it('sees a tightened threshold per area group × level, with its direction (major)', () => {
    const b = variant((e) => (slotReq(e, 'T.01', 'urban', '2').threshold = 85));
    const diff = diffCatalogs(base, b);
    expect(diff.changes).toEqual([
      {
        type: 'threshold_changed',
        path: 'criteria[0].requirements.urban["2"]',
        criterion: 'T.01',
        areaGroup: 'urban',
        level: 2,
        requirement: 'mandatory',
        from: { comparison: '>=', threshold: 80 },
        to: { comparison: '>=', threshold: 85 },
        direction: 'tightened',
      },
    ]);
    const r = requiredBump(diff);
    expect(r.bump).toBe('major');
    expect(r.reasons[0]!.message.en).toBe('T.01 (urban, level 2): threshold tightened >= 80 → >= 85');
    expect(r.reasons[0]!.message.vi).toContain('ngưỡng chặt hơn');
  });

  it('treats a lower "at most" threshold as tightened and a higher one as loosened', () => {
    const tighter = diffCatalogs(
      base,
      variant((e) => (slotReq(e, 'T.22', 'urban', '2').threshold = 3)),
    );
    expect(tighter.changes[0]).toMatchObject({ type: 'threshold_changed', direction: 'tightened' });
    const looser = diffCatalogs(
      base,
      variant((e) => (slotReq(e, 'T.22', 'urban', '2').threshold = 7)),
    );
    expect(looser.changes[0]).toMatchObject({ type: 'threshold_changed', direction: 'loosened' });
    expect(requiredBump(looser).bump).toBe('minor');
  });

  it('loosening a mandatory threshold is minor; a changed boolean target is major', () => {
    const looser = diffCatalogs(
      base,
      variant((e) => (slotReq(e, 'T.01', 'rural', '3').threshold = 80)),
    );
    expect(requiredBump(looser).bump).toBe('minor');
    const flipped = diffCatalogs(
      base,
      variant((e) => (slotReq(e, 'T.20', 'urban', '1').threshold = false)),
    );
    expect(flipped.changes[0]).toMatchObject({ type: 'threshold_changed', direction: 'changed' });
    expect(requiredBump(flipped).bump).toBe('major');
  });

  it('a new extended criterion that does not raise any extended quota is minor', () => {
    // rural level 1 has 12 extended criteria: 30% needs 4; with 13 it still needs 4.
    const added = makeCriterion('T.30', {
      requirements: {
        urban: {
          '1': { kind: 'not_applicable' },
          '2': { kind: 'not_applicable' },
          '3': { kind: 'not_applicable' },
        },
        rural: {
          '1': { kind: 'extended', comparison: '>=', threshold: 50 },
          '2': { kind: 'not_applicable' },
          '3': { kind: 'not_applicable' },
        },
        remote: {
          '1': { kind: 'not_applicable' },
          '2': { kind: 'not_applicable' },
          '3': { kind: 'not_applicable' },
        },
      },
    });
    const diff = diffCatalogs(
      base,
      variant((e) => e.criteria.push(added)),
    );
    expect(types(diff.changes)).toEqual(['criterion_added', 'extended_quota_changed']);
    expect(diff.changes[0]).toMatchObject({
      mandatoryAt: [],
      extendedAt: [{ areaGroup: 'rural', level: 1 }],
    });
    expect(diff.changes[1]).toMatchObject({
      areaGroup: 'rural',
      level: 1,
      from: { applicable: 12, required: 4 },
      to: { applicable: 13, required: 4 },
      gained: ['T.30'],
      canLowerLevel: false,
    });
    expect(requiredBump(diff).bump).toBe('minor');
  });

  it('a new extended criterion that raises the number needed is major, and says where', () => {
    // urban level 2 has no extended criterion: one new one makes 30% of 1 = 1 needed.
    const added = makeCriterion('T.31');
    added.requirements.urban['2'] = { kind: 'extended', comparison: '>=', threshold: 10 };
    added.requirements.urban['1'] = { kind: 'not_applicable' };
    added.requirements.urban['3'] = { kind: 'not_applicable' };
    for (const g of ['rural', 'remote'] as const)
      added.requirements[g] = {
        '1': { kind: 'not_applicable' },
        '2': { kind: 'not_applicable' },
        '3': { kind: 'not_applicable' },
      };
    const diff = diffCatalogs(
      base,
      variant((e) => e.criteria.push(added)),
    );
    const r = requiredBump(diff);
    expect(r.bump).toBe('major');
    expect(r.reasons[0]!.change).toMatchObject({
      type: 'extended_quota_changed',
      areaGroup: 'urban',
      level: 2,
      from: { applicable: 0, required: 0 },
      to: { applicable: 1, required: 1 },
      canLowerLevel: true,
    });
    expect(r.reasons.find((x) => x.change.type === 'criterion_added')!.bump).toBe('minor');
  });

  it('a criterion added as mandatory is major and lists where it is mandatory', () => {
    const diff = diffCatalogs(
      base,
      variant((e) => e.criteria.push(makeCriterion('T.32'))),
    );
    const added = diff.changes.find((c) => c.type === 'criterion_added');
    expect(added).toMatchObject({ criterion: 'T.32' });
    expect(added && 'mandatoryAt' in added && added.mandatoryAt).toContainEqual({
      areaGroup: 'urban',
      level: 1,
    });
    expect(requiredBump(diff).reasons[0]!.message.en).toMatch(
      /^criterion T.32 added as mandatory at: urban 1/,
    );
  });

  it('a removal is major: the id disappears', () => {
    const diff = diffCatalogs(
      base,
      variant((e) => e.criteria.splice(1, 1)),
    );
    expect(diff.changes[0]).toEqual({ type: 'criterion_removed', path: 'criteria[1]', criterion: 'T.02' });
    expect(requiredBump(diff).bump).toBe('major');
  });

  it('follows a rename through the crosswalk and still diffs the renamed criterion', () => {
    const b = variant((e) => {
      const c = crit(e, 'T.03');
      c.id = 'T.33';
      (c.requirements.urban['3'] as ApplicableRequirement).threshold = 95;
    });
    const crosswalk: Crosswalk = {
      from: { version: '9.0.0' },
      to: { version: '9.0.0' },
      ...noChanges,
      renamed: [{ from: 'T.03', to: 'T.33', reason: { vi: 'đổi mã', en: 'renumbered' } }],
    };
    const diff = diffCatalogs(base, b, crosswalk);
    expect(types(diff.changes)).toEqual(['criterion_renamed', 'threshold_changed']);
    expect(diff.changes[0]).toEqual({
      type: 'criterion_renamed',
      path: 'criteria[2].id',
      criterion: 'T.33',
      from: 'T.03',
    });
    expect(diff.changes[1]).toMatchObject({ criterion: 'T.33', direction: 'tightened' });
    expect(requiredBump(diff).reasons[0]!.message.en).toBe('id T.03 renamed to T.33: T.03 disappears');
    // Without the crosswalk the same edits read as a removal and an addition, and the extended
    // requirements of T.03 (rural 1, remote 2) count as lost.
    const plain = diffCatalogs(base, b).changes;
    expect(types(plain)).toEqual([
      'criterion_added',
      'criterion_removed',
      'extended_quota_changed',
      'extended_quota_changed',
    ]);
    expect(plain[2]).toMatchObject({ areaGroup: 'rural', level: 1, lost: ['T.03'], gained: ['T.33'] });
  });

  it('rejects a crosswalk that does not fit the editions, with located bilingual issues', () => {
    const crosswalk: Crosswalk = {
      from: { version: '9.0.0' },
      to: { version: '9.0.0' },
      ...noChanges,
      renamed: [{ from: 'T.99', to: 'T.01', reason: { vi: 'x', en: 'x' } }],
    };
    const r = tryDiffCatalogs(base, clone(base), crosswalk);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => [i.path, i.code])).toEqual([
      ['crosswalk.renamed[0].from', 'crosswalk_unknown_id'],
      ['crosswalk.renamed[0].to', 'crosswalk_id_reused'],
    ]);
    expect(r.issues[0]!.message.vi).toContain('T.99');
    expect(() => diffCatalogs(base, clone(base), crosswalk)).toThrow(CdsxValidationError);
  });

  it('classifies requirement kind changes: stricter kinds are major, looser ones minor', () => {
    const toMandatory = diffCatalogs(
      base,
      variant((e) => (slotReq(e, 'T.01', 'rural', '1').kind = 'mandatory')),
    );
    expect(toMandatory.changes[0]).toMatchObject({
      type: 'requirement_kind_changed',
      from: 'extended',
      to: 'mandatory',
    });
    expect(requiredBump(toMandatory).bump).toBe('major');

    const toExtended = diffCatalogs(
      base,
      variant((e) => (slotReq(e, 'T.01', 'urban', '2').kind = 'extended')),
    );
    // urban level 2 goes from 0 to 1 extended (needing 1), but that one was mandatory: communes there met it.
    expect(toExtended.changes.find((c) => c.type === 'extended_quota_changed')).toMatchObject({
      fromMandatory: ['T.01'],
      canLowerLevel: false,
    });
    expect(requiredBump(toExtended).bump).toBe('minor');

    const mandatoryDropped = diffCatalogs(
      base,
      variant((e) => (crit(e, 'T.01').requirements.urban['3'] = { kind: 'not_applicable' })),
    );
    expect(requiredBump(mandatoryDropped).bump).toBe('minor');
  });

  it('an extended requirement dropped can leave a commune short of the share (major)', () => {
    // rural level 1: 12 extended, 4 needed; with 11, still 4 — a commune that counted T.01 now has 3.
    const diff = diffCatalogs(
      base,
      variant((e) => (crit(e, 'T.01').requirements.rural['1'] = { kind: 'not_applicable' })),
    );
    expect(diff.changes.find((c) => c.type === 'extended_quota_changed')).toMatchObject({
      from: { applicable: 12, required: 4 },
      to: { applicable: 11, required: 4 },
      lost: ['T.01'],
      canLowerLevel: true,
    });
    expect(requiredBump(diff).bump).toBe('major');
  });

  it('reports level-rule parameters: a higher share is stricter (major), a lower one looser', () => {
    const stricter = diffCatalogs(
      base,
      variant((e) => (e.levelRule.extendedSharePercent['2'] = 50)),
    );
    expect(stricter.changes[0]).toEqual({
      type: 'level_rule_changed',
      path: 'levelRule.extendedSharePercent["2"]',
      level: 2,
      from: 30,
      to: 50,
      direction: 'stricter',
    });
    expect(requiredBump(stricter).bump).toBe('major');
    const looser = diffCatalogs(
      base,
      variant((e) => (e.levelRule.extendedSharePercent['1'] = 20)),
    );
    expect(looser.changes[0]).toMatchObject({ direction: 'looser' });
    expect(requiredBump(looser).bump).toBe('minor');
  });

  it('reports level definitions: an added level is minor, a removed one major, a renamed one patch', () => {
    const renamed = diffCatalogs(
      base,
      variant((e) => (e.levels[1]!.name = { vi: 'Cơ bản', en: 'Basic' })),
    );
    expect(renamed.changes).toEqual([{ type: 'text_changed', path: 'levels[1]' }]);
    expect(requiredBump(renamed).bump).toBe('patch');
    const removed = diffCatalogs(
      base,
      variant((e) => e.levels.pop()),
    );
    expect(types(removed.changes)).toContain('level_removed');
    expect(requiredBump(removed).bump).toBe('major');
    const added = diffCatalogs(
      base,
      variant((e) => {
        e.levels.push({ level: 4, name: { vi: 'Mức 4', en: 'Level 4' }, description: { vi: '…', en: '…' } });
        e.levelRule.extendedSharePercent['4'] = 30;
      }),
    );
    expect(types(added.changes)).toEqual(['level_added']);
    expect(requiredBump(added).bump).toBe('minor');
  });

  it('text and citation fixes are patch; measure changes major; reclassification minor', () => {
    const text = diffCatalogs(
      base,
      variant((e) => {
        crit(e, 'T.02').title = { vi: 'Tên mới', en: 'New title' };
        crit(e, 'T.02').sources = [{ document: '766/QĐ-TTg', date: '2022-06-23', article: '§2.2' }];
        crit(e, 'T.21').scale![0]!.label = { vi: 'Chưa có', en: 'Nothing' };
        e.basis = { vi: 'Cơ sở mới', en: 'New basis' };
      }),
    );
    expect(text.changes.map((c) => [c.type, c.path])).toEqual([
      ['text_changed', 'basis'],
      ['text_changed', 'criteria[1].title'],
      ['citation_changed', 'criteria[1].sources'],
      ['text_changed', 'criteria[11].scale'],
    ]);
    expect(requiredBump(text).bump).toBe('patch');

    const measure = diffCatalogs(
      base,
      variant((e) => crit(e, 'T.21').scale!.pop()),
    );
    expect(measure.changes[0]).toMatchObject({
      type: 'measure_changed',
      field: 'scale',
      from: [0, 1, 2],
      to: [0, 1],
    });
    expect(requiredBump(measure).bump).toBe('major');

    const moved = diffCatalogs(
      base,
      variant((e) => (crit(e, 'T.02').pillar = 'digital_society')),
    );
    expect(moved.changes[0]).toMatchObject({ type: 'criterion_reclassified', field: 'pillar' });
    expect(requiredBump(moved).bump).toBe('minor');
  });

  it('is deterministic and orders reasons largest bump first', () => {
    const b = variant((e) => {
      e.version = '9.1.0';
      crit(e, 'T.05').title = { vi: 'Khác', en: 'Other' };
      slotReq(e, 'T.06', 'urban', '1').threshold = 70;
    });
    const one = diffCatalogs(base, b);
    expect(JSON.stringify(diffCatalogs(clone(base), clone(b)))).toBe(JSON.stringify(one));
    expect(requiredBump(one).reasons.map((r) => r.bump)).toEqual(['major', 'minor', 'patch']);
  });
});
