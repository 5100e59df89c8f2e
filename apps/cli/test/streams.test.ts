import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, EXAMPLES, REPO, STACK, tempDir } from './helpers';

// Issue 17, items 6 and 7: standard input is streamed (never buffered whole), an interrupted --out leaves
// no temporary and the old file, and an unreadable input is a clear, bilingual error.

const dir = tempDir();
// Loaded into the child with -r: reports the child's own peak RSS (KiB) on stderr when it exits.
const PRELOAD = join(dir, 'maxrss.cjs');
writeFileSync(
  PRELOAD,
  "process.on('exit', () => require('node:fs').writeSync(2, '\\nmaxrss_kib=' + process.resourceUsage().maxRSS + '\\n'));\n",
);

const DOSSIER = (i: number) =>
  JSON.stringify({
    id: `HS-${i}`,
    communeCode: '00004',
    procedureCode: '1.001612',
    receivedAt: '2026-03-02T08:15:00+07:00',
    channel: 'online',
    onlineMode: 'full',
    appointmentDate: '2026-03-05',
    finishedAt: '2026-03-04T16:00:00+07:00',
    status: 'finished',
    supplementRequests: [],
    rating: 'satisfied',
    complaint: false,
    feeBearing: false,
    paidOnline: false,
    digitised: true,
    digitisedDataReused: true,
    electronicResult: true,
  });

/** 1 MiB of blank lines (1,024 lines of 1,023 spaces): records' worth of bytes that cost little to read. */
const BLANK_MIB = `${' '.repeat(1023)}\n`.repeat(1024);

interface Child {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  maxRssKib: number;
}

/**
 * Run the CLI with a small heap and feed its standard input from `parts` through a pipe, honouring
 * backpressure (the input is never held whole by this side either).
 */
function feed(args: string[], parts: Iterable<string>, env: Record<string, string> = {}): Promise<Child> {
  const child = spawn(process.execPath, ['--max-old-space-size=48', '-r', PRELOAD, CLI, ...args], {
    cwd: REPO,
    env: { ...process.env, NO_COLOR: '1', ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => {
    stdout += d;
  });
  child.stderr.setEncoding('utf8').on('data', (d: string) => {
    stderr += d;
  });
  const done = new Promise<Child>((resolve) =>
    child.on('close', (code, signal) => {
      const m = /maxrss_kib=(\d+)/.exec(stderr);
      resolve({ code, signal, stdout, stderr, maxRssKib: m ? Number(m[1]) : Number.NaN });
    }),
  );
  const it = parts[Symbol.iterator]();
  const pump = () => {
    for (let n = it.next(); !n.done; n = it.next()) {
      if (!child.stdin.write(n.value)) {
        child.stdin.once('drain', pump);
        return;
      }
    }
    child.stdin.end();
  };
  child.stdin.on('error', () => {}); // the child may stop reading early; its exit code tells
  pump();
  return done;
}

const PADDING_MIB = 160;

describe('standard input is streamed, not buffered (issue 17, item 6)', () => {
  it('cdsx kpi - reads 160 MiB through a 48 MB heap, locating errors at <stdin>:line', async () => {
    const badLine = 2000 + 1024 * PADDING_MIB + 1;
    const r = await feed(
      ['kpi', '-', '--period', '2026-Q1', '--lang', 'en', '--format', 'json'],
      (function* () {
        yield `${Array.from({ length: 2000 }, (_, i) => (i === 6 ? '{"id":"bad"}' : DOSSIER(i + 1))).join('\n')}\n`;
        for (let i = 0; i < PADDING_MIB; i++) yield BLANK_MIB;
        yield '{"id":"bad2"}\n';
      })(),
    );
    expect(r.signal).toBeNull();
    expect(r.stderr).not.toMatch(/internal error|heap out of memory/i);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { records: { records: number; accepted: number; rejected: number } };
    expect(out.records).toMatchObject({ records: 2001, accepted: 1999, rejected: 2 });
    expect(r.stderr).toMatch(/<stdin>:7 digitised: required field is missing/);
    // The listing is capped at 20 problems; the second bad record's line shows in the JSON summary.
    expect(JSON.stringify(out)).toContain(`"line":${badLine}`);
    // Sanity bound, not a timing: holding the input whole would need more than the input itself.
    expect(r.maxRssKib).toBeGreaterThan(0);
    expect(r.maxRssKib * 1024).toBeLessThan(PADDING_MIB * 1024 * 1024);
  }, 120_000);

  it('cdsx kpi - refuses a line over the record size limit, located, and reads on', async () => {
    const r = await feed(
      ['kpi', '-', '--period', '2026-Q1', '--lang', 'en', '--format', 'json'],
      [`${DOSSIER(1)}\n{"id":"${'x'.repeat(3 << 20)}"}\n${DOSSIER(2)}\n`],
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/<stdin>:2 .*over the limit of 1048576/);
    const out = JSON.parse(r.stdout) as { records: { accepted: number; rejected: number } };
    expect(out.records).toMatchObject({ accepted: 2, rejected: 1 });
  }, 60_000);

  it('cdsx assess - streams NDJSON through a 48 MB heap, locating errors at <stdin>:line:col', async () => {
    const assessment = JSON.stringify(
      JSON.parse(readFileSync(join(EXAMPLES, 'valid/rural-commune-quarter.json'), 'utf8')),
    );
    const badLine = 1 + 1024 * PADDING_MIB + 1;
    const r = await feed(
      ['assess', '-', '--format', 'ndjson', '--lang', 'en'],
      (function* () {
        yield `${assessment}\n`;
        for (let i = 0; i < PADDING_MIB; i++) yield BLANK_MIB;
        yield '{"nope":1}\n';
      })(),
    );
    expect(r.signal).toBeNull();
    expect(r.code).toBe(1);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(`<stdin>:${badLine}:1 commune: required field is missing`);
    expect(r.stderr).toMatch(/1 of 2 records invalid/);
    expect(r.maxRssKib).toBeGreaterThan(0);
    expect(r.maxRssKib * 1024).toBeLessThan(PADDING_MIB * 1024 * 1024);
  }, 120_000);

  it('cdsx assess - refuses a first line over CDSX_MAX_RECORD_SIZE without holding it, and reads on', async () => {
    const assessment = JSON.stringify(
      JSON.parse(readFileSync(join(EXAMPLES, 'valid/rural-commune-quarter.json'), 'utf8')),
    );
    const r = await feed(
      ['assess', '-', '--format', 'ndjson', '--lang', 'en'],
      [`{"a":"${'x'.repeat(200_000)}"}\n`, `${assessment}\n`],
      { CDSX_MAX_RECORD_SIZE: '100000' },
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/<stdin>:1 .*over the limit of 100000/);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(STACK);
  }, 60_000);
});

describe('--out when interrupted (issue 17, item 7)', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`${signal} during a streaming --out leaves the old file intact and no temporary`, async () => {
      const sub = join(dir, `sig-${signal}`);
      spawnSync('mkdir', [sub]);
      const target = join(sub, 'out.ndjson');
      writeFileSync(target, 'the old content\n');
      const assessment = JSON.stringify(
        JSON.parse(readFileSync(join(EXAMPLES, 'valid/rural-commune-quarter.json'), 'utf8')),
      );
      const child = spawn(process.execPath, [CLI, 'assess', '-', '--format', 'ndjson', '--out', target], {
        cwd: REPO,
        env: { ...process.env, NO_COLOR: '1' },
      });
      const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
        child.on('close', (code, sig) => resolve({ code, signal: sig })),
      );
      child.stdin.on('error', () => {});
      // Records go in and are written to the temporary; the input stays open, so the write is unfinished.
      // A bad line makes the command write the records decided so far (it flushes its batch).
      for (let i = 0; i < 20; i++) child.stdin.write(`${assessment}\n`);
      child.stdin.write('not json\n');
      const temporaries = () => readdirSync(sub).filter((f) => f.endsWith('.tmp'));
      const deadline = Date.now() + 60_000;
      while (
        Date.now() < deadline &&
        !temporaries().some((f) => statSync(join(sub, f)).size > assessment.length)
      ) {
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(temporaries()).toHaveLength(1); // mid-write: the temporary exists and holds records
      child.kill(signal);
      const end = await closed;
      expect(end.signal).toBe(signal); // the process still ends by the signal, as the user asked
      expect(temporaries()).toEqual([]);
      expect(readFileSync(target, 'utf8')).toBe('the old content\n');
    }, 90_000);
  }
});

/** How to run a command as an unprivileged user (we run as root, who can read anything). */
function unprivileged(): string[] | undefined {
  if (process.getuid?.() !== 0) return [];
  for (const c of [
    ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'],
    ['runuser', '-u', 'nobody', '--'],
  ]) {
    if (spawnSync(c[0]!, [...c.slice(1), 'true']).status === 0) return c;
  }
  return undefined;
}

describe('an unreadable input (issue 17, item 12)', () => {
  const as = unprivileged();
  // Skipped only where neither setpriv nor runuser exists (root could read the file).
  it.skipIf(as === undefined)(
    'kpi and assess say "permission denied" in both languages',
    () => {
      const sub = join(dir, 'perm');
      spawnSync('mkdir', [sub]);
      chmodSync(dir, 0o755);
      chmodSync(sub, 0o755);
      const files = {
        'd.ndjson': readFileSync(join(REPO, 'packages/kpi/examples/dossiers.ndjson'), 'utf8'),
        'a.json': readFileSync(join(EXAMPLES, 'valid/rural-commune-quarter.json'), 'utf8'),
        'a.ndjson': `${JSON.stringify(JSON.parse(readFileSync(join(EXAMPLES, 'valid/rural-commune-quarter.json'), 'utf8')))}\n`,
      };
      for (const [name, text] of Object.entries(files)) {
        writeFileSync(join(sub, name), text);
        chmodSync(join(sub, name), 0o600);
      }
      expect(existsSync(join(sub, 'd.ndjson'))).toBe(true);
      const runs = [
        ['kpi', 'd.ndjson', '--period', '2026-Q1'],
        ['kpi', '--feedback', 'd.ndjson', '--period', '2026-Q1'],
        ['assess', 'a.json'],
        ['assess', 'a.ndjson', '--format', 'ndjson'],
      ];
      for (const args of runs) {
        const cmd = [...as!, process.execPath, CLI, ...args];
        const r = spawnSync(cmd[0]!, cmd.slice(1), {
          cwd: sub,
          encoding: 'utf8',
          env: { ...process.env, NO_COLOR: '1' },
        });
        const file = args.find((a) => a.includes('.'))!;
        expect(r.status, args.join(' ')).toBe(1);
        expect(r.stderr).toContain(`${file}: không có quyền đọc tệp / permission denied`);
        expect(r.stderr).not.toMatch(/internal error|lỗi nội bộ/);
        expect(r.stderr).not.toMatch(STACK);
      }
    },
    120_000,
  );
});
