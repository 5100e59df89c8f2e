import type { Lang, LocalizedText, ValidationIssue } from '@cdsx/criteria';
import { createContext, useContext } from 'react';

/** Interface strings. Vietnamese is the default; every key has an English twin. */
const vi = {
  appTitle: 'Chuyển đổi số cấp xã',
  appSubtitle: 'Cổng minh họa: mức độ, điểm còn thiếu, KPI và thử thay đổi số liệu',
  switchTo: 'English',
  switchToLabel: 'Chuyển sang tiếng Anh (Switch to English)',
  synthetic: 'DỮ LIỆU MÔ PHỎNG — số liệu sinh tự động để minh họa, không phải số liệu thật của đơn vị nào',
  province: 'Tỉnh, thành phố',
  allProvinces: '— Tất cả 34 tỉnh, thành phố —',
  communeSearch: 'Tìm xã, phường, đặc khu (có dấu hoặc không dấu)',
  communeSearchPlaceholder: 'Ví dụ: Ba Dinh',
  commune: 'Xã, phường, đặc khu',
  results: (n: number, shown: number) =>
    n > shown ? `${n} kết quả, hiển thị ${shown} đầu tiên` : `${n} kết quả`,
  noCommune: 'Chọn một tỉnh và một xã, phường để xem mức độ chuyển đổi số.',
  tabCommune: 'Xã đã chọn',
  tabProvince: 'Toàn tỉnh',
  level: 'Mức đạt được',
  nextLevel: 'Mức tiếp theo',
  topLevel: 'Đã ở mức cao nhất',
  provisional: 'Tạm tính — thiếu số liệu',
  provisionalShort: 'tạm tính',
  editionLabel: 'Bộ tiêu chí',
  seeResult: (name: string) => `Xem kết quả: ${name} ↓`,
  provisionalDetail: (possible: string) => `Nếu bổ sung số liệu còn thiếu, có thể đạt mức ${possible}.`,
  missingList: (n: number) => `${n} tiêu chí chưa có số liệu`,
  final: 'Không phụ thuộc số liệu còn thiếu',
  edition: (title: string, version: string, status: string) => `${title} — phiên bản ${version} (${status})`,
  status: { draft: 'dự thảo', issued: 'đã ban hành' } as Record<string, string>,
  areaGroup: 'Nhóm địa bàn',
  period: 'Kỳ đánh giá',
  source: 'Nguồn số liệu',
  sourceSynthetic: 'dữ liệu mô phỏng',
  sourceFile: (name: string) => `tệp ${name}`,
  dimensions: 'Theo lĩnh vực (yêu cầu đạt / áp dụng, mọi mức)',
  gaps: (level: string) => `Còn thiếu để đạt mức ${level}`,
  noGaps: 'Không còn điểm thiếu.',
  mandatoryGaps: 'Tiêu chí bắt buộc chưa đạt',
  noMandatoryGaps: 'Mọi tiêu chí bắt buộc đã đạt.',
  extendedGaps: (met: number, required: number, applicable: number, shortfall: number) =>
    `Tiêu chí mở rộng: đạt ${met}/${applicable}, cần ${required}` +
    (shortfall > 0 ? ` — thiếu ${shortfall}` : ' — đủ'),
  closestExtended: 'Tiêu chí mở rộng gần đạt nhất',
  observed: 'hiện có',
  needed: 'cần',
  missingBy: 'còn thiếu',
  remediation: 'Cách khắc phục',
  findings: 'Kết quả theo tiêu chí — chỉnh giá trị để thử (what-if)',
  criterion: 'Tiêu chí',
  value: 'Giá trị',
  levelN: (n: number) => `Mức ${n}`,
  outcome: {
    met: 'Đạt',
    not_met: 'Chưa đạt',
    not_available: 'Chưa có số liệu',
    not_applicable: 'Không áp dụng',
  } as Record<string, string>,
  kind: { mandatory: 'bắt buộc', extended: 'mở rộng' } as Record<string, string>,
  yes: 'Có',
  no: 'Không',
  noData: '— chưa có số liệu —',
  clearValue: (id: string) => `Xóa giá trị ${id} (chưa có số liệu)`,
  editValue: (id: string) => `Giá trị tiêu chí ${id}`,
  edited: 'đã sửa',
  whatIfCount: (n: number) => `${n} giá trị đang được thử thay đổi`,
  resetWhatIf: 'Khôi phục số liệu gốc',
  kpiTitle: 'Chỉ số KPI so với chỉ tiêu (năm áp dụng ghi ở từng chỉ tiêu)',
  kpiHorizon: (h: string) => (/^\d/.test(h) ? `năm ${h}` : `theo ${h}`),
  kpiDecides: 'chỉ tiêu dùng để đánh giá',
  kpiReference: 'tham khảo',
  kpiHint: 'Nạp tệp hồ sơ TTHC (NDJSON hoặc CSV) để tính KPI cho xã đã chọn.',
  kpiFor: (commune: string, period: string, n: number) => `${commune}, năm ${period}: ${n} hồ sơ`,
  kpiNoDossiers: (commune: string) => `Tệp hồ sơ không có hồ sơ nào của ${commune}.`,
  kpi: 'Chỉ số',
  kpiValue: 'Giá trị',
  kpiTarget: 'Chỉ tiêu',
  kpiStatus: 'Đánh giá',
  kpiMet: 'Đạt',
  kpiNotMet: 'Chưa đạt',
  kpiNoTarget: 'Không có chỉ tiêu',
  kpiApply: 'Dùng các KPI này làm giá trị tiêu chí',
  kpiRejected: (n: number) => `${n} bản ghi bị loại`,
  load: 'Nạp tệp: đánh giá (.json), phiếu tự đánh giá (.xlsx) hoặc hồ sơ TTHC (.ndjson, .csv)',
  loaded: (name: string) => `Đã nạp ${name}`,
  loadError: (name: string) => `Không đọc được tệp ${name}`,
  kept: 'Nội dung đang hiển thị được giữ nguyên.',
  dismiss: 'Đóng',
  moreIssues: (n: number) => `… và ${n} lỗi khác`,
  unsupportedFile: (name: string) =>
    `Không nhận dạng được loại tệp ${name}: cần .json, .ndjson, .jsonl hoặc .csv`,
  provinceTitle: (name: string) => `Các đơn vị cấp xã của ${name}`,
  provincePick: 'Chọn một tỉnh, thành phố để xem toàn tỉnh.',
  provinceLoading: 'Đang đánh giá các xã…',
  filterName: 'Lọc theo tên',
  filterLevel: 'Lọc theo mức',
  allLevels: 'Mọi mức',
  sortBy: 'Sắp xếp theo',
  sortName: 'Tên',
  sortLevel: 'Mức (cao trước)',
  sortCode: 'Mã',
  countsPerLevel: 'Số đơn vị theo mức',
  shownOf: (shown: number, total: number) => `Hiển thị ${shown}/${total}`,
  code: 'Mã',
  name: 'Tên',
  unitType: 'Loại',
  unitTypes: { xa: 'Xã', phuong: 'Phường', dac_khu: 'Đặc khu' } as Record<string, string>,
  open: 'Xem',
  footerPackages:
    'Mức độ, điểm thiếu và KPI do các gói @cdsx/criteria, @cdsx/rules, @cdsx/kpi tính; trang này chỉ hiển thị.',
  footerData: 'Danh mục đơn vị hành chính',
  attribution:
    'github.com/thanglequoc/vietnamese-provinces-database (giấy phép MIT, © 2021 Thang Le Quoc); mã đơn vị theo QĐ 19/2025/QĐ-TTg; đã cập nhật thay đổi ngày 30/4/2026.',
  skip: 'Bỏ qua đến nội dung chính',
  tableOf: (name: string) => `Bảng: ${name}`,
  reportTitle: 'Báo cáo đánh giá, tải về và in',
  reportHint:
    'Cùng nội dung với lệnh `cdsx report`. In ra khổ A4 có ngày lập, phiên bản bộ tiêu chí và mã băm.',
  print: 'In báo cáo',
  downloadHtml: 'Tải báo cáo (HTML)',
  downloadXlsx: 'Tải báo cáo (Excel)',
  downloadForm: 'Tải phiếu tự đánh giá (Excel) của xã này',
  preparing: 'Đang tạo tệp…',
  partReport: 'Báo cáo',
  downloadCsv: 'Tải bảng (CSV)',
  downloadTableXlsx: 'Tải bảng (Excel)',
  controlsLabel: 'Chọn đơn vị và nạp tệp',
  viewLegend: 'Chế độ xem',
  partFailed: (what: string) => `Không tải được phần “${what}”.`,
  partFailedWhy: 'Có thể mạng bị gián đoạn hoặc trang vừa được cập nhật.',
  retry: 'Thử lại',
  partArchitecture: 'Kiến trúc',
  partScore766: 'Chấm điểm theo QĐ 766',
  current: 'đang xem',
  ownData: 'dữ liệu của bạn',
  editionPick: 'Bộ tiêu chí cho dữ liệu mô phỏng',
  editionLatest: 'Bản mới nhất',
  editionLoading: 'Đang tải bộ tiêu chí…',
  loadHeading: 'Nạp tệp của bạn',
  storedFiles: (n: number) => `Trình duyệt này đang giữ ${n} tệp của bạn (chỉ trên máy này).`,
  clearData: 'Xóa dữ liệu đã nạp',
  clearConfirm: 'Xóa mọi tệp đã nạp khỏi trình duyệt này? Thao tác này không hoàn tác được.',
  restoring: 'Đang mở dữ liệu đã lưu…',
  invalidExcluded: (n: number) => `${n} giá trị thử không hợp lệ, không được tính`,
  notANumber: 'Không phải là số (ví dụ: 99,5).',
  invalidValue: (why: string) => `Giá trị không hợp lệ, không được tính: ${why}`,
  issueWhere: (i: ValidationIssue) => where(i, 'vi'),
  nationalTitle: 'Cả nước: phân bố mức theo nhóm địa bàn (dữ liệu mô phỏng)',
  nationalGroup: (group: string, n: number) => `${group} — ${n} đơn vị`,
  nationalLoading: 'Đang tính phân bố cả nước…',
  kpiChart: 'Biểu đồ KPI so với chỉ tiêu dùng để đánh giá',
  kpiChartRow: (name: string, value: string, target: string, verdict: string) =>
    `${name}: ${value}${target ? `, chỉ tiêu ${target}` : ''}${verdict ? ` — ${verdict}` : ''}`,
  kpiChartLegend: 'Thanh: giá trị; vạch đen: chỉ tiêu dùng để đánh giá.',
  provinceSynthetic: 'Mọi đơn vị: dữ liệu mô phỏng.',
  provinceMixed: (n: number) =>
    `${n} đơn vị theo dữ liệu của bạn (đánh dấu); các đơn vị khác: dữ liệu mô phỏng.`,
  units: (_n: number) => 'đơn vị',
};

export type Messages = typeof vi;

const en: Messages = {
  nationalTitle: 'Nationwide: level distribution by area group (synthetic data)',
  nationalGroup: (group, n) => `${group} — ${n} units`,
  nationalLoading: 'Computing the national distribution…',
  kpiChart: 'Chart of the KPIs against the target that decides the verdict',
  kpiChartRow: (name, value, target, verdict) =>
    `${name}: ${value}${target ? `, target ${target}` : ''}${verdict ? ` — ${verdict}` : ''}`,
  kpiChartLegend: 'Bar: value; black mark: the target that decides the verdict.',
  appTitle: 'Commune digital transformation',
  appSubtitle: 'Demo portal: level, gaps, KPIs and what-if',
  switchTo: 'Tiếng Việt',
  switchToLabel: 'Chuyển sang tiếng Việt (Switch to Vietnamese)',
  synthetic: 'SYNTHETIC DATA — generated for the demo, not the real figures of any unit',
  province: 'Province or city',
  allProvinces: '— All 34 provinces and cities —',
  communeSearch: 'Search commune, ward or special zone (diacritics optional)',
  communeSearchPlaceholder: 'e.g. Ba Dinh',
  commune: 'Commune',
  results: (n, shown) => (n > shown ? `${n} results, first ${shown} shown` : `${n} results`),
  noCommune: 'Choose a province and a commune to see its digital-transformation level.',
  tabCommune: 'Commune',
  tabProvince: 'Whole province',
  level: 'Level reached',
  nextLevel: 'Next level',
  topLevel: 'Already at the top level',
  provisional: 'Provisional — data missing',
  provisionalShort: 'provisional',
  editionLabel: 'Criteria',
  seeResult: (name) => `See the result: ${name} ↓`,
  provisionalDetail: (possible) => `With the missing data, level ${possible} could be reached.`,
  missingList: (n) => `${n} criteria without data`,
  final: 'Does not depend on missing data',
  edition: (title, version, status) => `${title} — version ${version} (${status})`,
  status: { draft: 'draft', issued: 'issued' },
  areaGroup: 'Area group',
  period: 'Period',
  source: 'Data source',
  sourceSynthetic: 'synthetic data',
  sourceFile: (name) => `file ${name}`,
  dimensions: 'By dimension (requirements met / applicable, all levels)',
  gaps: (level) => `Gaps for level ${level}`,
  noGaps: 'No gaps left.',
  mandatoryGaps: 'Mandatory criteria not met',
  noMandatoryGaps: 'Every mandatory criterion is met.',
  extendedGaps: (met, required, applicable, shortfall) =>
    `Extended criteria: ${met}/${applicable} met, ${required} needed` +
    (shortfall > 0 ? ` — ${shortfall} short` : ' — enough'),
  closestExtended: 'Extended criteria closest to their threshold',
  observed: 'observed',
  needed: 'needed',
  missingBy: 'short by',
  remediation: 'Remediation',
  findings: 'Findings per criterion — edit a value to try it (what-if)',
  criterion: 'Criterion',
  value: 'Value',
  levelN: (n) => `Level ${n}`,
  outcome: { met: 'Met', not_met: 'Not met', not_available: 'No data', not_applicable: 'Not applicable' },
  kind: { mandatory: 'mandatory', extended: 'extended' },
  yes: 'Yes',
  no: 'No',
  noData: '— no data —',
  clearValue: (id) => `Clear the value of ${id} (no data)`,
  editValue: (id) => `Value of criterion ${id}`,
  edited: 'edited',
  whatIfCount: (n) => `${n} value${n === 1 ? '' : 's'} changed for what-if`,
  resetWhatIf: 'Restore the original data',
  kpiTitle: 'KPIs against their targets (each target names its year)',
  kpiHorizon: (h) => (/^\d/.test(h) ? `year ${h}` : `per ${h}`),
  kpiDecides: 'decides the verdict',
  kpiReference: 'for reference',
  kpiHint: 'Load a dossier file (NDJSON or CSV) to compute the KPIs of the chosen commune.',
  kpiFor: (commune, period, n) => `${commune}, year ${period}: ${n} dossiers`,
  kpiNoDossiers: (commune) => `The dossier file has no dossier of ${commune}.`,
  kpi: 'KPI',
  kpiValue: 'Value',
  kpiTarget: 'Target',
  kpiStatus: 'Status',
  kpiMet: 'Met',
  kpiNotMet: 'Not met',
  kpiNoTarget: 'No target',
  kpiApply: 'Use these KPIs as criterion values',
  kpiRejected: (n) => `${n} record${n === 1 ? '' : 's'} rejected`,
  load: 'Load a file: assessment (.json), self-assessment form (.xlsx) or dossiers (.ndjson, .csv)',
  loaded: (name) => `Loaded ${name}`,
  loadError: (name) => `Could not read ${name}`,
  kept: 'What was shown has been kept.',
  dismiss: 'Dismiss',
  moreIssues: (n) => `… and ${n} more`,
  unsupportedFile: (name) => `Unrecognised file type ${name}: expected .json, .ndjson, .jsonl or .csv`,
  provinceTitle: (name) => `Communes of ${name}`,
  provincePick: 'Choose a province to see all its communes.',
  provinceLoading: 'Assessing the communes…',
  filterName: 'Filter by name',
  filterLevel: 'Filter by level',
  allLevels: 'All levels',
  sortBy: 'Sort by',
  sortName: 'Name',
  sortLevel: 'Level (highest first)',
  sortCode: 'Code',
  countsPerLevel: 'Communes per level',
  shownOf: (shown, total) => `Showing ${shown}/${total}`,
  code: 'Code',
  name: 'Name',
  unitType: 'Type',
  unitTypes: { xa: 'Commune', phuong: 'Ward', dac_khu: 'Special zone' },
  open: 'Open',
  footerPackages:
    'Levels, gaps and KPIs are computed by the @cdsx/criteria, @cdsx/rules and @cdsx/kpi packages; this page only shows them.',
  footerData: 'Administrative units',
  attribution:
    'github.com/thanglequoc/vietnamese-provinces-database (MIT, © 2021 Thang Le Quoc); official GSO codes, QĐ 19/2025/QĐ-TTg; changes of 2026-04-30 applied.',
  skip: 'Skip to main content',
  tableOf: (name) => `Table: ${name}`,
  reportTitle: 'Gap report, downloads and printing',
  reportHint:
    'The same content as `cdsx report`. Prints on A4 with the report date, the criteria edition and its hash.',
  print: 'Print the report',
  downloadHtml: 'Download the report (HTML)',
  downloadXlsx: 'Download the report (Excel)',
  downloadForm: 'Download the self-assessment form (Excel) for this commune',
  preparing: 'Preparing the file…',
  partReport: 'Report',
  downloadCsv: 'Download the table (CSV)',
  downloadTableXlsx: 'Download the table (Excel)',
  controlsLabel: 'Choose a unit and load files',
  viewLegend: 'View',
  partFailed: (what) => `The “${what}” part could not be loaded.`,
  partFailedWhy: 'The network may be down, or the site was just updated.',
  retry: 'Try again',
  partArchitecture: 'Architecture',
  partScore766: 'QĐ 766 score',
  current: 'shown',
  ownData: 'your data',
  editionPick: 'Criteria edition for the synthetic data',
  editionLatest: 'Latest',
  editionLoading: 'Loading the criteria edition…',
  loadHeading: 'Load your files',
  storedFiles: (n) => `This browser keeps ${n} of your file${n === 1 ? '' : 's'} (on this device only).`,
  clearData: 'Clear loaded data',
  clearConfirm: 'Remove every loaded file from this browser? This cannot be undone.',
  restoring: 'Opening your saved data…',
  invalidExcluded: (n) => `${n} what-if value${n === 1 ? '' : 's'} invalid, left out`,
  notANumber: 'Not a number (e.g. 99.5).',
  invalidValue: (why) => `Invalid value, left out: ${why}`,
  issueWhere: (i) => where(i, 'en'),
  provinceSynthetic: 'All units: synthetic data.',
  provinceMixed: (n) => `${n} unit${n === 1 ? '' : 's'} from your data (marked); the others: synthetic data.`,
  units: (n) => (n === 1 ? 'unit' : 'units'),
};

export const MESSAGES: Record<Lang, Messages> = { vi, en };

/**
 * Where an issue is, in words: "Bản ghi 3, dòng 3 — trường receivedAt", "dòng 3, cột 20", "tiêu chí HT.01
 * (value)", "cả tệp" — rather than the packages' compact "#3 3 receivedAt" and "(root)".
 */
function where(i: ValidationIssue, lang: Lang): string {
  const vi = lang === 'vi';
  const parts: string[] = [];
  if (i.record !== undefined) parts.push(vi ? `Bản ghi ${i.record}` : `Record ${i.record}`);
  if (i.line !== undefined) {
    parts.push(
      (vi ? `dòng ${i.line}` : `line ${i.line}`) +
        (i.column !== undefined ? (vi ? `, cột ${i.column}` : `, column ${i.column}`) : ''),
    );
  }
  const form = i as ValidationIssue & { sheet?: string; cell?: string; criterion?: string };
  if (form.sheet) {
    // A form problem: the sheet and cell a person opens in Excel ('Tiêu chí'!J14).
    const cell = form.cell ? `!${form.cell}` : '';
    const crit = form.criterion
      ? vi
        ? ` (tiêu chí ${form.criterion})`
        : ` (criterion ${form.criterion})`
      : '';
    return (
      (vi
        ? `Trang tính ${form.sheet}${cell ? `, ô ${form.cell}` : ''}`
        : `Sheet ${form.sheet}${cell ? `, cell ${form.cell}` : ''}`) + crit
    );
  }
  const obs = /^observations\["([^"]+)"\](?:\.(\w+))?/.exec(i.path);
  let field = '';
  if (obs) field = (vi ? `tiêu chí ${obs[1]}` : `criterion ${obs[1]}`) + (obs[2] ? ` (${obs[2]})` : '');
  else if (i.path) field = vi ? `trường ${i.path}` : `field ${i.path}`;
  const at = parts.join(', ');
  if (!at && !field) return vi ? 'Cả tệp' : 'Whole file';
  return [at, field].filter(Boolean).join(' — ');
}

export interface I18n {
  lang: Lang;
  t: Messages;
  /** Pick the current language of a bilingual text from the packages. */
  l: (text: LocalizedText) => string;
}

export function i18nFor(lang: Lang): I18n {
  return { lang, t: MESSAGES[lang], l: (text) => text[lang] };
}

export const I18nContext = createContext<I18n>(i18nFor('vi'));

export function useI18n(): I18n {
  return useContext(I18nContext);
}
