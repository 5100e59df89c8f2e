import { COMMUNES } from '@cdsx/criteria/communes';
import { latestEdition } from '@cdsx/criteria/editions';
import { assessBatch, assessLevels } from '@cdsx/rules';
import { generateSyntheticAssessments } from '@cdsx/rules/synthetic';
const assessments = generateSyntheticAssessments({ edition: latestEdition.edition, communes: COMMUNES }).map((a) => JSON.parse(JSON.stringify(a)));
const skip = process.env.SKIP === '1';
const mode = process.env.MODE ?? 'batch';
const run = () => mode === 'batch' ? assessBatch(assessments, { edition: latestEdition, skipValidation: skip }) : assessLevels(assessments, { edition: latestEdition, skipValidation: skip });
for (let i = 0; i < 5; i++) run();
const t = [];
for (let i = 0; i < Number(process.env.N ?? 30); i++) { const c0 = process.cpuUsage(); run(); const c = process.cpuUsage(c0); t.push((c.user + c.system) / 1000); }
t.sort((a, b) => a - b);
console.log(mode, 'skip', skip, 'median cpu', t[t.length >> 1].toFixed(1), 'min', t[0].toFixed(1));
console.log('prepare ms/run', (globalThis.T1 / (5 + t.length)).toFixed(1), 'total', (globalThis.T2 / (5 + t.length)).toFixed(1));
