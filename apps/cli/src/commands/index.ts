import type { CommandDef } from '../command';
import { assessCommand } from './assess';
import { catalogDiff } from './catalog-diff';
import { catalogList } from './catalog-list';
import { catalogShow } from './catalog-show';
import { rulesExport } from './rules-export';
import { validateCommand } from './validate';

/** Every command, in the order `cdsx --help` lists them. Add a command: a module here and one line. */
export const COMMANDS: readonly CommandDef[] = [
  assessCommand,
  validateCommand,
  rulesExport,
  catalogList,
  catalogShow,
  catalogDiff,
];
