import {
  COMMUNES,
  type Commune,
  communeByCode,
  fullName,
  PROVINCES,
  provinceByCode,
} from '@cdsx/criteria/communes';
import { useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { indexBy, search } from '../fold';
import { useI18n } from '../i18n';

/** Nationwide searches list at most this many communes (a province never has more than ~170). */
const MAX_SHOWN = 200;

const label = (c: Commune, withProvince: boolean) =>
  withProvince ? `${fullName(c)} — ${provinceByCode(c.provinceCode)?.name ?? c.provinceCode}` : fullName(c);

// Folded once: searching 3,321 names on each keystroke is then a plain substring test.
const INDEX = indexBy(COMMUNES, (c) => `${fullName(c)} ${c.code}`);

/** Province select, diacritics-insensitive commune search, and the matching communes as a list box. */
export function Picker(props: {
  provinceCode: string;
  onProvince: (code: string) => void;
  communeCode: string;
  onCommune: (code: string) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [query, setQuery] = useState('');
  const matches = useMemo(() => {
    const hits = search(INDEX, query);
    return props.provinceCode ? hits.filter((c) => c.provinceCode === props.provinceCode) : hits;
  }, [query, props.provinceCode]);
  // Without a province and a query, listing all 3,321 would not help anyone: ask for one or the other.
  const listed = !props.provinceCode && query.trim() === '' ? [] : matches.slice(0, MAX_SHOWN);
  const total = !props.provinceCode && query.trim() === '' ? 0 : matches.length;
  const chosen = props.communeCode ? communeByCode(props.communeCode) : undefined;
  const selected = listed.some((c) => c.code === props.communeCode) ? props.communeCode : '';
  // When the shown commune is not in the list, React would highlight the first option without choosing it;
  // clear the highlight so that the first arrow key really chooses the first match.
  const list = useRef<HTMLSelectElement>(null);
  useLayoutEffect(() => {
    if (list.current && selected === '') list.current.selectedIndex = -1;
  });
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
        onChange={(e) => props.onProvince(e.target.value)}
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
        type="search"
        value={query}
        placeholder={t.communeSearchPlaceholder}
        autoComplete="off"
        onChange={(e) => setQuery(e.target.value)}
      />
      <label htmlFor={`${id}-list`}>
        {t.commune}{' '}
        <span className="muted" aria-live="polite">
          ({t.results(total, listed.length)})
        </span>
      </label>
      <select
        id={`${id}-list`}
        data-testid="commune-list"
        size={8}
        ref={list}
        value={selected}
        onChange={(e) => e.target.value && props.onCommune(e.target.value)}
        onKeyDown={(e) => {
          // Chromium moves nothing on the first arrow key when no option is selected: choose the first match.
          const el = e.currentTarget;
          if (el.selectedIndex === -1 && ['ArrowDown', 'ArrowUp', 'Home', 'Enter', ' '].includes(e.key)) {
            const first = listed[0];
            if (first) {
              e.preventDefault();
              props.onCommune(first.code);
            }
          }
        }}
      >
        {listed.map((c) => (
          <option key={c.code} value={c.code}>
            {label(c, !props.provinceCode)}
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
