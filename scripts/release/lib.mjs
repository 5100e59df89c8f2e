// The criteria release check, as pure-ish functions the CLI scripts and their tests share.
// See packages/criteria/RELEASING.md for the policy and the release baseline.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const PACKAGE = '@cdsx/criteria';
export const BASELINE_PATH = 'packages/criteria/release-baseline.json';

const issue = (path, code, vi, en) => ({ path, code, message: { vi, en } });
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?$/;
const HASH = /^sha256:[0-9a-f]{64}$/;

/**
 * Read and check `packages/criteria/release-baseline.json`:
 * `{ "package": "@cdsx/criteria", "version": "1.0.0" | null, "edition": { "version", "contentHash" } | null }`.
 * `version: null` means never released (then `edition` is null too).
 * @returns {{ ok: true, value: { package: string, version: string | null, edition: { version: string, contentHash: string } | null } } | { ok: false, issues: object[] }}
 */
export function readBaseline(cwd) {
  const file = join(cwd, BASELINE_PATH);
  if (!existsSync(file))
    return {
      ok: false,
      issues: [
        issue(
          BASELINE_PATH,
          'baseline_missing',
          'không tìm thấy tệp mốc phát hành; tạo bằng scripts/release/write-baseline.mjs',
          'release baseline file not found; create it with scripts/release/write-baseline.mjs',
        ),
      ],
    };
  let data;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    return {
      ok: false,
      issues: [
        issue(BASELINE_PATH, 'invalid_json', `JSON không hợp lệ: ${e.message}`, `invalid JSON: ${e.message}`),
      ],
    };
  }
  const issues = [];
  if (data?.package !== PACKAGE)
    issues.push(issue('package', 'invalid_value', `cần "${PACKAGE}"`, `expected "${PACKAGE}"`));
  if (!(data?.version === null || (typeof data?.version === 'string' && SEMVER.test(data.version))))
    issues.push(
      issue(
        'version',
        'invalid_format',
        'cần phiên bản semver hoặc null',
        'expected a semver version or null',
      ),
    );
  const e = data?.edition;
  if (e !== null) {
    if (typeof e?.version !== 'string' || !SEMVER.test(e.version))
      issues.push(
        issue('edition.version', 'invalid_format', 'cần phiên bản semver', 'expected a semver version'),
      );
    if (typeof e?.contentHash !== 'string' || !HASH.test(e.contentHash))
      issues.push(
        issue(
          'edition.contentHash',
          'invalid_format',
          'cần "sha256:" + 64 ký tự hex',
          'expected "sha256:" + 64 hex digits',
        ),
      );
  }
  if (data?.version === null && e !== null)
    issues.push(
      issue(
        'edition',
        'invalid_value',
        'chưa phát hành thì edition phải là null',
        'edition must be null when never released',
      ),
    );
  const extra = Object.keys(data ?? {}).filter((k) => !['package', 'version', 'edition'].includes(k));
  if (extra.length)
    issues.push(
      issue(
        '',
        'unrecognized_keys',
        `trường không được hỗ trợ: ${extra.join(', ')}`,
        `unsupported field(s): ${extra.join(', ')}`,
      ),
    );
  return issues.length
    ? { ok: false, issues: issues.map((i) => ({ ...i, path: `${BASELINE_PATH}: ${i.path || '(root)'}` })) }
    : { ok: true, value: data };
}

/** The baseline to write after `changeset version`: the new package version and the latest edition. */
export function baselineFor(cwd, criteria) {
  const pkg = JSON.parse(readFileSync(join(cwd, 'packages/criteria/package.json'), 'utf8'));
  const { edition, contentHash } = criteria.latestEdition;
  return { package: PACKAGE, version: pkg.version, edition: { version: edition.version, contentHash } };
}

export function writeBaseline(cwd, criteria) {
  const value = baselineFor(cwd, criteria);
  writeFileSync(join(cwd, BASELINE_PATH), `${JSON.stringify(value, null, 2)}\n`);
  return value;
}

/**
 * The bump the pending changesets declare for @cdsx/criteria: the largest of them ('none' without any).
 * @param {Array<{ id: string, releases: Array<{ name: string, type: string }> }>} changesets
 */
export function declaredBump(changesets, compareBumps) {
  const files = [];
  let bump = 'none';
  for (const cs of changesets) {
    for (const r of cs.releases) {
      if (r.name !== PACKAGE) continue;
      files.push({ file: `.changeset/${cs.id}.md`, type: r.type });
      if (compareBumps(r.type, bump) > 0) bump = r.type;
    }
  }
  return { bump, files };
}

/**
 * Compare the required bump of the current latest edition against the released one with the declared
 * bump. `criteria` is the @cdsx/criteria module (built, or source in tests).
 * @returns {{ ok: boolean, required: string, declared: string, lines: string[], issues: object[] }}
 */
export function evaluate({ baseline, criteria, declared }) {
  const { EDITIONS, latestEdition, crosswalkBetween, diffCatalogs, requiredBump, compareBumps } = criteria;
  const latest = latestEdition.edition;
  const lines = [];
  const fail = (issues, required = 'none') => ({
    ok: false,
    required,
    declared: declared.bump,
    lines,
    issues,
  });
  const declaredText = declared.files.length
    ? declared.files.map((f) => `${f.file} (${f.type})`).join(', ')
    : 'không có changeset / no changeset';

  if (baseline.version === null) {
    lines.push(
      `${PACKAGE} chưa từng phát hành: không có bộ tiêu chí đã phát hành để so sánh; bản phát hành đầu tiên nhận mọi mức tăng.`,
      `${PACKAGE} has never been released: there is no released catalog to compare with; the first release accepts any bump.`,
      `changeset: ${declaredText}`,
    );
    return { ok: true, required: 'none', declared: declared.bump, lines, issues: [] };
  }

  const released = EDITIONS.find((p) => p.edition.version === baseline.edition.version);
  if (!released)
    return fail([
      issue(
        `${BASELINE_PATH}: edition.version`,
        'released_edition_missing',
        `phiên bản ${baseline.edition.version} đã phát hành nhưng không còn trong EDITIONS; không bao giờ xóa phiên bản`,
        `edition ${baseline.edition.version} was released but is no longer in EDITIONS; editions are never removed`,
      ),
    ]);
  if (released.contentHash !== baseline.edition.contentHash)
    return fail([
      issue(
        `packages/criteria/src/editions/${released.edition.version}.json`,
        'released_edition_changed',
        `phiên bản ${released.edition.version} đã thay đổi sau khi phát hành (${baseline.edition.contentHash} → ${released.contentHash}); hãy công bố thay đổi thành phiên bản mới`,
        `edition ${released.edition.version} changed after release (${baseline.edition.contentHash} → ${released.contentHash}); publish the change as a new edition`,
      ),
    ]);

  const cw = crosswalkBetween(released.edition.version, latest.version);
  if (!cw.ok) return fail(cw.issues);
  const diff = diffCatalogs(released.edition, latest, cw.value);
  const required = requiredBump(diff);
  lines.push(
    `bộ tiêu chí đã phát hành / released catalog: ${released.edition.version} (${PACKAGE}@${baseline.version})`,
    `bộ tiêu chí hiện tại / current catalog: ${latest.version}`,
    `mức tăng bắt buộc / required bump: ${required.bump}`,
    `mức tăng đã khai báo / declared bump: ${declared.bump} — ${declaredText}`,
  );
  if (compareBumps(declared.bump, required.bump) >= 0)
    return { ok: true, required: required.bump, declared: declared.bump, lines, issues: [] };

  // Under-declared: name every change that needs more than what was declared.
  const short = required.reasons.filter((r) => compareBumps(r.bump, declared.bump) > 0);
  const issues = [
    issue(
      '.changeset',
      'bump_under_declared',
      `changeset cho ${PACKAGE} khai báo ${declared.bump}, nhưng thay đổi của bộ tiêu chí ${released.edition.version} → ${latest.version} cần ${required.bump}; sửa changeset (pnpm changeset) thành "${PACKAGE}": ${required.bump}`,
      `the changesets for ${PACKAGE} declare ${declared.bump}, but the catalog changes ${released.edition.version} → ${latest.version} require ${required.bump}; change the changeset (pnpm changeset) to "${PACKAGE}": ${required.bump}`,
    ),
    ...short.map((r) => ({
      path: r.change.path,
      code: `requires_${r.bump}`,
      message: { vi: `cần ${r.bump}: ${r.message.vi}`, en: `requires ${r.bump}: ${r.message.en}` },
    })),
  ];
  return fail(issues, required.bump);
}
