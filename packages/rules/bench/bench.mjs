// Benchmark: json-rules-engine (reference semantics) vs assessMany (compiled fast path) on the nationwide
// SYNTHETIC dataset (every commune, full latest edition), after warm-up. Figures are printed, never asserted.
// Run: `pnpm bench` (turbo builds first) or `pnpm run build && node bench/bench.mjs`.
// Wall time and this process's CPU time are both printed: on a shared machine CPU time is the steadier figure.

import { COMMUNES } from '@cdsx/criteria/communes';
import { latestEdition } from '@cdsx/criteria/editions';
import { assessMany, assessManyWithEngine } from '@cdsx/rules';
import { generateSyntheticAssessments } from '@cdsx/rules/synthetic';

const RUNS = Number(process.env.BENCH_RUNS ?? 9);
let peakHeap = 0;
const sampleHeap = () => {
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
async function time(fn) {
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const result = await fn();
  const wall = Number(process.hrtime.bigint() - t0) / 1e6;
  const c = process.cpuUsage(c0);
  sampleHeap();
  return { result, wall, cpu: (c.user + c.system) / 1000 };
}
async function repeat(fn) {
  const walls = [];
  const cpus = [];
  let result;
  for (let i = 0; i < RUNS; i++) {
    result = undefined; // one run's records alive at a time, so peak memory means something
    const r = await time(fn);
    walls.push(r.wall);
    cpus.push(r.cpu);
    result = r.result;
  }
  return { result, wall: median(walls), cpu: median(cpus) };
}

const { edition, contentHash } = latestEdition;
const gen = await time(() => generateSyntheticAssessments({ edition, communes: COMMUNES }));
const assessments = gen.result;

// Warm-up: both paths, so the JIT and the compiled-rule caches are hot before timing.
for (let i = 0; i < 3; i++) {
  assessMany(assessments);
  assessMany(assessments, { skipValidation: true });
}
await assessManyWithEngine(assessments.slice(0, 300));

// The same dataset as it arrives from a file or a pipe (`cdsx dataset synthetic | cdsx assess -`): one NDJSON
// line per commune, parsed. Parsed objects have the compact layout V8 gives JSON; objects built key by key in
// the generator do not, and reading 56 observations from them costs more. Both are measured.
const ndjson = assessments.map((a) => JSON.stringify(a)).join('\n');
const parse = await time(() => ndjson.split('\n').map((line) => JSON.parse(line)));
const parsed = parse.result;
for (let i = 0; i < 3; i++) assessMany(parsed);

const engine = await time(() => assessManyWithEngine(parsed));
const parsedValidating = await repeat(() => assessMany(parsed));
const parsedTrusted = await repeat(() => assessMany(parsed, { skipValidation: true }));
const validating = await repeat(() => assessMany(assessments));
const trusted = await repeat(() => assessMany(assessments, { skipValidation: true }));

const same = (a, b) => a.length === b.length && a.every((r, i) => JSON.stringify(r) === JSON.stringify(b[i]));
const identical =
  same(engine.result, validating.result) &&
  same(engine.result, trusted.result) &&
  same(engine.result, parsedValidating.result) &&
  same(engine.result, parsedTrusted.result);
const levels = {};
for (const r of validating.result) levels[r.level.level] = (levels[r.level.level] ?? 0) + 1;

const n = assessments.length;
const f = (x) => x.toFixed(1);
const row = (label, r) =>
  `${label.padEnd(44)} wall ${f(r.wall).padStart(8)} ms   cpu ${f(r.cpu).padStart(8)} ms   (${f((r.wall * 1000) / n)} µs/commune)`;
console.log(`@cdsx/rules benchmark — SYNTHETIC nationwide dataset (dữ liệu giả lập, not real measurements)`);
console.log(
  `edition ${edition.version} (${contentHash.slice(0, 19)}…), ${edition.criteria.length} criteria; node ${process.version} ${process.platform}/${process.arch}; one thread`,
);
console.log(
  `communes: ${n}   levels reached: ${JSON.stringify(levels)}   dataset generation: ${f(gen.wall)} ms`,
);
console.log(
  `input parsed from NDJSON (${f(ndjson.length / 1e6)} MB, parse ${f(parse.wall)} ms, not timed below):`,
);
console.log(row('  json-rules-engine path (1 run)', engine));
console.log(row(`  assessMany, validating input (median of ${RUNS})`, parsedValidating));
console.log(row(`  assessMany, skipValidation (median of ${RUNS})`, parsedTrusted));
console.log(
  `  speed-up vs json-rules-engine: ${f(engine.wall / parsedValidating.wall)}× validating, ${f(engine.wall / parsedTrusted.wall)}× skipValidation (wall); ${f(engine.cpu / parsedValidating.cpu)}× / ${f(engine.cpu / parsedTrusted.cpu)}× (cpu)`,
);
console.log('input as built by the generator (objects assembled key by key):');
console.log(row(`  assessMany, validating input (median of ${RUNS})`, validating));
console.log(row(`  assessMany, skipValidation (median of ${RUNS})`, trusted));
console.log(
  `  speed-up vs json-rules-engine: ${f(engine.wall / validating.wall)}× validating, ${f(engine.wall / trusted.wall)}× skipValidation (wall)`,
);
console.log(`identical records on both paths: ${identical}`);
console.log(
  `peak RSS ${f(process.resourceUsage().maxRSS / 1024)} MB, peak heap used (sampled) ${f(peakHeap / 1024 / 1024)} MB`,
);
console.log(
  `targets (printed, not asserted): all communes ≤ 50 ms on one core; ≥ 100× faster than json-rules-engine`,
);
