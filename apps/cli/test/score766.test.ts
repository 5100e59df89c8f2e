import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cdsx, REPO, tempDir } from './helpers';

const SAMPLE = join(REPO, 'packages/score766/examples/counts.sample.json');

describe('cdsx score766', () => {
  it('scores the sample counts, ranks within the province and names the profile', () => {
    const r = cdsx(['score766', SAMPLE, '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/1\/2\s+00008\s+Phường Ngọc Hà\s+01\s+91\.58/);
    expect(r.stdout).toMatch(
      // Points in the one number style (@cdsx/criteria formatNumber): at most two decimals, trailing zeros dropped.
      /2\/2\s+00004\s+Phường Ba Đình\s+01\s+87\.81\s+17\.39\s+19\.4\s+10\.08\s+7\.5\s+15\.44\s+18\s/,
    );
    expect(r.stdout).toMatch(/1\/1\s+00025 .* partial: 1\.4, 3\.5, 3\.5b, 3\.6 not available/);
    expect(r.stdout).toMatch(/Formula profile qd766-portal-2026\.1 \(sha256:[0-9a-f]{64}\)/);
    const json = JSON.parse(cdsx(['score766', SAMPLE, '--format', 'json']).stdout);
    expect(json.profile.id).toBe('qd766-portal-2026.1');
    const s = json.scores.find((x: { unitCode: string }) => x.unitCode === '00004');
    expect(s.total.points).toBe(87.81);
    expect(s.groups.find((g: { id: string }) => g.id === 'onlinePayment').points).toBe(7.5);
    const ndjson = cdsx(['score766', SAMPLE, '--format', 'ndjson']).stdout.trim().split('\n');
    expect(ndjson).toHaveLength(3);
  });

  it('reports bad units with their location, still scores the good ones, exits 1', () => {
    const dir = tempDir();
    const doc = JSON.parse(readFileSync(SAMPLE, 'utf8'));
    doc.units[0].metrics[0].numerator = 99; // 99 > 12
    doc.units[1].totalOnTime = -1;
    doc.units[1].metrics.push({ metricCode: 'NOPE', numerator: 1, denominator: 1 });
    doc.units.push(structuredClone(doc.units[2]));
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify(doc, null, 2));
    const r = cdsx(['score766', file, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      'units[0].metrics[0].numerator: PUBLISH_ON_TIME: numerator 99 is greater than denominator 12',
    );
    expect(r.stdout).toContain('units[1].totalOnTime:');
    expect(r.stdout).toContain('units[1].metrics[16].metricCode: metric code "NOPE" is not one of');
    expect(r.stdout).toContain('units[3].unitCode: unit 00025 for 2026-03 duplicates units[2]');
    expect(r.stdout).toContain('1 unit could not be scored');
    // The three distinct units are still scored, with the bad inputs not available.
    expect(r.stdout).toMatch(/00004 .* partial: 1\.1 not available/);
    expect(r.stdout).toMatch(/00008 .* partial: 2\.1 not available/);
  });

  it('what-if: points per indicator and the fewest records to a target', () => {
    const r = cdsx([
      'score766',
      SAMPLE,
      '--what-if',
      '00004',
      '--target',
      '90',
      '--step',
      '12',
      '--lang',
      'en',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/2\.1\s+Dossiers processed early or on time\s+12 dossiers\s+0\.2\s+36/);
    expect(r.stdout).toContain('Fewest records to reach 90 points (now 87.81)');
    expect(r.stdout).toMatch(/After the moves: 90(\.\d+)? points \(\d+ records\)\./);
    const json = JSON.parse(
      cdsx(['score766', SAMPLE, '--what-if', '00004', '--target', '90', '--format', 'json']).stdout,
    );
    expect(json.whatIf.plan.reached).toBe(true);
    expect(json.whatIf.plan.after.total.points).toBeGreaterThanOrEqual(90);
    expect(cdsx(['score766', SAMPLE, '--what-if', '99999']).code).toBe(1);
    expect(cdsx(['score766', SAMPLE, '--target', '90']).code).toBe(2);
  });

  it('reads dossiers through @cdsx/kpi: partial scores, ranked among themselves', async () => {
    const { generateDossiers } = await import('@cdsx/kpi/testing');
    const dir = tempDir();
    const file = join(dir, 'dossiers.ndjson');
    const communes = ['00004', '00008'].map((code) => ({ code, provinceCode: '01' }));
    const lines = [...generateDossiers({ seed: 3, count: 400, communes, year: 2026 })].map((d) =>
      JSON.stringify(d),
    );
    writeFileSync(file, `${lines.join('\n')}\n`);
    expect(cdsx(['score766', file]).code).toBe(2); // --period is required
    const r = cdsx(['score766', file, '--period', '2026', '--format', 'json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.scores.map((s: { unitCode: string }) => s.unitCode).sort()).toEqual(['00004', '00008']);
    for (const s of json.scores) {
      expect(s.total.partial).toBe(true);
      expect(s.of).toBe(2);
      expect(s.groups.find((g: { id: string }) => g.id === 'transparency').points).toBeNull();
    }
  });
});
