import { latestEdition } from '@cdsx/criteria/editions';
import { generateDossiers } from '@cdsx/kpi/testing';
import { generateSyntheticAssessments } from '@cdsx/rules/synthetic';
import { describe, expect, it } from 'vitest';
import { readUserFile } from './load';

const edition = latestEdition.edition;
const [assessment] = generateSyntheticAssessments({
  edition,
  communes: [{ code: '00004', name: 'Ba Đình', provinceCode: '01', unitType: 'phuong' }],
});
const dossiers = [...generateDossiers({ seed: 5, count: 4, communes: ['00004'], year: 2026 })];

describe('readUserFile', () => {
  it('reads a valid assessment under the edition it names', async () => {
    const r = await readUserFile('a.json', JSON.stringify(assessment));
    expect(r.kind).toBe('assessment');
    if (r.kind === 'assessment') expect(r.assessment.commune.code).toBe('00004');
  });

  it('locates malformed JSON by line and column, in vi and en', async () => {
    const r = await readUserFile('a.json', '{\n  "period": 2026,,\n}');
    expect(r.kind).toBe('error');
    if (r.kind !== 'error') return;
    expect(r.issues[0]).toMatchObject({ code: 'malformed_json', line: 2 });
    expect(r.issues[0]!.message.vi).toContain('a.json');
    expect(r.issues[0]!.message.en).toContain('line 2');
  });

  it('names the field and the value of a wrong observation', async () => {
    const pct = edition.criteria.find((c) => c.measure === 'percentage')!;
    const bad = {
      ...assessment,
      observations: { ...assessment!.observations, [pct.id]: { value: 180, source: 'computed' } },
    };
    const r = await readUserFile('a.json', JSON.stringify(bad));
    expect(r.kind).toBe('error');
    if (r.kind !== 'error') return;
    expect(r.issues.map((i) => i.path)).toContain(`observations["${pct.id}"].value`);
  });

  it('reports an unknown catalog version instead of guessing one', async () => {
    const r = await readUserFile('a.json', JSON.stringify({ ...assessment, catalogVersion: '9.9.9' }));
    expect(r.kind === 'error' && r.issues[0]!.code).toBe('unknown_catalog_version');
  });

  it('refuses an unknown file type', async () => {
    const r = await readUserFile('notes.txt', 'hello');
    expect(r.kind === 'error' && r.issues[0]!.code).toBe('unsupported_file');
  });

  it('reads NDJSON dossiers; one bad record refuses the file, naming record, line and field', async () => {
    const good = await readUserFile('d.ndjson', dossiers.map((d) => JSON.stringify(d)).join('\n'));
    expect(good.kind === 'dossiers' && good.dossiers.length).toBe(4);

    const lines = dossiers.map((d) => JSON.stringify(d));
    lines[2] = JSON.stringify({ ...dossiers[2], status: 'lost' });
    const bad = await readUserFile('d.ndjson', lines.join('\n'));
    expect(bad.kind).toBe('error');
    if (bad.kind === 'error') expect(bad.issues[0]).toMatchObject({ record: 3, line: 3, path: 'status' });
  });

  it('reports duplicate dossier ids and empty files', async () => {
    const dup = await readUserFile(
      'd.ndjson',
      [dossiers[0], dossiers[0]].map((d) => JSON.stringify(d)).join('\n'),
    );
    expect(dup.kind === 'error' && dup.issues[0]).toMatchObject({ code: 'duplicate_id', record: 2 });
    const empty = await readUserFile('d.ndjson', '\n\n');
    expect(empty.kind === 'error' && empty.issues[0]!.code).toBe('empty_file');
  });

  it('reads CSV dossiers with @cdsx/kpi row conversion; a bad cell or a short row is located', async () => {
    const header =
      'id,communeCode,procedureCode,receivedAt,channel,appointmentDate,status,finishedAt,supplementRequests,complaint,feeBearing,paidOnline,digitised,digitisedDataReused,electronicResult';
    const row = (id: string, channel = 'direct') =>
      `${id},00004,1.001,2026-03-02T09:00:00+07:00,${channel},2026-03-06,finished,2026-03-05T10:00:00+07:00,,false,false,false,true,false,true`;
    const good = await readUserFile('d.csv', [header, row('A'), row('B')].join('\n'));
    expect(good.kind === 'dossiers' && good.dossiers.map((d) => d.id)).toEqual(['A', 'B']);

    const bad = await readUserFile('d.csv', [header, row('A'), row('B', 'fax'), '1,2,3'].join('\n'));
    expect(bad.kind).toBe('error');
    if (bad.kind !== 'error') return;
    expect(bad.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ record: 2, line: 3, path: 'channel' }),
        expect.objectContaining({ code: 'invalid_column_count', record: 3 }),
      ]),
    );
  });
});
