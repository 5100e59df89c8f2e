import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

function versionOf(spec: string): string {
  try {
    return (require(spec) as { version: string }).version;
  } catch {
    return '?';
  }
}

/**
 * `cdsx --version`: the CLI's own version (from its package.json, one directory above both `src/` and
 * `dist/`), then the versions of the @cdsx packages it runs and the latest catalog edition they ship.
 */
export function versionText(latestEdition: string): string {
  const cli = versionOf('../package.json');
  const libs = ['@cdsx/criteria', '@cdsx/rules', '@cdsx/kpi']
    .map((name) => `${name} ${versionOf(`${name}/package.json`)}`)
    .join(', ');
  return `cdsx ${cli}\n${libs}; catalog ${latestEdition}\n`;
}
