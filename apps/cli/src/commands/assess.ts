import type { CatalogEdition, ValidationIssue } from '@cdsx/criteria';
import { checkCommuneIdentity, provinceByCode } from '@cdsx/criteria/communes';
import { EDITIONS, getEdition } from '@cdsx/criteria/editions';
import {
  type AssessOptions,
  countRecord,
  type DecisionRecord,
  emptyLevelCounts,
  type LevelCounts,
  levelsAscending,
  tryAssessMany,
} from '@cdsx/rules';
import type { CommandDef } from '../command';
import { EXIT, formatLocated, InputError, type LocatedIssue } from '../errors';
import { type Lang, t } from '../i18n';
import { streamRecordInputs } from '../inputs';
import type { Sink } from '../io';
import { FileIssueCap, locateCapped, type SourceRecord } from '../records';
import type { Report } from '../render/index';
import {
  areaGroupName,
  CATALOG_OPTION,
  editionArg,
  levelLabel,
  OVERLAY_OPTION,
  readOverlays,
  SYNTHETIC_LABEL,
  str,
  strs,
} from './shared';

/** One row of the summary table: what a person reads about one decision. */
interface DecisionRow {
  [key: string]: string | number | null;
  code: string;
  commune: string;
  province: string;
  areaGroup: string;
  period: string;
  level: number;
  levelName: string;
  possibleLevel: number | null;
  mandatoryGaps: number | null;
  extendedShortfall: number | null;
  missing: number;
  overlay: string | null;
}

const editionCache = new Map<string, CatalogEdition | undefined>();
function editionOf(version: string, draft: CatalogEdition | undefined): CatalogEdition | undefined {
  if (draft && draft.version === version) return draft;
  if (!editionCache.has(version)) {
    const r = getEdition(version);
    editionCache.set(version, r.ok ? r.value.edition : undefined);
  }
  return editionCache.get(version);
}

/**
 * Counts over the decided records, kept as they stream past (a row per commune only for the formats that
 * print a table): memory grows with the number of communes' rows, never with their decision records.
 */
export class DecisionTally {
  readonly rows: DecisionRow[] = [];
  readonly counts: LevelCounts = emptyLevelCounts();
  withUnknown = 0;
  readonly unknownIds = new Set<string>();
  synthetic = false;
  firstVersion: string | undefined;

  constructor(
    private readonly lang: Lang,
    private readonly keepRows: boolean,
    private readonly draft?: CatalogEdition,
  ) {}

  add(r: DecisionRecord): void {
    const { lang } = this;
    countRecord(this.counts, r);
    this.firstVersion ??= r.catalog.version;
    if (r.unknownCriteria.length) {
      this.withUnknown++;
      for (const id of r.unknownCriteria) this.unknownIds.add(id);
    }
    if (r.synthetic) this.synthetic = true;
    if (!this.keepRows) return;
    const edition = editionOf(r.catalog.version, this.draft);
    this.rows.push({
      code: r.commune.code,
      commune: r.commune.name,
      province: provinceByCode(r.commune.provinceCode)?.name ?? r.commune.provinceCode,
      areaGroup: edition ? areaGroupName(edition, r.areaGroup, lang) : r.areaGroup,
      period: r.period,
      level: r.level.level,
      levelName: r.level.name[lang],
      possibleLevel: r.provisional ? r.possibleLevel : null,
      mandatoryGaps: r.gaps ? r.gaps.mandatory.length : null,
      extendedShortfall: r.gaps ? r.gaps.extended.shortfall : null,
      missing: r.missingCriteria.length,
      overlay: r.overlay?.id ?? null,
    });
  }

  /** The summary lines: counts per level, provisional, unknown criterion ids, the SYNTHETIC label. */
  summary(): string[] {
    const { lang } = this;
    const { counts: c } = this;
    const levels = levelsAscending(c);
    const edition = this.firstVersion ? editionOf(this.firstVersion, this.draft) : undefined;
    const counts = levels
      .map((l) => `${edition ? levelLabel(edition, l, lang) : l}: ${c.byLevel.get(l)?.communes}`)
      .join(', ');
    const out = [
      lang === 'vi'
        ? `${c.total} đánh giá — ${counts}; ${c.provisional} tạm tính (thiếu số liệu có thể đổi mức).`
        : `${c.total} assessments — ${counts}; ${c.provisional} provisional (missing data could change the level).`,
    ];
    if (this.withUnknown) {
      const ids = [...this.unknownIds].sort();
      out.push(
        lang === 'vi'
          ? `${this.withUnknown} đánh giá có quan sát cho mã tiêu chí không có trong bộ tiêu chí (không dùng để xếp mức): ${ids.join(', ')}`
          : `${this.withUnknown} assessments have observations for criterion ids outside the catalog (not used for the level): ${ids.join(', ')}`,
      );
    }
    if (this.synthetic) out.push(SYNTHETIC_LABEL[lang]);
    return out;
  }
}

const dash = (v: unknown) => (v === null ? '' : String(v));

/** The decision table (one row per commune) with the summary after it. */
export function decisionTable(tally: DecisionTally, extra: string[] = []): Report {
  return {
    sections: [
      {
        table: {
          columns: [
            { key: 'code', header: t('Mã xã', 'Code') },
            { key: 'commune', header: t('Đơn vị', 'Commune') },
            { key: 'province', header: t('Tỉnh', 'Province') },
            { key: 'areaGroup', header: t('Nhóm địa bàn', 'Area group') },
            { key: 'period', header: t('Kỳ', 'Period') },
            { key: 'level', header: t('Mức', 'Level'), align: 'right' },
            { key: 'levelName', header: t('Tên mức', 'Level name') },
            { key: 'possibleLevel', header: t('Có thể đạt', 'Possible'), align: 'right', display: dash },
            {
              key: 'mandatoryGaps',
              header: t('Thiếu bắt buộc', 'Mandatory gaps'),
              align: 'right',
              display: dash,
            },
            {
              key: 'extendedShortfall',
              header: t('Thiếu mở rộng', 'Extended short'),
              align: 'right',
              display: dash,
            },
            { key: 'missing', header: t('Thiếu số liệu', 'Missing data'), align: 'right' },
            { key: 'overlay', header: t('Bổ sung tỉnh', 'Overlay'), display: dash },
          ],
          rows: tally.rows,
        },
      },
    ],
    summary: [...tally.summary(), ...extra],
  };
}

/** The decision records as a report: one row per commune, then the count per level. */
export function decisionReport(records: readonly DecisionRecord[], lang: Lang): Report {
  const tally = new DecisionTally(lang, true);
  for (const r of records) tally.add(r);
  return { ...decisionTable(tally), json: records };
}

/** Writes decision records as they are decided: NDJSON lines, or a JSON array written `[`, items, `]`. */
function recordWriter(sink: Sink, format: 'json' | 'ndjson') {
  let n = 0;
  return {
    async write(r: DecisionRecord) {
      const line = JSON.stringify(r);
      await sink.write(format === 'ndjson' ? `${line}\n` : `${n === 0 ? '[\n' : ',\n'}${line}`);
      n++;
    },
    async end() {
      if (format === 'json') await sink.write(n === 0 ? '[]\n' : '\n]\n');
    },
  };
}

/** How many records are decided together (one `tryAssessMany` call): bounds memory, keeps the fast path. */
const BATCH = 256;

/** Options of {@link assessStream}. */
export interface AssessStreamOptions {
  assess: AssessOptions;
  /** Accept commune codes outside the shipped list (a warning instead of an error). */
  allowUnlisted: boolean;
  /** Each decided record, in input order. */
  onRecord(record: DecisionRecord): Promise<void> | void;
  /** The located problems of one bad record (or unreadable file). */
  onInvalid(issues: LocatedIssue[]): Promise<void> | void;
  /** Located warnings of one record that was still decided. */
  onWarning(issues: LocatedIssue[]): Promise<void> | void;
}

/**
 * Decide every record of a stream, a batch at a time: a bad record is reported (located in its file) and
 * skipped, every good one is decided and passed on in input order. Returns how many records were read
 * and how many were invalid.
 */
export async function assessStream(
  items: AsyncIterable<import('../inputs').StreamItem>,
  options: AssessStreamOptions,
): Promise<{ read: number; invalid: number }> {
  let read = 0;
  let invalid = 0;
  let pending: SourceRecord[] = [];
  const prefixed = (issues: readonly ValidationIssue[], prefix: string) =>
    issues.map((i) => ({ ...i, path: i.path ? `${prefix}.${i.path}` : prefix }));

  const flush = async () => {
    const batch = pending;
    pending = [];
    if (!batch.length) return;
    const problems: ValidationIssue[][] = batch.map(() => []);
    const warnings: ValidationIssue[][] = batch.map(() => []);
    let r = tryAssessMany(
      batch.map((s) => s.value),
      options.assess,
    );
    let decided: Array<DecisionRecord | undefined>;
    if (r.ok) decided = r.value;
    else {
      for (const issue of r.issues) {
        // Every per-record problem carries its record number; anything else concerns the whole run.
        if (issue.record === undefined) throw new InputError([{ issue }]);
        problems[issue.record - 1]!.push({ ...issue, record: undefined });
      }
      const good = batch.map((_, i) => i).filter((i) => problems[i]!.length === 0);
      r = tryAssessMany(
        good.map((i) => batch[i]!.value),
        options.assess,
      );
      // The good ones were each valid alone, so they are valid together.
      if (!r.ok) throw new Error('assess: a record valid on its own failed in its batch');
      decided = batch.map(() => undefined);
      good.forEach((i, k) => {
        decided[i] = (r as { value: DecisionRecord[] }).value[k];
      });
    }
    batch.forEach((s, i) => {
      const commune = (s.value as { commune?: unknown } | null)?.commune;
      const id = checkCommuneIdentity(commune, { allowUnlisted: options.allowUnlisted });
      problems[i]!.push(...prefixed(id.errors, 'commune'));
      warnings[i]!.push(...prefixed(id.warnings, 'commune'));
    });
    for (let i = 0; i < batch.length; i++) {
      const s = batch[i]!;
      if (problems[i]!.length) {
        invalid++;
        // At most ISSUES_PER_RECORD listed (and located) per record, the rest counted.
        await options.onInvalid(locateCapped(problems[i]!.map((issue) => [s, issue] as const)).issues);
        continue;
      }
      if (warnings[i]!.length)
        await options.onWarning(locateCapped(warnings[i]!.map((issue) => [s, issue] as const)).issues);
      await options.onRecord(decided[i]!);
    }
  };

  for await (const item of items) {
    read++;
    if (item.issues) {
      await flush();
      invalid++;
      await options.onInvalid(item.issues);
      continue;
    }
    pending.push(item.record);
    if (pending.length >= BATCH) await flush();
  }
  await flush();
  return { read, invalid };
}

/** "N of M invalid", the closing line of a batch with bad records (the same words as `cdsx kpi`). */
export function invalidLine(invalid: number, read: number, lang: Lang): string {
  return lang === 'vi'
    ? `${invalid} trong ${read} bản ghi không hợp lệ (đã báo ở trên, không được đánh giá); ${read - invalid} bản ghi hợp lệ đã được đánh giá.`
    : `${invalid} of ${read} records invalid (reported above, not assessed); the ${read - invalid} valid records were assessed.`;
}

/** `cdsx assess <file|dir|->` — decide each assessment's level and gaps. */
export const assessCommand: CommandDef = {
  path: ['assess'],
  args: '<file|dir|->',
  summary: t('đánh giá mức độ chuyển đổi số của các xã', "decide communes' digital-transformation levels"),
  details: t(
    'Đọc đánh giá dạng JSON (một đối tượng hoặc mảng) hoặc NDJSON (mỗi dòng một đánh giá); `-` là đầu vào chuẩn. ' +
      'NDJSON được đọc và ghi từng bản ghi (bộ nhớ không tăng theo kích thước tệp). ' +
      'Bản ghi lỗi được báo kèm tệp, dòng, cột và trường rồi bỏ qua; mọi bản ghi hợp lệ vẫn được đánh giá và ghi ra; ' +
      'cuối cùng in "N trong M bản ghi không hợp lệ" và thoát với mã 1. ' +
      'Mã xã được đối chiếu với danh sách đơn vị hành chính (mã, tên, tỉnh); --allow-unlisted-units chấp nhận đơn vị ngoài danh sách (cảnh báo). ' +
      '--format json in ra mảng các bản ghi quyết định, --format ndjson mỗi dòng một bản ghi.',
    'Reads assessments as JSON (one object or an array) or NDJSON (one per line); `-` is standard input. ' +
      'NDJSON is read and written one record at a time (memory does not grow with the file). ' +
      'A bad record is reported with its file, line, column and field and skipped; every valid record is still decided and written; ' +
      'the run ends with "N of M records invalid" and exit code 1. ' +
      'Commune codes are checked against the commune list (code, name, province); --allow-unlisted-units accepts units outside it (a warning). ' +
      '--format json prints an array of decision records, --format ndjson one record per line.',
  ),
  positionals: [1, 1],
  options: {
    catalog: CATALOG_OPTION,
    overlay: OVERLAY_OPTION,
    'allow-unlisted-units': {
      type: 'boolean',
      help: t(
        'chấp nhận mã xã không có trong danh sách đơn vị hành chính (báo cảnh báo)',
        'accept commune codes not in the commune list (reported as a warning)',
      ),
    },
  },
  formats: ['table', 'json', 'ndjson', 'csv', 'md', 'html', 'xlsx'],
  examples: [
    'cdsx assess packages/criteria/examples/valid/urban-ward-quarter.json',
    'cdsx dataset synthetic | cdsx assess - --format ndjson | head -n 3',
    'cdsx assess data/ --overlay hanoi.json --format csv --bom --out levels.csv',
    'cdsx assess data.ndjson --catalog drafts/2027.json',
  ],
  async run(ctx) {
    const catalog = str(ctx, 'catalog');
    const fixed = catalog ? await editionArg(ctx, catalog) : undefined;
    const overlays = await readOverlays(ctx, strs(ctx, 'overlay'), fixed);
    const streaming = ctx.format === 'json' || ctx.format === 'ndjson';
    const tally = new DecisionTally(ctx.lang, !streaming, fixed?.edition);
    const writer = streaming ? recordWriter(ctx.output(), ctx.format as 'json' | 'ndjson') : undefined;
    // At most ISSUES_PER_FILE problems listed per file over the whole stream; the rest counted at the end.
    const cap = new FileIssueCap();
    const report = (issues: LocatedIssue[]) => {
      const listed = cap.take(issues);
      if (listed.length) ctx.note(`${formatLocated(listed, ctx.errLang)}\n`);
    };
    const { read, invalid } = await assessStream(streamRecordInputs(ctx, ctx.positionals[0]!), {
      assess: { edition: fixed ?? EDITIONS, overlays },
      allowUnlisted: ctx.values['allow-unlisted-units'] === true,
      async onRecord(r) {
        tally.add(r);
        if (writer) await writer.write(r);
      },
      onInvalid: report,
      onWarning: report,
    });
    if (writer) await writer.end();
    const hidden = cap.rest();
    if (hidden.length) ctx.note(`${formatLocated(hidden, ctx.errLang)}\n`);
    const extra = invalid ? [invalidLine(invalid, read, ctx.lang)] : [];
    // With nothing decided there is no table to print: the summary goes with the problems, on stderr.
    if (streaming || tally.counts.total === 0) ctx.note(`${[...tally.summary(), ...extra].join('\n')}\n`);
    else ctx.emit(decisionTable(tally, extra));
    return invalid ? EXIT.invalid : EXIT.ok;
  },
};
