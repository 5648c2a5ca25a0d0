import type { ReactNode } from 'react';

/** A workshop step: its heading and lede, with what sits beside them (a count, an export), then the step's content. */
export function StepPage({
  titleId,
  title,
  lede,
  width,
  className,
  aside,
  children,
}: {
  titleId: string;
  title: string;
  lede: ReactNode;
  width: 'wide' | 'full';
  className?: string;
  aside?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section className={`step-page step-${width}${className ? ` ${className}` : ''}`} aria-labelledby={titleId}>
      <div className="step-head">
        <div>
          <h2 id={titleId}>{title}</h2>
          <p className="lede">{lede}</p>
        </div>
        {aside}
      </div>
      {children}
    </section>
  );
}
