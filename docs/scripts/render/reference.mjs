// @ts-check
// The criteria reference: the editions index, one overview page per edition, one page per dimension.

import { formatNumber, formatRequirement, rankedLevels, sortedLevels } from '@cdsx/criteria';
import {
  cell,
  citation,
  code,
  criterionAnchor,
  date,
  kpiAnchor,
  localePrefix,
  nameOf,
  page,
  table,
} from './common.mjs';
import { T } from './text.mjs';

/** @typedef {import('@cdsx/criteria').Lang} Lang */
/** @typedef {import('@cdsx/criteria').CatalogEdition} CatalogEdition */
/** @typedef {import('@cdsx/criteria').Criterion} Criterion */
/** @typedef {import('@cdsx/criteria').Requirement} Requirement */
/** @typedef {{ readonly edition: CatalogEdition, readonly contentHash: string }} Published */
/**
 * What changed in an edition against the one before it.
 * @typedef {{ from: string, changes: { criterion: string | null, text: { vi: string, en: string } }[] }} EditionChanges
 */

/**
 * @param {Criterion} criterion
 * @param {Requirement | undefined} req
 * @param {Lang} lang
 */
function requirementCell(criterion, req, lang) {
  const t = T[lang];
  if (!req || req.kind === 'not_applicable') return `— *${t.notApplicable}*`;
  const kind = req.kind === 'mandatory' ? `**${t.mandatory}**` : t.extended;
  return `${kind} ${cell(formatRequirement(req.comparison, req.threshold, criterion, lang))}`;
}
/**
 * @param {Criterion} c
 * @param {CatalogEdition} edition
 * @param {Lang} lang
 */
function renderCriterion(c, edition, lang) {
  const t = T[lang];
  const out = [];
  out.push(`## ${c.id} · ${cell(c.title[lang])} {#${criterionAnchor(c.id)}}`);
  out.push(c.description[lang]);
  /** @type {[string, string][]} */
  const facts = [
    [t.id, code(c.id)],
    [t.pillar, cell(nameOf(edition.pillars, c.pillar, lang))],
    [t.measure, `${t.measureName[c.measure]} (${code(c.measure)})`],
    [t.unit, c.unit ? cell(c.unit[lang]) : t.noUnit],
    [t.dataSource, `${t.dataSourceName[c.dataSource]} (${code(c.dataSource)})`],
  ];
  if (c.kpi) facts.push([t.kpi, `[${code(c.kpi)}](${localePrefix(lang)}/kpi/#${kpiAnchor(c.kpi)})`]);
  out.push(
    table(
      [t.field, t.value],
      facts.map(([k, v]) => [`**${k}**`, v]),
    ),
  );
  if (c.scale) {
    out.push(`**${t.scale}**`);
    out.push(
      table(
        [t.value, t.label],
        c.scale.map((p) => [String(p.value), cell(p.label[lang])]),
      ),
    );
  }
  out.push(`**${t.requirements}**`);
  const levels = rankedLevels(edition);
  out.push(
    table(
      [t.areaGroup, ...levels.map((l) => `${t.level} ${l.level} · ${l.name[lang]}`)],
      edition.areaGroups.map((g) => [
        cell(g.name[lang]),
        ...levels.map((l) => requirementCell(c, c.requirements[g.id][String(l.level)], lang)),
      ]),
    ),
  );
  if (c.thresholdBasis) out.push(`**${t.thresholdBasis}.** ${c.thresholdBasis[lang]}`);
  out.push(`**${t.evidence}.** ${c.evidence[lang]}`);
  out.push(`**${t.remediation}.** ${c.remediation[lang]}`);
  out.push(`**${t.sources}**\n\n${c.sources.map((s) => `- ${citation(s, lang)}`).join('\n')}`);
  return out.join('\n\n');
}

/**
 * @param {Published} published
 * @param {{ id: string }} dim
 * @param {Lang} lang
 */
export function renderDimensionPage(published, dim, lang) {
  const { edition } = published;
  const t = T[lang];
  const entry = edition.dimensions.find((d) => d.id === dim.id);
  if (!entry) throw new Error(`renderDimensionPage: no dimension ${dim.id} in edition ${edition.version}`);
  const criteria = edition.criteria.filter((c) => c.dimension === dim.id);
  const body = [
    `# ${entry.name[lang]} · ${edition.version}`,
    t.dimensionIntro(entry.name[lang], edition.version) +
      (entry.description ? ` ${entry.description[lang]}` : ''),
    edition.status === 'draft' ? `::: warning\n${t.draftWarning}\n:::` : '',
    table(
      [t.id, t.criterion, t.measure],
      criteria.map((c) => [
        `[${code(c.id)}](#${criterionAnchor(c.id)})`,
        cell(c.title[lang]),
        t.measureName[c.measure],
      ]),
    ),
    ...criteria.map((c) => renderCriterion(c, edition, lang)),
  ].filter(Boolean);
  return page({ title: `${entry.name[lang]} · ${edition.version}`, outline: [2, 2] }, body.join('\n\n'));
}

/**
 * @param {Published} published
 * @param {boolean} isLatest
 * @param {EditionChanges | undefined} changes
 * @param {Lang} lang
 */
export function renderEditionPage(published, isLatest, changes, lang) {
  const { edition, contentHash } = published;
  const t = T[lang];
  const v = edition.version;
  const doc = edition.issuingDocument;
  const levelShare = rankedLevels(edition)
    .map(
      (l) =>
        `${t.level} ${l.level}: ${formatNumber(edition.levelRule.extendedSharePercent[String(l.level)] ?? 0, lang)}%`,
    )
    .join(', ');
  const body = [
    `# ${t.edition} ${v}${isLatest ? ` (${t.latest})` : ''}`,
    `**${edition.title[lang]}**`,
    edition.status === 'draft' ? `::: warning\n${t.draftWarning}\n:::` : '',
    table(
      ['', ''],
      /** @type {[string, string][]} */ ([
        [t.editionId, code(edition.id)],
        [t.version, code(v)],
        [t.status, `${t.statusName[edition.status]} (${code(edition.status)})`],
        [t.effectiveDate, date(edition.effectiveDate, lang)],
        [t.issuingDocument, citation(doc, lang)],
        [t.criteriaCount, String(edition.criteria.length)],
        [t.contentHash, code(contentHash)],
        [t.permalink, code(`@cdsx/criteria/editions/${v}`)],
        [t.jsonSchema, code(`@cdsx/criteria/schema/assessment-${v}.json`)],
      ]).map(([k, val]) => [`**${k}**`, val]),
    ),
    `## ${t.basis}`,
    edition.basis[lang],
    ...(changes
      ? [
          `## ${t.changesSince(changes.from)} {#changes}`,
          changes.changes.length
            ? changes.changes
                .map((c) => {
                  const id = c.criterion;
                  const target = id ? edition.criteria.find((x) => x.id === id) : undefined;
                  const link =
                    id && target ? `[${code(id)}](./${target.dimension}.md#${criterionAnchor(id)}): ` : '';
                  return `- ${link}${cell(c.text[lang])}`;
                })
                .join('\n')
            : t.noChanges,
        ]
      : []),
    `## ${t.levels}`,
    table(
      [t.level, t.levelName, t.description],
      sortedLevels(edition).map((l) => [String(l.level), cell(l.name[lang]), cell(l.description[lang])]),
    ),
    `## ${t.levelRule} {#level-rule}`,
    `${code(edition.levelRule.kind)}. ${t.levelRuleText(levelShare)}`,
    `## ${t.areaGroups}`,
    table(
      [t.id, t.areaGroup, t.description],
      edition.areaGroups.map((g) => [
        code(g.id),
        cell(g.name[lang]),
        g.description ? cell(g.description[lang]) : '',
      ]),
    ),
    `## ${t.dimensions}`,
    table(
      [t.id, t.dimension, t.criteriaCount],
      edition.dimensions.map((d) => [
        code(d.id),
        `[${cell(d.name[lang])}](./${d.id}.md)`,
        String(edition.criteria.filter((c) => c.dimension === d.id).length),
      ]),
    ),
    `## ${t.pillars}`,
    table(
      [t.id, t.pillar],
      edition.pillars.map((p) => [code(p.id), cell(p.name[lang])]),
    ),
    `## ${t.allCriteria}`,
    table(
      [t.id, t.criterion, t.dimension, t.measure, t.kpi],
      edition.criteria.map((c) => [
        `[${code(c.id)}](./${c.dimension}.md#${criterionAnchor(c.id)})`,
        cell(c.title[lang]),
        cell(nameOf(edition.dimensions, c.dimension, lang)),
        t.measureName[c.measure],
        c.kpi ? `[${code(c.kpi)}](${localePrefix(lang)}/kpi/#${kpiAnchor(c.kpi)})` : '',
      ]),
    ),
    `## ${t.sources}`,
    edition.sources.map((s) => `- ${citation(s, lang)}`).join('\n'),
  ].filter(Boolean);
  return page({ title: `${t.edition} ${v}` }, body.join('\n\n'));
}

/**
 * @param {readonly Published[]} editions
 * @param {Lang} lang
 * @param {Published | undefined} latest
 */
export function renderReferenceIndex(editions, lang, latest = editions.at(-1)) {
  const t = T[lang];
  const rows = [...editions].reverse().map((p) => {
    const e = p.edition;
    return [
      `[${code(e.version)}](./${e.version}/index.md)${p === latest ? ` (${t.latest})` : ''}`,
      `${t.statusName[e.status]}`,
      cell(e.title[lang]),
      date(e.effectiveDate, lang),
      String(e.criteria.length),
      code(p.contentHash),
    ];
  });
  const body = [
    `# ${t.editions}`,
    t.editionsIntro,
    table([t.version, t.status, t.title, t.effectiveDate, t.criteriaCount, t.contentHash], rows),
  ];
  return page({ title: t.editions }, body.join('\n\n'));
}
