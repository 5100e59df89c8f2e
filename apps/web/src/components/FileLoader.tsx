import { formatIssues, type ValidationIssue } from '@cdsx/criteria';
import { useId, useState } from 'react';
import { useI18n } from '../i18n';
import { type Loaded, readUserFile } from '../load';

export type Notice =
  | { kind: 'ok'; text: string }
  | { kind: 'error'; name: string; issues: ValidationIssue[] };

/** Issues listed in full; the rest are counted. */
const MAX_LISTED = 20;

/** File input for assessments (JSON) and dossiers (NDJSON/CSV), with the outcome of the last load. */
export function FileLoader(props: {
  onLoaded: (loaded: Loaded) => void;
  notice: Notice | null;
  onDismiss: () => void;
}) {
  const { t, lang } = useI18n();
  const id = useId();
  const [busy, setBusy] = useState(false);
  const { notice } = props;

  async function onChange(input: HTMLInputElement) {
    const file = input.files?.[0];
    if (!file) return;
    setBusy(true);
    try {
      const text = await file.text();
      props.onLoaded(await readUserFile(file.name, text));
    } catch (e) {
      // Only an unreadable file gets here (the readers report bad content as issues, never by throwing).
      props.onLoaded({
        kind: 'error',
        name: file.name,
        issues: [
          {
            path: '',
            code: 'unreadable_file',
            message: {
              vi: `không đọc được tệp: ${String(e)}`,
              en: `the file could not be read: ${String(e)}`,
            },
          },
        ],
      });
    } finally {
      setBusy(false);
      input.value = ''; // the same file can be chosen again after fixing it
    }
  }

  return (
    <section className="loader">
      <label htmlFor={`${id}-file`}>{t.load}</label>
      <input
        id={`${id}-file`}
        data-testid="file-input"
        type="file"
        accept=".json,.ndjson,.jsonl,.csv,application/json,text/csv"
        aria-busy={busy}
        onChange={(e) => void onChange(e.currentTarget)}
      />
      {notice?.kind === 'ok' && (
        <p className="notice ok" role="status" data-testid="load-ok">
          {notice.text}
        </p>
      )}
      {notice?.kind === 'error' && (
        <div className="notice error" role="alert" data-testid="load-error">
          <p>
            <strong>{t.loadError(notice.name)}</strong> — {t.kept}
          </p>
          <ul>
            {formatIssues(notice.issues.slice(0, MAX_LISTED), lang)
              .split('\n')
              .map((line, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: issue lines have no identity beyond their position
                <li key={i}>
                  <code>{line}</code>
                </li>
              ))}
          </ul>
          {notice.issues.length > MAX_LISTED && <p>{t.moreIssues(notice.issues.length - MAX_LISTED)}</p>}
          <button type="button" onClick={props.onDismiss}>
            {t.dismiss}
          </button>
        </div>
      )}
    </section>
  );
}
