import { describe, expect, it } from 'vitest';
import { clone, makeCriterion, makeEdition } from '../../test/make-edition';
import { type Crosswalk, checkCrosswalk, composeCrosswalks, parseCrosswalk } from './crosswalk';

const why = { vi: 'lý do', en: 'reason' };
const a = makeEdition();
const b = clone(a);
b.version = '9.1.0';
b.criteria[0]!.id = 'T.40'; // T.01 renamed
b.criteria.splice(1, 1); // T.02 removed
b.criteria.push(makeCriterion('T.41')); // added
const good: Crosswalk = {
  from: { version: '9.0.0' },
  to: { version: '9.1.0' },
  renamed: [{ from: 'T.01', to: 'T.40', reason: why }],
  added: [{ id: 'T.41', reason: why }],
  removed: [{ id: 'T.02', reason: why }],
};

describe('crosswalk', () => {
  it('parses a valid crosswalk and reports structural errors with their location', () => {
    expect(parseCrosswalk(good)).toEqual({ ok: true, value: good });
    const r = parseCrosswalk({ ...good, renamed: [{ from: 'bad id', to: 'T.40' }] });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => [i.path, i.code])).toEqual([
      ['renamed[0].from', 'invalid_format'],
      ['renamed[0].reason', 'required'],
    ]);
  });

  it('accepts a crosswalk that accounts for every id', () => {
    expect(checkCrosswalk(good, a, b)).toEqual([]);
  });

  it('finds every id that appears or disappears without being listed', () => {
    const issues = checkCrosswalk({ ...good, renamed: [], added: [], removed: [] }, a, b);
    expect(issues.map((i) => i.message.en)).toEqual([
      'T.01 is in 9.0.0 but not in 9.1.0: list it under renamed or removed',
      'T.02 is in 9.0.0 but not in 9.1.0: list it under renamed or removed',
      'T.40 is in 9.1.0 but not in 9.0.0: list it under renamed or added',
      'T.41 is in 9.1.0 but not in 9.0.0: list it under renamed or added',
    ]);
  });

  it('rejects wrong versions, wrong hashes, reused ids and duplicates', () => {
    const bad: Crosswalk = {
      ...good,
      from: { version: '9.0.1', contentHash: `sha256:${'0'.repeat(64)}` },
      added: [...good.added, { id: 'T.03', reason: why }],
      removed: [...good.removed, { id: 'T.02', reason: why }],
    };
    const codes = checkCrosswalk(bad, a, b, { from: `sha256:${'1'.repeat(64)}` }).map((i) => [
      i.path,
      i.code,
    ]);
    expect(codes).toEqual([
      ['from.version', 'crosswalk_version_mismatch'],
      ['from.contentHash', 'crosswalk_hash_mismatch'],
      ['added[1].id', 'crosswalk_not_added'],
      ['removed[1].id', 'crosswalk_duplicate'],
    ]);
  });

  it('composes consecutive crosswalks, following renames and dropping ids added then removed', () => {
    const second: Crosswalk = {
      from: { version: '9.1.0' },
      to: { version: '9.2.0' },
      renamed: [
        { from: 'T.40', to: 'T.50', reason: why },
        { from: 'T.41', to: 'T.51', reason: why },
      ],
      added: [{ id: 'T.52', reason: why }],
      removed: [{ id: 'T.03', reason: why }],
    };
    const r = composeCrosswalks([good, second]);
    expect(r).toEqual({
      ok: true,
      value: {
        from: { version: '9.0.0' },
        to: { version: '9.2.0' },
        renamed: [{ from: 'T.01', to: 'T.50', reason: why }],
        added: [
          { id: 'T.51', reason: why },
          { id: 'T.52', reason: why },
        ],
        removed: [
          { id: 'T.02', reason: why },
          { id: 'T.03', reason: why },
        ],
      },
    });
    const gone = composeCrosswalks([
      good,
      { ...second, renamed: [], added: [], removed: [{ id: 'T.41', reason: why }] },
    ]);
    expect(gone.ok && gone.value.added).toEqual([]);
    const gap = composeCrosswalks([second, good]);
    expect(gap.ok ? [] : gap.issues.map((i) => i.code)).toEqual(['crosswalk_not_consecutive']);
  });
});
