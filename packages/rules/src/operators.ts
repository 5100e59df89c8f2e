import type { Comparison } from '@cdsx/criteria';

/**
 * The json-rules-engine operators the compiled rules use, mirrored exactly (callback and fact-value
 * validator, see `json-rules-engine/dist/engine-default-operators.js`), so the synchronous fast path
 * evaluates a condition the way the engine does.
 */
export interface OperatorSpec {
  readonly validate: (factValue: unknown) => boolean;
  readonly evaluate: (factValue: unknown, value: unknown) => boolean;
}

// json-rules-engine: `Number.parseFloat(factValue).toString() !== 'NaN'`. For a number that is false only
// for NaN (every other number's string form parses back), so numbers skip the string round trip.
const numberValidator = (v: unknown): boolean =>
  typeof v === 'number' ? !Number.isNaN(v) : Number.parseFloat(v as string).toString() !== 'NaN';
const any = (): boolean => true;

/** Operator name → semantics, as in json-rules-engine 7. */
export const OPERATORS: Readonly<Record<string, OperatorSpec>> = Object.freeze({
  equal: { validate: any, evaluate: (a, b) => a === b },
  notEqual: { validate: any, evaluate: (a, b) => a !== b },
  lessThan: { validate: numberValidator, evaluate: (a, b) => (a as number) < (b as number) },
  lessThanInclusive: { validate: numberValidator, evaluate: (a, b) => (a as number) <= (b as number) },
  greaterThan: { validate: numberValidator, evaluate: (a, b) => (a as number) > (b as number) },
  greaterThanInclusive: { validate: numberValidator, evaluate: (a, b) => (a as number) >= (b as number) },
});

/** The json-rules-engine operator of a catalog comparison. */
export const OPERATOR_OF: Readonly<Record<Comparison, string>> = Object.freeze({
  '>=': 'greaterThanInclusive',
  '<=': 'lessThanInclusive',
  '=': 'equal',
});
