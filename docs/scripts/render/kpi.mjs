// @ts-check
// The KPI definitions page and the working-day calendar page.

import { comparisonSymbol, formatNumber } from '@cdsx/criteria';
import { cell, citation, code, criterionAnchor, date, kpiAnchor, page, table, weekdayOf } from './common.mjs';
import { T } from './text.mjs';

/** @typedef {import('@cdsx/criteria').Lang} Lang */
/** @typedef {{ readonly edition: import('@cdsx/criteria').CatalogEdition, readonly contentHash: string }} Published */
/**
 * The KPI data: ids in display order, definitions and targets by id.
 * @typedef {{ ids: readonly string[], definitions: Readonly<Record<string, import('@cdsx/kpi').KpiDefinition>>,
 *   targets: Readonly<Record<string, readonly import('@cdsx/kpi').KpiTarget[]>> }} KpiData
 */
/**
 * The calendar data: statutory rules, their sources, official decisions, and the computed days.
 * @typedef {{ holidays: readonly { name: import('@cdsx/criteria').LocalizedText, rule: import('@cdsx/criteria').LocalizedText }[],
 *   ruleSources: readonly import('@cdsx/kpi').CalendarCitation[],
 *   decisions: readonly import('@cdsx/kpi').CalendarDecision[],
 *   daysOff(year: number): import('@cdsx/kpi').DayOff[],
 *   workingWeekendDays(year: number): string[] }} CalendarData
 */

/**
 * @param {KpiData} kpi
 * @param {readonly Published[]} editions
 * @param {Lang} lang
 * @param {Published | undefined} latestPublished
 */
export function renderKpiPage(kpi, editions, lang, latestPublished = editions.at(-1)) {
  const t = T[lang];
  if (!latestPublished) throw new Error('renderKpiPage: no edition');
  const latest = latestPublished.edition;
  /** @param {string} id */
  const definitionOf = (id) => {
    const d = kpi.definitions[id];
    if (!d) throw new Error(`renderKpiPage: no definition for KPI ${id}`);
    return d;
  };
  const usedBy = (/** @type {string} */ id) =>
    latest.criteria
      .filter((c) => c.kpi === id)
      .map(
        (c) => `[${code(c.id)}](../reference/${latest.version}/${c.dimension}.md#${criterionAnchor(c.id)})`,
      );
  const targetText = (/** @type {import('@cdsx/kpi').KpiTarget} */ tg) =>
    `${comparisonSymbol(tg.comparison)} ${formatNumber(tg.value, lang)}% (${tg.horizon}) — ${citation(tg.citation, lang)}`;
  const summary = table(
    [t.kpi, t.title, t.target],
    kpi.ids.map((id) => {
      const d = definitionOf(id);
      const targets = kpi.targets[id] ?? [];
      return [
        `[${code(id)}](#${kpiAnchor(id)})`,
        cell(d.name[lang]),
        targets.length
          ? targets
              .map((tg) => `${comparisonSymbol(tg.comparison)} ${formatNumber(tg.value, lang)}%`)
              .join(', ')
          : '—',
      ];
    }),
  );
  const sections = kpi.ids.map((id) => {
    const d = definitionOf(id);
    const targets = kpi.targets[id] ?? [];
    const used = usedBy(id);
    return [
      `## ${cell(d.name[lang])} {#${kpiAnchor(id)}}`,
      table(
        ['', ''],
        /** @type {[string, string][]} */ ([
          [t.id, code(id)],
          [t.subject, t.subjectName[d.subject]],
          [
            t.formula,
            `100 × (${t.numerator.toLowerCase()}: ${cell(d.numerator[lang])}) / (${t.denominator.toLowerCase()}: ${cell(d.denominator[lang])})`,
          ],
          [t.whenEmpty, t.whenEmptyName[d.whenEmpty]],
          [t.source, citation(d.source, lang)],
        ]).map(([k, v]) => [`**${k}**`, v]),
      ),
      `**${t.targets}**`,
      targets.length ? targets.map((tg) => `- ${targetText(tg)}`).join('\n') : t.noTargets,
      `**${t.usedBy} (${latest.version})**: ${used.length ? used.join(', ') : t.usedByNone}`,
    ].join('\n\n');
  });
  const body = [`# ${t.kpiTitle}`, t.kpiIntro, `## ${t.kpiSummary}`, summary, ...sections];
  return page({ title: t.kpiTitle, outline: [2, 2] }, body.join('\n\n'));
}

/**
 * @param {CalendarData} cal
 * @param {Lang} lang
 */
export function renderCalendarPage(cal, lang) {
  const t = T[lang];
  const days = (/** @type {readonly string[]} */ list) =>
    list.length ? list.map((d) => `${date(d, lang)} (${t.weekday[weekdayOf(d)]})`).join(', ') : '—';
  const years = [...new Set(cal.decisions.map((d) => d.year))].sort((a, b) => a - b);
  const body = [
    `# ${t.calendarTitle}`,
    t.calendarIntro,
    `## ${t.statutory}`,
    table(
      [t.holiday, t.rule],
      cal.holidays.map((h) => [cell(h.name[lang]), cell(h.rule[lang])]),
    ),
    `## ${t.ruleSources}`,
    cal.ruleSources.map((s) => `- ${citation(s, lang)}`).join('\n'),
    `## ${t.decisions} {#decisions}`,
    t.decisionsIntro,
    table(
      [t.year, t.document, t.daysOff, t.workingDays, t.replaces, t.summary, t.verification],
      cal.decisions.map((d) => [
        String(d.year),
        citation(d.source, lang),
        days(d.daysOff),
        days(d.workingDays),
        d.replaces ? t.replacesName[d.replaces] : '—',
        cell(d.summary[lang]),
        code(d.verification),
      ]),
    ),
    ...years.flatMap((y) => {
      const off = cal.daysOff(y);
      const working = cal.workingWeekendDays(y);
      return [
        `## ${t.daysOffByYear(y)} {#days-off-${y}}`,
        t.daysOffIntro,
        table(
          [t.date, t.kind, t.name],
          off.map((o) => [
            `${date(o.date, lang)} (${t.weekday[weekdayOf(o.date)]})`,
            t.kindName[o.kind],
            o.kind === 'decision' && o.document
              ? `[${t.decisionRef(code(o.document))}](#decisions)`
              : cell(o.name[lang]),
          ]),
        ),
        `**${t.workingWeekend}:** ${working.length ? days(working) : t.none}`,
      ];
    }),
  ];
  return page({ title: t.calendarTitle, outline: [2, 2] }, body.join('\n\n'));
}
