import { readFileSync } from 'node:fs';
import { EDITIONS, getEdition } from '@cdsx/criteria/editions';
import { assess, type DecisionRecord } from '@cdsx/rules';
import { describe, expect, it } from 'vitest';
import {
  buildGapReport,
  decisionRecordToXlsx,
  type GapReport,
  renderGapReportHtml,
  renderGapReportMarkdown,
  tablesToXlsx,
} from '../src/index';
import { readXlsx } from './zip';

// A known fixture: Xuân Trúc (Hưng Yên), rural, edition 0.1.0 — level 1, 23 failed mandatory for level 2.
const assessment = JSON.parse(
  readFileSync(new URL('../../criteria/examples/valid/rural-commune-quarter.json', import.meta.url), 'utf8'),
);
const record = assess(assessment, { edition: EDITIONS });
const published = getEdition('0.1.0');
if (!published.ok) throw new Error('0.1.0 missing');
const { edition } = published.value;
const byId = new Map(edition.criteria.map((c) => [c.id, c]));

function build(r: DecisionRecord = record): GapReport {
  const built = buildGapReport(r, { reportDate: '2026-05-04' });
  if (!built.ok) throw new Error(built.issues[0]!.message.en);
  return built.value;
}

describe('gap report (báo cáo đánh giá)', () => {
  it('lists the failed mandatory criteria first, with observed value, requirement, distance and remediation', () => {
    const report = build();
    expect(record.level.level).toBe(1);
    expect(report.mandatory.map((g) => g.criterion)).toEqual(record.gaps!.mandatory.map((g) => g.criterion));
    // Hand-checked row: DV.01 observed 55.94%, needs ≥ 80%, 24.06 short.
    const dv01 = report.mandatory.find((g) => g.criterion === 'DV.01')!;
    expect([dv01.observed, dv01.threshold, dv01.gap]).toEqual([55.94, 80, 24.06]);
    const md = renderGapReportMarkdown(report, 'vi');
    const line = md.split('\n').find((l) => l.startsWith('| DV.01 |'))!;
    expect(line).toBe(
      `| DV.01 | ${byId.get('DV.01')!.title.vi} | 55,94% | ≥ 80% | 24,06% | ${byId.get('DV.01')!.remediation.vi} |`,
    );
    for (const g of report.mandatory) {
      expect(md).toContain(`| ${g.criterion} |`);
      expect(md).toContain(byId.get(g.criterion)!.remediation.vi);
    }
    // Mandatory before extended, extended before the basis.
    const iMandatory = md.indexOf('Tiêu chí bắt buộc chưa đạt cho mức 2');
    const iExtended = md.indexOf('Tiêu chí mở rộng cho mức 2');
    expect(iMandatory).toBeGreaterThan(0);
    expect(iExtended).toBeGreaterThan(iMandatory);
    expect(md).toContain(`${record.catalog.contentHash}`);
    expect(md).toContain('2026-05-04');
    const en = renderGapReportMarkdown(report, 'en');
    expect(en).toContain(byId.get('DV.01')!.remediation.en);
    expect(en).toContain('Mandatory requirements not met for level 2');
    expect(en).toContain(`| DV.01 | ${byId.get('DV.01')!.title.en} | 55.94% | ≥ 80% | 24.06% |`);
  });

  it('takes titles and remediation from the edition, not from the record (lean records)', () => {
    const lean = structuredClone(record) as DecisionRecord;
    for (const g of lean.gaps!.mandatory) (g as unknown as { remediation: unknown }).remediation = null;
    for (const f of lean.findings) (f as unknown as { remediation: unknown }).remediation = null;
    const md = renderGapReportMarkdown(build(lean), 'vi');
    expect(md).toBe(renderGapReportMarkdown(build(), 'vi'));
  });

  it('HTML is self-contained, printable on A4 and escapes everything', () => {
    const hostile = structuredClone(record) as DecisionRecord;
    hostile.commune.name = '<img src=x onerror=alert(1)>';
    const html = renderGapReportHtml(build(hostile), 'vi');
    expect(html).toContain('@page{size:A4');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img');
    // No external resources: no src/href attributes, no url(), no @import, no scripts.
    expect(html).not.toMatch(/<[^>]*\s(src|href)=/i);
    expect(html).not.toMatch(/url\(|@import|<script|<link/i);
    for (const g of record.gaps!.mandatory) expect(html).toContain(`<td>${g.criterion}</td>`);
    expect(html).toContain(htmlEscaped(byId.get('AN.02')!.remediation.vi));
    const md = renderGapReportMarkdown(build(hostile), 'vi');
    expect(md).not.toContain('<img');
  });

  it('missing data: listed, and whether it could change the level', () => {
    const few = assess(
      { ...assessment, observations: { 'DV.01': assessment.observations['DV.01'] } },
      { edition: EDITIONS },
    );
    const report = build(few);
    expect(few.provisional).toBe(true);
    expect(report.missing.length).toBeGreaterThan(0);
    expect(
      report.missing
        .filter((m) => m.couldChangeLevel)
        .map((m) => m.criterion)
        .sort(),
    ).toEqual([...few.missingCriteria].sort());
    const md = renderGapReportMarkdown(report, 'vi');
    expect(md).toContain(`tạm tính: thiếu số liệu, có thể đạt mức ${few.possibleLevel}`);
  });

  it('refuses a record decided with another edition than the one given', () => {
    const latest = getEdition('latest');
    if (!latest.ok) throw new Error();
    const r = buildGapReport(record, { edition: latest.value });
    expect(r.ok ? '' : r.issues[0]!.code).toBe('catalog_version_mismatch');
  });
});

function htmlEscaped(s: string): string {
  return s
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

describe('xlsx exports', () => {
  it('neutralise text a spreadsheet would run as a formula; numbers stay numbers', async () => {
    const bytes = await tablesToXlsx([
      {
        name: 'KPI',
        columns: [
          { key: 'a', header: 'A' },
          { key: 'b', header: { vi: 'Giá trị', en: 'Value' } },
        ],
        rows: [
          { a: '=HYPERLINK("http://x","y")', b: -5 },
          { a: '+1', b: 2.5 },
          { a: '@SUM(A1)', b: null },
          { a: '-2', b: 0 },
          { a: 'Xã Mường Tè', b: 1 },
        ],
      },
    ]);
    const ws = readXlsx(bytes).sheets.get('KPI')!;
    expect(ws.formulas).toBe(0);
    expect([2, 3, 4, 5, 6].map((r) => ws.cells.get(`A${r}`))).toEqual([
      `'=HYPERLINK("http://x","y")`,
      "'+1",
      "'@SUM(A1)",
      "'-2",
      'Xã Mường Tè',
    ]);
    expect([2, 3, 4, 5, 6].map((r) => ws.cells.get(`B${r}`))).toEqual([-5, 2.5, undefined, 0, 1]);
    expect(ws.cells.get('B1')).toBe('Giá trị');
  });

  it('one commune’s decision: the report sections and every finding', async () => {
    const bytes = await decisionRecordToXlsx(record, build(), edition, { lang: 'vi' });
    const { sheets } = readXlsx(bytes);
    const names = [...sheets.keys()];
    expect(names[0]).toBe('Tóm tắt');
    expect(names.at(-1)).toBe('Kết quả từng tiêu chí');
    const findings = sheets.get('Kết quả từng tiêu chí')!;
    // Title line, blank line, header, then one row per finding.
    expect(findings.cells.get(`A${3 + record.findings.length}`)).toBe(record.findings.at(-1)!.criterion);
    expect(findings.cells.get(`A${4 + record.findings.length}`)).toBeUndefined();
    const gaps = sheets.get(names[1]!)!;
    expect([...gaps.cells.values()]).toContain(byId.get('DV.01')!.remediation.vi);
  });
});

describe('gap report of a record decided under a province overlay', () => {
  // The 0.3.0 overlay fixture: Ba Đình (Hà Nội) at level 2; the province's own P01.DV.01 blocks level 3.
  const fx = JSON.parse(
    readFileSync(
      new URL('../../rules/fixtures/0.3.0/overlay-urban-on-level-2.json', import.meta.url),
      'utf8',
    ),
  );
  const decided = assess(fx.assessment, { edition: EDITIONS, overlays: fx.overlays });
  const own = fx.overlays[0].addCriteria[0];

  it('shows the province criterion with its title, unit and remediation from the overlay', () => {
    expect(decided.overlay?.id).toBe(fx.overlays[0].id);
    const built = buildGapReport(decided, { overlays: fx.overlays, reportDate: '2026-05-04' });
    if (!built.ok) throw new Error(built.issues[0]!.message.en);
    const item = built.value.mandatory.find((g) => g.criterion === own.id)!;
    expect(item.title).toEqual(own.title);
    expect(item.remediation).toEqual(own.remediation);
    expect(item.dimension).toBe(own.dimension);
    // The table row of the province criterion carries its title and what to do.
    const md = renderGapReportMarkdown(built.value, 'en');
    const line = md.split('\n').find((l) => l.includes(own.title.en));
    expect(line).toMatch(/^\| P01/);
    expect(line).toContain(own.remediation.en);
  });

  it('refuses to render an overlay record without its overlay (no bare ids)', () => {
    const built = buildGapReport(decided, { reportDate: '2026-05-04' });
    expect(built.ok ? '' : built.issues[0]!.code).toBe('overlay_not_given');
    const other = { ...fx.overlays[0], id: 'another-overlay' };
    const wrong = buildGapReport(decided, { overlays: [other], reportDate: '2026-05-04' });
    expect(wrong.ok ? '' : wrong.issues[0]!.path).toBe('overlay');
  });
});
