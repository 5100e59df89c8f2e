// A vendor's TypeScript file: must type-check against the packed @cdsx/forms under node16 and bundler.
import type { Assessment } from '@cdsx/criteria';
import { type FormIssue, generateForm, readForm } from '@cdsx/forms';
import { buildGapReport, type GapReport, renderGapReportHtml } from '@cdsx/forms/report';
import { tryAssess } from '@cdsx/rules';

export async function roundTrip(bytes: Uint8Array): Promise<Assessment | FormIssue[]> {
  const r = await readForm(bytes);
  return r.ok ? r.value.assessment : r.issues;
}

export function html(a: Assessment): string | null {
  const d = tryAssess(a);
  if (!d.ok) return null;
  const report = buildGapReport(d.value);
  const model: GapReport | null = report.ok ? report.value : null;
  return model ? renderGapReportHtml(model, 'vi') : null;
}

export const make = generateForm;
