// A throwaway PostgreSQL cluster for the tests and the benchmark: initdb into a fresh temporary
// directory, start it listening ONLY on a unix socket in that directory (no TCP), and stop and
// delete it at the end. It never connects to a server it did not start. As root (initdb refuses
// root) the cluster runs as the `postgres` system user through runuser.
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

/** Directory of the PostgreSQL server binaries (initdb, pg_ctl), or undefined. CDSX_PG_BIN overrides. */
export function findPgBin() {
  if (process.env.CDSX_PG_BIN)
    return existsSync(join(process.env.CDSX_PG_BIN, 'initdb')) ? process.env.CDSX_PG_BIN : undefined;
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
    for (const v of versions) if (existsSync(join(root, v, 'bin', 'initdb'))) return join(root, v, 'bin');
  }
  for (const dir of (process.env.PATH ?? '').split(':'))
    if (dir && existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'))) return dir;
  return undefined;
}

function systemUser(name) {
  try {
    const out = execFileSync('id', ['-u', name], { encoding: 'utf8' }).trim();
    const gid = execFileSync('id', ['-g', name], { encoding: 'utf8' }).trim();
    return { uid: Number(out), gid: Number(gid) };
  } catch {
    return undefined;
  }
}

/**
 * Start a cluster. Returns { connectionString, socketDir, port, stop() }.
 * Throws when no server binaries are found (callers decide: skip locally, fail in CI).
 */
export function startPgCluster() {
  const bin = findPgBin();
  if (!bin)
    throw new Error('PostgreSQL server binaries (initdb, pg_ctl) not found: apt-get install postgresql');
  const dir = mkdtempSync(join(tmpdir(), 'cdsx-pg-'));
  const data = join(dir, 'data');
  const asRoot = userInfo().uid === 0;
  let run = (cmd, args) => execFileSync(join(bin, cmd), args, { stdio: 'pipe', encoding: 'utf8' });
  if (asRoot) {
    const pg = systemUser('postgres');
    if (!pg) throw new Error('running as root and there is no `postgres` user to run the cluster as');
    chownSync(dir, pg.uid, pg.gid);
    chmodSync(dir, 0o700);
    run = (cmd, args) =>
      execFileSync('runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args], {
        stdio: 'pipe',
        encoding: 'utf8',
      });
  }
  const port = 20000 + Math.floor(Math.random() * 20000);
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
  const opts = `-k ${dir} -h '' -p ${port} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_parallel_workers_per_gather=0 -c shared_buffers=128MB -c work_mem=64MB`;
  run('pg_ctl', ['-D', data, '-o', opts, '-l', join(dir, 'server.log'), '-w', '-t', '60', 'start']);
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  return {
    dir,
    socketDir: dir,
    port,
    connectionString: `postgresql://postgres@/postgres?host=${encodeURIComponent(dir)}&port=${port}`,
    stop,
  };
}
