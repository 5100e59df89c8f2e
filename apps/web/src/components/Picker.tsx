import { EDITION_REGISTRY } from '@cdsx/criteria';
import {
  COMMUNES,
  type Commune,
  communeByCode,
  fullName,
  PROVINCES,
  provinceByCode,
} from '@cdsx/criteria/communes';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { indexBy, search } from '../fold';
import { useI18n } from '../i18n';

/** Nationwide searches list at most this many communes (a province never has more than ~170). */
const MAX_SHOWN = 200;

const label = (c: Commune, withProvince: boolean) =>
  withProvince ? `${fullName(c)} — ${provinceByCode(c.provinceCode)?.name ?? c.provinceCode}` : fullName(c);

// Folded once: searching 3,321 names on each keystroke is then a plain substring test.
const INDEX = indexBy(COMMUNES, (c) => `${fullName(c)} ${c.code}`);

/**
 * Province select, then the commune search as an ARIA combobox (editable, list autocomplete): typing filters
 * the list, ArrowDown/ArrowUp/Home/End move the active option, Enter picks it, Escape closes the list (a
 * second Escape clears the text). Picking never changes the query or the province filter, so the list a
 * user is working through stays the same.
 */
export function Picker(props: {
  provinceCode: string;
  onProvince: (code: string) => void;
  communeCode: string;
  onCommune: (code: string) => void;
  /** Edition the synthetic data is generated and decided under ('' = the latest). */
  edition: string;
  onEdition: (version: string) => void;
  /** Communes the user loaded data for (marked in the list). */
  own: ReadonlySet<string>;
}) {
  const { t } = useI18n();
  const id = useId();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(true);
  const [active, setActive] = useState(-1);
  const matches = useMemo(() => {
    const hits = search(INDEX, query);
    return props.provinceCode ? hits.filter((c) => c.provinceCode === props.provinceCode) : hits;
  }, [query, props.provinceCode]);
  // Without a province and a query, listing all 3,321 would not help anyone: ask for one or the other.
  const none = !props.provinceCode && query.trim() === '';
  const listed = none ? [] : matches.slice(0, MAX_SHOWN);
  const total = none ? 0 : matches.length;
  const chosen = props.communeCode ? communeByCode(props.communeCode) : undefined;
  const expanded = open && listed.length > 0;
  const listRef = useRef<HTMLDivElement>(null);
  const optionId = (i: number) => `${id}-opt-${i}`;

  // A new list starts with no active option.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the list's inputs change
  useEffect(() => setActive(-1), [query, props.provinceCode]);
  useEffect(() => {
    if (active < 0) return;
    document.getElementById(optionId(active))?.scrollIntoView({ block: 'nearest' });
  });

  const pick = (c: Commune | undefined) => {
    if (c) props.onCommune(c.code);
  };

  return (
    <section className="picker" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} className="visually-hidden">
        {t.commune}
      </h2>
      <label htmlFor={`${id}-province`}>{t.province}</label>
      <select
        id={`${id}-province`}
        data-testid="province"
        value={props.provinceCode}
        onChange={(e) => {
          props.onProvince(e.target.value);
          setOpen(true);
        }}
      >
        <option value="">{t.allProvinces}</option>
        {PROVINCES.map((p) => (
          <option key={p.code} value={p.code}>
            {fullName(p)}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-q`}>{t.communeSearch}</label>
      <input
        id={`${id}-q`}
        data-testid="commune-search"
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={`${id}-list`}
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        aria-describedby={`${id}-count`}
        value={query}
        placeholder={t.communeSearchPlaceholder}
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
        }}
        onKeyDown={(e) => {
          const n = listed.length;
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            if (!expanded) {
              setOpen(true);
              if (n > 0) setActive(e.key === 'ArrowDown' ? 0 : n - 1);
              return;
            }
            if (n === 0) return;
            setActive((a) => (e.key === 'ArrowDown' ? (a + 1) % n : a <= 0 ? n - 1 : a - 1));
          } else if ((e.key === 'Home' || e.key === 'End') && expanded && e.ctrlKey) {
            e.preventDefault();
            setActive(e.key === 'Home' ? 0 : n - 1);
          } else if (e.key === 'Enter') {
            if (expanded && active >= 0) {
              e.preventDefault();
              pick(listed[active]);
              setOpen(false);
            }
          } else if (e.key === 'Escape') {
            e.preventDefault();
            if (expanded) setOpen(false);
            else setQuery('');
          }
        }}
      />
      <p id={`${id}-count`} className="muted count-line" aria-live="polite" data-testid="commune-count">
        {t.results(total, listed.length)}
      </p>
      {/* The options are picked with the keyboard through the combobox (aria-activedescendant) or clicked:
          focus stays in the input, as the ARIA combobox pattern requires, so the options are not focusable. */}
      <div
        id={`${id}-list`}
        role="listbox"
        aria-label={t.commune}
        className="listbox"
        data-testid="commune-list"
        hidden={!expanded}
        ref={listRef}
      >
        {listed.map((c, i) => (
          // biome-ignore lint/a11y/useKeyWithClickEvents: keyboard users pick through the combobox input
          // biome-ignore lint/a11y/useFocusableInteractive: options are reached through aria-activedescendant
          <div
            key={c.code}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            data-code={c.code}
            className={[i === active ? 'active' : '', c.code === props.communeCode ? 'current' : ''].join(
              ' ',
            )}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => {
              setActive(i);
              pick(c);
            }}
          >
            {label(c, !props.provinceCode)}
            {c.code === props.communeCode && <span className="visually-hidden"> ({t.current})</span>}
            {props.own.has(c.code) && <span className="tag own">{t.ownData}</span>}
          </div>
        ))}
      </div>
      <label htmlFor={`${id}-ed`}>{t.editionPick}</label>
      <select
        id={`${id}-ed`}
        data-testid="edition-select"
        value={props.edition}
        onChange={(e) => props.onEdition(e.target.value)}
      >
        <option value="">{t.editionLatest}</option>
        {EDITION_REGISTRY.map((e) => (
          <option key={e.version} value={e.version}>
            {e.version} ({t.status[e.status] ?? e.status})
          </option>
        ))}
      </select>
      {chosen && (
        // On a phone the result is far below the list: a way to it.
        <a className="phone-only" href="#commune-title">
          {t.seeResult(fullName(chosen))}
        </a>
      )}
    </section>
  );
}
