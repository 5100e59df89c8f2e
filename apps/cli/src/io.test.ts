import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  closeSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError, UsageError } from './errors';
import { removeStaleTemporaries, writeFileAtomic } from './io';

const dir = mkdtempSync(join(tmpdir(), 'cdsx-io-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const none = new Set<string>();

describe('writeFileAtomic hazards (issue 17, item 7)', () => {
  it('keeps the permission bits of the file it replaces', () => {
    const target = join(dir, 'secret.json');
    writeFileSync(target, 'old');
    chmodSync(target, 0o600);
    writeFileAtomic(dir, 'secret.json', ['new'], none);
    expect(readFileSync(target, 'utf8')).toBe('new');
    expect(statSync(target).mode & 0o777).toBe(0o600);
  });

  it('writes into a device node instead of replacing it', () => {
    writeFileAtomic(dir, '/dev/null', ['nothing'], none);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('writes into a FIFO instead of replacing it', async () => {
    const fifo = join(dir, 'pipe');
    if (spawnSync('mkfifo', [fifo]).status !== 0) return; // no mkfifo on this system
    const reader = spawn('cat', [fifo]);
    let got = '';
    reader.stdout.on('data', (d) => {
      got += String(d);
    });
    const done = new Promise((r) => reader.on('close', r));
    writeFileAtomic(dir, 'pipe', ['through the pipe'], none);
    await done;
    expect(got).toBe('through the pipe');
    expect(statSync(fifo).isFIFO()).toBe(true);
  });

  it('refuses when standard input is the target file (assess - --out x.json < x.json)', () => {
    const target = join(dir, 'x.json');
    writeFileSync(target, '{"keep": true}');
    const fd = openSync(target, 'r');
    try {
      expect(() => writeFileAtomic(dir, 'x.json', ['{}'], none, fd)).toThrow(UsageError);
    } finally {
      closeSync(fd);
    }
    expect(readFileSync(target, 'utf8')).toBe('{"keep": true}');
  });

  it('removes temporaries a killed earlier run left behind, not those of a live process', () => {
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
    const deadPid = Number(String(dead.stdout));
    const stale = `.report.json.${deadPid}.0badc0de.tmp`;
    const live = `.report.json.${process.ppid}.0badc0de.tmp`;
    const other = `.other.json.${deadPid}.0badc0de.tmp`;
    for (const f of [stale, live, other]) writeFileSync(join(dir, f), 'partial');
    writeFileAtomic(dir, 'report.json', ['done'], none);
    const left = readdirSync(dir);
    expect(left).not.toContain(stale);
    expect(left).toContain(live);
    expect(left).toContain(other);
    expect(readFileSync(join(dir, 'report.json'), 'utf8')).toBe('done');
    expect(removeStaleTemporaries(join(dir, 'report.json'))).toEqual([]);
  });

  it('reports a failed write as a located error and leaves no temporary', () => {
    const sub = join(dir, 'ro');
    spawnSync('mkdir', [sub]);
    writeFileSync(join(sub, 'a.json'), 'x');
    // A directory in place of the target: rename fails.
    spawnSync('mkdir', [join(sub, 'd.json')]);
    expect(() => writeFileAtomic(sub, 'd.json', ['x'], none)).toThrow(InputError);
    expect(readdirSync(sub).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
