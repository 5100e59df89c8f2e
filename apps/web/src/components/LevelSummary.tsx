import type { DecisionRecord } from '@cdsx/rules';
import { useI18n } from '../i18n';

/**
 * The level in one line, stuck to the top of the screen while the findings table scrolls, so a what-if edit
 * shows its effect where the user is looking. A polite live region tells screen readers the new level after a
 * pick or an edit; it says when some what-if values were refused and left out.
 */
export function LevelSummary(props: { record: DecisionRecord; edits: number; invalid: number }) {
  const { t, l } = useI18n();
  const { record } = props;
  return (
    <div className="level-summary" data-testid="level-summary" data-level={record.level.level}>
      <p role="status" aria-live="polite" aria-atomic="true">
        <span className={`level-pill level-${record.level.level}`}>
          {t.levelN(record.level.level)} — {l(record.level.name)}
        </span>
        {record.provisional && <span className="muted"> · {t.provisionalShort}</span>}
        {props.edits > 0 && <span> · {t.whatIfCount(props.edits)}</span>}
        {props.invalid > 0 && (
          <span className="invalid-note" data-testid="summary-invalid">
            {' '}
            · {t.invalidExcluded(props.invalid)}
          </span>
        )}
      </p>
    </div>
  );
}
