import { AREA_GROUPS, type AreaGroup } from '@cdsx/criteria';
import { toJsonRulesEngineRules } from '@cdsx/rules';
import type { CommandDef } from '../command';
import { EXIT, UsageError } from '../errors';
import { t } from '../i18n';
import { CATALOG_OPTION, editionFrom, str } from './shared';

/** `cdsx rules export --area-group <g>` — the json-rules-engine rules of one area group. */
export const rulesExport: CommandDef = {
  path: ['rules', 'export'],
  summary: t(
    'xuất luật json-rules-engine của một nhóm địa bàn',
    'export the json-rules-engine rules of an area group',
  ),
  details: t(
    'In ra JSON các luật mà `new Engine(rules)` của json-rules-engine đọc được trực tiếp.',
    'Prints the rule JSON that json-rules-engine reads as is with `new Engine(rules)`.',
  ),
  positionals: [0, 0],
  options: {
    'area-group': {
      type: 'string',
      value: `<${AREA_GROUPS.join('|')}>`,
      choices: AREA_GROUPS,
      help: t('nhóm địa bàn (bắt buộc)', 'area group (required)'),
    },
    catalog: CATALOG_OPTION,
  },
  formats: ['json'],
  examples: [
    'cdsx rules export --area-group rural',
    'cdsx rules export --area-group remote --catalog 0.1.0 --out remote.json',
  ],
  run(ctx) {
    const group = str(ctx, 'area-group') as AreaGroup | undefined;
    if (!group) throw new UsageError(t('thiếu --area-group', 'missing --area-group'));
    const { edition } = editionFrom(str(ctx, 'catalog'));
    ctx.write(`${JSON.stringify(toJsonRulesEngineRules(edition, group), null, 2)}\n`);
    return EXIT.ok;
  },
};
