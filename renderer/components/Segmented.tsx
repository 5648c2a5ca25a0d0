import { useId } from 'react';

export interface SegmentOption {
  value: string;
  label: string;
}

interface SegmentedProps {
  legend: string;
  /** Hide the legend visually (a heading already names the group). */
  legendHidden?: boolean;
  options: SegmentOption[];
  value: string | null;
  onChange: (value: string) => void;
  describedBy?: string;
  size?: 'normal' | 'small';
}

/** A row of native radio buttons styled as segments: arrow keys move the choice, as screen readers expect. */
export function Segmented({ legend, legendHidden, options, value, onChange, describedBy, size = 'normal' }: SegmentedProps) {
  const name = useId();
  return (
    <fieldset className={`segmented segmented-${size}`} aria-describedby={describedBy}>
      <legend className={legendHidden ? 'visually-hidden' : 'segmented-legend'}>{legend}</legend>
      <div className="segmented-options">
        {options.map((o) => (
          <label key={o.value} className={`segment${value === o.value ? ' segment-checked' : ''}`}>
            <input type="radio" name={name} value={o.value} checked={value === o.value} onChange={() => onChange(o.value)} />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
