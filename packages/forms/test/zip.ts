import { inflateRawSync } from 'node:zlib';

/**
 * A second, independent .xlsx reader for the tests: a minimal ZIP reader (central directory, stored and
 * deflated entries) built on node:zlib, so a generated workbook is checked without exceljs.
 */
export function unzip(bytes: Uint8Array): Map<string, string> {
  const buf = Buffer.from(bytes);
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip file: no end-of-central-directory record');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const files = new Map<string, string>();
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error(`bad central directory entry at ${p}`);
    const method = buf.readUInt16LE(p + 10);
    const compressed = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    if (buf.readUInt32LE(local) !== 0x04034b50) throw new Error(`bad local header for ${name}`);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + compressed);
    const raw = method === 0 ? data : method === 8 ? inflateRawSync(data) : undefined;
    if (!raw) throw new Error(`unsupported compression ${method} for ${name}`);
    files.set(name, raw.toString('utf8'));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return files;
}

const decode = (s: string) =>
  s
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&apos;', "'")
    .replaceAll('&amp;', '&');

/** Sheets of a workbook by name → { xml, cells (A1 → text or number), state }. */
export function readXlsx(bytes: Uint8Array) {
  const files = unzip(bytes);
  const workbook = files.get('xl/workbook.xml');
  if (!workbook) throw new Error('xl/workbook.xml missing');
  const rels = files.get('xl/_rels/workbook.xml.rels') ?? '';
  const target = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /Id="([^"]+)"/.exec(m[0])?.[1];
    const t = /Target="([^"]+)"/.exec(m[0])?.[1];
    if (id && t) target.set(id, t.replace(/^\/?xl\//, '').replace(/^\//, ''));
  }
  const shared: string[] = [];
  for (const si of (files.get('xl/sharedStrings.xml') ?? '').matchAll(/<si>([\s\S]*?)<\/si>/g)) {
    shared.push(decode([...si[1]!.matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join('')));
  }
  const sheets = new Map<
    string,
    { xml: string; state: string; cells: Map<string, string | number>; formulas: number }
  >();
  for (const m of workbook.matchAll(/<sheet\b[^>]*\/>/g)) {
    const name = decode(/name="([^"]+)"/.exec(m[0])![1]!);
    const rid = /r:id="([^"]+)"/.exec(m[0])![1]!;
    const state = /state="([^"]+)"/.exec(m[0])?.[1] ?? 'visible';
    const xml = files.get(`xl/${target.get(rid)}`);
    if (!xml) throw new Error(`sheet ${name}: part missing`);
    const cells = new Map<string, string | number>();
    for (const c of xml.matchAll(/<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const body = c[3] ?? '';
      const type = /t="([^"]+)"/.exec(c[2]!)?.[1];
      const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
      const inline = /<is>[\s\S]*?<t[^>]*>([\s\S]*?)<\/t>/.exec(body)?.[1];
      if (type === 's' && v !== undefined) cells.set(c[1]!, shared[Number(v)]!);
      else if (type === 'inlineStr' && inline !== undefined) cells.set(c[1]!, decode(inline));
      else if (type === 'str' && v !== undefined) cells.set(c[1]!, decode(v));
      else if (v !== undefined) cells.set(c[1]!, Number(v));
    }
    sheets.set(name, { xml, state, cells, formulas: (xml.match(/<f[ >]/g) ?? []).length });
  }
  return { files, workbook, sheets };
}
