import type { Assessment, Lang, Observation, PublishedEdition, ValidationIssue } from '@cdsx/criteria';
import { COMMUNES_ATTRIBUTION, communeByCode, fullName, provinceByCode } from '@cdsx/criteria/communes';
import type { Dossier } from '@cdsx/kpi';
import { type DecisionRecord, tryAssess } from '@cdsx/rules';
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { CommuneView } from './components/CommuneView';
import { FileLoader, type Notice } from './components/FileLoader';
import { Picker } from './components/Picker';
import { LATEST, syntheticAssessment } from './data';
import { EditionContext } from './edition';
import { I18nContext, i18nFor } from './i18n';
import type { Loaded } from './load';

// The province view assesses every commune of a province: loaded only when opened.
const ProvinceView = lazy(() => import('./components/ProvinceView'));

/** Where the shown assessment came from. */
export type Source = { kind: 'synthetic' } | { kind: 'file'; name: string };

/** What-if edits: a new observation, or `null` for "no data" (the observation removed). */
export type Edits = Readonly<Record<string, Observation | null>>;

const LANG_KEY = 'cdsx.lang';

function initialLang(): Lang {
  try {
    return localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

/** The assessment with the what-if edits applied (a new object; the original is never changed). */
function applyEdits(assessment: Assessment, edits: Edits): Assessment {
  const observations = { ...assessment.observations };
  for (const [id, o] of Object.entries(edits)) {
    if (o === null) delete observations[id];
    else observations[id] = o;
  }
  return { ...assessment, observations };
}

export function App() {
  const [lang, setLang] = useState<Lang>(initialLang);
  const i18n = useMemo(() => i18nFor(lang), [lang]);
  const { t } = i18n;
  const [view, setView] = useState<'commune' | 'province'>('commune');
  const [provinceCode, setProvinceCode] = useState('');
  const [shown, setShown] = useState<{
    assessment: Assessment;
    source: Source;
    edition: PublishedEdition;
  } | null>(null);
  const [edits, setEdits] = useState<Edits>({});
  const [dossiers, setDossiers] = useState<{ name: string; dossiers: Dossier[] } | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = `${t.appTitle} — cdsx`;
    try {
      localStorage.setItem(LANG_KEY, lang);
    } catch {
      // Storage may be unavailable (private mode); the toggle still works for this visit.
    }
  }, [lang, t]);

  const selectCommune = useCallback((code: string) => {
    const commune = communeByCode(code);
    if (!commune) return;
    setProvinceCode(commune.provinceCode);
    setShown({ assessment: syntheticAssessment(commune), source: { kind: 'synthetic' }, edition: LATEST });
    setEdits({});
    setView('commune');
  }, []);

  const onLoaded = useCallback(
    (loaded: Loaded) => {
      if (loaded.kind === 'error') {
        // Nothing shown is replaced: the error sits above the content that was already there.
        setNotice({ kind: 'error', name: loaded.name, issues: loaded.issues });
        return;
      }
      if (loaded.kind === 'assessment') {
        const { assessment } = loaded;
        if (communeByCode(assessment.commune.code)) setProvinceCode(assessment.commune.provinceCode);
        setShown({ assessment, source: { kind: 'file', name: loaded.name }, edition: loaded.edition });
        setEdits({});
        setView('commune');
      } else {
        setDossiers({ name: loaded.name, dossiers: loaded.dossiers });
      }
      setNotice({ kind: 'ok', text: t.loaded(loaded.name) });
    },
    [t],
  );

  const effective = useMemo(() => (shown ? applyEdits(shown.assessment, edits) : null), [shown, edits]);

  // The decision comes only from @cdsx/rules. A what-if value the validator refuses (e.g. 150 %) is reported
  // beside the table while the last valid decision stays on screen.
  const lastGood = useRef<DecisionRecord | null>(null);
  const decision = useMemo((): { record: DecisionRecord | null; issues: ValidationIssue[] } => {
    if (!effective || !shown) return { record: null, issues: [] };
    // Decided under the edition the assessment names (the file's own, or the latest for synthetic data).
    const r = tryAssess(effective, { edition: shown.edition });
    if (r.ok) {
      lastGood.current = r.value;
      return { record: r.value, issues: [] };
    }
    return { record: lastGood.current, issues: r.issues };
  }, [effective, shown]);

  const province = provinceCode ? provinceByCode(provinceCode) : undefined;

  return (
    <I18nContext.Provider value={i18n}>
      <a className="skip" href="#main">
        {lang === 'vi' ? 'Bỏ qua đến nội dung chính' : 'Skip to main content'}
      </a>
      <header className="top">
        <div>
          <h1>{t.appTitle}</h1>
          <p className="subtitle">{t.appSubtitle}</p>
        </div>
        <button
          type="button"
          className="lang"
          lang={lang === 'vi' ? 'en' : 'vi'}
          aria-label={t.switchToLabel}
          data-testid="lang-toggle"
          onClick={() => setLang(lang === 'vi' ? 'en' : 'vi')}
        >
          {t.switchTo}
        </button>
      </header>
      {/* Generated data is always labelled; a user's own (non-synthetic) assessment is not. */}
      {(view === 'province' || !shown || shown.assessment.synthetic === true) && (
        <p className="synthetic-banner" role="note" data-testid="synthetic-banner">
          {t.synthetic}
        </p>
      )}
      <div className="layout">
        <aside
          className="controls"
          aria-label={lang === 'vi' ? 'Chọn đơn vị và nạp tệp' : 'Choose a unit and load files'}
        >
          <Picker
            provinceCode={provinceCode}
            onProvince={setProvinceCode}
            communeCode={shown?.assessment.commune.code ?? ''}
            onCommune={selectCommune}
          />
          <FileLoader onLoaded={onLoaded} notice={notice} onDismiss={() => setNotice(null)} />
        </aside>
        <main id="main" tabIndex={-1}>
          <fieldset className="tabs">
            <legend className="visually-hidden">{lang === 'vi' ? 'Chế độ xem' : 'View'}</legend>
            <button type="button" aria-pressed={view === 'commune'} onClick={() => setView('commune')}>
              {t.tabCommune}
            </button>
            <button type="button" aria-pressed={view === 'province'} onClick={() => setView('province')}>
              {t.tabProvince}
              {province ? ` — ${fullName(province)}` : ''}
            </button>
          </fieldset>
          {view === 'province' ? (
            province ? (
              <Suspense fallback={<p role="status">{t.provinceLoading}</p>}>
                <ProvinceView province={province} onOpen={selectCommune} />
              </Suspense>
            ) : (
              <p className="empty">{t.provincePick}</p>
            )
          ) : shown && effective && decision.record ? (
            <EditionContext.Provider value={shown.edition}>
              <CommuneView
                assessment={effective}
                source={shown.source}
                record={decision.record}
                whatIfIssues={decision.issues}
                edits={edits}
                onEdit={(id, o) => setEdits((e) => ({ ...e, [id]: o }))}
                onEditMany={(obs) => setEdits((e) => ({ ...e, ...obs }))}
                onReset={() => setEdits({})}
                dossiers={dossiers}
              />
            </EditionContext.Provider>
          ) : (
            <p className="empty">{t.noCommune}</p>
          )}
        </main>
      </div>
      <footer>
        <p>{t.footerPackages}</p>
        <p data-testid="attribution">
          {t.footerData}: {COMMUNES_ATTRIBUTION}
        </p>
      </footer>
    </I18nContext.Provider>
  );
}
