import type { CatalogEdition, Criterion, Requirement } from '../src/model';

const t = (vi: string, en: string) => ({ vi, en });
const req = (
  kind: 'mandatory' | 'extended',
  comparison: '>=' | '<=' | '=',
  threshold: number | boolean,
): Requirement => ({
  kind,
  comparison,
  threshold,
});

/** A small, lint-clean criterion; tests break copies of it on purpose. */
export function makeCriterion(id: string, overrides: Partial<Criterion> = {}): Criterion {
  return {
    id,
    dimension: 'infrastructure',
    pillar: 'digital_government',
    title: t(`Tiêu chí ${id}`, `Criterion ${id}`),
    description: t('Mô tả', 'Description'),
    measure: 'percentage',
    unit: t('%', '%'),
    requirements: {
      urban: {
        '1': req('mandatory', '>=', 60),
        '2': req('mandatory', '>=', 80),
        '3': req('mandatory', '>=', 90),
      },
      rural: {
        '1': req('extended', '>=', 50),
        '2': req('mandatory', '>=', 70),
        '3': req('mandatory', '>=', 85),
      },
      remote: {
        '1': { kind: 'not_applicable' },
        '2': req('extended', '>=', 50),
        '3': req('mandatory', '>=', 70),
      },
    },
    sources: [{ document: '766/QĐ-TTg', date: '2022-06-23', article: '§2.1' }],
    evidence: t('Báo cáo', 'Report'),
    dataSource: 'self_declared',
    remediation: t('Khắc phục', 'Fix it'),
    ...overrides,
  };
}

const DIMS = [
  'infrastructure',
  'data',
  'platforms',
  'services',
  'standards',
  'cybersecurity',
  'operations',
  'processes',
  'business',
  'resources',
] as const;

/** A small, lint-clean edition with one criterion per dimension plus a boolean and an ordinal one. */
export function makeEdition(overrides: Partial<CatalogEdition> = {}): CatalogEdition {
  const criteria: Criterion[] = DIMS.map((d, i) =>
    makeCriterion(`T.${String(i + 1).padStart(2, '0')}`, { dimension: d }),
  );
  criteria.push(
    makeCriterion('T.20', {
      measure: 'boolean',
      unit: null,
      requirements: {
        urban: {
          '1': req('mandatory', '=', true),
          '2': req('mandatory', '=', true),
          '3': req('mandatory', '=', true),
        },
        rural: {
          '1': req('mandatory', '=', true),
          '2': req('mandatory', '=', true),
          '3': req('mandatory', '=', true),
        },
        remote: {
          '1': req('extended', '=', true),
          '2': req('mandatory', '=', true),
          '3': req('mandatory', '=', true),
        },
      },
    }),
    makeCriterion('T.21', {
      measure: 'ordinal',
      unit: null,
      scale: [
        { value: 0, label: t('Không', 'None') },
        { value: 1, label: t('Một phần', 'Partial') },
        { value: 2, label: t('Đầy đủ', 'Full') },
      ],
      requirements: {
        urban: {
          '1': req('extended', '>=', 1),
          '2': req('mandatory', '>=', 1),
          '3': req('mandatory', '>=', 2),
        },
        rural: {
          '1': req('extended', '>=', 1),
          '2': req('extended', '>=', 1),
          '3': req('mandatory', '>=', 2),
        },
        remote: {
          '1': { kind: 'not_applicable' },
          '2': req('extended', '>=', 1),
          '3': req('mandatory', '>=', 1),
        },
      },
    }),
    makeCriterion('T.22', {
      measure: 'number',
      unit: t('ngày', 'days'),
      requirements: {
        urban: {
          '1': req('extended', '<=', 10),
          '2': req('mandatory', '<=', 5),
          '3': req('mandatory', '<=', 3),
        },
        rural: {
          '1': req('extended', '<=', 10),
          '2': req('mandatory', '<=', 7),
          '3': req('mandatory', '<=', 5),
        },
        remote: {
          '1': req('extended', '<=', 15),
          '2': req('extended', '<=', 10),
          '3': req('mandatory', '<=', 7),
        },
      },
    }),
  );
  return {
    id: 'test-edition',
    version: '9.0.0',
    status: 'draft',
    title: t('Bộ thử', 'Test edition'),
    issuingDocument: {
      document: '1869/BKHCN-CĐSQG',
      date: '2026-03-30',
      issuer: t('Bộ Khoa học và Công nghệ', 'Ministry of Science and Technology'),
    },
    effectiveDate: '2026-04-01',
    basis: t('Dữ liệu thử', 'Test data'),
    sources: [{ document: '1869/BKHCN-CĐSQG', date: '2026-03-30' }],
    areaGroups: [
      { id: 'urban', name: t('Đô thị', 'Urban') },
      { id: 'rural', name: t('Nông thôn', 'Rural') },
      { id: 'remote', name: t('Miền núi, biên giới, hải đảo', 'Mountain, border, island') },
    ],
    dimensions: DIMS.map((id) => ({ id, name: t(id, id) })),
    pillars: [
      { id: 'digital_government', name: t('Chính quyền số', 'Digital government') },
      { id: 'digital_economy', name: t('Kinh tế số', 'Digital economy') },
      { id: 'digital_society', name: t('Xã hội số', 'Digital society') },
    ],
    levels: [0, 1, 2, 3].map((level) => ({
      level,
      name: t(`Mức ${level}`, `Level ${level}`),
      description: t('…', '…'),
    })),
    levelRule: { kind: 'mandatory_and_extended_share', extendedSharePercent: { '1': 30, '2': 30, '3': 30 } },
    criteria,
    ...overrides,
  };
}

/** A deep copy to break on purpose. */
export function clone<T>(value: T): T {
  return structuredClone(value);
}
