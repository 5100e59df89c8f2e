import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generateDossiers } from '@cdsx/kpi/testing';
import { describe, expect, it } from 'vitest';
import { scoreFromCountsFile, scoreFromDossiers } from './score766';

const sample = JSON.parse(
  readFileSync(
    fileURLToPath(new URL('../../../packages/score766/examples/counts.sample.json', import.meta.url)),
    'utf8',
  ),
);

describe('the 766 panel data', () => {
  it('scores the chosen commune from a counts file', () => {
    const { result, issues } = scoreFromCountsFile(sample, '00004');
    expect(issues).toEqual([]);
    expect(result?.score.total.points).toBe(87.81);
    expect(scoreFromCountsFile(sample, '99999').result).toBeNull();
  });
  it('scores the latest year of the commune from dossiers, partial', async () => {
    const dossiers = [
      ...generateDossiers({ seed: 2, count: 300, communes: ['00004', '00008'], year: 2025 }),
      ...generateDossiers({ seed: 3, count: 300, communes: ['00004'], year: 2026 }),
    ];
    const r = await scoreFromDossiers(dossiers, '00004');
    expect(r?.score.period).toBe('2026');
    expect(r?.score.total.partial).toBe(true);
    expect(r?.score.indicators.find((i) => i.id === '2.1')?.outcome).toBe('scored');
    expect(await scoreFromDossiers(dossiers, '00025')).toBeNull();
  });
});
