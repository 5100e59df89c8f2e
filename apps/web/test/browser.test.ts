/**
 * End-to-end tests in a real browser: Debian's Chromium driven by playwright-core against the built site
 * (dist/) served on 127.0.0.1. Nothing is downloaded; a missing Chromium or a missing build fails loudly.
 * Screenshots go to apps/web/artifacts/ (git-ignored) for the reviewer to look at.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Assessment, formatNumber } from '@cdsx/criteria';
import { COMMUNES, communeByCode, communesOfProvince, fullName } from '@cdsx/criteria/communes';
import { latestEdition } from '@cdsx/criteria/editions';
import { formCellOf, readForm } from '@cdsx/forms';
import { buildGapReport, gapReportTitle, renderGapReportHtml } from '@cdsx/forms/report';
import { computeDossierKpis, DOSSIER_FIELDS, type Dossier, formatKpiValue } from '@cdsx/kpi';
import { generateDossiers } from '@cdsx/kpi/testing';
import { assess, assessMany, type DecisionRecord } from '@cdsx/rules';
import { generateSyntheticAssessments } from '@cdsx/rules/synthetic';
import ExcelJS from 'exceljs';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measure, type SiteSize } from '../scripts/size.mjs';
import { scoreFromDossiers } from '../src/score766';
import { serveStatic } from './serve';

const CHROMIUM = process.env.CDSX_CHROMIUM ?? '/usr/bin/chromium';
const DIST = fileURLToPath(new URL('../dist', import.meta.url));
const ARTIFACTS = fileURLToPath(new URL('../artifacts', import.meta.url));
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const EDITION = latestEdition.edition;
const SEED = 2026; // the portal's synthetic seed
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let browser: Browser;
let context: BrowserContext;
let server: { url: string; close: () => Promise<void> };
const external: string[] = [];
const pageErrors: string[] = [];
let size: SiteSize;

function synthetic(code: string): Assessment {
  const c = communeByCode(code);
  if (!c) throw new Error(`no commune ${code}`);
  return generateSyntheticAssessments({ edition: EDITION, communes: [c], seed: SEED })[0]!;
}

/** A fresh browser context like a new visitor's (no storage); service workers blocked unless asked for. */
async function newContext(serviceWorkers: 'allow' | 'block' = 'block'): Promise<BrowserContext> {
  const ctx = await browser.newContext({
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    serviceWorkers,
    viewport: { width: 1280, height: 800 },
  });
  // The site must work offline: any request that leaves 127.0.0.1 is recorded and refused.
  await ctx.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1') return route.continue();
    external.push(url.href);
    return route.abort();
  });
  return ctx;
}

function watch(page: Page): Page {
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  page.on('console', (m) => {
    // A chunk the test itself made fail is expected to be reported by the browser.
    if (
      m.type() === 'error' &&
      !/net::ERR_FAILED|Failed to fetch dynamically imported module/.test(m.text())
    ) {
      pageErrors.push(m.text());
    }
  });
  // beforeunload prompts (what-if values present) are accepted: the tests leave pages on purpose.
  page.on('dialog', (d) => void d.accept());
  return page;
}

async function openPage(viewport = { width: 1280, height: 900 }): Promise<Page> {
  const page = watch(await context.newPage());
  await page.setViewportSize(viewport);
  await page.goto(server.url);
  await page.evaluate(async () => {
    localStorage.clear();
    await new Promise((resolve) => {
      const r = indexedDB.deleteDatabase('cdsx-portal');
      r.onsuccess = r.onerror = r.onblocked = resolve;
    });
  });
  await page.goto(server.url);
  return page;
}

async function chooseCommune(page: Page, provinceCode: string, code: string): Promise<void> {
  await page.getByTestId('province').selectOption(provinceCode);
  await page.getByTestId('commune-list').locator(`[data-code="${code}"]`).click();
  await expect.poll(() => page.getByTestId('level-card').getAttribute('data-level')).not.toBeNull();
  await expect.poll(() => page.locator('#commune-title').textContent()).toContain(code);
}

/** Diacritics folded the way a user types without them (an oracle independent of the app's fold.ts). */
const plain = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();

const levelOf = async (page: Page) => Number(await page.getByTestId('level-card').getAttribute('data-level'));
const shot = (page: Page, name: string, fullPage = false) =>
  page.screenshot({ path: join(ARTIFACTS, name), fullPage });

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}. Install Debian's package (apt-get install -y chromium; .ci/system-deps does it in CI). ` +
        'The browser tests never download a browser.',
    );
  }
  if (!existsSync(join(DIST, 'index.html'))) {
    throw new Error(
      `${DIST}/index.html is missing: build the site first (pnpm --filter @cdsx/web build, or pnpm check).`,
    );
  }
  size = measure(DIST);
  console.log(
    `[@cdsx/web] initial JS (gzip): ${size.initialGzipKb.toFixed(1)} kB of ${size.budgetKb} kB budget — ` +
      size.initial.map((f) => `${f.file} ${(f.gzip / 1024).toFixed(1)} kB`).join(', '),
  );
  mkdirSync(ARTIFACTS, { recursive: true });
  server = await serveStatic(DIST);
  // One browser for every test; each context is a separate visitor. The main context blocks the service
  // worker so that request interception (page.route) sees every chunk; the offline test allows it.
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  context = await newContext('block');
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the demo portal in Chromium', () => {
  it('finds "Ba Đình" by "Ba Dinh", shows its level (from @cdsx/rules), the chart, the gaps and the findings', async () => {
    const page = await openPage();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('vi');
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Chuyển đổi số cấp xã');

    await page.getByTestId('province').selectOption('01');
    await page.getByTestId('commune-search').fill('Ba Dinh');
    const options = await page.getByTestId('commune-list').getByRole('option').allTextContents();
    expect(options).toContain('Phường Ba Đình');
    // "Ba Dinh" is not a substring of any name without folding; the list is the folded matches only.
    expect(options.every((o) => plain(o).includes('ba dinh'))).toBe(true);
    await page.getByTestId('commune-list').locator('[data-code="00004"]').click();

    const expected = assess(synthetic('00004'), { edition: latestEdition });
    await expect.poll(() => levelOf(page)).toBe(expected.level.level);
    const level = page.getByTestId('level');
    expect(await level.textContent()).toContain(expected.level.name.vi);
    expect(await page.getByTestId('edition').textContent()).toContain(EDITION.version);
    expect(await page.getByTestId('source').textContent()).toContain('SYNTHETIC');
    expect(await page.getByTestId('provisional').count()).toBe(expected.provisional ? 1 : 0);
    expect(await page.getByTestId('attribution').textContent()).toContain(
      'thanglequoc/vietnamese-provinces-database',
    );

    expect(await page.getByTestId('dimension-chart').locator('li').count()).toBe(EDITION.dimensions.length);
    expect(await page.getByTestId('findings').locator('tbody tr[data-criterion]').count()).toBe(
      EDITION.criteria.length,
    );
    if (expected.gaps) {
      const gaps = page.getByTestId('gaps');
      expect(await gaps.getAttribute('data-next-level')).toBe(String(expected.gaps.level));
      const shownMandatory = await gaps
        .locator('[data-testid="mandatory-gaps"] > li')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-criterion')));
      expect(shownMandatory).toEqual(expected.gaps.mandatory.map((g) => g.criterion));
      expect(await page.getByTestId('extended-summary').textContent()).toContain(
        `${expected.gaps.extended.met}/${expected.gaps.extended.applicable}`,
      );
    }
    await shot(page, 'commune-desktop.png');
    await shot(page, 'commune-desktop-full.png', true);
    await page.close();
  });

  it('what-if: editing one observation changes the level and the gaps at once; reset restores them', async () => {
    // A Hà Nội commune above level 0 whose level rests on a mandatory level-1 criterion it meets.
    const pick = communesOfProvince('01')
      .map((c) => ({ code: c.code, assessment: synthetic(c.code) }))
      .map((x) => ({ ...x, record: assess(x.assessment, { edition: latestEdition }) }))
      .find((x) => x.record.level.level >= 1);
    expect(pick, 'a Hà Nội commune at level ≥ 1 in the synthetic data').toBeDefined();
    const { code, assessment, record } = pick!;
    const target = record.findings.find(
      (f) => f.level === 1 && f.kind === 'mandatory' && f.outcome === 'met' && f.comparison !== '=',
    )!;
    expect(target).toBeDefined();
    const failing =
      typeof target.threshold === 'boolean'
        ? false
        : target.comparison === '>='
          ? 0
          : (target.threshold as number) + 50;
    const edited: Assessment = {
      ...assessment,
      observations: {
        ...assessment.observations,
        [target.criterion]: {
          ...assessment.observations[target.criterion]!,
          value: failing,
          note: 'what-if',
        },
      },
    };
    const after: DecisionRecord = assess(edited, { edition: latestEdition });
    expect(after.level.level).toBeLessThan(record.level.level);

    const page = await openPage();
    await chooseCommune(page, '01', code);
    expect(await levelOf(page)).toBe(record.level.level);
    const editor = page.getByTestId(`edit-${target.criterion}`);
    if (typeof failing === 'boolean') await editor.selectOption('false');
    else await editor.fill(String(failing));

    await expect.poll(() => levelOf(page)).toBe(after.level.level);
    expect(await page.getByTestId('level').textContent()).toContain(after.level.name.vi);
    const gapIds = await page
      .getByTestId('mandatory-gaps')
      .locator('li')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-criterion')));
    expect(gapIds).toContain(target.criterion);
    expect(gapIds).toEqual(after.gaps!.mandatory.map((g) => g.criterion));
    expect(await page.getByTestId('whatif-count').textContent()).toMatch(/^1 /);
    await shot(page, 'what-if.png', true);

    await page.getByTestId('whatif-reset').click();
    await expect.poll(() => levelOf(page)).toBe(record.level.level);
    await page.close();
  });

  it('a bad file gives a clear located error and keeps what was shown', async () => {
    const page = await openPage();
    await chooseCommune(page, '01', '00004');
    const before = await levelOf(page);
    const title = await page.locator('#commune-title').textContent();

    // Malformed JSON: line and column.
    await page.getByTestId('file-input').setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{\n  "commune": {\n    "code": "00004",,\n'),
    });
    const alert = page.getByTestId('load-error');
    await expect.poll(() => alert.count()).toBe(1);
    expect(await alert.getAttribute('role')).toBe('alert');
    expect(await alert.textContent()).toMatch(/broken\.json/);
    expect(await alert.textContent()).toMatch(/dòng 3/);

    // Well-formed JSON, wrong value: the field path and the value received.
    const pct = EDITION.criteria.find((c) => c.measure === 'percentage')!;
    const bad = synthetic('00008');
    const badJson = {
      ...bad,
      observations: { ...bad.observations, [pct.id]: { value: 180, source: 'self_declared' } },
    };
    await page.getByTestId('file-input').setInputFiles({
      name: 'bad-assessment.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(badJson, null, 2)),
    });
    await expect.poll(() => alert.textContent()).toContain('bad-assessment.json');
    const text = (await alert.textContent()) ?? '';
    expect(text).toContain(`tiêu chí ${pct.id} (value)`);
    expect(text).toContain('180');
    // Nothing already shown was lost.
    expect(await page.locator('#commune-title').textContent()).toBe(title);
    expect(await levelOf(page)).toBe(before);
    await shot(page, 'bad-file.png');

    // A dossier file with one bad record: named by record and line.
    const dossiers = [...generateDossiers({ seed: 3, count: 3, communes: ['00004'], year: 2026 })];
    const lines = dossiers.map((d) => JSON.stringify(d));
    lines[1] = JSON.stringify({ ...dossiers[1], channel: 'fax' });
    await page.getByTestId('file-input').setInputFiles({
      name: 'dossiers.ndjson',
      mimeType: 'application/x-ndjson',
      buffer: Buffer.from(lines.join('\n')),
    });
    await expect.poll(() => alert.textContent()).toContain('dossiers.ndjson');
    // Located in words, not "#2 2 channel".
    expect(await alert.textContent()).toContain('Bản ghi 2, dòng 2 — trường channel');
    expect(await page.getByTestId('kpi-table').count()).toBe(0);
    expect(await levelOf(page)).toBe(before);
    await page.close();
  });

  it('loads an assessment file and a dossier file (NDJSON and CSV): KPIs from @cdsx/kpi against the targets', async () => {
    const page = await openPage();
    const own = synthetic('00025');
    const mine: Assessment = { ...own, synthetic: false };
    await page.getByTestId('file-input').setInputFiles({
      name: 'giang-vo.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(mine)),
    });
    await expect.poll(() => page.getByTestId('source').textContent()).toContain('giang-vo.json');
    expect(await page.locator('#commune-title').textContent()).toContain('Giảng Võ');
    expect(await levelOf(page)).toBe(assess(mine, { edition: latestEdition }).level.level);
    expect(await page.getByTestId('synthetic-banner').count()).toBe(0); // the user's own data is not labelled synthetic

    const dossiers: Dossier[] = [
      ...generateDossiers({ seed: 11, count: 400, communes: ['00025', '00004'], year: 2026 }),
    ];
    const [group] = (await computeDossierKpis(dossiers, { by: ['commune', 'year'] })).filter(
      (g) => g.key.commune === '00025',
    );
    const expectedOnline = formatKpiValue(group!.kpis.onlineDossierRate!, 'vi');

    for (const [name, body] of [
      ['dossiers.ndjson', dossiers.map((d) => JSON.stringify(d)).join('\n')],
      ['dossiers.csv', toCsv(dossiers)],
    ] as const) {
      await page
        .getByTestId('file-input')
        .setInputFiles({ name, mimeType: 'text/plain', buffer: Buffer.from(body) });
      await expect.poll(() => page.getByTestId('load-ok').textContent()).toContain(name);
      const row = page.getByTestId('kpi-table').locator('tr[data-kpi="onlineDossierRate"]');
      await expect.poll(() => row.count()).toBe(1);
      expect(await row.textContent()).toContain(expectedOnline);
    }
    await page.getByTestId('kpis').scrollIntoViewIfNeeded();
    await shot(page, 'kpis.png');

    // The QĐ 766 panel scores the commune from the same dossiers (partial: dossiers give only some indicators).
    const expected766 = (await scoreFromDossiers(dossiers, '00025'))!.score;
    const panel = page.getByTestId('score766');
    await expect
      .poll(() => panel.textContent())
      .toContain(`${formatNumber(expected766.total.points, 'vi')} / 100`);
    const progress = expected766.groups.find((g) => g.id === 'progress')!.points!;
    expect(
      await page.getByTestId('score766-table').locator('tr[data-group="progress"]').textContent(),
    ).toContain(formatNumber(progress, 'vi'));
    expect(
      await page.getByTestId('score766-table').locator('tr[data-group="transparency"]').textContent(),
    ).toContain('không có');
    await page.getByTestId('score766-delta').fill('5');
    await expect
      .poll(() => page.getByTestId('score766-gain').textContent())
      .toMatch(/^\+\d+(,\d{1,2})? điểm → tổng \d+(,\d{1,2})?/);
    await panel.scrollIntoViewIfNeeded();
    await shot(page, 'score766.png');

    // The KPIs become the computed criteria's observations (through @cdsx/kpi's bridge) as a what-if.
    await page.getByTestId('kpi-apply').click();
    await expect.poll(() => page.getByTestId('whatif-count').textContent()).toMatch(/^[1-9]/);
    await page.close();
  });

  it('switches language to English and back', async () => {
    const page = await openPage();
    await chooseCommune(page, '01', '00004');
    const expected = assess(synthetic('00004'), { edition: latestEdition });
    const toggle = page.getByTestId('lang-toggle');
    expect(await toggle.textContent()).toBe('English');
    await toggle.click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
      'Commune digital transformation',
    );
    expect(await page.getByTestId('level').textContent()).toContain(expected.level.name.en);
    expect(await page.getByTestId('synthetic-banner').textContent()).toContain('SYNTHETIC DATA');
    await shot(page, 'english.png');
    await page.reload(); // the choice is remembered
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.getByTestId('lang-toggle').click();
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Chuyển đổi số cấp xã');
    await page.close();
  });

  it('province view: every commune with its level, counts per level, filter and sort', async () => {
    const page = await openPage();
    await page.getByTestId('province').selectOption('04');
    await page.getByRole('button', { name: /Toàn tỉnh/ }).click();
    const table = page.getByTestId('province-table');
    await expect.poll(() => table.count()).toBe(1);
    const communes = communesOfProvince('04');
    const rows = table.locator('tbody tr');
    expect(await rows.count()).toBe(communes.length);
    const records = communes.map((c) => assess(synthetic(c.code), { edition: latestEdition }));
    const counts = await page
      .getByTestId('level-counts')
      .locator('li')
      .evaluateAll((els) =>
        els.map((e) => [Number(e.getAttribute('data-level')), Number(e.getAttribute('data-count'))]),
      );
    for (const [lvl, n] of counts) expect(n).toBe(records.filter((r) => r.level.level === lvl).length);
    // The SVG chart: one segment per level, its width proportional to the count.
    const segments = await page
      .getByTestId('level-chart')
      .locator('rect')
      .evaluateAll((els) =>
        els.map((e) => [Number(e.getAttribute('data-count')), Number(e.getAttribute('width'))]),
      );
    expect(segments.map(([n]) => n)).toEqual(counts.map(([, n]) => n));
    for (const [n, w] of segments) expect(w).toBeCloseTo((100 * n!) / communes.length, 5);
    // Default sort: level, highest first.
    const levels = await rows.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-level'))));
    expect(levels).toEqual([...levels].sort((a, b) => b - a));
    const some = communes[3]!;
    await page
      .getByTestId('province-filter')
      .fill(some.name.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd'));
    const codes = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-code')));
    expect(codes).toContain(some.code);
    await page.getByTestId('province-filter').fill('');
    await page.getByTestId('province-sort').selectOption('code');
    const sorted = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-code')));
    expect(sorted).toEqual(communes.map((c) => c.code));
    await shot(page, 'province.png');
    await page.close();
  });

  it('national chart: levels per area group, SVG widths ∝ counts of every commune decided in Node', async () => {
    const page = await openPage();
    await page.getByRole('button', { name: /Toàn tỉnh/ }).click();
    await page.getByTestId('national-table').waitFor();
    // Oracle: every commune's synthetic assessment decided by assess in Node, counted by a plain filter.
    const records = assessMany(
      generateSyntheticAssessments({ edition: EDITION, communes: COMMUNES, seed: SEED }),
      {
        edition: latestEdition,
      },
    );
    const groups = [...new Set(records.map((r) => r.areaGroup))];
    expect(groups.length).toBeGreaterThan(1);
    for (const g of groups) {
      const mine = records.filter((r) => r.areaGroup === g);
      const chart = page.getByTestId(`national-chart-${g}`);
      const segments = await chart
        .locator('rect')
        .evaluateAll((els) =>
          els.map((e) => [
            Number(e.getAttribute('data-level')),
            Number(e.getAttribute('data-count')),
            Number(e.getAttribute('width')),
          ]),
        );
      expect(segments.length).toBe(EDITION.levels.length);
      for (const [lvl, n, w] of segments) {
        const expected = mine.filter((r) => r.level.level === lvl).length;
        expect(n).toBe(expected);
        expect(w).toBeCloseTo((100 * expected) / mine.length, 5);
        // The fallback table gives the same count.
        expect(
          Number(
            await page
              .getByTestId('national-table')
              .locator(`tr[data-group="${g}"] td[data-level="${lvl}"]`)
              .textContent(),
          ),
        ).toBe(expected);
      }
      // The chart is an image with an accessible name naming the group and each count.
      const name = await chart.locator('svg').getAttribute('aria-label');
      const groupName = EDITION.areaGroups.find((x) => x.id === g)!.name.vi;
      expect(name).toContain(groupName);
      expect(name).toContain(`${mine.length} đơn vị`);
      await expect.poll(() => page.getByRole('img', { name: name! }).count()).toBe(1);
    }
    await page.getByTestId('national').scrollIntoViewIfNeeded();
    await shot(page, 'national.png');
    await page.close();
  });

  it('KPI chart: bars ∝ the values @cdsx/kpi computes, a mark at the deciding target, an accessible name', async () => {
    const page = await openPage();
    await chooseCommune(page, '01', '00025');
    const dossiers: Dossier[] = [
      ...generateDossiers({ seed: 7, count: 300, communes: ['00025', '00004'], year: 2026 }),
    ];
    const [group] = (await computeDossierKpis(dossiers, { by: ['commune', 'year'] })).filter(
      (g) => g.key.commune === '00025',
    );
    await page.getByTestId('file-input').setInputFiles({
      name: 'dossiers.ndjson',
      mimeType: 'text/plain',
      buffer: Buffer.from(dossiers.map((d) => JSON.stringify(d)).join('\n')),
    });
    const chart = page.getByTestId('kpi-chart');
    await chart.waitFor();
    const rows = await chart.locator('.row').evaluateAll((els) =>
      els.map((e) => ({
        id: e.getAttribute('data-kpi')!,
        value: e.querySelector('rect.value')?.getAttribute('width') ?? null,
        fill: e.querySelector('rect.value')?.getAttribute('fill') ?? null,
        target: e.querySelector('rect.target')
          ? Number(e.querySelector('rect.target')!.getAttribute('x')) +
            Number(e.querySelector('rect.target')!.getAttribute('width')) / 2
          : null,
      })),
    );
    const expected = Object.entries(group!.kpis);
    expect(rows.map((r) => r.id).sort()).toEqual(expected.map(([id]) => id).sort());
    let bars = 0;
    for (const [id, k] of expected) {
      const row = rows.find((r) => r.id === id)!;
      if (k!.value === null)
        expect(row.value).toBeNull(); // unknown is not zero: no bar
      else {
        bars++;
        expect(Number(row.value)).toBeCloseTo(Math.min(100, k!.value), 5);
        expect(row.fill).toBe(k!.met === true ? '#1e7a3c' : k!.met === false ? '#a3231b' : '#2f6db5');
      }
      if (k!.target === null) expect(row.target).toBeNull();
      else expect(row.target).toBeCloseTo(k!.target, 5);
    }
    expect(bars).toBeGreaterThan(0);
    const img = chart.getByRole('img');
    const name = await img.getAttribute('aria-label');
    expect(name).toContain('Biểu đồ KPI');
    expect(name).toContain(formatKpiValue(group!.kpis.onlineDossierRate!, 'vi'));
    await expect.poll(() => page.getByRole('img', { name: name! }).count()).toBe(1);
    await chart.scrollIntoViewIfNeeded();
    await shot(page, 'kpi-chart.png');
    await page.close();
  });

  it('is usable on a phone-sized screen with labelled, keyboard-operable controls', async () => {
    const page = await openPage({ width: 390, height: 844 });
    await chooseCommune(page, '01', '00004');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    // Every form control has an accessible label.
    const unlabelled = await page.evaluate(() =>
      [...document.querySelectorAll('input, select, button, textarea')]
        .filter((el) => {
          const e = el as HTMLInputElement;
          const labelled =
            (e.labels?.length ?? 0) > 0 || e.getAttribute('aria-label') || e.getAttribute('aria-labelledby');
          const text = el.tagName === 'BUTTON' && (el.textContent ?? '').trim();
          return !labelled && !text;
        })
        .map((el) => el.outerHTML.slice(0, 80)),
    );
    expect(unlabelled).toEqual([]);
    await shot(page, 'phone.png');
    await shot(page, 'phone-full.png', true);
    // The result is below the picker on a phone: a link leads to it.
    await page.getByRole('link', { name: /Xem kết quả: Phường Ba Đình/ }).click();
    await expect
      .poll(() => page.locator('#commune-title').evaluate((e) => e.getBoundingClientRect().top))
      .toBeLessThan(100);
    await shot(page, 'phone-result.png');
    await page.goto(server.url); // a fresh page: keyboard navigation starts from the top
    // Wait until the app has rendered its controls (and any initial data), then start from the document.
    await page.getByTestId('lang-toggle').waitFor();
    await page.getByTestId('province').waitFor();
    await page.getByTestId('commune-search').waitFor();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());

    // Keyboard only: Tab reaches the language toggle, the province select and the search combobox.
    await page.keyboard.press('Tab'); // skip link
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'lang-toggle',
    );
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('province');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'commune-search',
    );
    await page.keyboard.type('Ngoc Ha');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#commune-title').textContent()).toContain('Ngọc Hà');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Hoan Kiem');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#commune-title').textContent()).toContain('Hoàn Kiếm');
    await page.close();
  });

  it('state in the URL: a copied link opens the same view in a new browser context; back and forward work', async () => {
    const page = await openPage();
    await chooseCommune(page, '01', '00004');
    const before = assess(synthetic('00004'), { edition: latestEdition });
    // A what-if edit that fails a met level-1 mandatory numeric criterion.
    const target = before.findings.find(
      (f) => f.level === 1 && f.kind === 'mandatory' && f.outcome === 'met' && f.comparison === '>=',
    );
    await chooseCommune(page, '01', '00025');
    const record = assess(synthetic('00025'), { edition: latestEdition });
    const t2 =
      record.findings.find(
        (f) => f.level === 1 && f.kind === 'mandatory' && f.outcome === 'met' && f.comparison === '>=',
      ) ?? target;
    expect(t2, 'a met numeric mandatory criterion to edit').toBeDefined();
    await page.getByTestId(`edit-${t2!.criterion}`).fill('0');
    const a = synthetic('00025');
    const edited = assess(
      {
        ...a,
        observations: { ...a.observations, [t2!.criterion]: { ...a.observations[t2!.criterion]!, value: 0 } },
      },
      { edition: latestEdition },
    );
    await expect.poll(() => levelOf(page)).toBe(edited.level.level);
    await page.getByTestId('lang-toggle').click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    const url = page.url();
    expect(url).toContain('c=00025');
    expect(url).toContain(`w=${t2!.criterion}:0`);
    expect(url).toContain('lang=en');

    // A new visitor (no storage) opening the link sees the same commune, edit, level and language.
    const other = await newContext('block');
    const p2 = watch(await other.newPage());
    await p2.goto(url);
    await expect.poll(() => p2.locator('#commune-title').textContent()).toContain('Giảng Võ');
    expect(await p2.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await levelOf(p2)).toBe(edited.level.level);
    expect(await p2.getByTestId(`edit-${t2!.criterion}`).inputValue()).toBe('0');
    expect(await p2.getByTestId('whatif-count').textContent()).toMatch(/^1 value/);
    await other.close();

    // Back: before the language switch, then before the edit's commune (Ba Đình); forward again.
    await page.goBack();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('vi');
    expect(await levelOf(page)).toBe(edited.level.level); // the edit is still in that entry
    await page.goBack();
    await expect.poll(() => page.locator('#commune-title').textContent()).toContain('Ba Đình');
    expect(await levelOf(page)).toBe(before.level.level);
    await page.goForward();
    await expect.poll(() => page.locator('#commune-title').textContent()).toContain('Giảng Võ');
    expect(await levelOf(page)).toBe(edited.level.level);
    await page.close();
  });

  it('reload keeps the loaded file (IndexedDB) until the user clears it; leaving with what-if values warns', async () => {
    // Its own visitor (context): IndexedDB starts empty and no other test's page shares it.
    const ctx = await newContext('block');
    const page = watch(await ctx.newPage());
    await page.goto(server.url);
    const mine: Assessment = { ...synthetic('00025'), synthetic: false };
    await page.getByTestId('file-input').setInputFiles({
      name: 'giang-vo.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(mine)),
    });
    await expect.poll(() => page.getByTestId('source').textContent()).toContain('giang-vo.json');
    // The page says the file is kept only once it is written to IndexedDB.
    await expect.poll(() => page.getByTestId('stored').textContent()).toContain('1 tệp');
    await page.reload({ waitUntil: 'domcontentloaded' });
    await expect.poll(() => page.getByTestId('source').textContent()).toContain('giang-vo.json');
    expect(await levelOf(page)).toBe(assess(mine, { edition: latestEdition }).level.level);
    expect(await page.getByTestId('stored').textContent()).toContain('1 tệp');

    // A what-if value: reloading asks first (beforeunload), and the value survives (it is in the URL).
    const dialogs: string[] = [];
    page.on('dialog', (d) => dialogs.push(d.type()));
    const pct = EDITION.criteria.find((c) => c.measure === 'percentage')!;
    await page.getByTestId(`edit-${pct.id}`).fill('12');
    await expect.poll(() => page.getByTestId('whatif-count').textContent()).toMatch(/^1 /);
    await page.reload({ waitUntil: 'domcontentloaded' });
    expect(dialogs).toContain('beforeunload');
    await expect.poll(() => page.getByTestId('source').textContent()).toContain('giang-vo.json');
    expect(await page.getByTestId(`edit-${pct.id}`).inputValue()).toBe('12');

    // The province view shows the user's commune with its real level, marked; opening it keeps their data.
    await page.getByRole('button', { name: /Toàn tỉnh/ }).click();
    const row = page.getByTestId('province-table').locator('tr[data-code="00025"]');
    await expect.poll(() => row.getAttribute('data-own')).toBe('true');
    expect(Number(await row.getAttribute('data-level'))).toBe(
      assess(mine, { edition: latestEdition }).level.level,
    );
    expect(await row.textContent()).toContain('dữ liệu của bạn');
    await row.getByRole('button').click();
    await expect.poll(() => page.getByTestId('source').textContent()).toContain('giang-vo.json');
    // Focus moved to the opened commune's heading, not to the body.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('commune-title');

    // Clearing (confirmed) forgets the file: after a reload the commune is synthetic again.
    await page.getByTestId('clear-data').click();
    expect(dialogs).toContain('confirm');
    await expect.poll(() => page.getByTestId('source').textContent()).toContain('mô phỏng');
    await expect.poll(() => page.getByTestId('stored').count()).toBe(0);
    await page.reload({ waitUntil: 'domcontentloaded' });
    await expect.poll(() => page.getByTestId('source').textContent()).toContain('mô phỏng');
    expect(await page.getByTestId('stored').count()).toBe(0);
    await ctx.close();
  });

  it('search combobox, keyboard only: arrows move, Enter picks the 3rd result, the list keeps its results, Escape closes', async () => {
    const page = await openPage();
    const search = page.getByTestId('commune-search');
    await search.focus();
    await page.keyboard.type('tan phu');
    // Every typed word, in any order, in the folded full name or code (the documented search rule).
    const expected = COMMUNES.filter((c) => {
      const text = plain(`${fullName(c)} ${c.code}`);
      return ['tan', 'phu'].every((w) => text.includes(w));
    });
    expect(expected.length).toBeGreaterThan(3);
    const count = page.getByTestId('commune-count');
    await expect.poll(() => count.textContent()).toContain(`${expected.length} kết quả`);
    expect(await search.getAttribute('role')).toBe('combobox');
    expect(await search.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const activeId = await search.getAttribute('aria-activedescendant');
    expect(await page.locator(`[id="${activeId}"]`).getAttribute('data-code')).toBe(expected[2]!.code);
    expect(await page.locator(`[id="${activeId}"]`).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#commune-title').textContent()).toContain(expected[2]!.code);
    expect(await levelOf(page)).toBe(
      assess(synthetic(expected[2]!.code), { edition: latestEdition }).level.level,
    );
    // Focus stayed in the search; the list did not shrink to the picked commune's province.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'commune-search',
    );
    expect(await search.getAttribute('aria-expanded')).toBe('false');
    await page.keyboard.press('ArrowDown');
    expect(await search.getAttribute('aria-expanded')).toBe('true');
    expect(await count.textContent()).toContain(`${expected.length} kết quả`);
    expect(await page.getByTestId('commune-list').getByRole('option').count()).toBe(expected.length);
    await page.keyboard.press('Escape');
    expect(await search.getAttribute('aria-expanded')).toBe('false');
    expect(await page.getByTestId('commune-list').isHidden()).toBe(true);
    await page.close();
  });

  it('a lazy chunk that fails to load shows an error with a retry, and the retry loads it', async () => {
    const page = await openPage();
    await page.getByTestId('province').selectOption('04');
    let failing = true;
    await page.route(/ProvinceView-[^/]+\.js$/, (route) => (failing ? route.abort() : route.continue()));
    await page.getByRole('button', { name: /Toàn tỉnh/ }).click();
    const failed = page.getByTestId('load-failed');
    await expect.poll(() => failed.count()).toBe(1);
    expect(await failed.getAttribute('role')).toBe('alert');
    expect(await failed.textContent()).toContain('Không tải được phần');
    await shot(page, 'chunk-failed.png');
    failing = false;
    await page.getByTestId('retry').click();
    await expect.poll(() => page.getByTestId('province-table').count(), { timeout: 10_000 }).toBe(1);
    expect(await failed.count()).toBe(0);
    await page.close();
  });

  it('an invalid what-if value is marked on its cell and left out of the decision; the sticky summary says so', async () => {
    const page = await openPage();
    await chooseCommune(page, '01', '00004');
    const record = assess(synthetic('00004'), { edition: latestEdition });
    const pct = EDITION.criteria.find((c) => c.measure === 'percentage')!;
    const editor = page.getByTestId(`edit-${pct.id}`);
    await editor.fill('150');
    await expect.poll(() => editor.getAttribute('aria-invalid')).toBe('true');
    const message = page.getByTestId(`invalid-${pct.id}`);
    expect(await message.textContent()).toContain('không được tính');
    expect(await editor.getAttribute('aria-describedby')).toBe(await message.getAttribute('id'));
    // The decision is the original one (150 left out), and the summary says a value was left out.
    expect(await levelOf(page)).toBe(record.level.level);
    expect(await page.getByTestId('summary-invalid').textContent()).toContain('1 giá trị thử không hợp lệ');
    // A decimal comma is read as Vietnamese users type it.
    await editor.fill('99,5');
    await expect.poll(() => editor.getAttribute('aria-invalid')).toBeNull();
    expect(page.url()).toContain(`${pct.id}:99.5`);
    // The summary stays in sight at the bottom of the findings table.
    await page.getByTestId('findings').locator('tbody tr').last().scrollIntoViewIfNeeded();
    const top = await page.getByTestId('level-summary').evaluate((e) => e.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(50);
    // …and shows the level decided with 99.5 (from @cdsx/rules here, independently).
    const a = synthetic('00004');
    const with995 = assess(
      {
        ...a,
        observations: { ...a.observations, [pct.id]: { ...a.observations[pct.id]!, value: 99.5 } },
      },
      { edition: latestEdition },
    );
    await expect.poll(() => levelOf(page)).toBe(with995.level.level);
    expect(await page.getByTestId('level-summary').getAttribute('data-level')).toBe(
      String(with995.level.level),
    );
    await shot(page, 'sticky-summary.png');
    await page.close();
  });

  it('works offline after one visit (service worker): reload without network, lazy views included', async () => {
    const ctx = await newContext('allow');
    const page = watch(await ctx.newPage());
    await page.goto(server.url);
    await page.getByTestId('province').waitFor();
    // The worker installs only after precaching the whole site.
    expect(
      await page.evaluate(async () => {
        const reg = await navigator.serviceWorker.ready;
        return reg.active?.state;
      }),
    ).toMatch(/activat/);
    await ctx.setOffline(true);
    await page.reload();
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Chuyển đổi số cấp xã');
    await chooseCommune(page, '04', communesOfProvince('04')[0]!.code);
    await page.getByRole('button', { name: /Toàn tỉnh/ }).click();
    await expect.poll(() => page.getByTestId('province-table').count()).toBe(1);
    await ctx.close();
  });

  it('print media gives the gap report (same model as `cdsx report`) with date, edition and hash; HTML download is the package HTML', async () => {
    const page = await openPage();
    await chooseCommune(page, '01', '00004');
    const record = assess(synthetic('00004'), { edition: latestEdition });
    const report = buildGapReport(record);
    if (!report.ok) throw new Error('no report');
    await page.getByTestId('report-actions').waitFor();
    expect(await page.getByTestId('print-report').isVisible()).toBe(false); // screen: hidden
    await page.emulateMedia({ media: 'print' });
    const printed = page.getByTestId('print-report');
    expect(await printed.isVisible()).toBe(true);
    expect(await page.getByTestId('findings').isVisible()).toBe(false);
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text (print media applied) is what prints; textContent would also read hidden nodes
    const text = (await printed.innerText()).replace(/\s+/g, ' ');
    expect(text).toContain(gapReportTitle(report.value, 'vi'));
    for (const g of record.gaps?.mandatory ?? []) expect(text).toContain(g.criterion);
    expect(text).toContain(record.catalog.contentHash);
    expect(text).toContain(report.value.reportDate);
    await page.pdf({ path: join(ARTIFACTS, 'gap-report.pdf'), format: 'A4' });
    await page.emulateMedia({ media: 'screen' });

    const [dl] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('download-report-html').click(),
    ]);
    const html = await readFile((await dl.path())!, 'utf8');
    // The same page `cdsx report --format html` renders, but for the date (the page's "today").
    expect(html).toBe(renderGapReportHtml({ ...report.value, reportDate: report.value.reportDate }, 'vi'));
    await page.close();
  });

  it('Excel self-assessment form: download for the commune, fill by program, upload, read back; a bad form lists sheet and cell', async () => {
    const page = await openPage();
    await chooseCommune(page, '01', '00004');
    const [dl] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('download-form').click(),
    ]);
    expect(dl.suggestedFilename()).toBe('phieu-tu-danh-gia-00004.xlsx');
    const blank = await readFile((await dl.path())!);
    const record = assess(synthetic('00004'), { edition: latestEdition });
    // Fill every boolean criterion "Có" and every percentage with 100, through exceljs (what a person does in Excel).
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(blank as unknown as ArrayBuffer);
    const where = (id: string) => {
      const ref = formCellOf(EDITION, record.areaGroup, id);
      const m = ref ? /^'?(.+?)'?!([A-Z]+\d+)$/.exec(ref) : null;
      return m ? { sheet: m[1]!, cell: m[2]! } : undefined;
    };
    let filled = 0;
    for (const c of EDITION.criteria) {
      const at = where(c.id);
      if (!at) continue;
      const cell = wb.getWorksheet(at.sheet)!.getCell(at.cell);
      if (c.measure === 'boolean') cell.value = 'Có';
      else if (c.measure === 'percentage') cell.value = 100;
      else continue;
      filled++;
    }
    expect(filled).toBeGreaterThan(10);
    const good = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const oracle = await readForm(good);
    if (!oracle.ok) throw new Error(JSON.stringify(oracle.issues.slice(0, 3)));
    const expected = assess(oracle.value.assessment, { edition: latestEdition });

    await page
      .getByTestId('file-input')
      .setInputFiles({ name: 'phieu.xlsx', mimeType: XLSX, buffer: Buffer.from(good) });
    await expect
      .poll(() => page.getByTestId('source').textContent(), { timeout: 15_000 })
      .toContain('phieu.xlsx');
    expect(await levelOf(page)).toBe(expected.level.level);
    expect(await page.getByTestId('findings').locator('tbody tr[data-criterion]').count()).toBeGreaterThan(0);

    // A bad form: text in a percentage cell. The list names the sheet and the cell, in words.
    const pct = EDITION.criteria.find((c) => c.measure === 'percentage' && where(c.id))!;
    const at = where(pct.id)!;
    wb.getWorksheet(at.sheet)!.getCell(at.cell).value = 'nhiều lắm';
    const bad = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    await page
      .getByTestId('file-input')
      .setInputFiles({ name: 'phieu-sai.xlsx', mimeType: XLSX, buffer: Buffer.from(bad) });
    const alert = page.getByTestId('load-error');
    await expect.poll(() => alert.count(), { timeout: 15_000 }).toBe(1);
    const text = (await alert.textContent()) ?? '';
    expect(text).toContain('phieu-sai.xlsx');
    expect(text).toContain(`Trang tính ${at.sheet}, ô ${at.cell}`);
    expect(await page.getByTestId('source').textContent()).toContain('phieu.xlsx'); // what was shown is kept
    await shot(page, 'bad-form.png');
    await page.close();
  });

  it('province table downloads as CSV (as shown, formula-safe) and Excel', async () => {
    const page = await openPage();
    await page.getByTestId('province').selectOption('04');
    await page.getByRole('button', { name: /Toàn tỉnh/ }).click();
    await page.getByTestId('province-table').waitFor();
    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('province-csv').click()]);
    const csv = (await readFile((await dl.path())!, 'utf8')).replace(/^\uFEFF/, '');
    const lines = csv.trim().split(/\r\n/);
    const communes = communesOfProvince('04');
    expect(lines.length).toBe(communes.length + 1);
    const byCode = new Map(lines.slice(1).map((l) => [l.split(',')[0], l.split(',')]));
    for (const c of communes)
      expect(Number(byCode.get(c.code)?.[3])).toBe(
        assess(synthetic(c.code), { edition: latestEdition }).level.level,
      );
    const [x] = await Promise.all([page.waitForEvent('download'), page.getByTestId('province-xlsx').click()]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await readFile((await x.path())!)) as unknown as ArrayBuffer);
    expect(book.worksheets.length).toBe(1);
    await page.close();
  });

  it('axe-core finds no critical, serious or moderate violation on the landing, commune, province and KPI views; screenshots', async () => {
    const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    // Every view at desktop size; the commune view (the one with most controls) at phone size too.
    const audit = async (page: Page, view: string) => {
      if (view.endsWith('phone') && !view.startsWith('commune')) return;
      await page.addScriptTag({ content: axeSource });
      const violations = await page.evaluate(async () => {
        const r = await (
          window as unknown as {
            axe: {
              run: (o: object) => Promise<{
                violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }>;
              }>;
            };
          }
        ).axe.run({
          resultTypes: ['violations'],
        });
        return r.violations.map((v) => ({
          id: v.id,
          impact: v.impact,
          nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
        }));
      });
      const bad = violations.filter((v) => ['critical', 'serious', 'moderate'].includes(v.impact));
      expect(bad, `${view}: ${JSON.stringify(bad)}`).toEqual([]);
    };
    for (const [size, viewport] of [
      ['desktop', { width: 1280, height: 800 }],
      ['phone', { width: 390, height: 844 }],
    ] as const) {
      const page = await openPage(viewport);
      await page.getByTestId('province').waitFor();
      await audit(page, `landing ${size}`);
      await shot(page, `a-landing-${size}.png`);
      await chooseCommune(page, '01', '00004');
      await page.getByTestId('report-actions').waitFor();
      await audit(page, `commune ${size}`);
      await shot(page, `a-commune-${size}.png`);
      const dossiers = [...generateDossiers({ seed: 5, count: 200, communes: ['00004'], year: 2026 })];
      await page.getByTestId('file-input').setInputFiles({
        name: 'ho-so.ndjson',
        mimeType: 'application/x-ndjson',
        buffer: Buffer.from(dossiers.map((d) => JSON.stringify(d)).join('\n')),
      });
      await page.getByTestId('kpi-table').waitFor();
      await page.getByTestId('kpis').scrollIntoViewIfNeeded();
      await audit(page, `KPI ${size}`);
      await shot(page, `a-kpi-${size}.png`);
      await page.getByRole('button', { name: /Toàn tỉnh/ }).click();
      await page.getByTestId('province-table').waitFor();
      await page.getByTestId('national-table').waitFor(); // the national chart is audited too
      await audit(page, `province ${size}`);
      await shot(page, `a-province-${size}.png`);
      await page.close();
    }
  }, 120_000);

  it('time to interactive on desktop: a cold visit to a commune link until its level is on screen (measured, logged)', async () => {
    // A new context: empty HTTP cache, no service worker. Time from navigation start to the first animation
    // frame in which the commune's level card exists (the page has then run all its JS and decided the level).
    const ctx = await newContext('block');
    const samples: number[] = [];
    for (let i = 0; i < 3; i++) {
      const page = watch(await ctx.newPage());
      await page.goto(`${server.url}?p=01&c=00004`, { waitUntil: 'commit' });
      const handle = await page.waitForFunction(
        () => (document.querySelector('[data-testid="level-card"]') ? performance.now() : 0),
        undefined,
        { polling: 'raf', timeout: 20_000 },
      );
      samples.push((await handle.jsonValue()) as number);
      await page.close();
      await ctx.clearCookies();
    }
    await ctx.close();
    console.log(
      `[@cdsx/web] time to interactive (desktop, ms, 3 cold-ish loads): ${samples.map((x) => x.toFixed(0)).join(', ')}`,
    );
    for (const x of samples) expect(x).toBeGreaterThan(0);
  });

  it('keeps the initial JS (entry chunk and its static imports, gzipped) within the budget', () => {
    expect(size.initialGzipKb).toBeGreaterThan(0);
    expect(size.initialGzipKb).toBeLessThanOrEqual(size.budgetKb);
  });

  it('made no request outside 127.0.0.1 and logged no errors', () => {
    expect(external).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});

/** Dossiers as CSV in the column layout @cdsx/kpi's `dossierFromCsvRow` reads. */
function toCsv(dossiers: readonly Dossier[]): string {
  const cols = DOSSIER_FIELDS; // @cdsx/kpi's one field list, in its CSV column order
  const cell = (d: Dossier, k: (typeof cols)[number]): string => {
    const v = d[k];
    if (v === undefined) return '';
    if (k === 'supplementRequests') {
      return d.supplementRequests.map((s) => `${s.requestedAt}/${s.suppliedAt ?? ''}`).join(';');
    }
    const s = String(v);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [cols.join(','), ...dossiers.map((d) => cols.map((k) => cell(d, k)).join(','))].join('\n');
}
