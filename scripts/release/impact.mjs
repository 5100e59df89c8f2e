#!/usr/bin/env node
// Print the impact report between two criteria editions on the nationwide synthetic dataset
// (DỮ LIỆU GIẢ LẬP / SYNTHETIC DATA): `node scripts/release/impact.mjs [from] [to]` (default: the two newest
// editions in EDITIONS; `latest` may lag behind the newest, see RELEASING.md §7). Run after `pnpm build`. The CLI's `cdsx catalog impact <a> <b> [assessments]` is the user-facing
// command; this script is the maintainer's quick look when preparing a changeset (see RELEASING.md).
import { formatIssues } from '@cdsx/criteria';
import { provinceByCode } from '@cdsx/criteria/communes';
import { EDITIONS, getEdition } from '@cdsx/criteria/editions';

const rules = await import(new URL('../../packages/rules/dist/index.js', import.meta.url));
if (typeof rules.tryImpactReport !== 'function') {
  console.error('impact: @cdsx/rules does not export tryImpactReport — build it first (pnpm build)');
  process.exit(1);
}
const [a, b] = process.argv.slice(2);
const pick = (v, fallback) => {
  const r = getEdition(v ?? fallback);
  if (!r.ok) {
    console.error(formatIssues(r.issues));
    process.exit(1);
  }
  return r.value;
};
const from = pick(a, EDITIONS.at(-2)?.edition.version ?? 'latest');
const to = pick(b, EDITIONS.at(-1)?.edition.version ?? 'latest');
const r = rules.tryImpactReport({ from, to });
if (!r.ok) {
  console.error(formatIssues(r.issues));
  process.exit(1);
}
const report = r.value;
const row = (label, c) =>
  `  ${label.padEnd(34)} ${String(c.communes).padStart(6)} ${String(c.up).padStart(5)} ${String(c.down).padStart(5)} ${String(c.unchanged).padStart(9)}`;
const head = `  ${''.padEnd(34)} ${'xã'.padStart(6)} ${'lên'.padStart(5)} ${'xuống'.padStart(5)} ${'giữ nguyên'.padStart(9)}`;
console.log(
  `Tác động / impact: ${report.from.version} → ${report.to.version}${report.synthetic ? ' — DỮ LIỆU GIẢ LẬP / SYNTHETIC DATA' : ''}`,
);
console.log(head);
console.log(row('tổng / total', report.totals));
for (const g of report.byAreaGroup) console.log(row(g.areaGroup, g));
for (const p of report.byProvince.filter((x) => x.up || x.down))
  console.log(row(`${p.provinceCode} ${provinceByCode(p.provinceCode)?.name ?? ''}`, p));
console.log('  mức / level:   ' + report.levels.map((l) => `${l.level}: ${l.from} → ${l.to}`).join('   '));
console.log(
  '  tiêu chí / criteria: ' +
    (report.criteria.map((c) => `${c.criterion} (↑${c.up} ↓${c.down})`).join(', ') || '—'),
);
if (report.retarget.notAvailableInTo.length)
  console.log(
    `  chưa có số liệu / not available under ${report.to.version}: ${report.retarget.notAvailableInTo.join(', ')}`,
  );
for (const c of report.changes) {
  const causes = c.causes
    .map((k) => `${k.criterion}@${k.level} ${k.from?.outcome ?? '—'}→${k.to?.outcome ?? '—'}`)
    .join(', ');
  console.log(
    `  ${c.commune.code} ${c.commune.name} (${c.commune.provinceCode}, ${c.areaGroup}): ${c.from} → ${c.to}  ${causes}`,
  );
}
