import { z } from 'zod';
import { fromZodError, type IssueCode, type ParseResult, type ValidationIssue } from '../issues';
import { type CatalogEdition, CriterionIdSchema, SemverSchema } from '../model';
import { LocalizedTextSchema } from '../text';

const ContentHashSchema = z.string().regex(/^sha256:[0-9a-f]{64}$/);

/** One end of a crosswalk: the edition's version and, optionally, its content hash. */
export const CrosswalkEndSchema = z
  .strictObject({ version: SemverSchema, contentHash: ContentHashSchema.optional() })
  .meta({ id: 'CrosswalkEnd' });

/** A criterion id that exists in only one of the two editions, with the reason. */
export const CrosswalkIdNoteSchema = z
  .strictObject({ id: CriterionIdSchema, reason: LocalizedTextSchema })
  .meta({ id: 'CrosswalkIdNote' });

/** A criterion that keeps its meaning under a new id (đổi mã tiêu chí). */
export const CrosswalkRenameSchema = z
  .strictObject({ from: CriterionIdSchema, to: CriterionIdSchema, reason: LocalizedTextSchema })
  .meta({ id: 'CrosswalkRename' });

/**
 * Bảng đối chiếu mã tiêu chí — the explicit id map between two consecutive editions. Every id of
 * `from` is kept (same id in `to`, not listed), `renamed`, or `removed`; every id of `to` is kept, a
 * rename target, or `added`. {@link checkCrosswalk} verifies this against the two editions, so no id
 * appears or disappears without a written reason.
 *
 * @example
 * ```json
 * { "from": { "version": "0.1.0", "contentHash": "sha256:…" }, "to": { "version": "0.2.0" },
 *   "renamed": [], "removed": [],
 *   "added": [{ "id": "DV.09", "reason": { "vi": "…", "en": "…" } }] }
 * ```
 */
export const CrosswalkSchema = z
  .strictObject({
    $schema: z.string().optional(),
    from: CrosswalkEndSchema,
    to: CrosswalkEndSchema,
    /** Ids that changed (same criterion, new id). Both ends are unique. */
    renamed: z.array(CrosswalkRenameSchema),
    /** New criteria: ids never used before. */
    added: z.array(CrosswalkIdNoteSchema),
    /** Criteria that no longer exist; their ids are never reused. */
    removed: z.array(CrosswalkIdNoteSchema),
  })
  .meta({
    id: 'Crosswalk',
    description:
      'Bảng đối chiếu mã tiêu chí giữa hai phiên bản / criterion id crosswalk between two catalog editions.',
  });
export type Crosswalk = z.infer<typeof CrosswalkSchema>;

/**
 * Validate a crosswalk's structure (use {@link checkCrosswalk} to check it against the editions).
 *
 * @example
 * const r = parseCrosswalk(JSON.parse(text));
 * if (!r.ok) console.error(formatIssues(r.issues));
 */
export function parseCrosswalk(input: unknown): ParseResult<Crosswalk> {
  const r = CrosswalkSchema.safeParse(input, { reportInput: true });
  return r.success ? { ok: true, value: r.data } : { ok: false, issues: fromZodError(r.error) };
}

const issue = (path: string, code: IssueCode, vi: string, en: string): ValidationIssue => ({
  path,
  code,
  message: { vi, en },
});

/**
 * Check a crosswalk against the two editions it maps: versions (and hashes when given) match, rename
 * sources exist only in `from` and targets only in `to`, nothing is listed twice, and every id that is
 * in one edition but not the other is accounted for. Returns every problem (empty when consistent).
 *
 * @example
 * const problems = checkCrosswalk(crosswalk, edition010, edition020, { fromHash, toHash });
 */
export function checkCrosswalk(
  crosswalk: Crosswalk,
  from: CatalogEdition,
  to: CatalogEdition,
  hashes: { from?: string; to?: string } = {},
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const [end, edition, hash] of [
    ['from', from, hashes.from],
    ['to', to, hashes.to],
  ] as const) {
    const declared = crosswalk[end];
    if (declared.version !== edition.version) {
      issues.push(
        issue(
          `${end}.version`,
          'crosswalk_version_mismatch',
          `bảng đối chiếu ghi phiên bản ${declared.version}, nhưng bộ tiêu chí là ${edition.version}`,
          `the crosswalk names version ${declared.version}, but the edition is ${edition.version}`,
        ),
      );
    }
    if (declared.contentHash && hash && declared.contentHash !== hash) {
      issues.push(
        issue(
          `${end}.contentHash`,
          'crosswalk_hash_mismatch',
          `mã băm ${declared.contentHash} không khớp với bộ tiêu chí ${edition.version} (${hash})`,
          `content hash ${declared.contentHash} does not match edition ${edition.version} (${hash})`,
        ),
      );
    }
  }

  const inFrom = new Set(from.criteria.map((c) => c.id));
  const inTo = new Set(to.criteria.map((c) => c.id));
  const listed = new Map<string, string>();
  const once = (id: string, path: string) => {
    const first = listed.get(id);
    if (first) {
      issues.push(
        issue(
          path,
          'crosswalk_duplicate',
          `mã ${id} đã được liệt kê ở ${first}`,
          `id ${id} is already listed at ${first}`,
        ),
      );
    }
    listed.set(id, path);
  };

  crosswalk.renamed.forEach((r, i) => {
    once(`from:${r.from}`, `renamed[${i}].from`);
    once(`to:${r.to}`, `renamed[${i}].to`);
    if (!inFrom.has(r.from))
      issues.push(
        issue(
          `renamed[${i}].from`,
          'crosswalk_unknown_id',
          `${r.from} không có trong phiên bản ${from.version}`,
          `${r.from} is not in edition ${from.version}`,
        ),
      );
    if (inTo.has(r.from))
      issues.push(
        issue(
          `renamed[${i}].from`,
          'crosswalk_id_still_present',
          `${r.from} vẫn còn trong phiên bản ${to.version}; mã đổi tên phải biến mất`,
          `${r.from} is still in edition ${to.version}; a renamed id must disappear`,
        ),
      );
    if (!inTo.has(r.to))
      issues.push(
        issue(
          `renamed[${i}].to`,
          'crosswalk_unknown_id',
          `${r.to} không có trong phiên bản ${to.version}`,
          `${r.to} is not in edition ${to.version}`,
        ),
      );
    if (inFrom.has(r.to))
      issues.push(
        issue(
          `renamed[${i}].to`,
          'crosswalk_id_reused',
          `${r.to} đã là một tiêu chí của phiên bản ${from.version}; không dùng lại mã`,
          `${r.to} is already a criterion of edition ${from.version}; ids are never reused`,
        ),
      );
  });
  crosswalk.added.forEach((a, i) => {
    once(`to:${a.id}`, `added[${i}].id`);
    if (!inTo.has(a.id) || inFrom.has(a.id))
      issues.push(
        issue(
          `added[${i}].id`,
          'crosswalk_not_added',
          `${a.id} phải có trong ${to.version} và không có trong ${from.version}`,
          `${a.id} must be in ${to.version} and not in ${from.version}`,
        ),
      );
  });
  crosswalk.removed.forEach((r, i) => {
    once(`from:${r.id}`, `removed[${i}].id`);
    if (!inFrom.has(r.id) || inTo.has(r.id))
      issues.push(
        issue(
          `removed[${i}].id`,
          'crosswalk_not_removed',
          `${r.id} phải có trong ${from.version} và không có trong ${to.version}`,
          `${r.id} must be in ${from.version} and not in ${to.version}`,
        ),
      );
  });

  // Every id present on one side only must be accounted for.
  for (const id of inFrom) {
    if (!inTo.has(id) && !listed.has(`from:${id}`))
      issues.push(
        issue(
          'removed',
          'crosswalk_missing_id',
          `${id} có trong ${from.version} nhưng không có trong ${to.version}: ghi vào renamed hoặc removed`,
          `${id} is in ${from.version} but not in ${to.version}: list it under renamed or removed`,
        ),
      );
  }
  for (const id of inTo) {
    if (!inFrom.has(id) && !listed.has(`to:${id}`))
      issues.push(
        issue(
          'added',
          'crosswalk_missing_id',
          `${id} có trong ${to.version} nhưng không có trong ${from.version}: ghi vào renamed hoặc added`,
          `${id} is in ${to.version} but not in ${from.version}: list it under renamed or added`,
        ),
      );
  }
  return issues;
}

/**
 * Chain crosswalks `a→b`, `b→c`, … into one `a→c` map (renames followed through, an id added then
 * removed disappears). The crosswalks must be consecutive; returns issues otherwise.
 *
 * @example
 * const r = composeCrosswalks([cw010to020, cw020to030]);
 */
export function composeCrosswalks(chain: readonly Crosswalk[]): ParseResult<Crosswalk> {
  if (!chain.length)
    return {
      ok: false,
      issues: [issue('', 'crosswalk_empty_chain', 'không có bảng đối chiếu nào', 'no crosswalk given')],
    };
  for (let i = 1; i < chain.length; i++) {
    if (chain[i]!.from.version !== chain[i - 1]!.to.version)
      return {
        ok: false,
        issues: [
          issue(
            `[${i}].from.version`,
            'crosswalk_not_consecutive',
            `bảng đối chiếu thứ ${i + 1} bắt đầu từ ${chain[i]!.from.version}, không phải ${chain[i - 1]!.to.version}`,
            `crosswalk ${i + 1} starts at ${chain[i]!.from.version}, not at ${chain[i - 1]!.to.version}`,
          ),
        ],
      };
  }
  // current id → original id (undefined: added along the way).
  let origin = new Map<string, string | undefined>();
  const first = chain[0]!;
  const removed: Crosswalk['removed'] = [...first.removed];
  const added: Crosswalk['added'] = [...first.added];
  for (const r of first.renamed) origin.set(r.to, r.from);
  const reasons = new Map<string, Crosswalk['renamed'][number]['reason']>(
    first.renamed.map((r) => [r.to, r.reason]),
  );
  for (const a of first.added) origin.set(a.id, undefined);
  for (const cw of chain.slice(1)) {
    const next = new Map<string, string | undefined>();
    const renamedNow = new Map(cw.renamed.map((r) => [r.from, r]));
    const removedNow = new Set(cw.removed.map((r) => r.id));
    for (const [id, orig] of origin) {
      if (removedNow.has(id)) continue;
      const r = renamedNow.get(id);
      next.set(r ? r.to : id, orig);
      if (r) reasons.set(r.to, r.reason);
    }
    for (const r of cw.renamed) if (!origin.has(r.from)) next.set(r.to, r.from);
    for (const r of cw.renamed) if (!origin.has(r.from)) reasons.set(r.to, r.reason);
    for (const r of cw.removed) {
      if (!origin.has(r.id)) removed.push(r);
      else if (origin.get(r.id) !== undefined) removed.push({ id: origin.get(r.id)!, reason: r.reason });
      else {
        const i = added.findIndex((a) => a.id === r.id);
        if (i >= 0) added.splice(i, 1);
      }
    }
    for (const a of cw.added) {
      next.set(a.id, undefined);
      added.push(a);
    }
    origin = next;
  }
  const renamed: Crosswalk['renamed'] = [];
  const addedIds = new Set<string>();
  for (const [id, orig] of origin) {
    if (orig === undefined) addedIds.add(id);
    else if (orig !== id) renamed.push({ from: orig, to: id, reason: reasons.get(id)! });
  }
  // An id added and then renamed is simply added under its final id.
  const finalAdded = [...addedIds].map((id) => {
    const note = added.find((a) => a.id === id);
    return note ?? { id, reason: reasons.get(id)! };
  });
  return {
    ok: true,
    value: {
      from: first.from,
      to: chain[chain.length - 1]!.to,
      renamed: renamed.sort((a, b) => (a.from < b.from ? -1 : 1)),
      added: finalAdded.sort((a, b) => (a.id < b.id ? -1 : 1)),
      removed: removed.sort((a, b) => (a.id < b.id ? -1 : 1)),
    },
  };
}
