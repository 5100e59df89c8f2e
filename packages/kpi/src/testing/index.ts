/**
 * Test and demo helpers of `@cdsx/kpi`: a deterministic synthetic dossier generator.
 * Import from `@cdsx/kpi/testing`. Generated data is synthetic; label it so wherever it is shown.
 *
 * @packageDocumentation
 */
export { type GenerateOptions, type GeneratorCommune, generateDossiers } from './generate';
