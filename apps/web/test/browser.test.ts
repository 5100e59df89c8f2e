/**
 * End-to-end tests in a real browser: Debian's Chromium driven by playwright-core against the built site
 * (dist/) served on 127.0.0.1. Nothing is downloaded; a missing Chromium or a missing build fails loudly.
 * Screenshots go to apps/web/artifacts/ (git-ignored) for the reviewer to look at.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Assessment } from '@cdsx/criteria';
import { communeByCode, communesOfProvince } from '@cdsx/criteria/communes';
import { latestEdition } from '@cdsx/criteria/editions';
import { computeDossierKpis, type Dossier, formatKpiValue } from '@cdsx/kpi';
import { generateDossiers } from '@cdsx/kpi/testing';
import { assess, type DecisionRecord } from '@cdsx/rules';
import { generateSyntheticAssessments } from '@cdsx/rules/synthetic';
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
    if (m.type() === 'error' && !/net::ERR_FAILED|Failed to fetch dynamically imported module/.test(m.text())) {
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

    const expected = assess(synthetic('00004'));
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
      .map((x) => ({ ...x, record: assess(x.assessment) }))
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
    const after: DecisionRecord = assess(edited);
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
    expect(await levelOf(page)).toBe(assess(mine).level.level);
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
    await expect.poll(() => panel.textContent()).toContain(`${expected766.total.points.toFixed(2)} / 100`);
    const progress = expected766.groups.find((g) => g.id === 'progress')!.points!;
    expect(
      await page.getByTestId('score766-table').locator('tr[data-group="progress"]').textContent(),
    ).toContain(progress.toFixed(2));
    expect(
      await page.getByTestId('score766-table').locator('tr[data-group="transparency"]').textContent(),
    ).toContain('không có');
    await page.getByTestId('score766-delta').fill('5');
    await expect
      .poll(() => page.getByTestId('score766-gain').textContent())
      .toMatch(/^\+\d+\.\d\d điểm → tổng/);
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
    const expected = assess(synthetic('00004'));
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
    const records = communes.map((c) => assess(synthetic(c.code)));
    const counts = await page
      .getByTestId('level-counts')
      .locator('li')
      .evaluateAll((els) =>
        els.map((e) => [Number(e.getAttribute('data-level')), Number(e.getAttribute('data-count'))]),
      );
    for (const [lvl, n] of counts) expect(n).toBe(records.filter((r) => r.level.level === lvl).length);
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
  const cols = [
    'id',
    'communeCode',
    'provinceCode',
    'procedureCode',
    'receivedAt',
    'channel',
    'onlineMode',
    'appointmentDate',
    'processingDays',
    'finishedAt',
    'status',
    'supplementRequests',
    'rating',
    'complaint',
    'feeBearing',
    'feeAmount',
    'paidOnline',
    'digitised',
    'digitisedDataReused',
    'electronicResult',
  ] as const;
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
