// The allocation floor of full records: CPU time of assessMany (full and summary records, skipValidation) beside
// a bare loop that only allocates the same finding objects (one plain 8-key object per criterion × level, the
// same values, one array per record) — interleaved, medians. When the bare loop costs about as much as
// full − summary, the findings' cost is allocating and keeping that many objects, not the rules.
// Run after `pnpm build`: `node bench/floor.mjs` (BENCH_ROUNDS, default 12).
import { COMMUNES } from '@cdsx/criteria/communes';
import { latestEdition } from '@cdsx/criteria/editions';
import { assessMany } from '@cdsx/rules';
import { generateSyntheticAssessments } from '@cdsx/rules/synthetic';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 12);
const { edition } = latestEdition;
const assessments = generateSyntheticAssessments({ edition, communes: COMMUNES }).map((a) =>
  JSON.parse(JSON.stringify(a)),
);
const opts = { edition: latestEdition, skipValidation: true };
const reference = assessMany(assessments, opts);
const nFindings = reference.reduce((n, r) => n + r.findings.length, 0);

function bareFindings() {
  const out = new Array(reference.length);
  for (let r = 0; r < reference.length; r++) {
    const src = reference[r].findings;
    const f = new Array(src.length);
    for (let k = 0; k < src.length; k++) {
      const s = src[k];
      f[k] = {
        criterion: s.criterion,
        level: s.level,
        kind: s.kind,
        outcome: s.outcome,
        observed: s.observed,
        comparison: s.comparison,
        threshold: s.threshold,
        gap: s.gap,
      };
    }
    out[r] = f;
  }
  return out;
}

const modes = [
  ['full records', () => assessMany(assessments, opts)],
  ['summary records', () => assessMany(assessments, { ...opts, detail: 'summary' })],
  ['bare loop: the finding objects only', bareFindings],
];
const cpu = modes.map(() => []);
for (let round = 0; round < ROUNDS; round++)
  modes.forEach(([, run], i) => {
    const c0 = process.cpuUsage();
    const result = run();
    const c = process.cpuUsage(c0);
    if (result.length !== reference.length) throw new Error('wrong result');
    cpu[i].push((c.user + c.system) / 1000);
  });
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const m = cpu.map(median);
console.log(
  `${reference.length} communes, ${nFindings} findings per full run; CPU medians of ${ROUNDS} interleaved rounds`,
);
modes.forEach(([label], i) => {
  console.log(`${label.padEnd(38)} ${m[i].toFixed(1).padStart(8)} ms`);
});
console.log(
  `full − summary (the findings): ${(m[0] - m[1]).toFixed(1)} ms; bare loop ${((m[2] / (m[0] - m[1])) * 100).toFixed(0)}% of it`,
);
