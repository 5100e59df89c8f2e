// A vendor's TypeScript file: must type-check against the packed @cdsx/architecture under node16 and bundler.
import {
  type ArchitectureEdition,
  type ArchitectureView,
  architectureView,
  type ComponentStatus,
  latestArchitecture,
  renderArchitectureSvg,
} from '@cdsx/architecture';
import { contentHash, edition } from '@cdsx/architecture/editions/1.0.0';
import { getEdition } from '@cdsx/criteria/editions';
import { assess } from '@cdsx/rules';

const pinned: ArchitectureEdition = edition;
const catalog = getEdition('0.3.0');
if (catalog.ok) {
  const record = assess(
    {
      commune: { code: '00004', name: 'Ba Đình', provinceCode: '01', unitType: 'phuong' },
      period: '2026',
      catalogVersion: '0.3.0',
      observations: {},
    },
    { edition: catalog.value },
  );
  const r = architectureView({ record, catalog: catalog.value, architecture: latestArchitecture });
  if (r.ok) {
    const view: ArchitectureView = r.value;
    const first: ComponentStatus | undefined = view.components[0]?.status;
    console.log(first, renderArchitectureSvg(view, latestArchitecture, { lang: 'en' }).length);
  }
}
console.log(pinned.components.length, contentHash);
