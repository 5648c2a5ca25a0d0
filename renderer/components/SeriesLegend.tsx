import { seriesColour } from './palette';

/** The line key of a chart: each series' colour and dash, the same as its line, with its label. */
export interface SeriesLegendItem {
  key: string;
  label: string;
  /** Greyed: a series not drawn (an option out of reach). */
  muted?: boolean;
}

export function SeriesLegend({ items }: { items: readonly SeriesLegendItem[] }) {
  return (
    <ul className="legend">
      {items.map((item, i) => (
        <li key={item.key} className={item.muted ? 'legend-excluded' : undefined}>
          <svg width="22" height="10" aria-hidden="true">
            <line x1="0" x2="22" y1="5" y2="5" stroke={seriesColour(i)} strokeWidth={2.5} strokeDasharray={i % 2 === 1 ? '6 3' : undefined} />
          </svg>
          {item.label}
        </li>
      ))}
    </ul>
  );
}
