import type { CommandDef } from '../command';
import { architectureCommand } from './architecture';
import { assessCommand } from './assess';
import { catalogDiff } from './catalog-diff';
import { catalogImpact } from './catalog-impact';
import { catalogList } from './catalog-list';
import { catalogShow } from './catalog-show';
import { datasetSynthetic } from './dataset-synthetic';
import { demoCommand } from './demo';
import { fixturesRun } from './fixtures-run';
import { formGenerate, formRead } from './form';
import { kpiCommand } from './kpi';
import { planEvaluate, planNext, planValidate } from './plan';
import { reportCommand } from './report';
import { rulesExport } from './rules-export';
import { score766Command } from './score766';
import { validateCommand } from './validate';

/** Every command, in the order `cdsx --help` lists them. Add a command: a module here and one line. */
export const COMMANDS: readonly CommandDef[] = [
  demoCommand,
  assessCommand,
  architectureCommand,
  reportCommand,
  formGenerate,
  formRead,
  kpiCommand,
  score766Command,
  planValidate,
  planEvaluate,
  planNext,
  validateCommand,
  rulesExport,
  fixturesRun,
  catalogList,
  catalogShow,
  catalogDiff,
  catalogImpact,
  datasetSynthetic,
];
