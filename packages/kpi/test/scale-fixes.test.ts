import { fromZodError } from '@cdsx/criteria/internal';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { acceptDossier } from '../src/acceptor';
import { isDossierOnTime } from '../src/calculators';
import { addWorkingDays, dueDate, isWorkingDay, WorkingDayCalendar } from '../src/calendar/calendar';
import { parseInstant, parseIsoDay } from '../src/calendar/days';
import { parsePeriod } from '../src/period';
import { IdSet, idKey, RecordValidator, readDossiers } from '../src/readers';
import { type Dossier, DossierSchema } from '../src/schemas';
import { generateDossiers } from '../src/testing';
import { edgeDossiers } from './edge-data';

describe('deadlines starting on a rest day (Civil Code 2015 Art. 148(5))', () => {
  it('dueDate(Saturday, 0) is the next working day, Monday 5 January 2026', () => {
    expect(isWorkingDay('2026-01-03')).toBe(false);
    expect(dueDate('2026-01-03', 0)).toBe('2026-01-05');
    expect(addWorkingDays('2026-01-03', 0)).toBe('2026-01-05');
    expect(addWorkingDays('2026-02-14', 0)).toBe('2026-02-23'); // Saturday before Tết → after the break
    expect(dueDate('2026-03-02', 0)).toBe('2026-03-02'); // a working day stays
    expect(addWorkingDays('2026-01-05', -1)).toBe('2025-12-31'); // backwards skips the weekend and 1–2 January
  });
  const base: Dossier = {
    id: 'X',
    communeCode: '00004',
    procedureCode: '1.1',
    receivedAt: '2026-01-03T10:00:00+07:00',
    channel: 'direct',
    processingDays: 0,
    finishedAt: '2026-01-05T15:00:00+07:00',
    status: 'finished',
    supplementRequests: [],
    complaint: false,
    feeBearing: false,
    paidOnline: false,
    digitised: false,
    digitisedDataReused: false,
    electronicResult: false,
  };
  const last = parseIsoDay('2026-03-31') as number;
  it('a 0-day dossier received on Saturday and finished on Monday is on time; Tuesday is late', () => {
    expect(isDossierOnTime(base, last)).toBe(true);
    expect(isDossierOnTime({ ...base, finishedAt: '2026-01-06T08:00:00+07:00' }, last)).toBe(false);
  });
  it('an appointment date on a rest day moves to the next working day', () => {
    const d = { ...base, receivedAt: '2026-01-02T10:00:00+07:00', appointmentDate: '2026-01-04' };
    delete (d as Partial<Dossier>).processingDays;
    expect(isDossierOnTime(d, last)).toBe(true); // finished Monday 5/1, appointment Sunday 4/1
    expect(isDossierOnTime({ ...d, finishedAt: '2026-01-06T08:00:00+07:00' }, last)).toBe(false);
  });
});

describe('the calendar: cost independent of the spread of dates, bounded range', () => {
  it('far-apart dates build each year once and agree with day-by-day counting', () => {
    const cal = new WorkingDayCalendar();
    const t0 = process.cpuUsage();
    let sum = 0;
    for (let y = 1900; y <= 2199; y += 1) sum += cal.workingDaysBetween('2026-01-01', `${y}-06-15`);
    const cpuMs = (process.cpuUsage(t0).user + process.cpuUsage(t0).system) / 1000;
    expect(Number.isFinite(sum)).toBe(true);
    expect(cpuMs).toBeGreaterThan(0); // (printed for the record, never asserted as a time)
    // Day-by-day oracle over a window crossing years.
    const a = parseIsoDay('2025-12-20') as number;
    let n = 0;
    for (let d = a + 1; d <= a + 800; d++) if (cal.isWorkingDayNumber(d)) n++;
    expect(cal.workingDaysBetweenNumbers(a, a + 800)).toBe(n);
    expect(cal.addWorkingDaysNumber(a, n)).toBeLessThanOrEqual(a + 800);
    expect(cal.workingDaysBetweenNumbers(a, cal.addWorkingDaysNumber(a, n))).toBe(n);
  });
  it('a year outside 1900–2199 is a RangeError, not a computation', () => {
    expect(() => isWorkingDay('2300-01-01')).toThrow(RangeError);
    expect(() => isWorkingDay('1899-12-31')).toThrow(/1900/);
  });
  it('dossier dates outside 2000–2099 are located errors', async () => {
    const [d] = [...generateDossiers({ seed: 1, count: 1, communes: ['00004'], year: 2026 })];
    const far = {
      ...d,
      supplementRequests: [{ requestedAt: '9999-01-01T00:00:00Z' }],
      status: 'in_progress',
    };
    delete (far as Partial<Dossier>).finishedAt;
    const reader = readDossiers(JSON.stringify(far));
    for await (const _ of reader);
    expect(reader.summary.rejected).toBe(1);
    expect(reader.summary.issues[0]).toMatchObject({
      code: 'date_out_of_range',
      path: 'supplementRequests[0].requestedAt',
    });
  });
});

describe('the compiled dossier acceptor agrees with the schema', () => {
  it('accepts what the schema accepts (same value) and declines everything the schema rejects', () => {
    const mutations: Array<(d: Record<string, unknown>) => void> = [
      (d) => delete d.id,
      (d) => (d.id = ' padded '),
      (d) => (d.communeCode = '0004'),
      (d) => (d.provinceCode = '1'),
      (d) => (d.receivedAt = '2026-02-30T10:00:00Z'),
      (d) => (d.receivedAt = '1999-12-31T16:59:59Z'),
      (d) => (d.receivedAt = '1999-12-31T17:00:00Z'),
      // Offsets a real zone cannot have, the edges that remain, and year 0000.
      (d) => (d.receivedAt = '2026-03-05T09:30:00+14:59'),
      (d) => (d.receivedAt = '2026-03-05T09:30:00+14:00'),
      (d) => (d.receivedAt = '2026-03-05T09:30:00+14:15'),
      (d) => (d.receivedAt = '2026-03-05T09:30:00-12:00'),
      (d) => (d.receivedAt = '2026-03-05T09:30:00-12:30'),
      (d) => (d.receivedAt = '2026-03-05T09:30:00-13:00'),
      (d) => (d.receivedAt = '2026-03-05T09:30:00+05:45'),
      (d) => (d.receivedAt = '2026-03-05T09:30:00+07:07'),
      (d) => (d.receivedAt = '2026-03-05T09:30:00-09:30'),
      (d) => (d.receivedAt = '0000-03-05T09:30:00Z'),
      (d) => (d.finishedAt = '2026-12-31T09:30:00+07:59'),
      (d) =>
        (d.supplementRequests = [{ requestedAt: d.receivedAt, suppliedAt: '2026-12-31T09:30:00-14:00' }]),
      (d) => (d.channel = 'fax'),
      (d) => (d.onlineMode = d.onlineMode ? undefined : 'full'),
      (d) => (d.appointmentDate = '2026-13-01'),
      // The accepted years of an appointment date, 2000–2099, at their edges (the acceptor reads the digits).
      (d) => (d.appointmentDate = '1999-12-31'),
      (d) => (d.appointmentDate = '2000-01-01'),
      (d) => (d.appointmentDate = '2099-12-31'),
      (d) => (d.appointmentDate = '2100-01-01'),
      (d) => (d.appointmentDate = '3026-01-01'),
      (d) => (d.appointmentDate = '2028-02-29'),
      (d) => (d.appointmentDate = '2026-02-29'),
      (d) => (d.processingDays = 1.5),
      (d) => (d.processingDays = -1),
      (d) => {
        delete d.appointmentDate;
        delete d.processingDays;
      },
      (d) => (d.status = d.finishedAt ? 'in_progress' : 'finished'),
      (d) => (d.finishedAt = '2025-01-01T00:00:00Z'),
      (d) => (d.supplementRequests = [{ requestedAt: '2020-01-01T00:00:00Z' }]),
      (d) => (d.supplementRequests = [{ requestedAt: d.receivedAt, extra: 1 }]),
      (d) => (d.supplementRequests = Array.from({ length: 101 }, () => ({ requestedAt: d.receivedAt }))),
      (d) => (d.rating = 'ok'),
      (d) => (d.complaint = 'false'),
      (d) => (d.feeAmount = -1),
      (d) => {
        d.paidOnline = true;
        d.feeBearing = false;
      },
      (d) => (d.unknown = 1),
      // An own "__proto__" key, as JSON.parse makes from '{"__proto__": 1}' (assigning d.__proto__ = 1 would
      // go through the accessor and change nothing).
      (d) =>
        Object.defineProperty(d, '__proto__', {
          value: 1,
          enumerable: true,
          writable: true,
          configurable: true,
        }),
    ];
    let accepted = 0;
    let rejected = 0;
    let declined = 0;
    let i = 0;
    for (const d of edgeDossiers(99, 3000)) {
      const value = JSON.parse(JSON.stringify(d)) as Record<string, unknown>;
      if (i % 2 === 1) (mutations[i % mutations.length] as (d: Record<string, unknown>) => void)(value);
      i++;
      const fast = acceptDossier(value);
      const zod = DossierSchema.safeParse(value);
      if (fast !== undefined) {
        expect(zod.success).toBe(true);
        expect(fast).toEqual(zod.data);
        accepted++;
      } else if (!zod.success) rejected++;
      else {
        // The acceptor may decline a valid record only where the schema transforms it (trimmed ids).
        expect(zod.data.id !== value.id || zod.data.procedureCode !== value.procedureCode).toBe(true);
        declined++;
      }
    }
    expect(accepted).toBeGreaterThan(1000);
    expect(rejected).toBeGreaterThan(1000);
    expect(declined).toBeGreaterThan(0);
  });
});

describe('zone offsets and year 0000 in instants', () => {
  const [base] = [...generateDossiers({ seed: 2, count: 1, communes: ['00004'], year: 2026 })];
  const at = (receivedAt: string) => {
    const d = { ...(base as Dossier), receivedAt, status: 'in_progress' as const };
    delete (d as Partial<Dossier>).finishedAt;
    return d;
  };
  it('accepts only −12:00 … +14:00 in quarter hours; schema and acceptor agree on each', () => {
    const good = ['+14:00', '-12:00', '+05:45', '+12:45', '-09:30', '+00:00', '-00:00', '+07:00'];
    const bad = ['+14:59', '+14:15', '+14:01', '-12:15', '-13:00', '+15:00', '+07:07', '+05:50', '-03:59'];
    for (const off of good) {
      const d = at(`2026-03-05T09:30:00${off}`);
      expect(DossierSchema.safeParse(d).success, off).toBe(true);
      expect(acceptDossier(d), off).toEqual(d);
      // Oracle: the engine's own Date parser reads the same instant.
      expect(parseInstant(d.receivedAt), off).toBe(Date.parse(d.receivedAt));
    }
    for (const off of bad) {
      const d = at(`2026-03-05T09:30:00${off}`);
      const r = DossierSchema.safeParse(d);
      expect(r.success, off).toBe(false);
      expect(acceptDossier(d), off).toBeUndefined();
    }
  });
  it('a bad offset or year 0000 is a located bilingual error on the line and field', async () => {
    const lines = [
      at('2026-03-05T09:30:00+14:59'),
      at('0000-03-05T09:30:00Z'),
      at('2026-03-05T09:30:00+07:00'),
    ]
      .map((d, i) => JSON.stringify({ ...d, id: `OFF${i}` }))
      .join('\n');
    const reader = readDossiers(lines);
    const out = [];
    for await (const d of reader) out.push(d);
    expect(out.map((d) => d.id)).toEqual(['OFF2']);
    const [a, b] = reader.summary.issues;
    expect(a).toMatchObject({ code: 'invalid_instant', path: 'receivedAt', line: 1 });
    expect(a?.message.vi).toMatch(/-12:00 đến \+14:00/);
    expect(a?.message.en).toMatch(/-12:00 to \+14:00, minutes 00, 15, 30 or 45/);
    expect(b).toMatchObject({ code: 'date_out_of_range', path: 'receivedAt', line: 2 });
    expect(b?.message.vi).toMatch(/2000–2099/);
    expect([reader.summary.accepted, reader.summary.rejected]).toEqual([1, 2]);
  });
});

describe('duplicate ids', () => {
  it('are compared exactly: a 32-bit hash collision never makes two ids one', () => {
    // Find two different ids with the same hash by brute force over a small space.
    const set = new IdSet();
    const seen = new Map<number, string>();
    const hash = (id: string) => {
      let h = 0x811c9dc5;
      for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
      return (h ^ (h >>> 15)) >>> 0;
    };
    let pair: [string, string] | undefined;
    for (let i = 0; i < 300_000 && !pair; i++) {
      const id = `H${i}`;
      const h = hash(id) & 0xfffff; // collide on 20 bits; the set must still tell them apart
      const other = seen.get(h);
      if (other) pair = [other, id];
      else seen.set(h, id);
    }
    expect(pair).toBeDefined();
    const [a, b] = pair as [string, string];
    expect(set.addOrGet(a, 1)).toBe(0);
    expect(set.addOrGet(b, 2)).toBe(0);
    expect(set.addOrGet(a, 3)).toBe(1);
    expect(set.addOrGet(b, 4)).toBe(2);
    expect(set.count).toBe(2);
  });
  it('keeps one-byte (ASCII, Latin-1) and two-byte ids apart and finds each again across growth', () => {
    const set = new IdSet();
    const ids: string[] = [];
    // 70,000 ids: past the first table growth (49,152) and the first arena growth (1 MiB).
    for (let i = 0; i < 70_000; i++) ids.push(i % 3 === 0 ? `HỒ-SƠ-${i}` : i % 3 === 1 ? `é-${i}` : `H-${i}`);
    ids.push('', 'ồ', 'o', '\u0100', '\u00ff');
    const firstTime = ids.map((id, k) => set.addOrGet(id, k + 1));
    expect(firstTime.every((f) => f === 0)).toBe(true);
    expect(set.count).toBe(ids.length);
    const again = ids.map((id) => set.addOrGet(id, 999_999));
    expect(again.every((f, k) => f === k + 1)).toBe(true);
    expect(set.count).toBe(ids.length);
  });
  it('stores ids across pages and an id longer than a page, and finds each again', () => {
    const set = new IdSet();
    const ids: string[] = [];
    // About 3.4 MB of ids (four 1 MiB pages), with ids that do not fit the rest of a page.
    for (let i = 0; i < 40_000; i++) ids.push(`${'x'.repeat(i % 150)}-${i}`);
    const huge = 'H'.repeat((1 << 20) + 5);
    const hugeWide = 'Ồ'.repeat((1 << 19) + 5);
    ids.push(huge, hugeWide, `${huge}!`);
    expect(ids.map((id, k) => set.addOrGet(id, k + 1)).every((f) => f === 0)).toBe(true);
    expect(ids.map((id) => set.addOrGet(id, 999_999)).every((f, k) => f === k + 1)).toBe(true);
    // A copy of the long id (another string object) is the same id.
    expect(set.addOrGet('H'.repeat((1 << 20) + 5), 1_000_000)).toBe(ids.length - 2);
    expect(set.count).toBe(ids.length);
  });
  it('ids differing only by Unicode normalisation (NFC/NFD) are duplicates', () => {
    const nfc = 'HỒ-SƠ-1'.normalize('NFC');
    const nfd = nfc.normalize('NFD');
    expect(nfc).not.toBe(nfd);
    expect(idKey(nfd)).toBe(idKey(nfc));
    const v = new RecordValidator(z.object({ id: z.string() }));
    expect(v.check({ id: nfc })).toBeDefined();
    expect(v.check({ id: nfd })).toBeUndefined();
    expect(v.summary.duplicates).toBe(1);
  });
});

describe('small ones', () => {
  it('parsePeriod(null) and other non-periods give null, not a TypeError', () => {
    expect(parsePeriod(null as never)).toBeNull();
    expect(parsePeriod(42 as never)).toBeNull();
    expect(parsePeriod({} as never)).toBeNull();
    expect(parsePeriod('2026-Q1')?.label).toBe('2026-Q1');
  });
  it('a record reader read twice is an error, not an empty second pass', async () => {
    const reader = readDossiers('');
    for await (const _ of reader);
    await expect(async () => {
      for await (const _ of reader);
    }).rejects.toThrow(/only once|một lần/);
  });
});

describe('the rejected path reports exactly what the schema says (issue 17 item 4)', () => {
  it('each rejected record carries the issues of DossierSchema.safeParse, located, in order', async () => {
    const bad: Record<string, unknown>[] = [];
    const breakers: Array<(d: Record<string, unknown>) => void> = [
      (d) => (d.receivedAt = '2026-02-30T09:00:00+07:00'),
      (d) => (d.channel = 'fax'),
      (d) => (d.communeCode = '4'),
      (d) => (d.complaint = 'maybe'),
      (d) => {
        d.status = 'done';
        d.feeAmount = -1;
      },
      (d) => delete d.receivedAt,
      (d) => (d.extra = 1),
      (d) => (d.processingDays = -3),
      (d) => (d.supplementRequests = [{ requestedAt: 'soon' }]),
      (d) => (d.finishedAt = '2025-01-01T00:00:00+07:00'),
    ];
    let i = 0;
    for (const d of edgeDossiers(5, 600)) {
      const v = JSON.parse(JSON.stringify(d)) as Record<string, unknown>;
      (breakers[i++ % breakers.length] as (d: Record<string, unknown>) => void)(v);
      bad.push(v);
    }
    const reader = readDossiers(bad.map((v) => JSON.stringify(v)).join('\n'), { maxIssues: 100_000 });
    for await (const _ of reader) expect.unreachable();
    // Oracle: zod's own public safeParse, converted by @cdsx/criteria, located by hand.
    const expected = bad.flatMap((v, k) => {
      const r = DossierSchema.safeParse(v, { reportInput: true });
      expect(r.success).toBe(false);
      return fromZodError(r.error as z.ZodError).map((issue) => ({ ...issue, record: k + 1, line: k + 1 }));
    });
    expect(reader.summary.rejected).toBe(bad.length);
    expect(JSON.stringify(reader.summary.issues)).toBe(JSON.stringify(expected));
    expect(reader.summary.issues.some((x) => /nhận được|got/.test(x.message.en + x.message.vi))).toBe(true);
  });
});
