import { formatIssues, type IssueCode, type ValidationIssue } from '@cdsx/criteria';
import { type Lang, type LocalizedText, say } from './i18n';
import { neutralize } from './render/text';

/** Exit codes users rely on: 0 ok, 1 invalid input or failed check, 2 usage error. */
export const EXIT = { ok: 0, invalid: 1, usage: 2 } as const;

/** Wrong command line (unknown flag, missing argument, bad option value): exit 2. */
export class UsageError extends Error {
  readonly text: LocalizedText;
  constructor(text: LocalizedText) {
    super(text.en);
    this.name = 'UsageError';
    this.text = text;
  }
}

/** A problem with one input, located by file (and, inside it, by line, column and path). */
export interface LocatedIssue {
  /** File name as the user wrote it, `<stdin>` for standard input; undefined when not about a file. */
  file?: string;
  issue: ValidationIssue;
}

/** Invalid input (bad file, missing file, invalid record): exit 1, every problem located. */
export class InputError extends Error {
  readonly issues: LocatedIssue[];
  constructor(issues: LocatedIssue[]) {
    super(issues.map((i) => `${i.file ?? ''} ${i.issue.path}: ${i.issue.message.en}`).join('\n'));
    this.name = 'InputError';
    this.issues = issues;
  }
}

/** An input error about a whole file (not found, unreadable, unknown kind). */
export function fileError(file: string, code: IssueCode, message: LocalizedText): InputError {
  return new InputError([{ file, issue: { path: '', code, message } }]);
}

/**
 * One line per issue: `file:line:col path: vi / en` (one language with `--lang`). The part after the file
 * name is `formatIssues` of @cdsx/criteria; a whole-file problem is `file: message`.
 */
export function formatLocated(issues: readonly LocatedIssue[], lang: Lang | undefined): string {
  return neutralize(formatLines(issues, lang));
}

function formatLines(issues: readonly LocatedIssue[], lang: Lang | undefined): string {
  return issues
    .map(({ file, issue }) => {
      if (issue.path === '' && issue.line === undefined && issue.record === undefined) {
        return `${file ? `${file}: ` : ''}${say(issue.message, lang)}`;
      }
      // A line number locates the record already; `#record` would only repeat it.
      const located = issue.line !== undefined ? { ...issue, record: undefined } : issue;
      const body = lang ? formatIssues([located], lang) : formatIssues([located]);
      if (!file) return body;
      return issue.line !== undefined ? `${file}:${body}` : `${file}: ${body}`;
    })
    .join('\n');
}
