import type { Lang, LocalizedText } from './i18n';
import type { Format, Report } from './render/index';

/** One option of a command (a `util.parseArgs` option plus its help). */
export interface OptionDef {
  type: 'string' | 'boolean';
  short?: string;
  /** May be given more than once (the value is then an array). */
  multiple?: boolean;
  /** Name of the value in help, e.g. `<version>`. */
  value?: string;
  /** Accepted values; anything else is a usage error. */
  choices?: readonly string[];
  help: LocalizedText;
}

/** Everything a command gets: parsed arguments, the language, and the I/O helpers. */
export interface Context {
  /** Output language (`--lang`, default vi). */
  lang: Lang;
  /** Language of error messages: one language when `--lang` was given, otherwise both. */
  errLang: Lang | undefined;
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Whether stderr is a terminal (progress bars). */
  stderrIsTTY: boolean;
  /** Read a file, or standard input for `-`; remembers it as an input (so `--out` never overwrites it). */
  readText(file: string): Promise<string>;
  /** Read a binary file (an .xlsx form); remembers it as an input. */
  readBytes(file: string): Uint8Array;
  /** Remember a path as an input without reading it through {@link Context.readText}. */
  addInput(file: string): void;
  /** Render a report in the chosen `--format` to stdout or `--out`. */
  emit(report: Report): void;
  /** Write raw text to the output (stdout or `--out`). */
  write(text: string): void;
  /** Write binary output (an .xlsx workbook); refused on a terminal, where it would be garbage. */
  writeBytes(bytes: Uint8Array): void;
  /** Write to stderr immediately (progress, notes). */
  note(text: string): void;
  /** The chosen output format. */
  format: Format;
}

/**
 * A command of the `cdsx` table. Each lives in its own module under `src/commands/` and is listed once
 * in `src/commands/index.ts`; adding a command is adding a module and a line.
 */
export interface CommandDef {
  /** Words that name the command, e.g. `['catalog', 'diff']`. */
  path: readonly string[];
  summary: LocalizedText;
  /** Positional arguments as shown in help, e.g. `<file|dir|->`. */
  args?: string;
  /** How many positional arguments it takes. */
  positionals: readonly [min: number, max: number];
  options?: Record<string, OptionDef>;
  /** Output formats it supports (first is the default); omitted means it writes raw output. */
  formats?: readonly Format[];
  /** Longer explanation for `--help`. */
  details?: LocalizedText;
  examples?: readonly string[];
  run(ctx: Context): Promise<number> | number;
}
