import { parseArgs } from 'node:util';
import type { CommandDef, Context, OptionDef } from './command';
import { COMMANDS } from './commands/index';
import { EXIT, formatLocated, InputError, UsageError } from './errors';
import { type Lang, type LocalizedText, say, t } from './i18n';
import { canonicalPath, readBytesFile, readTextFile, writeFileAtomic } from './io';
import { ANSI, PLAIN, useColor } from './render/color';
import { type Format, type Report, renderReport } from './render/index';
import { reportToXlsx } from './render/xlsx';

/** Where the CLI reads and writes: the real process in `main.ts`, anything in tests. */
export interface Io {
  stdout: { write(s: string | Uint8Array): unknown; isTTY?: boolean };
  stderr: { write(s: string): unknown; isTTY?: boolean };
  readStdin(): Promise<string>;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

const GLOBAL_OPTIONS: Record<string, OptionDef> = {
  lang: {
    type: 'string',
    value: '<vi|en>',
    choices: ['vi', 'en'],
    help: t('ngôn ngữ hiển thị (mặc định vi)', 'output language (default vi)'),
  },
  help: { type: 'boolean', short: 'h', help: t('hướng dẫn sử dụng', 'show help') },
  debug: { type: 'boolean', help: t('hiện chi tiết lỗi (stack trace)', 'show error details (stack trace)') },
};

function outputOptions(cmd: CommandDef): Record<string, OptionDef> {
  if (!cmd.formats) return {};
  const opts: Record<string, OptionDef> = {
    format: {
      type: 'string',
      value: `<${cmd.formats.join('|')}>`,
      choices: cmd.formats,
      help: t(`định dạng đầu ra (mặc định ${cmd.formats[0]})`, `output format (default ${cmd.formats[0]})`),
    },
    out: {
      type: 'string',
      value: '<file>',
      help: t(
        'ghi ra tệp (ghi nguyên tử, không ghi đè tệp đầu vào)',
        'write to a file (atomically; never over an input file)',
      ),
    },
  };
  if (cmd.formats.includes('csv')) {
    opts.bom = {
      type: 'boolean',
      help: t('CSV có BOM UTF-8 (cho Excel)', 'CSV with a UTF-8 BOM (for Excel)'),
    };
  }
  return opts;
}

function allOptions(cmd: CommandDef): Record<string, OptionDef> {
  return { ...(cmd.options ?? {}), ...outputOptions(cmd), ...GLOBAL_OPTIONS };
}

/** The language asked for on the command line, read before full parsing so usage errors use it too. */
function scanLang(argv: readonly string[]): Lang | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const v = a === '--lang' ? argv[i + 1] : a.startsWith('--lang=') ? a.slice(7) : undefined;
    if (v === 'vi' || v === 'en') return v;
  }
  return undefined;
}

/** Leading words of the command line (the command path), skipping global flags. */
function commandWords(argv: readonly string[]): { words: string[]; rest: string[] } {
  const words: string[] = [];
  const rest: string[] = [];
  let i = 0;
  for (; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--lang') {
      rest.push(a, ...(argv[i + 1] !== undefined ? [argv[i + 1]!] : []));
      i++;
    } else if (a.startsWith('-') && a !== '-') {
      if (a === '--debug' || a.startsWith('--lang=') || a === '--help' || a === '-h') rest.push(a);
      else break;
    } else if (words.length < 2) words.push(a);
    else break;
  }
  return { words, rest: [...rest, ...argv.slice(i)] };
}

function findCommand(words: string[]): { cmd?: CommandDef; used: number; group?: string } {
  for (const n of [2, 1]) {
    if (words.length < n) continue;
    const cmd = COMMANDS.find((c) => c.path.length === n && c.path.every((w, i) => w === words[i]));
    if (cmd) return { cmd, used: n };
  }
  const first = words[0];
  if (first && COMMANDS.some((c) => c.path.length > 1 && c.path[0] === first))
    return { used: 1, group: first };
  return { used: 0 };
}

function optionUsage(name: string, o: OptionDef): string {
  return `${o.short ? `-${o.short}, ` : ''}--${name}${o.value ? ` ${o.value}` : ''}`;
}

function helpText(cmd: CommandDef | undefined, lang: Lang, group?: string): string {
  const L = (x: LocalizedText) => x[lang];
  const lines: string[] = [];
  const listCommands = (filter: (c: CommandDef) => boolean) => {
    const shown = COMMANDS.filter(filter);
    const width = Math.max(...shown.map((c) => `${c.path.join(' ')} ${c.args ?? ''}`.length));
    for (const c of shown)
      lines.push(`  cdsx ${`${c.path.join(' ')} ${c.args ?? ''}`.padEnd(width)}  ${L(c.summary)}`);
  };
  if (!cmd) {
    lines.push(
      L(
        t(
          'cdsx — mô hình chuyển đổi số cấp xã: đánh giá mức độ, tính KPI, kiểm tra tệp và báo cáo',
          "cdsx — Vietnam's commune digital-transformation model: assess levels, compute KPIs, validate files, report",
        ),
      ),
      '',
      L(t('Cách dùng:', 'Usage:')),
    );
    listCommands((c) => (group ? c.path[0] === group : true));
    lines.push(
      '',
      L(t('Tùy chọn chung:', 'Global options:')),
      ...Object.entries(GLOBAL_OPTIONS).map(([n, o]) => `  ${optionUsage(n, o).padEnd(20)}  ${L(o.help)}`),
      '',
      L(
        t(
          'Mã thoát: 0 thành công, 1 đầu vào không hợp lệ hoặc kiểm tra không đạt, 2 sai cú pháp lệnh.',
          'Exit codes: 0 ok, 1 invalid input or failed check, 2 usage error.',
        ),
      ),
      L(
        t(
          'Xem hướng dẫn từng lệnh: cdsx <lệnh> --help. English: --lang en',
          'Help on one command: cdsx <command> --help. Tiếng Việt: --lang vi',
        ),
      ),
    );
    return `${lines.join('\n')}\n`;
  }
  lines.push(`cdsx ${cmd.path.join(' ')}${cmd.args ? ` ${cmd.args}` : ''} — ${L(cmd.summary)}`);
  if (cmd.details) lines.push('', L(cmd.details));
  lines.push('', L(t('Tùy chọn:', 'Options:')));
  const opts = allOptions(cmd);
  const width = Math.max(...Object.entries(opts).map(([n, o]) => optionUsage(n, o).length));
  for (const [n, o] of Object.entries(opts)) lines.push(`  ${optionUsage(n, o).padEnd(width)}  ${L(o.help)}`);
  if (cmd.examples?.length) lines.push('', L(t('Ví dụ:', 'Examples:')), ...cmd.examples.map((e) => `  ${e}`));
  return `${lines.join('\n')}\n`;
}

function parseCommandArgs(
  cmd: CommandDef,
  args: string[],
): { values: Context['values']; positionals: string[] } {
  const defs = allOptions(cmd);
  const options = Object.fromEntries(
    Object.entries(defs).map(([n, o]) => [
      n,
      { type: o.type, ...(o.short ? { short: o.short } : {}), ...(o.multiple ? { multiple: true } : {}) },
    ]),
  );
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args, options, strict: true, allowPositionals: true });
  } catch (e) {
    const code = (e as { code?: string }).code;
    const name = (e as Error).message.match(/'([^']+)'/)?.[1] ?? '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      throw new UsageError(t(`tùy chọn không hợp lệ: ${name}`, `unknown option: ${name}`));
    }
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      throw new UsageError(t(`tùy chọn ${name} cần một giá trị`, `option ${name} needs a value`));
    }
    throw new UsageError(
      t(`sai cú pháp lệnh: ${(e as Error).message}`, `bad command line: ${(e as Error).message}`),
    );
  }
  const values = parsed.values as Context['values'];
  for (const [n, o] of Object.entries(defs)) {
    const given = values[n];
    for (const v of Array.isArray(given) ? given : [given]) {
      if (!o.choices || typeof v !== 'string' || o.choices.includes(v)) continue;
      throw new UsageError(
        t(
          `--${n} ${JSON.stringify(v)}: cần một trong ${o.choices.join(', ')}`,
          `--${n} ${JSON.stringify(v)}: expected one of ${o.choices.join(', ')}`,
        ),
      );
    }
  }
  return { values, positionals: parsed.positionals };
}

/**
 * Run the CLI with arguments (without `node` and the script) and return the exit code.
 * Output is buffered and written at the end, so a failed command never leaves half a report or file.
 */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  const langFlag = scanLang(argv);
  const lang: Lang = langFlag ?? 'vi';
  const debug = argv.includes('--debug');
  const err = (s: string) => io.stderr.write(s.endsWith('\n') ? s : `${s}\n`);
  try {
    const { words, rest } = commandWords(argv);
    const wantsHelp = rest.includes('--help') || rest.includes('-h');
    if (words[0] === 'help' && words.length > 1) {
      // `cdsx help <command>` is `cdsx <command> --help`.
      return run([...words.slice(1), '--help', ...rest], io);
    }
    if (words.length === 0 || (words[0] === 'help' && words.length === 1)) {
      if (wantsHelp || words[0] === 'help') {
        io.stdout.write(helpText(undefined, lang));
        return EXIT.ok;
      }
      err(helpText(undefined, lang));
      return EXIT.usage;
    }
    const { cmd, used, group } = findCommand(words);
    if (!cmd) {
      if (group) {
        if (wantsHelp) {
          io.stdout.write(helpText(undefined, lang, group));
          return EXIT.ok;
        }
        const sub = words[1];
        throw new UsageError(
          sub
            ? t(`lệnh không tồn tại: ${group} ${sub}`, `unknown command: ${group} ${sub}`)
            : t(`thiếu lệnh con của ${group}`, `missing subcommand of ${group}`),
        );
      }
      throw new UsageError(t(`lệnh không tồn tại: ${words[0]}`, `unknown command: ${words[0]}`));
    }
    const args = [...words.slice(used), ...rest];
    if (wantsHelp) {
      io.stdout.write(helpText(cmd, lang));
      return EXIT.ok;
    }
    const { values, positionals } = parseCommandArgs(cmd, args);
    const [min, max] = cmd.positionals;
    if (positionals.length < min) {
      throw new UsageError(t(`thiếu đối số: ${cmd.args ?? ''}`, `missing argument: ${cmd.args ?? ''}`));
    }
    if (positionals.length > max) {
      throw new UsageError(
        t(
          `thừa đối số: ${positionals.slice(max).join(' ')}`,
          `unexpected argument: ${positionals.slice(max).join(' ')}`,
        ),
      );
    }

    const format = ((values.format as string | undefined) ?? cmd.formats?.[0] ?? 'table') as Format;
    const out = values.out as string | undefined;
    const inputs = new Set<string>();
    const chunks: Array<string | Uint8Array> = [];
    let pendingXlsx: Report | undefined;
    let stdinUsed = false;
    const ctx: Context = {
      lang,
      errLang: langFlag,
      values,
      positionals,
      env: io.env,
      cwd: io.cwd,
      stderrIsTTY: io.stderr.isTTY === true,
      format,
      addInput: (file) => {
        inputs.add(canonicalPath(io.cwd, file));
      },
      async readText(file) {
        if (file === '-') {
          if (stdinUsed)
            throw new UsageError(
              t('chỉ đọc được đầu vào chuẩn một lần', 'standard input can be read only once'),
            );
          stdinUsed = true;
          return io.readStdin();
        }
        inputs.add(canonicalPath(io.cwd, file));
        return readTextFile(io.cwd, file);
      },
      readBytes(file) {
        inputs.add(canonicalPath(io.cwd, file));
        return readBytesFile(io.cwd, file);
      },
      emit(report) {
        if (format === 'xlsx') {
          pendingXlsx = report;
          return;
        }
        const paint = format === 'table' && !out && useColor(io.stdout, io.env) ? ANSI : PLAIN;
        const r = renderReport(report, format, { lang, paint, bom: values.bom === true });
        chunks.push(...r.stdout);
        if (r.stderr) err(r.stderr);
      },
      write(text) {
        chunks.push(text);
      },
      writeBytes(bytes) {
        chunks.push(bytes);
      },
      note(text) {
        io.stderr.write(text);
      },
    };
    if (out) {
      // Refuse early, before any work, when --out names an input given on the command line.
      const target = canonicalPath(io.cwd, out);
      for (const p of positionals) {
        if (p !== '-' && canonicalPath(io.cwd, p) === target) {
          throw new UsageError(
            t(
              `--out ${out}: không ghi đè lên tệp đầu vào`,
              `--out ${out}: refusing to overwrite an input file`,
            ),
          );
        }
      }
    }
    if (format === 'xlsx' && !out && io.stdout.isTTY === true) {
      throw new UsageError(
        t(
          '--format xlsx ghi tệp nhị phân: dùng --out <tệp.xlsx> hoặc chuyển hướng đầu ra',
          '--format xlsx writes a binary file: use --out <file.xlsx> or redirect the output',
        ),
      );
    }
    const code = await cmd.run(ctx);
    if (pendingXlsx) {
      chunks.push(await reportToXlsx(pendingXlsx, lang));
      if (pendingXlsx.summary?.length) err(`${pendingXlsx.summary.join('\n')}\n`);
    }
    if (out) writeFileAtomic(io.cwd, out, chunks, inputs);
    else for (const chunk of chunks) if (chunk) io.stdout.write(chunk);
    return code;
  } catch (e) {
    if (e instanceof UsageError) {
      err(`cdsx: ${say(e.text, langFlag)}`);
      err(say(t('Xem: cdsx --help', 'See: cdsx --help'), langFlag));
      if (debug) err(e.stack ?? '');
      return EXIT.usage;
    }
    if (e instanceof InputError) {
      err(formatLocated(e.issues, langFlag));
      if (debug) err(e.stack ?? '');
      return EXIT.invalid;
    }
    // A bug, not a user error: say so briefly; the stack only with --debug.
    const message = e instanceof Error ? e.message : String(e);
    err(`cdsx: ${say(t('lỗi nội bộ', 'internal error'), langFlag)}: ${message}`);
    if (debug) err(e instanceof Error ? (e.stack ?? '') : '');
    else err(say(t('Chạy lại với --debug để xem chi tiết', 'Run again with --debug for details'), langFlag));
    return EXIT.invalid;
  }
}
