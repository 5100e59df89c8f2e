// A reference driver for the exported rules that uses only json-rules-engine (no @cdsx package at run time).
// The rules come from `cdsx rules export --area-group <group> --catalog <version>` (or toJsonRulesEngineRules).
// Run: node json-rules-engine-driver.mjs <rules.json> <observations.json>   (observations: { "HT.01": 100, … })
// The contract (also in every level rule's event.params.contract):
//   pass 1 — the requirement rules on the observations; a missing observation is not_available, never met;
//   pass 2 — the level rules on derived facts per level k: mandatoryNotMet@k (mandatory not met or not
//            available) and extendedMet@k (extended met); the level is the highest level event, else 0.
import { readFile } from 'node:fs/promises';
import { Engine } from 'json-rules-engine';

/**
 * Decide one commune with stock json-rules-engine.
 * @param {Array<{ name: string, conditions: object, event: { type: string, params: any } }>} rules
 * @param {Record<string, number | boolean>} observations criterion id → observed value (missing = absent)
 * @returns {Promise<{ level: number, possibleLevel: number, outcomes: Record<string, 'met' | 'not_met' | 'not_available'> }>}
 */
export async function decide(rules, observations) {
  const requirements = rules.filter((r) => r.event.type === 'requirement');
  const levelRules = rules.filter((r) => r.event.type === 'level');

  // Pass 1. allowUndefinedFacts: a missing observation fails its rule instead of throwing "Undefined fact".
  const facts = { ...observations };
  const pass1 = await new Engine(requirements, { allowUndefinedFacts: true }).run(facts);
  const outcomes = {};
  for (const r of [...pass1.results, ...pass1.failureResults]) {
    const { criterion } = r.event.params;
    outcomes[r.name] = observations[criterion] === undefined ? 'not_available' : r.result ? 'met' : 'not_met';
  }

  // Pass 2, twice: as observed, and with missing data counted as met (the possible level).
  const levelOf = async (optimistic) => {
    const derived = {};
    for (const rule of levelRules)
      for (const l of rule.event.params.levels) {
        derived[`mandatoryNotMet@${l.level}`] = 0;
        derived[`extendedMet@${l.level}`] = 0;
      }
    for (const r of requirements) {
      const { level, kind } = r.event.params;
      const o = outcomes[r.name];
      const met = o === 'met' || (optimistic && o === 'not_available');
      if (kind === 'mandatory' && !met) derived[`mandatoryNotMet@${level}`] += 1;
      if (kind === 'extended' && met) derived[`extendedMet@${level}`] += 1;
    }
    const { events } = await new Engine(levelRules).run(derived);
    return Math.max(0, ...events.map((e) => e.params.level));
  };
  return { level: await levelOf(false), possibleLevel: await levelOf(true), outcomes };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [rulesFile, observationsFile] = process.argv.slice(2);
  if (!rulesFile || !observationsFile) {
    console.error('usage: node json-rules-engine-driver.mjs <rules.json> <observations.json>');
    process.exit(2);
  }
  const rules = JSON.parse(await readFile(rulesFile, 'utf8'));
  const observations = JSON.parse(await readFile(observationsFile, 'utf8'));
  const { level, possibleLevel } = await decide(rules, observations);
  console.log(
    `level ${level}${possibleLevel > level ? ` (provisional: up to ${possibleLevel} with the missing data)` : ''}`,
  );
}
