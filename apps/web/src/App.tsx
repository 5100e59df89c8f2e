import {
  type Assessment,
  type Lang,
  loadEdition,
  type Observation,
  type PublishedEdition,
  type ValidationIssue,
} from '@cdsx/criteria';
import { communeByCode, fullName, provinceByCode } from '@cdsx/criteria/communes';
import type { Dossier } from '@cdsx/kpi';
import { type DecisionRecord, tryAssess } from '@cdsx/rules';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { LazyPart } from './components/Boundary';
import { CommuneView } from './components/CommuneView';
import { FileLoader, type Notice } from './components/FileLoader';
import { IssueList } from './components/IssueList';
import { Picker } from './components/Picker';
import { LATEST, syntheticAssessment } from './data';
import { EditionContext } from './edition';
import { I18nContext, i18nFor } from './i18n';
import { type Loaded, readUserFile } from './load';
import { clearStoredFiles, storedFiles, storeFile } from './store';
import { type EditValue, parseUrl, serializeUrl, type UrlState } from './url';

/** Where the shown assessment came from. */
export type Source = { kind: 'synthetic' } | { kind: 'file'; name: string };

/** What-if edits: a new observation, or `null` for "no data" (the observation removed). */
export type Edits = Readonly<Record<string, Observation | null>>;

/** A commune's data loaded from the user's file. */
export interface Own {
  name: string;
  assessment: Assessment;
  edition: PublishedEdition;
}

const LANG_KEY = 'cdsx.lang';

function storedLang(): Lang {
  try {
    return localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

/** The what-if values as observations on top of the assessment's own (source and evidence kept). */
function editsFor(
  assessment: Assessment,
  values: ReadonlyMap<string, EditValue>,
): Record<string, Observation | null> {
  const out: Record<string, Observation | null> = {};
  for (const [id, v] of values) {
    const previous = assessment.observations[id];
    out[id] = v === null ? null : { ...(previous ?? { source: 'self_declared' }), value: v, note: 'what-if' };
  }
  return out;
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

/** The criterion id an issue is about (`observations["HT.01"].value` → `HT.01`), if any. */
function criterionOf(issue: ValidationIssue): string | null {
  const s = issue.segments;
  if (s && s[0] === 'observations' && typeof s[1] === 'string') return s[1];
  const m = /^observations\["([^"]+)"\]/.exec(issue.path);
  return m ? m[1]! : null;
}

const initial = parseUrl(typeof location === 'undefined' ? '' : location.search);

export function App() {
  const [lang, setLang] = useState<Lang>(initial.lang ?? storedLang());
  const i18n = useMemo(() => i18nFor(lang), [lang]);
  const { t } = i18n;
  const [view, setView] = useState<UrlState['view']>(initial.view);
  const [provinceCode, setProvinceCode] = useState(initial.province);
  const [communeCode, setCommuneCode] = useState(initial.commune);
  const [editionVersion, setEditionVersion] = useState(initial.edition);
  const [values, setValues] = useState<ReadonlyMap<string, EditValue>>(() => new Map(initial.edits));
  const [own, setOwn] = useState<ReadonlyMap<string, Own>>(new Map());
  const [dossiers, setDossiers] = useState<{ name: string; dossiers: Dossier[] } | null>(null);
  const [restored, setRestored] = useState(false);
  // How many of the user's files are actually written to IndexedDB (shown only once they are).
  const [persisted, setPersisted] = useState(0);
  const [notice, setNotice] = useState<Notice | null>(null);
  // The edition synthetic data is generated and decided under (loaded on demand when not the latest).
  const [syntheticEdition, setSyntheticEdition] = useState<PublishedEdition | null>(
    initial.edition && initial.edition !== LATEST.edition.version ? null : LATEST,
  );

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = `${t.appTitle} — cdsx`;
    try {
      localStorage.setItem(LANG_KEY, lang);
    } catch {
      // Storage may be unavailable (private mode); the toggle still works for this visit.
    }
  }, [lang, t]);

  // ---- URL: every navigation is a history entry; what-if typing replaces the current one. ----
  const state: UrlState = {
    lang,
    view,
    province: provinceCode,
    commune: communeCode,
    edition: editionVersion,
    edits: [...values],
  };
  const query = serializeUrl(state);
  const navKey = serializeUrl({ ...state, edits: [] });
  const lastNav = useRef(navKey);
  useEffect(() => {
    if (location.search === query || (location.search === '' && query === '')) return;
    const url = `${location.pathname}${query}${location.hash}`;
    if (navKey !== lastNav.current) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
    lastNav.current = navKey;
  }, [query, navKey]);
  useEffect(() => {
    const onPop = () => {
      const s = parseUrl(location.search);
      lastNav.current = serializeUrl({ ...s, edits: [] });
      if (s.lang) setLang(s.lang);
      setView(s.view);
      setProvinceCode(s.province);
      setCommuneCode(s.commune);
      setEditionVersion(s.edition);
      setValues(new Map(s.edits));
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  // ---- The edition of the synthetic data. ----
  useEffect(() => {
    if (!editionVersion || editionVersion === LATEST.edition.version) {
      setSyntheticEdition(LATEST);
      return;
    }
    let live = true;
    setSyntheticEdition(null);
    void loadEdition(editionVersion).then((r) => {
      if (!live) return;
      if (r.ok) setSyntheticEdition(r.value);
      else {
        setNotice({ kind: 'error', name: `ed=${editionVersion}`, issues: r.issues });
        setEditionVersion('');
      }
    });
    return () => {
      live = false;
    };
  }, [editionVersion]);

  // ---- The user's files: kept in IndexedDB, read again on every visit. ----
  const accept = useCallback((loaded: Loaded) => {
    if (loaded.kind === 'assessment') {
      const { assessment } = loaded;
      setOwn((m) =>
        new Map(m).set(assessment.commune.code, { name: loaded.name, assessment, edition: loaded.edition }),
      );
    } else if (loaded.kind === 'dossiers') {
      setDossiers({ name: loaded.name, dossiers: loaded.dossiers });
    }
  }, []);
  useEffect(() => {
    let live = true;
    void (async () => {
      const files = await storedFiles();
      for (const f of files) {
        const loaded = await readUserFile(f.name, f.text);
        if (live) accept(loaded);
      }
      if (live) {
        setPersisted(files.length);
        setRestored(true);
      }
    })();
    return () => {
      live = false;
    };
  }, [accept]);

  const onLoaded = useCallback(
    (loaded: Loaded, text: string) => {
      if (loaded.kind === 'error') {
        // Nothing shown is replaced: the error sits above the content that was already there.
        setNotice({ kind: 'error', name: loaded.name, issues: loaded.issues });
        return;
      }
      accept(loaded);
      const key = loaded.kind === 'assessment' ? `assessment:${loaded.assessment.commune.code}` : 'dossiers';
      void storeFile({ key, name: loaded.name, text, savedAt: new Date().toISOString() })
        .then(() => storedFiles())
        .then((files) => setPersisted(files.length));
      if (loaded.kind === 'assessment') {
        const c = loaded.assessment.commune;
        setCommuneCode(c.code);
        if (provinceCode && provinceCode !== c.provinceCode) setProvinceCode('');
        setValues(new Map());
        setView('commune');
      }
      setNotice({ kind: 'ok', name: loaded.name });
    },
    [accept, provinceCode],
  );

  const clearOwn = useCallback(() => {
    if (!window.confirm(i18nFor(lang).t.clearConfirm)) return;
    void clearStoredFiles().then(() => setPersisted(0));
    setOwn(new Map());
    setDossiers(null);
    setNotice(null);
  }, [lang]);

  const selectCommune = useCallback((code: string) => {
    if (!communeByCode(code)) return;
    setCommuneCode(code);
    setValues(new Map());
    setView('commune');
  }, []);
  // Opening a commune from the province table replaces the table: focus goes to the commune's heading
  // (not to the body), so keyboard and screen-reader users continue from what they opened.
  const focusTitle = useRef(false);
  const openFromProvince = useCallback(
    (code: string) => {
      focusTitle.current = true;
      selectCommune(code);
    },
    [selectCommune],
  );
  useEffect(() => {
    if (!focusTitle.current || view !== 'commune') return;
    const title = document.getElementById('commune-title');
    if (title) {
      focusTitle.current = false;
      title.focus();
    }
  });

  // ---- What is shown, and its decision. ----
  const shown = useMemo((): { assessment: Assessment; source: Source; edition: PublishedEdition } | null => {
    if (!communeCode) return null;
    const mine = own.get(communeCode);
    if (mine) {
      return {
        assessment: mine.assessment,
        source: { kind: 'file', name: mine.name },
        edition: mine.edition,
      };
    }
    const commune = communeByCode(communeCode);
    if (!commune || !syntheticEdition) return null;
    return {
      assessment: syntheticAssessment(commune, syntheticEdition.edition),
      source: { kind: 'synthetic' },
      edition: syntheticEdition,
    };
  }, [communeCode, own, syntheticEdition]);

  const edits = useMemo(() => (shown ? editsFor(shown.assessment, values) : {}), [shown, values]);

  // The decision comes only from @cdsx/rules. A what-if value the validator refuses (e.g. 150 in a
  // percentage) is marked on its cell and left out of the decision; the level says so.
  const decision = useMemo(() => {
    if (!shown) return null;
    let used: Record<string, Observation | null> = { ...edits };
    const invalid: Record<string, ValidationIssue[]> = {};
    for (let round = 0; round <= values.size; round++) {
      const r = tryAssess(applyEdits(shown.assessment, used), { edition: shown.edition });
      if (r.ok) return { record: r.value as DecisionRecord, invalid, issues: [] as ValidationIssue[] };
      const blamed = r.issues.filter((i) => {
        const id = criterionOf(i);
        return id !== null && id in used;
      });
      if (blamed.length === 0) return { record: null, invalid, issues: r.issues };
      for (const i of blamed) {
        const id = criterionOf(i)!;
        invalid[id] = [...(invalid[id] ?? []), i];
        const { [id]: _dropped, ...rest } = used;
        used = rest;
      }
    }
    return null;
  }, [shown, edits, values.size]);

  // Warn before leaving while what-if values exist (they live only in this tab's address).
  const editCount = values.size;
  useEffect(() => {
    if (editCount === 0) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [editCount]);

  const commune = communeCode ? communeByCode(communeCode) : undefined;
  const effectiveProvince = provinceCode || commune?.provinceCode || '';
  const province = effectiveProvince ? provinceByCode(effectiveProvince) : undefined;
  const ownCodes = useMemo(() => new Set(own.keys()), [own]);
  const showsSynthetic = view === 'province' || !shown || shown.source.kind === 'synthetic';

  const setEdit = (id: string, v: EditValue) => setValues((m) => new Map(m).set(id, v));

  return (
    <I18nContext.Provider value={i18n}>
      <a className="skip" href="#main">
        {t.skip}
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
          title={t.switchToLabel}
          data-testid="lang-toggle"
          onClick={() => setLang(lang === 'vi' ? 'en' : 'vi')}
        >
          {t.switchTo}
        </button>
        {/* Generated data is always labelled; a user's own (non-synthetic) assessment is not. */}
        {showsSynthetic && (
          <p className="synthetic-banner" role="note" data-testid="synthetic-banner">
            {t.synthetic}
          </p>
        )}
      </header>
      <div className="layout">
        <aside className="controls" aria-label={t.controlsLabel}>
          <Picker
            provinceCode={provinceCode}
            onProvince={setProvinceCode}
            communeCode={communeCode}
            onCommune={selectCommune}
            edition={editionVersion}
            onEdition={setEditionVersion}
            own={ownCodes}
          />
          <FileLoader
            onLoaded={onLoaded}
            notice={notice}
            onDismiss={() => setNotice(null)}
            stored={persisted}
            onClear={clearOwn}
          />
        </aside>
        <main id="main" tabIndex={-1}>
          <fieldset className="tabs">
            <legend className="visually-hidden">{t.viewLegend}</legend>
            <button type="button" aria-pressed={view === 'commune'} onClick={() => setView('commune')}>
              {t.tabCommune}
            </button>
            <button type="button" aria-pressed={view === 'province'} onClick={() => setView('province')}>
              {t.tabProvince}
              {province ? ` — ${fullName(province)}` : ''}
            </button>
          </fieldset>
          {view === 'province' && syntheticEdition && (
            <LazyPart
              load={() => import('./components/NationalChart')}
              what={t.nationalTitle}
              fallback={<p role="status">{t.nationalLoading}</p>}
              props={{ edition: syntheticEdition }}
            />
          )}
          {view === 'province' ? (
            province && syntheticEdition ? (
              <LazyPart
                load={() => import('./components/ProvinceView')}
                what={t.tabProvince}
                fallback={<p role="status">{t.provinceLoading}</p>}
                props={{ province, onOpen: openFromProvince, own, edition: syntheticEdition }}
              />
            ) : (
              <p className="empty">{t.provincePick}</p>
            )
          ) : communeCode && !restored ? (
            <p role="status">{t.restoring}</p>
          ) : shown && decision?.record ? (
            <EditionContext.Provider value={shown.edition}>
              <CommuneView
                assessment={applyEdits(shown.assessment, edits)}
                source={shown.source}
                record={decision.record}
                whatIfIssues={decision.issues}
                invalid={decision.invalid}
                edits={edits}
                onEdit={(id, o) => setEdit(id, o === null ? null : o.value)}
                onEditMany={(obs) =>
                  setValues((m) => {
                    const next = new Map(m);
                    for (const [id, o] of Object.entries(obs)) next.set(id, o.value);
                    return next;
                  })
                }
                onReset={() => setValues(new Map())}
                dossiers={dossiers}
              />
            </EditionContext.Provider>
          ) : shown && decision && decision.issues.length > 0 ? (
            <div className="notice error" role="alert" data-testid="whatif-error">
              <IssueList issues={decision.issues} />
            </div>
          ) : (
            <p className="empty">{communeCode && !syntheticEdition ? t.editionLoading : t.noCommune}</p>
          )}
        </main>
      </div>
      <footer>
        <p>{t.footerPackages}</p>
        <p data-testid="attribution">
          {t.footerData}: {t.attribution}
        </p>
      </footer>
    </I18nContext.Provider>
  );
}
