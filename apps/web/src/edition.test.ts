import { published as e010 } from '@cdsx/criteria/editions/0.1.0';
import { published as e020 } from '@cdsx/criteria/editions/0.2.0';
import { assess } from '@cdsx/rules';
import { generateSyntheticAssessments } from '@cdsx/rules/synthetic';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Findings } from './components/Findings';
import { Gaps } from './components/Gaps';
import { LevelCard } from './components/LevelCard';
import { EditionContext } from './edition';
import { I18nContext, i18nFor } from './i18n';
import { readUserFile } from './load';

const commune = { code: '00004', name: 'Ba Đình', provinceCode: '01', unitType: 'phuong' as const };

/** Render the commune view's edition-dependent parts as the app does: under the record's edition. */
function render(version: '0.1.0' | '0.2.0') {
  const published = version === '0.1.0' ? e010 : e020;
  const [assessment] = generateSyntheticAssessments({
    edition: published.edition,
    communes: [commune],
    seed: 7,
  });
  const record = assess(assessment!, { edition: published });
  const tree = createElement(
    I18nContext.Provider,
    { value: i18nFor('en') },
    createElement(
      EditionContext.Provider,
      { value: published },
      createElement(LevelCard, { record, source: { kind: 'synthetic' } }),
      createElement(Gaps, { record }),
      createElement(Findings, { record, assessment: assessment!, edits: {}, invalid: {}, onEdit: () => {} }),
    ),
  );
  return { html: renderToStaticMarkup(tree), record };
}

describe('edition-true rendering', () => {
  it('a 0.1.0 record shows 0.1.0’s title and rows, with no DV.10 row', () => {
    const { html, record } = render('0.1.0');
    expect(record.catalog.version).toBe('0.1.0');
    expect(html).toContain(e010.edition.title.en);
    expect(html).not.toContain(e020.edition.title.en);
    const rows = [...html.matchAll(/<tr data-criterion="([^"]+)"/g)].map((m) => m[1]);
    expect(rows).toEqual(e010.edition.criteria.map((c) => c.id));
    expect(rows).not.toContain('DV.10');
  });

  it('a 0.2.0 record shows 0.2.0’s title and its DV.10 row', () => {
    const { html } = render('0.2.0');
    expect(html).toContain(e020.edition.title.en);
    const rows = [...html.matchAll(/<tr data-criterion="([^"]+)"/g)].map((m) => m[1]);
    expect(rows).toEqual(e020.edition.criteria.map((c) => c.id));
  });

  it('a loaded 0.1.0 file comes back with the 0.1.0 edition loaded on demand', async () => {
    const [a] = generateSyntheticAssessments({ edition: e010.edition, communes: [commune], seed: 7 });
    const r = await readUserFile('a.json', JSON.stringify(a));
    expect(r.kind === 'assessment' && r.edition).toBe(e010);
    const missing = await readUserFile('b.json', JSON.stringify({ ...a, catalogVersion: undefined }));
    expect(missing.kind === 'error' && missing.issues.map((i) => i.code)).toEqual(['required']);
    const unknown = await readUserFile('c.json', JSON.stringify({ ...a, catalogVersion: '9.0.0' }));
    expect(unknown.kind === 'error' && unknown.issues.map((i) => i.code)).toEqual([
      'unknown_catalog_version',
    ]);
  });
});
