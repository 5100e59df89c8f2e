import { useI18n } from '../i18n';

export const COLORS = ['#a3231b', '#b36b00', '#2f6db5', '#1e7a3c', '#5b2a86'];

/**
 * Level distribution as one stacked bar (plain SVG). The SVG is an image with a text alternative naming every
 * count; the per-level list beside it is the table fallback a screen reader or a printout reads.
 */
export function LevelChart(props: {
  levels: ReadonlyArray<{ level: number; name: string; count: number }>;
  title: string;
  testId?: string;
}) {
  const { t } = useI18n();
  const total = props.levels.reduce((s, x) => s + x.count, 0);
  if (total === 0) return null;
  const summary = props.levels.map((x) => `${t.levelN(x.level)} — ${x.name}: ${x.count}`).join('; ');
  let x0 = 0;
  return (
    <figure className="level-chart" data-testid={props.testId ?? 'level-chart'}>
      <svg
        viewBox="0 0 100 6"
        preserveAspectRatio="none"
        role="img"
        aria-label={`${props.title}: ${summary}`}
      >
        {props.levels.map((x) => {
          const w = (100 * x.count) / total;
          const r = (
            <rect
              key={x.level}
              x={x0}
              y={0}
              width={w}
              height={6}
              fill={COLORS[x.level % COLORS.length]}
              data-level={x.level}
              data-count={x.count}
            />
          );
          x0 += w;
          return r;
        })}
      </svg>
      <figcaption className="legend" aria-hidden="true">
        {props.levels.map((x) => (
          <span key={x.level}>
            <span className="swatch" style={{ background: COLORS[x.level % COLORS.length] }} />{' '}
            {t.levelN(x.level)} ({Math.round((100 * x.count) / total)}%)
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
