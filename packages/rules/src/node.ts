/**
 * Node-only helpers for the conformance suite: read fixture files from a directory (the ones shipped in
 * this package, or your own) and run them. Subpath: `@cdsx/rules/node`.
 *
 * @example
 * ```ts
 * import { runFixturesDirectory, shippedFixturesDir } from '@cdsx/rules/node';
 * const { report, text } = await runFixturesDirectory(shippedFixturesDir('0.1.0'));
 * console.log(text);
 * process.exitCode = report.failed ? 1 : 0;
 * ```
 * @packageDocumentation
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatIssues, type ParseResult, parseJsonText, type ValidationIssue } from '@cdsx/criteria';
import {
  type ConformanceOptions,
  type ConformanceReport,
  type Fixture,
  formatConformanceReport,
  loadFixtures,
  runConformance,
} from './fixtures';

/**
 * The directory of the fixtures shipped with this package for an edition version (`fixtures/<version>`),
 * or the root `fixtures/` directory when no version is given.
 */
export function shippedFixturesDir(version?: string): string {
  const root = fileURLToPath(new URL('../fixtures/', import.meta.url));
  return version ? join(root, version) : root;
}

/**
 * Read every `*.json` fixture in a directory (and its subdirectories), sorted by path. Malformed JSON
 * is reported with line and column; a malformed fixture with its path, in vi and en.
 *
 * @example
 * const r = readFixturesDirectory('./my-fixtures');
 * if (!r.ok) console.error(formatIssues(r.issues));
 */
export function readFixturesDirectory(dir: string): ParseResult<Fixture[]> {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    return {
      ok: false,
      issues: [
        {
          path: '',
          code: 'not_found',
          message: { vi: `không tìm thấy thư mục ${dir}`, en: `directory not found: ${dir}` },
        },
      ],
    };
  }
  const files = (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.json')).sort();
  const entries: Array<{ name: string; data: unknown }> = [];
  const issues: ValidationIssue[] = [];
  for (const file of files) {
    const parsed = parseJsonText(readFileSync(join(dir, file), 'utf8'), file);
    if (parsed.ok) entries.push({ name: file, data: parsed.value });
    else issues.push(...parsed.issues.map((i) => ({ ...i, path: i.path ? `${file}: ${i.path}` : file })));
  }
  const loaded = loadFixtures(entries);
  if (!loaded.ok) issues.push(...loaded.issues);
  return issues.length ? { ok: false, issues } : loaded;
}

/**
 * Read a fixture directory and run it — the CLI-friendly entry (`cdsx fixtures run <dir>`). Returns the
 * report and its text; a directory that cannot be read gives a report with no fixtures and the issues.
 *
 * @example
 * const { report, text } = await runFixturesDirectory('./fixtures/0.1.0', { assess: myAssess });
 */
export async function runFixturesDirectory(
  dir: string,
  options: ConformanceOptions = {},
): Promise<{ report: ConformanceReport; issues: ValidationIssue[]; text: string }> {
  const r = readFixturesDirectory(dir);
  if (!r.ok) {
    const report: ConformanceReport = { total: 0, passed: 0, failed: 0, results: [] };
    return { report, issues: r.issues, text: formatIssues(r.issues) };
  }
  const report = await runConformance(r.value, options);
  return { report, issues: [], text: formatConformanceReport(report) };
}
