import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, shell, tempDir } from './helpers';

/** Markdown a user reads: the READMEs and the docs site's pages. */
function markdownFiles(): string[] {
  const out = ['README.md', 'apps/cli/README.md'].map((f) => join(REPO, f));
  const walk = (dir: string) => {
    for (const d of readdirSync(dir, { withFileTypes: true })) {
      if (d.name === 'node_modules' || d.name.startsWith('.')) continue;
      const p = join(dir, d.name);
      if (d.isDirectory()) walk(p);
      else if (d.name.endsWith('.md')) out.push(p);
    }
  };
  walk(join(REPO, 'docs'));
  for (const pkg of readdirSync(join(REPO, 'packages'))) out.push(join(REPO, 'packages', pkg, 'README.md'));
  return out;
}

/** Every shell line of a ```sh block that pipes cdsx output into something else. */
function pipedCommands(): Array<{ where: string; command: string }> {
  const found: Array<{ where: string; command: string }> = [];
  for (const file of markdownFiles()) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    for (const block of text.matchAll(/```(?:sh|bash|shell)\n([\s\S]*?)```/g)) {
      for (const line of block[1]!.split('\n')) {
        const command = line.replace(/\s+#.*$/, '').trim();
        if (/\bcdsx\b/.test(command) && /\|/.test(command)) {
          found.push({ where: relative(REPO, file), command });
        }
      }
    }
  }
  return found;
}

describe('piped commands in the docs', () => {
  const commands = pipedCommands();

  it('finds the documented pipes', () => {
    expect(commands.length).toBeGreaterThanOrEqual(2);
  });

  it.each(commands)('$where: `$command` keeps the pnpm banner out of the pipe', ({ command }) => {
    // `pnpm cdsx … |` would put pnpm's `> cdsx …` banner into the pipe: pipes must use `pnpm -s`.
    expect(command).not.toMatch(/\bpnpm (?!-s\b)(run )?cdsx\b/);
  });

  it.each(commands)(
    '$where: `$command` runs as written',
    ({ command }) => {
      const dir = tempDir();
      // The built CLI stands for `pnpm -s cdsx` / `cdsx`; files the command writes go to a temporary folder.
      const script = command.replaceAll('pnpm -s cdsx ', 'cdsx ').replace(/> (\S+)$/, `> ${dir}/$1`);
      const r = shell(script);
      expect(r.stderr).not.toMatch(/cdsx: |Error/);
      expect(r.code).toBe(0);
      const out = /> \S+$/.test(command)
        ? readFileSync(join(dir, command.match(/> (\S+)$/)![1]!), 'utf8')
        : r.stdout;
      // What comes out of the pipe is the command's output, with no banner line in front.
      expect(out).not.toMatch(/^> /m);
      expect(out.trim().length).toBeGreaterThan(0);
    },
    300_000,
  );
});
