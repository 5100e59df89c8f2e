import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Assessment } from '@cdsx/criteria';
import { EDITIONS, getEdition } from '@cdsx/criteria/editions';
import { assess } from '@cdsx/rules';
import { describe, expect, it } from 'vitest';
import { published } from './editions/1.0.0';
import { architectureTextAlternative, renderArchitectureSvg, STATUS_STYLE } from './svg';
import { type ArchitectureView, architectureView, COMPONENT_STATUSES, type DecisionLike } from './view';

const example = JSON.parse(
  readFileSync(join(__dirname, '../examples/rural-commune-0.3.0.json'), 'utf8'),
) as Assessment;
const e030 = getEdition('0.3.0');
if (!e030.ok) throw new Error('0.3.0');
const catalog = e030.value;

function viewOf(a: Assessment): ArchitectureView {
  const record = assess(a, { edition: EDITIONS });
  const r = architectureView({ record, catalog, architecture: published });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

describe('architectureView on the example rural commune (decided by @cdsx/rules under 0.3.0)', () => {
  const view = viewOf(example);
  const status = (code: string) => view.components.find((c) => c.code === code)?.status;

  it('reaches every status', () => {
    for (const s of COMPONENT_STATUSES) expect(view.counts[s], s).toBeGreaterThan(0);
    expect(Object.values(view.counts).reduce((a, b) => a + b, 0)).toBe(view.components.length);
  });

  it('gives the hand-computed status of each kind of component', () => {
    // HT.06 = true, mandatory "= true" at level 1 for rural communes.
    expect(status('HTS7')).toBe('in_place');
    // HT.07 = 60% < 95% (rural, level 1), although HT.08 (3 ≥ 1) is met: any not met → missing.
    expect(status('HTS8')).toBe('missing');
    expect(view.components.find((c) => c.code === 'HTS8')!.criteria).toEqual([
      { id: 'HT.07', level: 1, outcome: 'not_met' },
      { id: 'HT.08', level: 1, outcome: 'met' },
    ]);
    // DL.06 not observed: unknown, never met.
    expect(status('DL11')).toBe('not_available');
    // Deliberately unmeasured essential component: not available, with the edition's reason.
    expect(status('ƯDKTS6')).toBe('not_available');
    expect(view.components.find((c) => c.code === 'ƯDKTS6')!.reason?.en).toMatch(/directly/);
    // Central and provincial tiers.
    expect(status('HTS1')).toBe('upper_level');
    expect(status('NTL4')).toBe('upper_level');
    // Urban and remote components for a rural commune.
    expect(status('HTS10')).toBe('not_applicable');
    expect(status('HTS19')).toBe('not_applicable');
    // A rural component, measured by an extended criterion whose lowest level is 2 (HT.11 = true).
    expect(status('HTS15')).toBe('in_place');
    expect(view.components.find((c) => c.code === 'HTS15')!.criteria).toEqual([
      { id: 'HT.11', level: 2, outcome: 'met' },
    ]);
  });

  it('leaves extension slots out and cites the architecture and the edition', () => {
    expect(view.components.some((c) => c.code === 'HTS9')).toBe(false);
    expect(view.components).toHaveLength(published.edition.components.filter((c) => !c.extensionSlot).length);
    expect(view.architecture).toEqual({
      id: published.edition.id,
      version: '1.0.0',
      contentHash: published.contentHash,
      basisStatus: 'unverified',
    });
    expect(view.catalog).toEqual({ version: '0.3.0', contentHash: catalog.contentHash });
  });

  it('turns a missing component into in place when its criteria are met', () => {
    const fixed = structuredClone(example);
    fixed.observations['HT.07'] = { value: 100, source: 'self_declared' };
    expect(viewOf(fixed).components.find((c) => c.code === 'HTS8')!.status).toBe('in_place');
  });

  it('refuses a record decided under another edition, or an edition without an architecture', () => {
    const record = assess(example, { edition: EDITIONS });
    const other: DecisionLike = { ...record, catalog: { version: '0.2.0', contentHash: 'sha256:x' } };
    const r1 = architectureView({ record: other, catalog, architecture: published });
    expect(r1.ok ? null : r1.issues[0]!.code).toBe('catalog_mismatch');
    const e020 = getEdition('0.2.0');
    if (!e020.ok) throw new Error('0.2.0');
    const r2 = architectureView({
      record: { ...record, catalog: { version: '0.2.0', contentHash: e020.value.contentHash } },
      catalog: e020.value,
      architecture: published,
    });
    expect(r2.ok ? null : r2.issues[0]!.code).toBe('no_architecture');
  });
});

/** Minimal XML well-formedness check: every element closed in order, attributes quoted, no stray '<'. */
function wellFormed(xml: string): boolean {
  const stack: string[] = [];
  const re = /<(\/?)([a-zA-Z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/g;
  let last = 0;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    if (xml.slice(last, m.index).includes('<')) return false;
    last = re.lastIndex;
    if (m[1]) {
      if (stack.pop() !== m[2]) return false;
    } else if (!m[4]) stack.push(m[2]!);
  }
  return stack.length === 0 && !xml.slice(last).includes('<');
}

describe('renderArchitectureSvg', () => {
  const view = viewOf(example);
  const svg = renderArchitectureSvg(view, published, { lang: 'vi' });

  it('is well-formed, self-contained and deterministic', () => {
    expect(wellFormed(svg)).toBe(true);
    expect(svg).not.toMatch(/href=|<script|<image|url\(/);
    expect(renderArchitectureSvg(viewOf(example), published, { lang: 'vi' })).toBe(svg);
  });

  it('has a text alternative: role img, a title and a desc naming every component and its status', () => {
    expect(svg).toMatch(/<svg [^>]*role="img"[^>]*aria-labelledby="cdsx-arch-title cdsx-arch-desc"/);
    expect(svg).toContain('<title id="cdsx-arch-title">Kiến trúc chuyển đổi số của Mường Chiên');
    const desc = /<desc id="cdsx-arch-desc">([\s\S]*?)<\/desc>/.exec(svg)![1]!;
    for (const c of view.components) expect(desc).toContain(c.code);
    expect(desc).toContain('HTS8 còn thiếu');
    expect(architectureTextAlternative(view, published, 'en')).toContain('HTS8 missing');
  });

  it('draws each component once, coloured and marked by its status', () => {
    for (const c of view.components) {
      const st = STATUS_STYLE[c.status];
      const symbol = st.symbol.replace(/[?]/g, '\\?');
      const chip = new RegExp(
        `<g><title>${c.code} – [^<]*</title>\\n<rect [^>]*fill="${st.fill}"/>\\n<text [^>]*>${symbol} ${c.code}</text></g>`,
      );
      expect(svg, c.code).toMatch(chip);
    }
    expect(svg.match(/<g><title>/g)).toHaveLength(view.components.length);
    // Four layers, layer 4 drawn first (on top).
    const layers = [...svg.matchAll(/aria-label="Lớp (\d)/g)].map((m) => m[1]);
    expect(layers).toEqual(['4', '3', '2', '1']);
  });
});
