import { COMMUNES } from '@cdsx/criteria/communes';
import { latestEdition } from '@cdsx/criteria/editions';
import { compileAssessmentAcceptor } from '@cdsx/criteria/internal';
import { generateSyntheticAssessments } from '@cdsx/rules/synthetic';
const xs = generateSyntheticAssessments({ edition: latestEdition.edition, communes: COMMUNES }).map((a) => JSON.parse(JSON.stringify(a)));
const acc = compileAssessmentAcceptor(latestEdition.edition, { unknownCriteria: 'allow' });
const run = () => { let ok = 0; for (const x of xs) if (acc(x)) ok++; return ok; };
for (let i = 0; i < 10; i++) run();
const t = [];
for (let i = 0; i < 40; i++) { const c0 = process.cpuUsage(); if (run() !== xs.length) throw new Error('rejected'); const c = process.cpuUsage(c0); t.push((c.user + c.system) / 1000); }
t.sort((a, b) => a - b);
console.log('acceptor median cpu', t[20].toFixed(1), 'min', t[0].toFixed(1));
