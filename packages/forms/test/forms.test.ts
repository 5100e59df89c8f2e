import { type Assessment, formatIssues } from '@cdsx/criteria';
import { EDITIONS, getEdition, latestEdition } from '@cdsx/criteria/editions';
import { assess } from '@cdsx/rules';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  FIRST_ROW,
  FORM_FORMAT,
  type FormIssue,
  formCellOf,
  formColumns,
  formCriteria,
  generateForm,
  readForm,
  SHEETS,
} from '../src/index';
import { editForm, fillObservations, firstOf, MUONG_TE } from './helpers';
import { readXlsx } from './zip';

const published = latestEdition;
const { edition } = published;
const group = 'remote' as const;
const criteria = formCriteria(edition, group);
const cols = formColumns(edition);

const base = await generateForm({ edition: published, areaGroup: group, commune: MUONG_TE, period: '2026' });

function expectedAssessment(observations: Assessment['observations']): Assessment {
  return {
    commune: { ...MUONG_TE, areaGroup: group },
    period: '2026',
    catalogVersion: edition.version,
    observations,
  };
}

const where = (i: FormIssue) => (i.cell ? `${i.sheet}!${i.cell}` : i.sheet);

async function readErrors(bytes: Uint8Array): Promise<FormIssue[]> {
  const r = await readForm(bytes);
  if (r.ok) throw new Error('expected the form to be rejected');
  return r.issues.filter((i) => i.severity === 'error');
}

describe('generated form', () => {
  it('is a valid workbook for a second, independent reader (own unzip + sheet XML)', () => {
    const { files, sheets } = readXlsx(base);
    expect(files.has('[Content_Types].xml')).toBe(true);
    expect([...sheets.keys()]).toEqual([SHEETS.instructions, SHEETS.unit, SHEETS.criteria, SHEETS.meta]);
    expect(sheets.get(SHEETS.meta)!.state).toBe('veryHidden');
    const meta = sheets.get(SHEETS.meta)!.cells;
    expect(meta.get('A1')).toBe('format');
    expect(meta.get('B1')).toBe(FORM_FORMAT);
    expect(meta.get('B3')).toBe(edition.version);
    expect(meta.get('B4')).toBe(published.contentHash);
    expect(meta.get('B5')).toBe(group);
    const ws = sheets.get(SHEETS.criteria)!;
    // One row per applicable criterion, in catalog order, with both titles.
    criteria.forEach((c, i) => {
      expect(ws.cells.get(`A${FIRST_ROW + i}`)).toBe(c.id);
      expect(ws.cells.get(`C${FIRST_ROW + i}`)).toBe(c.title.vi);
      expect(ws.cells.get(`D${FIRST_ROW + i}`)).toBe(c.title.en);
    });
    expect(ws.cells.get(`A${FIRST_ROW + criteria.length}`)).toBeUndefined();
    // Not every criterion applies to every group: the form has exactly those that do.
    expect(criteria.length).toBeGreaterThan(0);
    expect(criteria.length).toBeLessThanOrEqual(edition.criteria.length);
    // Frozen header, A4 landscape, validation on every input cell, header rows repeated on print.
    expect(ws.xml).toMatch(/<pane [^>]*ySplit="4"[^>]*state="frozen"/);
    expect(ws.xml).toMatch(/<pageSetup [^>]*paperSize="9"[^>]*orientation="landscape"/);
    const validations = [...ws.xml.matchAll(/<dataValidation [^>]*sqref="([^"]+)"/g)].map((m) => m[1]);
    const valueLetter = String.fromCharCode(64 + cols.value);
    for (let i = 0; i < criteria.length; i++)
      expect(validations.some((s) => s!.split(' ').includes(`${valueLetter}${FIRST_ROW + i}`))).toBe(true);
    const pct = firstOf(edition, group, 'percentage');
    const pctCell = formCellOf(edition, group, pct.id)!.split('!')[1]!;
    const pctRule = [...ws.xml.matchAll(/<dataValidation ([^>]*)>([\s\S]*?)<\/dataValidation>/g)].find((m) =>
      /sqref="([^"]+)"/.exec(m[1]!)![1]!.split(' ').includes(pctCell),
    )!;
    expect(pctRule[1]).toMatch(/type="decimal"/);
    expect(pctRule[2]).toMatch(/<formula1>0<\/formula1><formula2>100<\/formula2>/);
    const { workbook } = readXlsx(base);
    expect(workbook).toMatch(/_xlnm\.Print_Titles[^<]*<\/definedName>|_xlnm\.Print_Titles/);
    // No formulas anywhere in a fresh form.
    for (const s of sheets.values()) expect(s.formulas).toBe(0);
  });

  it('is deterministic: the same options give the same bytes, whenever they run', async () => {
    await new Promise((r) => setTimeout(r, 2100)); // ZIP times have a 2-second resolution
    const again = await generateForm({
      edition: published,
      areaGroup: group,
      commune: MUONG_TE,
      period: '2026',
    });
    expect(Buffer.from(again).equals(Buffer.from(base))).toBe(true);
  });

  it('pre-fills identity and shows last period’s values beside (not in) the input cells', async () => {
    const previous = expectedAssessment({
      [firstOf(edition, group, 'percentage').id]: { value: 42.5, source: 'self_declared' },
    });
    const bytes = await generateForm({
      edition: published,
      areaGroup: group,
      commune: MUONG_TE,
      previous: { ...previous, period: '2025' },
    });
    const { sheets } = readXlsx(bytes);
    expect(sheets.get(SHEETS.unit)!.cells.get('B3')).toBe('03445');
    expect(sheets.get(SHEETS.unit)!.cells.get('B6')).toBe('Xã');
    const ws = sheets.get(SHEETS.criteria)!;
    const r = FIRST_ROW + criteria.findIndex((c) => c.id === firstOf(edition, group, 'percentage').id);
    expect(ws.cells.get(`${String.fromCharCode(64 + cols.previous)}${r}`)).toBe(42.5);
    expect(ws.cells.get(`${String.fromCharCode(64 + cols.value)}${r}`)).toBeUndefined();
    expect(ws.cells.get(`${String.fromCharCode(64 + cols.previous)}3`)).toBe('Kỳ trước (2025)');
  });
});

describe('round trip: generate → fill → read', () => {
  it('an empty form is a valid assessment with nothing observed (provisional), not an error', async () => {
    const r = await readForm(base);
    if (!r.ok) throw new Error(formatIssues(r.issues));
    expect(r.value.assessment).toEqual(expectedAssessment({}));
    expect(r.value.warnings).toEqual([]);
    const record = assess(r.value.assessment, { edition: EDITIONS });
    expect(record.level.level).toBe(0);
    expect(record.provisional).toBe(true);
  });

  it('random fills read back to the same assessment and the same decision record as the JSON path', async () => {
    const valueArb = (c: (typeof criteria)[number]) => {
      switch (c.measure) {
        case 'percentage':
          return fc.oneof(
            fc.integer({ min: 0, max: 100 }),
            fc.double({ min: 0, max: 100, noNaN: true }).map((v) => (v === 0 ? 0 : v)),
          );
        case 'number':
          return fc.double({ min: 0, max: 1e6, noNaN: true }).map((v) => (v === 0 ? 0 : v));
        case 'boolean':
          return fc.boolean();
        case 'ordinal':
          return fc.constantFrom(...(c.scale ?? []).map((p) => p.value));
      }
    };
    const text = fc
      .stringMatching(/^[A-Za-z0-9ăâđêôơưĂÂĐÊÔƠƯáàảãạ./ -]{1,30}$/)
      .map((s) => s.trim())
      .filter((s) => s.length > 0);
    const observation = (c: (typeof criteria)[number]) =>
      fc
        .record({
          value: valueArb(c) as fc.Arbitrary<number | boolean>,
          reference: fc.option(text, { nil: undefined }),
          note: fc.option(text, { nil: undefined }),
        })
        .map(({ value, reference, note }) => ({
          value,
          source: 'self_declared' as const,
          ...(reference ? { evidence: { reference } } : {}),
          ...(note ? { note } : {}),
        }));
    const fill = fc.tuple(...criteria.map((c) => fc.option(observation(c), { nil: undefined, freq: 2 })));
    await fc.assert(
      fc.asyncProperty(fill, async (picked) => {
        const observations: Assessment['observations'] = {};
        picked.forEach((o, i) => {
          if (o) observations[criteria[i]!.id] = o;
        });
        const expected = expectedAssessment(observations);
        const bytes = await editForm(
          base,
          ({ ws, row, cols }) => fillObservations(ws, row, cols, observations),
          edition,
          group,
        );
        const r = await readForm(bytes);
        if (!r.ok) throw new Error(formatIssues(r.issues));
        expect(r.value.warnings).toEqual([]);
        expect(r.value.assessment).toEqual(expected);
        expect(assess(r.value.assessment, { edition: EDITIONS })).toEqual(
          assess(JSON.parse(JSON.stringify(expected)), { edition: EDITIONS }),
        );
      }),
      { numRuns: 20, seed: 20260504 },
    );
  }, 180_000);

  it('a rate given only as numerator/denominator is computed (and said so); the fraction is kept as evidence', async () => {
    const c = firstOf(edition, group, 'percentage');
    const bytes = await editForm(
      base,
      ({ ws, row, cols }) => {
        ws.getCell(row(c.id), cols.numerator).value = 45;
        ws.getCell(row(c.id), cols.denominator).value = 60;
      },
      edition,
      group,
    );
    const r = await readForm(bytes);
    if (!r.ok) throw new Error(formatIssues(r.issues));
    expect(r.value.assessment.observations[c.id]).toEqual({
      value: 75,
      source: 'self_declared',
      evidence: { numerator: 45, denominator: 60 },
    });
    expect(r.value.warnings.map((w) => [w.code, w.criterion])).toEqual([['computed_value', c.id]]);
  });
});

describe('bad forms: every problem located by sheet!cell with the criterion', () => {
  const pct = firstOf(edition, group, 'percentage');
  const bool = firstOf(edition, group, 'boolean');
  const num = firstOf(edition, group, 'number');
  const ord = firstOf(edition, group, 'ordinal');
  const at = (id: string, col: number = cols.value) =>
    `${SHEETS.criteria}!${String.fromCharCode(64 + col)}${FIRST_ROW + criteria.findIndex((c) => c.id === id)}`;

  it('text in a number cell, 150 in a percentage, a negative count, a value off the ordinal scale', async () => {
    const bytes = await editForm(
      base,
      ({ ws, row, cols }) => {
        ws.getCell(row(num.id), cols.value).value = 'nhiều';
        ws.getCell(row(pct.id), cols.value).value = 150;
        ws.getCell(row(ord.id), cols.value).value = 99;
      },
      edition,
      group,
    );
    const errors = await readErrors(bytes);
    expect(errors.map((e) => [where(e), e.code, e.criterion])).toEqual(
      [
        [at(pct.id), 'out_of_range', pct.id],
        [at(num.id), 'invalid_type', num.id],
        [at(ord.id), 'invalid_value', ord.id],
      ].sort((a, b) => criteria.findIndex((c) => c.id === a[2]) - criteria.findIndex((c) => c.id === b[2])),
    );
    const e150 = errors.find((e) => e.criterion === pct.id)!;
    expect(e150.message.vi).toContain('150');
    expect(e150.message.en).toContain('0–100');
    expect(formatIssues(errors)).toContain(`${at(num.id)} ${num.id}: cần số ≥ 0, nhận được chữ "nhiều"`);
  });

  it('accepts unambiguous Có/Không variants and says so; refuses the rest', async () => {
    const bools = formCriteria(edition, group).filter((c) => c.measure === 'boolean');
    expect(bools.length).toBeGreaterThanOrEqual(4);
    const bytes = await editForm(
      base,
      ({ ws, row, cols }) => {
        ws.getCell(row(bools[0]!.id), cols.value).value = 'Có';
        ws.getCell(row(bools[1]!.id), cols.value).value = 'co';
        ws.getCell(row(bools[2]!.id), cols.value).value = 'có ';
        ws.getCell(row(bools[3]!.id), cols.value).value = 'KHÔNG';
      },
      edition,
      group,
    );
    const r = await readForm(bytes);
    if (!r.ok) throw new Error(formatIssues(r.issues));
    const obs = r.value.assessment.observations;
    expect([0, 1, 2, 3].map((i) => obs[bools[i]!.id]?.value)).toEqual([true, true, true, false]);
    expect(r.value.warnings.map((w) => [where(w), w.code])).toEqual([
      [at(bools[1]!.id), 'normalised_value'],
      [at(bools[2]!.id), 'normalised_value'],
      [at(bools[3]!.id), 'normalised_value'],
    ]);
    const bad = await editForm(
      base,
      ({ ws, row, cols }) => {
        ws.getCell(row(bool.id), cols.value).value = 'có lẽ';
      },
      edition,
      group,
    );
    const errors = await readErrors(bad);
    expect(errors.map((e) => [where(e), e.code])).toEqual([[at(bool.id), 'invalid_value']]);
  });

  it('formula cells: the cached result is used; #DIV/0! and a missing result are errors', async () => {
    const pcts = formCriteria(edition, group).filter((c) => c.measure === 'percentage');
    const bytes = await editForm(
      base,
      ({ ws, row, cols }) => {
        ws.getCell(row(pcts[0]!.id), cols.value).value = { formula: '45/60*100', result: 75 };
        ws.getCell(row(pcts[1]!.id), cols.value).value = { formula: '1/0', result: { error: '#DIV/0!' } };
        ws.getCell(row(pcts[2]!.id), cols.value).value = { formula: '2+2' } as never;
      },
      edition,
      group,
    );
    const r = await readForm(bytes);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.filter((i) => i.severity === 'error').map((i) => [where(i), i.code])).toEqual([
      [at(pcts[1]!.id), 'formula_error'],
      [at(pcts[2]!.id), 'formula_without_result'],
    ]);
    expect(r.issues.find((i) => i.code === 'formula_error')!.message.en).toContain('#DIV/0!');
    // Without the broken ones, the cached 75 is read.
    const ok = await editForm(
      base,
      ({ ws, row, cols }) => {
        ws.getCell(row(pcts[0]!.id), cols.value).value = { formula: '45/60*100', result: 75 };
      },
      edition,
      group,
    );
    const r2 = await readForm(ok);
    if (!r2.ok) throw new Error(formatIssues(r2.issues));
    expect(r2.value.assessment.observations[pcts[0]!.id]!.value).toBe(75);
  });

  it('merged rows and a deleted row are reported', async () => {
    const bytes = await editForm(
      base,
      ({ ws }) => {
        ws.mergeCells(`H${FIRST_ROW + 2}:H${FIRST_ROW + 3}`);
        ws.spliceRows(FIRST_ROW + 5, 1);
      },
      edition,
      group,
    );
    const errors = await readErrors(bytes);
    const deleted = criteria[5]!.id;
    expect(
      errors.some((e) => e.code === 'merged_cells' && where(e) === `${SHEETS.criteria}!H${FIRST_ROW + 2}`),
    ).toBe(true);
    expect(errors.some((e) => e.code === 'deleted_row' && e.criterion === deleted)).toBe(true);
  });

  it('a value in an unexpected place is reported, never dropped', async () => {
    const bytes = await editForm(
      base,
      ({ ws, row, cols }) => {
        ws.getCell(row(bool.id), cols.numerator).value = 3; // not a rate: no numerator
        ws.getCell(FIRST_ROW + criteria.length + 2, cols.value).value = 88; // below the last row
        ws.getCell(row(pct.id), cols.last + 1).value = 'xem phụ lục'; // right of the last column
      },
      edition,
      group,
    );
    const errors = await readErrors(bytes);
    expect(errors.map((e) => [where(e), e.code])).toEqual(
      expect.arrayContaining([
        [at(bool.id, cols.numerator), 'unexpected_value'],
        [
          `${SHEETS.criteria}!${String.fromCharCode(64 + cols.value)}${FIRST_ROW + criteria.length + 2}`,
          'unexpected_value',
        ],
        [at(pct.id, cols.last + 1), 'unexpected_value'],
      ]),
    );
    expect(errors).toHaveLength(3);
  });

  it('a zero denominator gives no rate; numerator > denominator and a disagreeing value are errors', async () => {
    const pcts = formCriteria(edition, group).filter((c) => c.measure === 'percentage');
    const bytes = await editForm(
      base,
      ({ ws, row, cols }) => {
        ws.getCell(row(pcts[0]!.id), cols.numerator).value = 0;
        ws.getCell(row(pcts[0]!.id), cols.denominator).value = 0;
        ws.getCell(row(pcts[1]!.id), cols.numerator).value = 7;
        ws.getCell(row(pcts[1]!.id), cols.denominator).value = 5;
        ws.getCell(row(pcts[2]!.id), cols.value).value = 90;
        ws.getCell(row(pcts[2]!.id), cols.numerator).value = 1;
        ws.getCell(row(pcts[2]!.id), cols.denominator).value = 2;
      },
      edition,
      group,
    );
    const errors = await readErrors(bytes);
    expect(errors.map((e) => [where(e), e.code])).toEqual([
      [at(pcts[0]!.id, cols.denominator), 'zero_denominator'],
      [at(pcts[1]!.id, cols.numerator), 'numerator_exceeds_denominator'],
      [at(pcts[2]!.id), 'fraction_mismatch'],
    ]);
  });

  it('a form from another edition or area group, and tampered metadata, are refused', async () => {
    const other = await readForm(base, { expectAreaGroup: 'urban' });
    expect(other.ok ? [] : other.issues.map((i) => i.code)).toEqual(['area_group_mismatch']);
    const older = getEdition('0.1.0');
    if (!older.ok) throw new Error('0.1.0 missing');
    const oldForm = await generateForm({
      edition: older.value,
      areaGroup: group,
      commune: MUONG_TE,
      period: '2026',
    });
    const r = await readForm(oldForm, { expectVersion: edition.version });
    expect(r.ok ? [] : r.issues.map((i) => [where(i), i.code])).toEqual([[SHEETS.meta, 'edition_mismatch']]);
    // Read without expectations, the old form is read against its own edition.
    const own = await readForm(oldForm);
    expect(own.ok && own.value.assessment.catalogVersion).toBe('0.1.0');
    for (const [cell, value] of [
      ['B5', 'urban'],
      ['B4', `sha256:${'0'.repeat(64)}`],
    ] as const) {
      const tampered = await editForm(
        base,
        ({ wb }) => {
          wb.getWorksheet(SHEETS.meta)!.getCell(cell).value = value;
        },
        edition,
        group,
      );
      const t = await readForm(tampered);
      expect(t.ok ? [] : t.issues.map((i) => i.code)).toEqual(['tampered_metadata']);
    }
    const shown = await editForm(
      base,
      ({ unit }) => {
        unit.getCell('B9').value = 'Đô thị';
      },
      edition,
      group,
    );
    expect((await readErrors(shown)).map((e) => [where(e), e.code])).toEqual([
      [`${SHEETS.unit}!B9`, 'area_group_fixed'],
    ]);
  });

  it('unit sheet: missing period and a bad code are located; the library’s validation maps back to cells', async () => {
    const bytes = await editForm(
      base,
      ({ unit }) => {
        unit.getCell('B7').value = null;
        unit.getCell('B3').value = 'ABC';
      },
      edition,
      group,
    );
    const errors = await readErrors(bytes);
    expect(errors.map((e) => [where(e), e.code])).toEqual([[`${SHEETS.unit}!B7`, 'required']]);
    const bad = await editForm(
      base,
      ({ unit }) => {
        unit.getCell('B3').value = 'ABC';
      },
      edition,
      group,
    );
    const e2 = await readErrors(bad);
    expect(e2.map((e) => where(e))).toEqual([`${SHEETS.unit}!B3`]);
  });

  it('a workbook that is not a form, and bytes that are not a workbook', async () => {
    const notXlsx = await readForm(new TextEncoder().encode('code,value\n1,2\n'));
    expect(notXlsx.ok ? [] : notXlsx.issues.map((i) => i.code)).toEqual(['not_xlsx']);
    const stripped = await editForm(
      base,
      ({ wb }) => {
        wb.removeWorksheet(wb.getWorksheet(SHEETS.meta)!.id);
      },
      edition,
      group,
    );
    const r = await readForm(stripped);
    expect(r.ok ? [] : r.issues.map((i) => i.code)).toEqual(['not_a_form']);
  });
});
