import { CommuneCodeSchema, IsoDateSchema, ProvinceCodeSchema } from '@cdsx/criteria';
import { z } from 'zod';
import { parseInstant, parseIsoDay } from './calendar/days';

/**
 * The years a dossier's dates may fall in (receipt, appointment, finish, supplements): the digital
 * dossier systems date from the 2000s. A date outside is an error of the record, not a computation:
 * the working-day arithmetic never runs over centuries because of one mistyped year.
 */
export const DOSSIER_YEARS = Object.freeze({ first: 2000, last: 2099 });
const FIRST_MS = Date.UTC(DOSSIER_YEARS.first, 0, 1) - 7 * 3_600_000;
const AFTER_LAST_MS = Date.UTC(DOSSIER_YEARS.last + 1, 0, 1) - 7 * 3_600_000;

/** Whether epoch milliseconds fall in {@link DOSSIER_YEARS} (Vietnam time). */
export const inDossierYears = (ms: number): boolean => ms >= FIRST_MS && ms < AFTER_LAST_MS;

/** The issue of a date outside {@link DOSSIER_YEARS} (its params; also built by the compiled rejection path). */
export const OUT_OF_RANGE = Object.freeze({
  code: 'date_out_of_range',
  vi: `ngày ngoài phạm vi cho phép (năm ${DOSSIER_YEARS.first}–${DOSSIER_YEARS.last})`,
  en: `date outside the accepted range (years ${DOSSIER_YEARS.first}–${DOSSIER_YEARS.last})`,
});

/** The issue of a string that is not an ISO 8601 instant with a real offset (its params). */
export const INVALID_INSTANT = Object.freeze({
  code: 'invalid_instant',
  vi: 'cần thời điểm ISO 8601 có múi giờ, ví dụ 2026-03-05T09:30:00+07:00 (ngày giờ phải có thật; múi giờ từ -12:00 đến +14:00, phút 00, 15, 30 hoặc 45)',
  en: 'expected an ISO 8601 date-time with an offset, e.g. 2026-03-05T09:30:00+07:00 (a real date and time; offset from -12:00 to +14:00, minutes 00, 15, 30 or 45)',
});

/** The issue of a date string that is not a real calendar date (its params). */
export const INVALID_DATE = Object.freeze({
  code: 'invalid_date',
  vi: 'ngày không có thật',
  en: 'not a real calendar date',
});

/**
 * An ISO 8601 instant with an explicit offset, e.g. `2026-03-05T09:30:00+07:00` or `…Z`, in {@link DOSSIER_YEARS}.
 * The offset must be a real zone offset: −12:00 … +14:00 with minutes 00, 15, 30 or 45 (`+14:59` is a typo,
 * not a zone). Year 0000 and every year outside {@link DOSSIER_YEARS} is `date_out_of_range`.
 */
export const InstantSchema = z
  .string()
  .superRefine((s, ctx) => {
    const ms = parseInstant(s);
    if (Number.isNaN(ms))
      ctx.addIssue({
        code: 'custom',
        params: INVALID_INSTANT,
        input: s,
      });
    else if (!inDossierYears(ms)) ctx.addIssue({ code: 'custom', params: OUT_OF_RANGE, input: s });
  })
  .meta({ id: 'Instant' });

/** A calendar date that exists (`2026-02-30` is rejected). */
export const RealDateSchema = IsoDateSchema.refine((s) => parseIsoDay(s) !== null, {
  params: INVALID_DATE,
}).refine(
  (s) => {
    const y = Number(s.slice(0, 4));
    return parseIsoDay(s) === null || (y >= DOSSIER_YEARS.first && y <= DOSSIER_YEARS.last);
  },
  { params: OUT_OF_RANGE },
);

/** Kênh nộp hồ sơ — submission channel (portal codes 1 direct, 2 online, 3 postal). */
export const CHANNELS = ['direct', 'online', 'postal'] as const;
/** Hình thức trực tuyến — full-process (toàn trình) or partial (một phần), Nghị định 42/2022 Art. 11. */
export const ONLINE_MODES = ['full', 'partial'] as const;
/** Trạng thái hồ sơ. `in_progress` đang xử lý; `finished` đã giải quyết xong / trả kết quả; `rejected` từ chối / dừng xử lý; `withdrawn` rút hồ sơ. */
export const DOSSIER_STATUSES = ['in_progress', 'finished', 'rejected', 'withdrawn'] as const;
/** Đánh giá của người dân — the applicant's rating of the dossier's handling. */
export const RATINGS = ['very_satisfied', 'satisfied', 'neutral', 'dissatisfied'] as const;

/** Yêu cầu bổ sung hồ sơ — one supplement request: from the request until the applicant supplied it. */
export const SupplementRequestSchema = z
  .strictObject({ requestedAt: InstantSchema, suppliedAt: InstantSchema.optional() })
  .meta({ id: 'SupplementRequest' });
export type SupplementRequest = z.infer<typeof SupplementRequestSchema>;

const issue = (code: string, vi: string, en: string) => ({
  code: 'custom' as const,
  params: { code, vi, en },
});

/**
 * Every field of a dossier, in the order of {@link DossierSchema} (and of the CSV header the docs and
 * samples use). The one list for code that needs the field names: the compiled acceptor, CSV writers,
 * benchmarks. A test checks it against the schema's keys.
 */
export const DOSSIER_FIELDS = Object.freeze([
  'id',
  'communeCode',
  'provinceCode',
  'procedureCode',
  'receivedAt',
  'channel',
  'onlineMode',
  'appointmentDate',
  'processingDays',
  'finishedAt',
  'status',
  'supplementRequests',
  'rating',
  'complaint',
  'feeBearing',
  'feeAmount',
  'paidOnline',
  'digitised',
  'digitisedDataReused',
  'electronicResult',
] as const);
/** A field of a dossier. */
export type DossierField = (typeof DOSSIER_FIELDS)[number];

/**
 * Hồ sơ thủ tục hành chính — one administrative-procedure dossier, as exported by a provincial
 * procedure system (hệ thống thông tin giải quyết TTHC). Times are ISO 8601 with an offset; the
 * dossier belongs to the period of its receipt in Vietnam time.
 *
 * @example
 * ```json
 * { "id": "H01.2026.000123", "communeCode": "00004", "procedureCode": "1.001612",
 *   "receivedAt": "2026-03-05T09:30:00+07:00", "channel": "online", "onlineMode": "full",
 *   "appointmentDate": "2026-03-10", "finishedAt": "2026-03-09T15:00:00+07:00", "status": "finished",
 *   "supplementRequests": [], "rating": "satisfied", "complaint": false, "feeBearing": true,
 *   "paidOnline": true, "digitised": true, "digitisedDataReused": false, "electronicResult": true }
 * ```
 */
export const DossierSchema = z
  .strictObject({
    /** Mã hồ sơ. */
    id: z.string().trim().min(1),
    /** Mã đơn vị hành chính cấp xã tiếp nhận. */
    communeCode: CommuneCodeSchema,
    /** Mã tỉnh (optional; group by province through the commune list otherwise). */
    provinceCode: ProvinceCodeSchema.optional(),
    /** Mã thủ tục hành chính. */
    procedureCode: z.string().trim().min(1),
    /** Ngày tiếp nhận. */
    receivedAt: InstantSchema,
    channel: z.enum(CHANNELS),
    /** Required when `channel` is `online`, absent otherwise. */
    onlineMode: z.enum(ONLINE_MODES).optional(),
    /** Ngày hẹn trả kết quả. */
    appointmentDate: RealDateSchema.optional(),
    /** Thời hạn giải quyết in working days, used when there is no appointment date. */
    processingDays: z.int().min(0).max(3650).optional(),
    /** Ngày kết thúc xử lý (finished, returned, rejected or withdrawn). */
    finishedAt: InstantSchema.optional(),
    status: z.enum(DOSSIER_STATUSES),
    supplementRequests: z.array(SupplementRequestSchema).max(100),
    rating: z.enum(RATINGS).optional(),
    /** Phản ánh, kiến nghị về việc tiếp nhận hoặc giải quyết hồ sơ. */
    complaint: z.boolean(),
    /** Hồ sơ có phí, lệ phí. */
    feeBearing: z.boolean(),
    /** Amount due in VND; a fee-bearing dossier with amount 0 is excluded from the online-payment rate. */
    feeAmount: z.number().min(0).optional(),
    /** Thanh toán trực tuyến. */
    paidOnline: z.boolean(),
    /** Hồ sơ được số hóa. */
    digitised: z.boolean(),
    /** Hồ sơ khai thác, sử dụng lại dữ liệu số hóa. */
    digitisedDataReused: z.boolean(),
    /** Có kết quả giải quyết điện tử. */
    electronicResult: z.boolean(),
  })
  .superRefine((d, ctx) => dossierRuleIssues(d, (issue) => ctx.addIssue(issue)))
  .meta({ id: 'Dossier', description: 'Hồ sơ TTHC: one administrative-procedure dossier.' });
export type Dossier = z.infer<typeof DossierSchema>;

/** A custom issue of one of a dossier's cross-field rules, as zod's `superRefine` receives it. */
export interface DossierRuleIssue {
  [key: string]: unknown;
  code: 'custom';
  params: { code: string; vi: string; en: string };
  path: PropertyKey[];
  input: unknown;
}

/** The fields the cross-field rules read (a dossier whose fields each have the right type). */
export interface DossierRuleFields {
  receivedAt: string;
  channel: string;
  onlineMode?: string | undefined;
  appointmentDate?: string | undefined;
  processingDays?: number | undefined;
  finishedAt?: string | undefined;
  status: string;
  supplementRequests: ReadonlyArray<{ requestedAt: string; suppliedAt?: string | undefined }>;
  feeBearing: boolean;
  paidOnline: boolean;
}

/** The params of a rule's custom issue: its code and bilingual message. */
const rule = (code: string, vi: string, en: string) => Object.freeze({ code, vi, en });

/**
 * The issues of the cross-field rules, one constant each (a status-dependent one per status): the compiled
 * rejection path converts each once, not once per record.
 */
const RULE = Object.freeze({
  onlineModeRequired: rule(
    'required',
    'hồ sơ trực tuyến cần onlineMode (full | partial)',
    'an online dossier needs onlineMode (full | partial)',
  ),
  onlineModeNotAllowed: rule(
    'not_allowed',
    'chỉ hồ sơ trực tuyến có onlineMode',
    'only online dossiers have onlineMode',
  ),
  termRequired: rule(
    'required',
    'cần appointmentDate (ngày hẹn trả) hoặc processingDays (số ngày làm việc)',
    'needs appointmentDate or processingDays (working days)',
  ),
  finishedNotAllowed: rule(
    'not_allowed',
    'hồ sơ đang xử lý không có finishedAt',
    'an in-progress dossier has no finishedAt',
  ),
  finishedRequired: Object.freeze(
    Object.fromEntries(
      DOSSIER_STATUSES.map((status) => [
        status,
        rule(
          'required',
          `hồ sơ có trạng thái ${status} cần finishedAt`,
          `a dossier with status ${status} needs finishedAt`,
        ),
      ]),
    ) as Record<(typeof DOSSIER_STATUSES)[number], { code: string; vi: string; en: string }>,
  ),
  finishedBeforeReceived: rule(
    'finished_before_received',
    'thời điểm kết thúc trước thời điểm tiếp nhận',
    'finished before it was received',
  ),
  paidWithoutFee: rule(
    'not_allowed',
    'hồ sơ không có phí thì không thể thanh toán trực tuyến',
    'a dossier without fees cannot be paid online',
  ),
  beforeReceived: rule(
    'before_received',
    'yêu cầu bổ sung trước khi tiếp nhận',
    'supplement requested before the dossier was received',
  ),
  suppliedBeforeRequested: rule(
    'supplied_before_requested',
    'bổ sung trước khi được yêu cầu',
    'supplied before it was requested',
  ),
});

/**
 * The cross-field rules of a dossier whose fields each have the right type (channel and onlineMode,
 * appointment or processing days, status and finishedAt, dates in order, fees): the one home of these
 * rules, run by {@link DossierSchema}'s `superRefine` and by the compiled rejection path
 * (`rejection.ts`), which must report exactly the schema's issues.
 */
export function dossierRuleIssues(d: DossierRuleFields, add: (issue: DossierRuleIssue) => void): void {
  if (d.channel === 'online' && d.onlineMode === undefined)
    add({ code: 'custom', params: RULE.onlineModeRequired, path: ['onlineMode'], input: undefined });
  if (d.channel !== 'online' && d.onlineMode !== undefined)
    add({ code: 'custom', params: RULE.onlineModeNotAllowed, path: ['onlineMode'], input: d.onlineMode });
  if (d.appointmentDate === undefined && d.processingDays === undefined)
    add({ code: 'custom', params: RULE.termRequired, path: ['appointmentDate'], input: undefined });
  const received = parseInstant(d.receivedAt);
  if (d.status === 'in_progress' && d.finishedAt !== undefined)
    add({ code: 'custom', params: RULE.finishedNotAllowed, path: ['finishedAt'], input: d.finishedAt });
  if (d.status !== 'in_progress' && d.finishedAt === undefined)
    add({
      code: 'custom',
      params: RULE.finishedRequired[d.status as keyof typeof RULE.finishedRequired],
      path: ['finishedAt'],
      input: undefined,
    });
  if (d.finishedAt !== undefined && parseInstant(d.finishedAt) < received)
    add({ code: 'custom', params: RULE.finishedBeforeReceived, path: ['finishedAt'], input: d.finishedAt });
  if (d.paidOnline && !d.feeBearing)
    add({ code: 'custom', params: RULE.paidWithoutFee, path: ['paidOnline'], input: true });
  const sups = d.supplementRequests;
  for (let i = 0; i < sups.length; i++) {
    const s = sups[i] as DossierRuleFields['supplementRequests'][number];
    const req = parseInstant(s.requestedAt);
    if (req < received)
      add({
        code: 'custom',
        params: RULE.beforeReceived,
        path: ['supplementRequests', i, 'requestedAt'],
        input: s.requestedAt,
      });
    if (s.suppliedAt !== undefined && parseInstant(s.suppliedAt) < req)
      add({
        code: 'custom',
        params: RULE.suppliedBeforeRequested,
        path: ['supplementRequests', i, 'suppliedAt'],
        input: s.suppliedAt,
      });
  }
}

/** Cấp thực hiện thủ tục. */
export const PROCEDURE_LEVELS = ['central', 'province', 'commune'] as const;
/** Dịch vụ công trực tuyến provided for a procedure: toàn trình, một phần, or none. */
export const ONLINE_SERVICE_LEVELS = ['full', 'partial', 'none'] as const;

/**
 * Thủ tục hành chính / dịch vụ công trực tuyến — one procedure as applied in a province or commune.
 *
 * @example
 * ```json
 * { "code": "1.001612", "name": "Đăng ký khai sinh", "level": "commune", "onlineService": "full",
 *   "fullProcessEligible": true, "essential": true, "aiEnabled": false, "enterpriseRelated": false,
 *   "locationIndependent": true, "feeBearing": false }
 * ```
 */
export const ProcedureSchema = z
  .strictObject({
    code: z.string().trim().min(1),
    name: z.string().trim().min(1),
    level: z.enum(PROCEDURE_LEVELS),
    /** DVCTT level provided. */
    onlineService: z.enum(ONLINE_SERVICE_LEVELS),
    /** Đủ điều kiện cung cấp DVCTT toàn trình (national procedure database flag). */
    fullProcessEligible: z.boolean(),
    /** Dịch vụ công thiết yếu. */
    essential: z.boolean(),
    /** Có ứng dụng trí tuệ nhân tạo (AI). */
    aiEnabled: z.boolean(),
    /** TTHC liên quan đến doanh nghiệp. */
    enterpriseRelated: z.boolean(),
    /** On the province's list of procedures handled regardless of administrative boundaries (Nghị định 118/2025). */
    locationIndependent: z.boolean(),
    feeBearing: z.boolean(),
  })
  .meta({ id: 'Procedure', description: 'Thủ tục hành chính / dịch vụ công trực tuyến.' });
export type Procedure = z.infer<typeof ProcedureSchema>;

/** Kết quả xử lý phản ánh, kiến nghị. */
export const FEEDBACK_OUTCOMES = ['pending', 'resolved', 'rejected'] as const;

/**
 * Phản ánh, kiến nghị (PAKN) — one feedback case. Without `dueDate`, the due date is 15 working
 * days after receipt (the portal's rule for handling, QĐ 766 §5.2).
 *
 * @example
 * ```json
 * { "id": "PAKN-1", "communeCode": "00004", "receivedAt": "2026-03-02T08:00:00+07:00",
 *   "handledAt": "2026-03-12T10:00:00+07:00", "outcome": "resolved", "satisfied": true }
 * ```
 */
export const FeedbackCaseSchema = z
  .strictObject({
    id: z.string().trim().min(1),
    communeCode: CommuneCodeSchema,
    receivedAt: InstantSchema,
    dueDate: RealDateSchema.optional(),
    handledAt: InstantSchema.optional(),
    outcome: z.enum(FEEDBACK_OUTCOMES),
    satisfied: z.boolean().optional(),
  })
  .superRefine((f, ctx) => {
    if (f.outcome === 'pending' && f.handledAt !== undefined) {
      ctx.addIssue({
        ...issue('not_allowed', 'PAKN đang xử lý không có handledAt', 'a pending case has no handledAt'),
        path: ['handledAt'],
        input: f.handledAt,
      });
    }
    if (f.outcome !== 'pending' && f.handledAt === undefined) {
      ctx.addIssue({
        ...issue('required', 'PAKN đã xử lý cần handledAt', 'a handled case needs handledAt'),
        path: ['handledAt'],
        input: undefined,
      });
    }
    if (f.handledAt !== undefined && parseInstant(f.handledAt) < parseInstant(f.receivedAt)) {
      ctx.addIssue({
        ...issue(
          'finished_before_received',
          'xử lý xong trước khi tiếp nhận',
          'handled before it was received',
        ),
        path: ['handledAt'],
        input: f.handledAt,
      });
    }
  })
  .meta({ id: 'FeedbackCase', description: 'Phản ánh, kiến nghị (PAKN).' });
export type FeedbackCase = z.infer<typeof FeedbackCaseSchema>;
