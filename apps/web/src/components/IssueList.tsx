import type { ValidationIssue } from '@cdsx/criteria';
import { useI18n } from '../i18n';

/** Issues listed in full; the rest are counted. */
const MAX_LISTED = 20;

/**
 * Validation issues as sentences a person reads: "Bản ghi 3, dòng 3 — trường receivedAt: …" rather than the
 * packages' compact "#3 3 receivedAt: …", and "cả tệp" instead of "(root)". The messages themselves come from
 * the packages, in the page's language.
 */
export function IssueList({ issues }: { issues: readonly ValidationIssue[] }) {
  const { t, lang } = useI18n();
  return (
    <>
      <ul className="issues" data-testid="issue-list">
        {issues.slice(0, MAX_LISTED).map((i, n) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: issue lines have no identity beyond their position
          <li key={n}>
            <span className="where">{t.issueWhere(i)}</span>: {i.message[lang]}
          </li>
        ))}
      </ul>
      {issues.length > MAX_LISTED && <p>{t.moreIssues(issues.length - MAX_LISTED)}</p>}
    </>
  );
}
