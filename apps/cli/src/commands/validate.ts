import {
  lintCatalog,
  type PublishedEdition,
  parseCatalogEdition,
  type ValidationIssue,
  validateAssessment,
} from '@cdsx/criteria';
import { checkCommuneIdentity } from '@cdsx/criteria/communes';
import { EDITIONS, getEdition } from '@cdsx/criteria/editions';
import { applyOverlay, loadFixtures } from '@cdsx/rules';
import type { CommandDef, Context } from '../command';
import { EXIT, formatLocated, InputError } from '../errors';
import { t } from '../i18n';
import { STDIN } from '../io';
import { locateCapped, readRecords, type SourceRecord } from '../records';
import { duplicateIssue, readDossierFile } from './dossiers';
import { editionArg, editionFrom, str } from './shared';

export const KINDS = ['assessment', 'catalog', 'overlay', 'dossiers', 'fixture'] as const;
type Kind = (typeof KINDS)[number];

const KIND_NAME: Record<Kind, { vi: string; en: string }> = {
  assessment: t('đánh giá', 'assessment'),
  catalog: t('bộ tiêu chí', 'catalog edition'),
  overlay: t('bộ tiêu chí bổ sung của tỉnh', 'province overlay'),
  dossiers: t('hồ sơ TTHC', 'dossiers'),
  fixture: t('ca kiểm thử tuân thủ', 'conformance fixture'),
};

/** What a JSON value looks like, from the fields each kind must have. */
function detect(value: unknown): Kind | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const has = (k: string) => Object.hasOwn(value, k);
  if (has('criteria') && has('levels')) return 'catalog';
  if (has('province') && has('baseEdition')) return 'overlay';
  if (has('assessment') && has('expected')) return 'fixture';
  if (has('commune') && has('observations')) return 'assessment';
  if (has('receivedAt') || has('procedureCode')) return 'dossiers';
  return undefined;
}

/** Commune identity against the shipped commune list, as `cdsx assess` checks it (paths under `commune`). */
function identityIssues(
  value: unknown,
  allowUnlisted: boolean,
): { errors: ValidationIssue[]; warnings: ValidationIssue[] } {
  const commune = (value as { commune?: unknown } | null)?.commune;
  const id = checkCommuneIdentity(commune, { allowUnlisted });
  const prefixed = (issues: readonly ValidationIssue[]) =>
    issues.map((i) => ({ ...i, path: i.path ? `commune.${i.path}` : 'commune' }));
  return { errors: prefixed(id.errors), warnings: prefixed(id.warnings) };
}

function checkRecord(
  kind: Kind,
  rec: SourceRecord,
  catalog: PublishedEdition | undefined,
  allowUnlisted: boolean,
  warn: (issue: ValidationIssue) => void,
): ValidationIssue[] {
  switch (kind) {
    case 'assessment': {
      // --catalog pins one edition (published or a draft file); otherwise the one the assessment names.
      const r = validateAssessment(rec.value, catalog ?? EDITIONS);
      const id = identityIssues(rec.value, allowUnlisted);
      for (const w of id.warnings) warn(w);
      return [...(r.ok ? [] : r.issues), ...id.errors];
    }
    case 'catalog': {
      const r = parseCatalogEdition(rec.value);
      if (!r.ok) return r.issues;
      return lintCatalog(r.value).map((p) => ({ path: p.path, code: p.rule, message: p.message }));
    }
    case 'overlay': {
      const base = (rec.value as { baseEdition?: { version?: unknown } } | null)?.baseEdition?.version;
      const named = typeof base === 'string' && !catalog ? getEdition(base) : undefined;
      const { edition, contentHash } = named?.ok ? named.value : (catalog ?? editionFrom(undefined));
      const r = applyOverlay(edition, contentHash, rec.value);
      return r.ok ? [] : r.issues;
    }
    case 'fixture': {
      const r = loadFixtures([{ name: rec.file, data: rec.value }]);
      // loadFixtures locates by fixture name; the file name is already on each line.
      return r.ok ? [] : r.issues.map((i) => ({ ...i, path: i.path.replace(/^\[".*?"\]\.?/, '') }));
    }
    case 'dossiers':
      return [];
  }
}

/** `cdsx validate <file>` — check a file and print every problem with its location. */
export const validateCommand: CommandDef = {
  path: ['validate'],
  args: '<file|->...',
  summary: t(
    'kiểm tra các tệp (đánh giá, bộ tiêu chí, bộ bổ sung, hồ sơ)',
    'check files (assessment, catalog, overlay, dossiers)',
  ),
  details: t(
    'Tự nhận biết loại tệp theo các trường của nó, hoặc dùng --kind. In từng lỗi kèm vị trí; mã thoát 1 khi có tệp không hợp lệ. ' +
      'Với đánh giá, mã tiêu chí lạ là lỗi (lệnh assess chỉ liệt kê chúng trong bản ghi quyết định); mã xã được đối chiếu với danh sách đơn vị hành chính ' +
      '(mã, tên, tỉnh) như lệnh assess, --allow-unlisted-units chấp nhận đơn vị ngoài danh sách (cảnh báo).',
    'Detects what each file is from its fields, or takes --kind. Prints each problem with its location; exit code 1 when any file is invalid. ' +
      'For assessments an unknown criterion id is an error (assess only lists them in the decision record); the commune is checked against ' +
      'the commune list (code, name, province) as assess does, --allow-unlisted-units accepts units outside it (a warning).',
  ),
  positionals: [1, Number.POSITIVE_INFINITY],
  options: {
    kind: {
      type: 'string',
      value: `<${KINDS.join('|')}>`,
      choices: KINDS,
      help: t('loại tệp', 'kind of file'),
    },
    catalog: {
      type: 'string',
      value: '<version|file>',
      help: t(
        'kiểm tra theo phiên bản bộ tiêu chí này, hoặc theo tệp bộ tiêu chí dự thảo',
        'check against this catalog edition, or a draft edition file',
      ),
    },
    'allow-unlisted-units': {
      type: 'boolean',
      help: t(
        'chấp nhận mã xã không có trong danh sách đơn vị hành chính (báo cảnh báo)',
        'accept commune codes not in the commune list (reported as a warning)',
      ),
    },
  },
  examples: [
    'cdsx validate assessment.json',
    'cdsx validate dossiers.csv',
    'cdsx validate hanoi-overlay.json --kind overlay',
  ],
  async run(ctx) {
    const spec = str(ctx, 'catalog');
    // A draft edition file is validated and linted before anything is checked against it.
    const catalog = spec ? await editionArg(ctx, spec) : undefined;
    let code: number = EXIT.ok;
    for (const file of ctx.positionals) {
      try {
        if ((await validateFile(ctx, file, catalog)) !== EXIT.ok) code = EXIT.invalid;
      } catch (e) {
        // A file that cannot be read or parsed is one more invalid file; the others are still checked.
        if (!(e instanceof InputError)) throw e;
        const name = file === '-' ? STDIN : file;
        ctx.write(`${formatLocated(e.issues, ctx.errLang)}\n`);
        ctx.write(ctx.lang === 'vi' ? `✗ ${name}: không hợp lệ\n` : `✗ ${name}: invalid\n`);
        code = EXIT.invalid;
      }
    }
    return code;
  },
};

async function validateFile(
  ctx: Context,
  file: string,
  catalog: PublishedEdition | undefined,
): Promise<number> {
  const name = file === '-' ? STDIN : file;
  let kind = str(ctx, 'kind') as Kind | undefined;
  const isCsv = /\.csv$/i.test(file);
  if (kind === 'dossiers' || (!kind && isCsv)) return reportDossiers(ctx, file);
  const records = readRecords(name, await ctx.readText(file));
  kind ??= detect(records[0]!.value);
  if (!kind) {
    throw new InputError([
      {
        file: name,
        issue: {
          path: '',
          code: 'unknown_kind',
          message: t(
            `không nhận ra loại tệp; dùng --kind ${KINDS.join('|')}`,
            `cannot tell what this file is; use --kind ${KINDS.join('|')}`,
          ),
        },
      },
    ]);
  }
  if (kind === 'dossiers') return reportDossiers(ctx, file);
  const k = kind;
  const allowUnlisted = ctx.values['allow-unlisted-units'] === true;
  const warned: Array<readonly [SourceRecord, ValidationIssue]> = [];
  const { issues, total } = locateCapped(
    (function* () {
      for (const rec of records)
        for (const issue of checkRecord(k, rec, catalog, allowUnlisted, (w) => warned.push([rec, w])))
          yield [rec, issue] as const;
    })(),
  );
  if (warned.length) {
    const located = locateCapped(warned.values());
    ctx.write(`${formatLocated(located.issues, ctx.errLang)}\n`);
  }
  const what = KIND_NAME[kind][ctx.lang];
  if (issues.length) {
    ctx.write(`${formatLocated(issues, ctx.errLang)}\n`);
    ctx.write(
      ctx.lang === 'vi'
        ? `✗ ${name}: ${what} không hợp lệ — ${total} lỗi\n`
        : `✗ ${name}: invalid ${what} — ${total} problem(s)\n`,
    );
    return EXIT.invalid;
  }
  const n = records.length;
  ctx.write(
    ctx.lang === 'vi'
      ? `✓ ${name}: ${what} hợp lệ (${n} bản ghi)\n`
      : `✓ ${name}: valid ${what} (${n} record(s))\n`,
  );
  return EXIT.ok;
}

async function reportDossiers(ctx: Context, file: string): Promise<number> {
  const { summary, name } = await readDossierFile(ctx, file, () => {});
  const what = KIND_NAME.dossiers[ctx.lang];
  const bad = summary.rejected + summary.duplicates;
  if (summary.issues.length)
    ctx.write(
      `${formatLocated(
        summary.issues.map((issue) => ({ file: name, issue })),
        ctx.errLang,
      )}\n`,
    );
  if (summary.duplicateRecords.length)
    ctx.write(
      `${formatLocated(
        summary.duplicateRecords.map((d) => ({ file: name, issue: duplicateIssue(d) })),
        ctx.errLang,
      )}\n`,
    );
  if (bad) {
    ctx.write(
      ctx.lang === 'vi'
        ? `✗ ${name}: ${what} — ${summary.records} bản ghi, ${summary.rejected} không hợp lệ, ${summary.duplicates} trùng mã${summary.truncated ? ' (chỉ liệt kê một phần lỗi)' : ''}\n`
        : `✗ ${name}: ${what} — ${summary.records} records, ${summary.rejected} invalid, ${summary.duplicates} duplicate ids${summary.truncated ? ' (only part of the problems listed)' : ''}\n`,
    );
    return EXIT.invalid;
  }
  ctx.write(
    ctx.lang === 'vi'
      ? `✓ ${name}: ${what} hợp lệ (${summary.records} bản ghi)\n`
      : `✓ ${name}: valid ${what} (${summary.records} records)\n`,
  );
  return EXIT.ok;
}
