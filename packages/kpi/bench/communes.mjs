// The 3,321 communes (code, province) for the generator, read at bench time and never bundled:
// CDSX_COMMUNES_CSV if set; else the shared reference data beside the repository
// (../../../shared/data/vn-admin-units-2025/communes.csv, MIT, see its README for attribution);
// else the list built into @cdsx/criteria/communes (needs @cdsx/criteria built).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const SHARED = fileURLToPath(
  new URL('../../../../shared/data/vn-admin-units-2025/communes.csv', import.meta.url),
);

export async function loadCommunes(path = process.env.CDSX_COMMUNES_CSV ?? SHARED) {
  if (existsSync(path)) {
    const [header, ...rows] = readFileSync(path, 'utf8').trim().split('\n');
    const cols = header.split(',');
    const code = cols.indexOf('code');
    const province = cols.indexOf('province_code');
    return rows.map((r) => {
      const f = r.split(',');
      return { code: f[code], provinceCode: f[province] };
    });
  }
  try {
    const { COMMUNES } = await import('@cdsx/criteria/communes');
    return COMMUNES.map((c) => ({ code: c.code, provinceCode: c.provinceCode }));
  } catch (e) {
    throw new Error(
      `no commune list: ${path} does not exist and @cdsx/criteria/communes could not be loaded (${e.message}); ` +
        'set CDSX_COMMUNES_CSV to communes.csv (code,name,type,province_code) or build @cdsx/criteria',
    );
  }
}
