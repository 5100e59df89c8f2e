import { resolve } from 'node:path';
import { runConformance } from '@cdsx/rules';
import { readFixturesDirectory, shippedFixturesDir } from '@cdsx/rules/node';
import type { CommandDef } from '../command';
import { EXIT, InputError } from '../errors';
import { t } from '../i18n';
import { isDirectory } from '../io';
import { CATALOG_OPTION, editionFrom, str } from './shared';

/** `cdsx fixtures run [dir]` — the conformance suite, one pass/fail line per fixture. */
export const fixturesRun: CommandDef = {
  path: ['fixtures', 'run'],
  args: '[dir]',
  summary: t('chạy bộ kiểm thử tuân thủ (conformance)', 'run the conformance suite'),
  details: t(
    'Mặc định chạy các ca kiểm thử đi kèm @cdsx/rules cho phiên bản bộ tiêu chí (--catalog, mặc định mới nhất); ' +
      'hoặc các tệp *.json trong thư mục [dir]. Mã thoát 1 khi có ca không đạt.',
    'By default runs the fixtures shipped with @cdsx/rules for the catalog edition (--catalog, default the latest); ' +
      'or the *.json files of [dir]. Exit code 1 when any fixture fails.',
  ),
  positionals: [0, 1],
  options: { catalog: CATALOG_OPTION },
  formats: ['table', 'json', 'ndjson', 'csv', 'md', 'html'],
  examples: ['cdsx fixtures run', 'cdsx fixtures run ./my-fixtures --format json'],
  async run(ctx) {
    const { lang } = ctx;
    const given = ctx.positionals[0];
    const { edition } = editionFrom(str(ctx, 'catalog'));
    const dir = given ?? shippedFixturesDir(edition.version);
    if (given !== undefined && !isDirectory(ctx.cwd, given)) {
      throw new InputError([
        {
          file: given,
          issue: { path: '', code: 'not_a_directory', message: t('không phải thư mục', 'not a directory') },
        },
      ]);
    }
    const loaded = readFixturesDirectory(given === undefined ? dir : resolve(ctx.cwd, given));
    if (!loaded.ok) throw new InputError(loaded.issues.map((issue) => ({ file: given ?? dir, issue })));
    const report = await runConformance(loaded.value);
    const pass = lang === 'vi' ? '✓ đạt' : '✓ pass';
    const fail = lang === 'vi' ? '✗ không đạt' : '✗ fail';
    const rows = report.results.map((r) => ({
      result: r.pass,
      name: r.name,
      description: r.description,
      differences: r.differences
        .map((d) =>
          d.field === 'error'
            ? `${lang === 'vi' ? 'lỗi' : 'error'}: ${String(d.actual)}`
            : `${d.field}: ${lang === 'vi' ? 'cần' : 'expected'} ${JSON.stringify(d.expected)}, ${lang === 'vi' ? 'nhận' : 'got'} ${JSON.stringify(d.actual)}`,
        )
        .concat((r.issues ?? []).map((i) => `${i.path || '(root)'}: ${i.message[lang]}`))
        .join('; '),
    }));
    ctx.emit({
      sections: [
        {
          table: {
            columns: [
              { key: 'result', header: t('Kết quả', 'Result'), display: (v) => (v ? pass : fail) },
              { key: 'name', header: t('Ca kiểm thử', 'Fixture') },
              { key: 'description', header: t('Mô tả', 'Description') },
              { key: 'differences', header: t('Khác biệt', 'Differences') },
            ],
            rows,
          },
        },
      ],
      summary: [
        lang === 'vi'
          ? `Kiểm thử tuân thủ: ${report.passed}/${report.total} đạt, ${report.failed} không đạt (${given ?? `@cdsx/rules fixtures/${edition.version}`}).`
          : `Conformance: ${report.passed}/${report.total} passed, ${report.failed} failed (${given ?? `@cdsx/rules fixtures/${edition.version}`}).`,
      ],
      json: report,
      ndjson: report.results,
    });
    return report.failed > 0 || report.total === 0 ? EXIT.invalid : EXIT.ok;
  },
};
