// Benchmark: json-rules-engine (reference semantics) vs the compiled fast path on the nationwide SYNTHETIC
// dataset (every commune, latest edition), parsed from NDJSON as it arrives from a file or a pipe.
// Both sides run under the same conditions: interleaved in rounds (json-rules-engine, then each fast mode),
// repeated, and compared by their medians in the same run. Figures are printed, never asserted.
// Run: `pnpm --filter @cdsx/rules bench` (builds first via turbo: `pnpm bench`) or `node bench/bench.mjs`.
// BENCH_ROUNDS (default 3) rounds; each round runs json-rules-engine once and every fast mode FAST_REPS times.
// No side keeps its records alive while another is timed (a retained result set only adds GC work to whoever
// runs next), and the collector is given time to finish between timed runs (see `collect`); the results are
// compared in a separate pass after the timed rounds.
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { COMMUNES } from '@cdsx/criteria/communes';
import { latestEdition } from '@cdsx/criteria/editions';
import { assessBatch, assessLevels, assessMany, assessManyWithEngine } from '@cdsx/rules';
import { generateSyntheticAssessments } from '@cdsx/rules/synthetic';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const FAST_REPS = Number(process.env.BENCH_FAST_REPS ?? 5);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
// Before every timed run, the event loop idles BENCH_SETTLE_MS (default 150 ms) so the collector finishes
// what earlier runs left (its foreground tasks run, its helper threads stop): process CPU time counts every
// thread, so otherwise the run after an allocation-heavy mode is charged for collecting that mode's garbage.
// When the bench moves from one side or mode to the next, the heap is also collected in full: measured here,
// the full-record modes leave ~600 MB of promoted garbage behind them, and the mode that ran next paid for it
// (scavenges of 15–30 ms, ~2× its CPU time alone), so a mode's figure depended on which mode went before it.
// Each mode's repeated runs still pay for their own garbage, as a service running that mode in a loop does.
// With BENCH_GC=1 the heap is collected before every timed run as well (that charges the allocating modes
// for regrowing the young generation, so it is off by default).
const fullGc = (() => {
  if (typeof globalThis.gc === 'function') return globalThis.gc;
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc');
})();
const gcEveryRun = process.env.BENCH_GC === '1';
const SETTLE_MS = Number(process.env.BENCH_SETTLE_MS ?? 150);
async function collect(switching = false) {
  if (switching || gcEveryRun) fullGc();
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
}
async function timeAsync(fn) {
  await collect(true);
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const result = await fn();
  const wall = Number(process.hrtime.bigint() - t0) / 1e6;
  const c = process.cpuUsage(c0);
  return { result, wall, cpu: (c.user + c.system) / 1000 };
}
function timeSync(fn) {
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const result = fn();
  const wall = Number(process.hrtime.bigint() - t0) / 1e6;
  const c = process.cpuUsage(c0);
  return { result, wall, cpu: (c.user + c.system) / 1000 };
}

const { edition, contentHash } = latestEdition;
const generated = generateSyntheticAssessments({ edition, communes: COMMUNES });
const ndjson = generated.map((a) => JSON.stringify(a)).join('\n');
const assessments = ndjson.split('\n').map((line) => JSON.parse(line));
const n = assessments.length;

// Every side decides under the same edition, passed explicitly (no side pays for resolving it).
const e = { edition: latestEdition };
/** A mode that gives each batch the previous one's columns (`reuse`), as a service deciding batch after batch. */
function reusing(options) {
  let previous;
  return () => {
    previous = assessBatch(assessments, { ...options, reuse: previous });
    return previous;
  };
}
const modes = [
  { label: 'full records, validating', run: () => assessMany(assessments, e) },
  {
    label: 'full records, skipValidation',
    run: () => assessMany(assessments, { ...e, skipValidation: true }),
  },
  // The explicit columnar batch: every finding of every record in typed columns, plain records on demand.
  { label: 'full columnar batch, validating', run: () => assessBatch(assessments, e) },
  {
    label: 'full columnar batch, skipValidation',
    run: () => assessBatch(assessments, { ...e, skipValidation: true }),
  },
  // A service deciding batch after batch hands the previous batch's columns on (`reuse`): no fresh memory.
  { label: 'full columnar batch, validating, reuse', run: reusing({ ...e }) },
  { label: 'full columnar batch, skipValidation, reuse', run: reusing({ ...e, skipValidation: true }) },
  { label: 'summary records, validating', run: () => assessMany(assessments, { ...e, detail: 'summary' }) },
  {
    label: 'summary records, skipValidation',
    run: () => assessMany(assessments, { ...e, detail: 'summary', skipValidation: true }),
  },
  { label: 'levels only, validating', run: () => assessLevels(assessments, e) },
  {
    label: 'levels only, skipValidation',
    run: () => assessLevels(assessments, { ...e, skipValidation: true }),
  },
];
const engine = () => assessManyWithEngine(assessments, e);

// Warm-up: every fast mode BENCH_WARMUP times (default 10: a batch needs several runs before its optimised
// code is in place, more on a loaded machine), and json-rules-engine on a slice, so the JIT and the rule
// caches are hot.
const WARMUP = Number(process.env.BENCH_WARMUP ?? 10);
for (let i = 0; i < WARMUP; i++) for (const m of modes) m.run();
await assessManyWithEngine(assessments.slice(0, 300), e);

const engineSamples = [];
const samples = modes.map(() => []);
let decided = 0; // results are counted, then dropped
for (let round = 0; round < ROUNDS; round++) {
  const { result, ...t } = await timeAsync(engine);
  decided += result.length;
  engineSamples.push(t);
  for (const [i, m] of modes.entries()) {
    for (let k = 0; k < FAST_REPS; k++) {
      await collect(k === 0);
      const { result, ...t } = timeSync(() => m.run());
      decided += result.length ?? result.size ?? result.level.length;
      samples[i].push(t);
    }
  }
}

// The comparison pass, untimed.
const engineRecords = await engine();
const last = modes.map((m) => m.run());

// Same results: full records byte-identical to json-rules-engine's; the batch's records = full records;
// summaries = full minus findings; levels.
const full = last[0];
const same = (a, b) => a.length === b.length && a.every((r, i) => JSON.stringify(r) === JSON.stringify(b[i]));
const withoutFindings = (r) => {
  const { findings: _, ...rest } = r;
  return rest;
};
const checks = {
  'full (validating) = json-rules-engine': same(engineRecords, full),
  'full (skipValidation) = json-rules-engine': same(engineRecords, last[1]),
  'columnar batch: record(i) = full records': [last[2], last[3], last[4], last[5]].every(
    (b) => b.size === full.length && full.every((r, i) => JSON.stringify(b.record(i)) === JSON.stringify(r)),
  ),
  'summary = full without findings': same(full.map(withoutFindings), last[6]) && same(last[6], last[7]),
  'levels = full records’ levels': [last[8], last[9]].every((r) =>
    full.every((rec, i) => r.level[i] === rec.level.level && r.possibleLevel[i] === rec.possibleLevel),
  ),
};
const levels = {};
for (const r of full) levels[r.level.level] = (levels[r.level.level] ?? 0) + 1;

const eWall = median(engineSamples.map((s) => s.wall));
const eCpu = median(engineSamples.map((s) => s.cpu));
const f = (x) => x.toFixed(1);
const row = (label, wall, cpu, count) =>
  `${label.padEnd(44)} wall ${f(wall).padStart(8)} ms   cpu ${f(cpu).padStart(8)} ms   ${f((wall * 1000) / n).padStart(7)} µs/commune   (median of ${count})`;
console.log('@cdsx/rules benchmark — SYNTHETIC nationwide dataset (dữ liệu mô phỏng, not real measurements)');
console.log(
  `edition ${edition.version} (${contentHash.slice(0, 19)}…), ${edition.criteria.length} criteria; node ${process.version} ${process.platform}/${process.arch}; one thread`,
);
console.log(
  `communes: ${n}   levels reached: ${JSON.stringify(levels)}   input: NDJSON ${f(ndjson.length / 1e6)} MB, parsed before timing`,
);
console.log(
  `${ROUNDS} interleaved rounds: json-rules-engine once, then each fast mode ${FAST_REPS}× (${decided} decisions timed); ` +
    `${SETTLE_MS} ms idle before every timed run, heap collected ${gcEveryRun ? 'before every run' : 'when the side or mode changes'}`,
);
console.log(row('json-rules-engine (full records)', eWall, eCpu, engineSamples.length));
modes.forEach((m, i) => {
  const wall = median(samples[i].map((s) => s.wall));
  const cpu = median(samples[i].map((s) => s.cpu));
  console.log(
    `${row(m.label, wall, cpu, samples[i].length)}   ×${f(eWall / wall)} wall, ×${f(eCpu / cpu)} cpu`,
  );
});
for (const [k, v] of Object.entries(checks)) console.log(`check: ${k}: ${v}`);
console.log(
  `peak RSS ${f(process.resourceUsage().maxRSS / 1024)} MB. Target (printed, not asserted): full results ≥ 150× json-rules-engine`,
);
if (!Object.values(checks).every(Boolean)) process.exitCode = 1;
