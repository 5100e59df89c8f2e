import { getEdition } from '@cdsx/criteria/editions';
import type { DecisionRecord } from '@cdsx/rules';
import { useEffect, useMemo, useState } from 'react';
import { useI18n } from '../i18n';

type Loaded = { svg: string; text: string } | { error: string } | null;

/**
 * The commune's architecture (sơ đồ kiến trúc): the four layers with components coloured by status, drawn by
 * `@cdsx/architecture` (an accessible SVG whose `<desc>` is the full text alternative, shown below it too).
 * Only for records decided under an edition that traces to the reference architecture (0.3.0 onwards); the
 * package and its data load on demand, so the rest of the portal does not carry them.
 */
export function ArchitectureView(props: { record: DecisionRecord }) {
  const { lang } = useI18n();
  const { record } = props;
  const edition = useMemo(() => getEdition(record.catalog.version), [record.catalog.version]);
  const traced = edition.ok && edition.value.edition.architecture !== undefined;
  const [loaded, setLoaded] = useState<Loaded>(null);

  useEffect(() => {
    if (!traced || !edition.ok) return;
    let live = true;
    import('@cdsx/architecture').then((m) => {
      if (!live) return;
      const ref = edition.value.edition.architecture!;
      const arch = m.getArchitecture(ref.version);
      if (!arch.ok) return setLoaded({ error: arch.issues[0]!.message[lang] });
      const view = m.architectureView({ record, catalog: edition.value, architecture: arch.value });
      if (!view.ok) return setLoaded({ error: view.issues[0]!.message[lang] });
      setLoaded({
        svg: m.renderArchitectureSvg(view.value, arch.value, { lang, idPrefix: 'portal-arch' }),
        text: m.architectureTextAlternative(view.value, arch.value, lang),
      });
    });
    return () => {
      live = false;
    };
  }, [record, lang, traced, edition]);

  const title = lang === 'vi' ? 'Kiến trúc của xã' : "The commune's architecture";
  return (
    <section className="architecture" aria-labelledby="architecture-h" data-testid="architecture-view">
      <h3 id="architecture-h">{title}</h3>
      {!traced ? (
        <p className="muted">
          {lang === 'vi'
            ? `Bộ tiêu chí ${record.catalog.version} chưa gắn tiêu chí với kiến trúc tham chiếu; sơ đồ có từ phiên bản 0.3.0.`
            : `Edition ${record.catalog.version} does not trace its criteria to the reference architecture; the diagram is available from 0.3.0.`}
        </p>
      ) : loaded === null ? (
        <p className="muted">…</p>
      ) : 'error' in loaded ? (
        <p role="alert">{loaded.error}</p>
      ) : (
        <figure>
          <div
            className="architecture-svg"
            // biome-ignore lint/security/noDangerouslySetInnerHtml: markup made by renderArchitectureSvg (every text escaped, no scripts, no external resources); inline so each component's <title> is reachable
            dangerouslySetInnerHTML={{ __html: loaded.svg }}
          />
          <figcaption>
            <details>
              <summary>{lang === 'vi' ? 'Mô tả bằng văn bản' : 'Text description'}</summary>
              <pre>{loaded.text}</pre>
            </details>
          </figcaption>
        </figure>
      )}
    </section>
  );
}

export default ArchitectureView;
