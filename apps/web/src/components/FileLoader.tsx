import type { ValidationIssue } from '@cdsx/criteria';
import { useId, useState } from 'react';
import { useI18n } from '../i18n';
import { type Loaded, readFormFile, readUserFile } from '../load';
import { IssueList } from './IssueList';

export type Notice =
  | { kind: 'ok'; name: string }
  | { kind: 'error'; name: string; issues: ValidationIssue[] };

/**
 * File input for assessments (JSON) and dossiers (NDJSON/CSV), with the outcome of the last load, and how
 * many of the user's files the browser keeps (with a way to forget them).
 */
export function FileLoader(props: {
  onLoaded: (loaded: Loaded, text: string) => void;
  notice: Notice | null;
  onDismiss: () => void;
  /** Number of the user's files kept in this browser. */
  stored: number;
  onClear: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [busy, setBusy] = useState(false);
  const { notice } = props;

  async function onChange(input: HTMLInputElement) {
    const file = input.files?.[0];
    if (!file) return;
    setBusy(true);
    try {
      if (file.name.toLowerCase().endsWith('.xlsx')) {
        const loaded = await readFormFile(file.name, new Uint8Array(await file.arrayBuffer()));
        // What is kept of a form is the assessment read from it.
        props.onLoaded(loaded, loaded.kind === 'assessment' ? JSON.stringify(loaded.assessment) : '');
      } else {
        const text = await file.text();
        props.onLoaded(await readUserFile(file.name, text), text);
      }
    } catch (e) {
      // Only an unreadable file gets here (the readers report bad content as issues, never by throwing).
      props.onLoaded(
        {
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
        },
        '',
      );
    } finally {
      setBusy(false);
      input.value = ''; // the same file can be chosen again after fixing it
    }
  }

  return (
    <section className="loader" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} className="visually-hidden">
        {t.loadHeading}
      </h2>
      <label htmlFor={`${id}-file`}>{t.load}</label>
      <input
        id={`${id}-file`}
        data-testid="file-input"
        type="file"
        accept=".json,.ndjson,.jsonl,.csv,.xlsx,application/json,text/csv"
        aria-busy={busy}
        onChange={(e) => void onChange(e.currentTarget)}
      />
      {notice?.kind === 'ok' && (
        <p className="notice ok" role="status" data-testid="load-ok">
          {t.loaded(notice.name)}
        </p>
      )}
      {notice?.kind === 'error' && (
        <div className="notice error" role="alert" data-testid="load-error">
          <p>
            <strong>{t.loadError(notice.name)}</strong> — {t.kept}
          </p>
          <IssueList issues={notice.issues} />
          <button type="button" onClick={props.onDismiss}>
            {t.dismiss}
          </button>
        </div>
      )}
      {props.stored > 0 && (
        <p className="stored" data-testid="stored">
          {t.storedFiles(props.stored)}{' '}
          <button type="button" onClick={props.onClear} data-testid="clear-data">
            {t.clearData}
          </button>
        </p>
      )}
    </section>
  );
}
