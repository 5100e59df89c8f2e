/**
 * @cdsx/kpi — KPI calculators for online public services (QĐ 766/QĐ-TTg and the 2026 national
 * targets), with Vietnam's public-sector working-day calendar and reporting periods in Vietnam
 * time. Browser-safe: file helpers live in `@cdsx/kpi/node`, test data in `@cdsx/kpi/testing`.
 *
 * @packageDocumentation
 */

/** Re-exported from `@cdsx/criteria` so readers' issues can be rendered without a second import. */
export { formatIssues, type ValidationIssue } from '@cdsx/criteria';
export * from './bridge';
export * from './calculators';
export * from './calendar/calendar';
export {
  type DateInput,
  dayNumber,
  type IsoDate,
  isoOfDay,
  parseIsoDay,
  VIETNAM_TIME_ZONE,
  vietnamDayOfInstant,
} from './calendar/days';
export * from './calendar/decisions';
export { type LunarDate, lunarToSolar, solarToLunar } from './calendar/lunar';
export * from './kpis';
export * from './period';
export * from './readers';
export * from './schemas';
