/**
 * @cdsx/kpi — KPI calculators for online public services (QĐ 766/QĐ-TTg and the 2026 national
 * targets), with Vietnam's public-sector working-day calendar and reporting periods in Vietnam
 * time. Every dossier KPI is one definition ({@link DOSSIER_KPI_SPECS}) run in JavaScript (the
 * accumulators below) or pushed down as SQL ({@link dossierKpiSql}; executors in `@cdsx/kpi/node`).
 * Browser-safe: file helpers and SQL executors live in `@cdsx/kpi/node`, test data in `@cdsx/kpi/testing`.
 *
 * The list is explicit: what a vendor needs, nothing internal.
 *
 * @packageDocumentation
 */

export { type KpiObservations, kpiObservations, type UnavailableKpi } from './bridge';
export {
  computeDossierKpis,
  computeFeedbackKpis,
  computeProcedureKpis,
  dossierKpiAccumulator,
  feedbackKpiAccumulator,
  type GroupDimension,
  type GroupedKpiAccumulator,
  type GroupKey,
  type GroupOptions,
  type GroupResult,
  isDossierOnTime,
  isFeedbackOnTime,
} from './calculators';
export {
  addWorkingDays,
  CALENDAR_FIRST_YEAR,
  CALENDAR_LAST_YEAR,
  type DayOff,
  dueDate,
  isWorkingDay,
  vietnamCalendar,
  WorkingDayCalendar,
  workingDaysBetween,
} from './calendar/calendar';
export {
  type DateInput,
  dayNumber,
  type IsoDate,
  isoOfDay,
  parseIsoDay,
  VIETNAM_TIME_ZONE,
  vietnamDayOfInstant,
} from './calendar/days';
export {
  CALENDAR_RULE_SOURCES,
  type CalendarCitation,
  type CalendarDecision,
  OFFICIAL_CALENDAR_DECISIONS,
  STATUTORY_HOLIDAYS,
} from './calendar/decisions';
export { type LunarDate, lunarToSolar, solarToLunar } from './calendar/lunar';
export { groupsFromCounts, type KpiCounts, mergeKpiCounts } from './counts';
export {
  DOSSIER_KPI_SPECS,
  type DossierKpiField,
  type DossierKpiSpec,
  type DossierPredicate,
  ON_TIME_RULE,
} from './definitions';
export {
  type Citation,
  formatKpiValue,
  KPI_DEFINITIONS,
  KPI_IDS,
  KPI_TARGETS,
  type KpiDefinition,
  type KpiId,
  type KpiResult,
  type KpiSubject,
  type KpiTarget,
  kpiResult,
  type TargetCheck,
} from './kpis';
export { type PeriodKind, parsePeriod, periodOf, type ReportingPeriod } from './period';
export {
  type DuplicateRecord,
  dossierFromCsvRow,
  linesFromChunks,
  type NumberedLine,
  type ReadOptions,
  type RecordReader,
  RecordValidator,
  type RejectionSummary,
  readDossiers,
  readFeedbackCases,
  readProcedures,
  type TextSource,
} from './readers';
export {
  CHANNELS,
  DOSSIER_FIELDS,
  DOSSIER_STATUSES,
  DOSSIER_YEARS,
  type Dossier,
  type DossierField,
  DossierSchema,
  FEEDBACK_OUTCOMES,
  type FeedbackCase,
  FeedbackCaseSchema,
  InstantSchema,
  ONLINE_MODES,
  ONLINE_SERVICE_LEVELS,
  PROCEDURE_LEVELS,
  type Procedure,
  ProcedureSchema,
  RATINGS,
  RealDateSchema,
  type SupplementRequest,
  SupplementRequestSchema,
} from './schemas';
export {
  type ColumnMapping,
  countsFromSqlRows,
  type DossierKpiSqlOptions,
  dossierKpiSql,
  NDJSON_DUCKDB_MAPPING,
  parseColumnMapping,
  SQL_FIELDS,
  type SqlDialect,
  type SqlField,
} from './sql';
