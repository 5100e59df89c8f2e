// The 3,321 communes (code, province) for the generator. Read at bench time, never bundled:
// CDSX_COMMUNES_CSV, else the shared reference data beside the repository
// (../../../shared/data/vn-admin-units-2025/communes.csv, MIT — see its README for attribution).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const DEFAULT = fileURLToPath(
  new URL('../../../../shared/data/vn-admin-units-2025/communes.csv', import.meta.url),
);

export async function loadCommunes(path = process.env.CDSX_COMMUNES_CSV ?? DEFAULT) {
  if (!existsSync(path)) {
    throw new Error(
      `commune list not found at ${path}; set CDSX_COMMUNES_CSV to communes.csv (code,name,type,province_code)`,
    );
  }
  const [header, ...rows] = readFileSync(path, 'utf8').trim().split('\n');
  const cols = header.split(',');
  const code = cols.indexOf('code');
  const province = cols.indexOf('province_code');
  return rows.map((r) => {
    const f = r.split(',');
    return { code: f[code], provinceCode: f[province] };
  });
}
