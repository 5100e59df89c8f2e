import type {
  AreaGroup,
  CatalogEdition,
  Comparison,
  Dimension,
  LocalizedText,
  ParseResult,
  UnitType,
} from '@cdsx/criteria';
import { fullName, provinceByCode } from '@cdsx/criteria/communes';
import { getEdition } from '@cdsx/criteria/editions';
import { type DecisionRecord, type GapItem, recordCatalog } from '@cdsx/rules';

/** One requirement still to meet for the next level, with what to do about it. */
export interface GapReportItem {
  criterion: string;
  title: LocalizedText;
  dimension: Dimension | null;
  outcome: 'not_met' | 'not_available';
  observed: number | boolean | null;
  comparison: Comparison;
  threshold: number | boolean;
  /** Distance to the threshold in the criterion's unit (`null` for a boolean not met or missing data). */
  gap: number | null;
  unit: LocalizedText | null;
  /** Việc cần làm — from the edition (by criterion id), not from the decision record. */
  remediation: LocalizedText;
}

/** A criterion without data (chưa có số liệu) and whether supplying it could change the level. */
export interface GapReportMissing {
  criterion: string;
  title: LocalizedText;
  /** True when the criterion is among the record's `missingCriteria` (it could raise the level). */
  couldChangeLevel: boolean;
}

/**
 * Báo cáo đánh giá — what one commune's decision means, as plain data: where it stands, what the next
 * level needs (failed mandatory first, then the extended shortfall with the closest candidates), what is
 * missing, and which edition decided it. Rendered by {@link renderGapReportMarkdown} and
 * {@link renderGapReportHtml}; the same model feeds every other renderer (CLI tables, the web app).
 */
export interface GapReport {
  reportVersion: 1;
  commune: {
    code: string;
    name: string;
    /** `Xã Mường Tè`, `Phường Ba Đình`. */
    fullName: string;
    provinceCode: string;
    /** `Tỉnh Lai Châu`; `null` when the code is not in the shipped list. */
    provinceName: string | null;
    unitType: UnitType;
  };
  areaGroup: { id: AreaGroup; name: LocalizedText };
  period: string;
  synthetic: boolean;
  level: { level: number; name: LocalizedText };
  provisional: boolean;
  possibleLevel: number;
  nextLevel: { level: number; name: LocalizedText } | null;
  /** Failed mandatory requirements of the next level (missing data counts as failed). */
  mandatory: GapReportItem[];
  extended: {
    applicable: number;
    required: number;
    met: number;
    shortfall: number;
    /** How many extended requirements are not met in all (the list below is the closest few). */
    candidatesTotal: number;
    candidates: GapReportItem[];
  } | null;
  /** Criteria with no data in this assessment (catalog order). */
  missing: GapReportMissing[];
  catalog: { id: string; version: string; contentHash: string; status: 'draft' | 'issued' };
  engine: { name: string; version: string };
  /** Ngày lập báo cáo, `YYYY-MM-DD` (Vietnam time). */
  reportDate: string;
}

/** Options of {@link buildGapReport}. */
export interface GapReportOptions {
  /**
   * The edition the record was decided with (a draft edition file, say). Default: the published edition
   * named by the record's catalog version. Either way its id and content hash must match the record's.
   */
  edition?: { edition: CatalogEdition; contentHash: string };
  /**
   * Province overlays (JSON as read): the one the record names (by content hash) is applied so that the
   * province's own criteria show with their titles and remediation. A record that names an overlay not
   * given here is refused (`overlay_not_given`).
   */
  overlays?: readonly unknown[];
  /** How many extended candidates to list (closest first). Default 5. */
  maxCandidates?: number;
  /** The report date, `YYYY-MM-DD`. Default: today in Asia/Ho_Chi_Minh. */
  reportDate?: string;
}

/** Today's date in Vietnam (Asia/Ho_Chi_Minh), `YYYY-MM-DD`, whatever the machine's time zone. */
export function todayInVietnam(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Ho_Chi_Minh',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/**
 * Build the gap report of one decision record. Titles and remediation come from the record's edition by
 * criterion id. Fails (located, vi + en) when that edition is unknown or is not the one the record names.
 *
 * @example
 * const r = buildGapReport(assess(assessment, { edition }), { reportDate: '2026-05-04' });
 * if (r.ok) console.log(renderGapReportMarkdown(r.value, 'vi'));
 */
export function buildGapReport(
  record: DecisionRecord,
  options: GapReportOptions = {},
): ParseResult<GapReport> {
  let published = options.edition;
  if (!published) {
    const found = getEdition(record.catalog.version);
    if (!found.ok) return found;
    published = found.value;
  }
  // Titles, units and remediation come from the edition the record names, with its overlay applied.
  const catalog = recordCatalog(record, published, options.overlays);
  if (!catalog.ok) return catalog;
  const { edition } = catalog.value;
  const byId = new Map(edition.criteria.map((c) => [c.id, c]));
  const title = (id: string): LocalizedText => byId.get(id)?.title ?? { vi: id, en: id };
  const item = (g: GapItem): GapReportItem => {
    const c = byId.get(g.criterion);
    return {
      criterion: g.criterion,
      title: title(g.criterion),
      dimension: c?.dimension ?? null,
      outcome: g.outcome,
      observed: g.observed,
      comparison: g.comparison,
      threshold: g.threshold,
      gap: g.gap,
      unit: g.unit,
      remediation: c?.remediation ?? { vi: '—', en: '—' },
    };
  };
  const could = new Set(record.missingCriteria);
  const missingIds: string[] = [];
  const seen = new Set<string>();
  for (const f of record.findings) {
    if (f.outcome === 'not_available' && !seen.has(f.criterion)) {
      seen.add(f.criterion);
      missingIds.push(f.criterion);
    }
  }
  const c = record.commune;
  const province = provinceByCode(c.provinceCode);
  const max = options.maxCandidates ?? 5;
  const gaps = record.gaps;
  return {
    ok: true,
    value: {
      reportVersion: 1,
      commune: {
        code: c.code,
        name: c.name,
        fullName: fullName({ ...c, areaGroup: record.areaGroup }),
        provinceCode: c.provinceCode,
        provinceName: province ? fullName(province) : null,
        unitType: c.unitType,
      },
      areaGroup: {
        id: record.areaGroup,
        name: edition.areaGroups.find((g) => g.id === record.areaGroup)?.name ?? {
          vi: record.areaGroup,
          en: record.areaGroup,
        },
      },
      period: record.period,
      synthetic: record.synthetic,
      level: { level: record.level.level, name: record.level.name },
      provisional: record.provisional,
      possibleLevel: record.possibleLevel,
      nextLevel: record.nextLevel ? { level: record.nextLevel.level, name: record.nextLevel.name } : null,
      mandatory: gaps ? gaps.mandatory.map(item) : [],
      extended: gaps
        ? {
            applicable: gaps.extended.applicable,
            required: gaps.extended.required,
            met: gaps.extended.met,
            shortfall: gaps.extended.shortfall,
            candidatesTotal: gaps.extended.candidates.length,
            candidates: gaps.extended.shortfall ? gaps.extended.candidates.slice(0, max).map(item) : [],
          }
        : null,
      missing: missingIds.map((id) => ({ criterion: id, title: title(id), couldChangeLevel: could.has(id) })),
      catalog: { ...record.catalog, status: edition.status },
      engine: { name: record.engine.name, version: record.engine.version },
      reportDate: options.reportDate ?? todayInVietnam(),
    },
  };
}
