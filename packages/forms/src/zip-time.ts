/**
 * Fix every entry's modification time in a ZIP container (an .xlsx) to 2000-01-01 00:00, so the same
 * workbook gives the same bytes: the Excel library stamps each entry with the time it was written.
 * Only the DOS time/date fields of the local headers and the central directory change; sizes, CRCs and
 * data do not. Returns the input unchanged when it is not a well-formed single-disk ZIP.
 */
export function withFixedZipTimes(bytes: Uint8Array): Uint8Array {
  const out = bytes.slice();
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  let eocd = -1;
  for (let i = out.length - 22; i >= Math.max(0, out.length - 65_557); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return bytes;
  const count = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  const TIME = 0;
  const DATE = ((2000 - 1980) << 9) | (1 << 5) | 1;
  for (let n = 0; n < count; n++) {
    if (p + 46 > out.length || view.getUint32(p, true) !== 0x02014b50) return bytes;
    const local = view.getUint32(p + 42, true);
    if (local + 30 > out.length || view.getUint32(local, true) !== 0x04034b50) return bytes;
    view.setUint16(p + 12, TIME, true);
    view.setUint16(p + 14, DATE, true);
    view.setUint16(local + 10, TIME, true);
    view.setUint16(local + 12, DATE, true);
    p += 46 + view.getUint16(p + 28, true) + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  return out;
}
