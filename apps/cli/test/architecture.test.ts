import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cdsx, EXAMPLES, REPO, STACK, tempDir } from './helpers';

const EXAMPLE = join(REPO, 'packages/architecture/examples/rural-commune-0.3.0.json');

describe('cdsx architecture', () => {
  it('prints every component with its status (table), naming the editions and the unverified basis', () => {
    const r = cdsx(['architecture', EXAMPLE, '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^HTS7 +1 HTS +Essential at commune +✓ In place +HT\.06@1 met/m);
    expect(r.stdout).toMatch(
      /^HTS8 +1 HTS +Essential at commune +✗ Missing +HT\.07@1 not_met, HT\.08@1 met/m,
    );
    expect(r.stdout).toMatch(/^DL11 .+\? Not available +DL\.06@1 not_available/m);
    expect(r.stdout).toMatch(/^HTS1 .+↑ Provided by an upper level/m);
    expect(r.stdout).toMatch(
      /^HTS10 .+– Not applicable to the area group +A component of the Urban area group/m,
    );
    expect(r.stdout).toContain('unverified basis');
    expect(r.stdout).toContain('SYNTHETIC DATA');
  });

  it('json is the view; html embeds the accessible SVG diagram; md renders', () => {
    const j = cdsx(['architecture', EXAMPLE, '--format', 'json']);
    expect(j.code).toBe(0);
    const view = JSON.parse(j.stdout);
    expect(view.catalog.version).toBe('0.3.0');
    expect(Object.values(view.counts).every((n) => (n as number) > 0)).toBe(true);
    const h = cdsx(['architecture', EXAMPLE, '--format', 'html']);
    expect(h.stdout).toMatch(/<svg [^>]*role="img"/);
    expect(h.stdout).toContain('<desc id="cdsx-arch-desc">');
    const m = cdsx(['architecture', EXAMPLE, '--format', 'md']);
    expect(m.stdout).toMatch(/^\| HTS8 \|/m);
  });

  it('refuses an assessment under an edition without an architecture, located, without a stack trace', () => {
    const r = cdsx(['architecture', join(EXAMPLES, 'valid/urban-ward-quarter.json'), '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toMatch(/catalogVersion: edition 0\.1\.0 does not trace its criteria/);
    expect(r.stderr).not.toMatch(STACK);
  });

  it('reports an invalid assessment with its location', () => {
    const dir = tempDir();
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{ "commune": 1, "period": "2026", "catalogVersion": "0.3.0", "observations": {} }\n');
    const r = cdsx(['architecture', bad, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toMatch(/bad\.json:1:\d+ commune/);
  });
});
