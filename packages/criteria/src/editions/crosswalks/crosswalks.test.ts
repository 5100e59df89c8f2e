import { describe, expect, it } from 'vitest';
import { requiredBump } from '../../release/bump';
import { checkCrosswalk, parseCrosswalk } from '../../release/crosswalk';
import { diffCatalogs } from '../../release/diff';
import { edition as edition010 } from '../0.1.0';
import { edition as edition020 } from '../0.2.0';
import { EDITIONS } from '../index';
import { CROSSWALKS, crosswalkBetween } from './index';

describe('edition crosswalks', () => {
  it('has one crosswalk per pair of consecutive editions, in order', () => {
    expect(CROSSWALKS.map((c) => [c.from.version, c.to.version])).toEqual(
      EDITIONS.slice(1).map((e, i) => [EDITIONS[i]!.edition.version, e.edition.version]),
    );
  });

  it.each(CROSSWALKS.map((c, i) => [`${c.from.version} → ${c.to.version}`, c, i] as const))(
    '%s matches the schema and both editions, hashes included',
    (_name, crosswalk, i) => {
      const parsed = parseCrosswalk(crosswalk);
      expect(parsed.ok ? [] : parsed.issues).toEqual([]);
      const [from, to] = [EDITIONS[i]!, EDITIONS[i + 1]!];
      expect(crosswalk.from.contentHash).toBe(from.contentHash);
      expect(crosswalk.to.contentHash).toBe(to.contentHash);
      expect(
        checkCrosswalk(crosswalk, from.edition, to.edition, { from: from.contentHash, to: to.contentHash }),
      ).toEqual([]);
    },
  );

  it('never reuses an id that an earlier edition removed or renamed away', () => {
    const retired = new Set<string>();
    for (const [i, c] of CROSSWALKS.entries()) {
      for (const id of [...c.removed.map((r) => r.id), ...c.renamed.map((r) => r.from)]) retired.add(id);
      const later = EDITIONS[i + 1]!.edition.criteria.map((x) => x.id);
      expect(later.filter((id) => retired.has(id))).toEqual([]);
    }
  });

  it('composes the chain between any two editions', () => {
    expect(crosswalkBetween('0.1.0', '0.2.0')).toEqual({ ok: true, value: CROSSWALKS[0] });
    expect(crosswalkBetween('0.2.0', '0.2.0').ok).toBe(true);
    const r = crosswalkBetween('0.2.0', '0.1.0');
    expect(r.ok ? '' : r.issues[0]!.message.en).toBe('no crosswalk from edition 0.2.0 to 0.1.0');
  });
});

describe('edition 0.2.0 against 0.1.0', () => {
  const diff = diffCatalogs(edition010, edition020, CROSSWALKS[0]);
  const required = requiredBump(diff);

  it('tightens DV.04 at level 2 for urban and rural communes, so it is a major release', () => {
    const tightened = diff.changes.filter((c) => c.type === 'threshold_changed');
    expect(tightened).toEqual([
      expect.objectContaining({ criterion: 'DV.04', areaGroup: 'urban', level: 2, direction: 'tightened' }),
      expect.objectContaining({ criterion: 'DV.04', areaGroup: 'rural', level: 2, direction: 'tightened' }),
    ]);
    expect(required.bump).toBe('major');
    expect(required.reasons[0]!.message.en).toBe('DV.04 (urban, level 2): threshold tightened >= 90 → >= 95');
  });

  it('adds DV.10 as an extended criterion only, with no id disappearing', () => {
    const added = diff.changes.filter((c) => c.type === 'criterion_added');
    expect(added).toEqual([expect.objectContaining({ criterion: 'DV.10', mandatoryAt: [] })]);
    expect(diff.changes.some((c) => c.type === 'criterion_removed' || c.type === 'criterion_renamed')).toBe(
      false,
    );
    expect(required.reasons.find((r) => r.change.type === 'criterion_added')!.bump).toBe('minor');
  });

  it('keeps the edition a draft and the level rule unchanged', () => {
    expect(edition020.status).toBe('draft');
    expect(
      diff.changes.some((c) => c.type === 'level_rule_changed' || c.type === 'edition_status_changed'),
    ).toBe(false);
  });
});
