import type { FormEvent, ReactNode, SelectHTMLAttributes } from 'react';

/** A form whose submit (Enter or its button) runs `onSubmit` and never reloads the page. */
export function SubmitForm({ className, onSubmit, children, ...rest }: { className: string; onSubmit: () => void; children: ReactNode; 'aria-label'?: string; 'aria-labelledby'?: string }) {
  return (
    <form
      className={className}
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        onSubmit();
      }}
      {...rest}
    >
      {children}
    </form>
  );
}

/** A labelled control stacked under its label; the control carries `id`. */
export function Field({ id, label, className, children }: { id: string; label: ReactNode; className?: string; children: ReactNode }) {
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {children}
    </div>
  );
}

/** A field's error, announced when it appears; nothing when there is none. */
export function FieldError({ id, message }: { id?: string; message: string | null | undefined }) {
  if (!message) return null;
  return (
    <p id={id} className="field-error" role="alert">
      {message}
    </p>
  );
}

export interface SelectOption<T extends string> {
  id: T;
  label: string;
}

type NativeSelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange' | 'children'>;

/** A native select over `{id, label}` options, reporting the chosen id. */
export function OptionSelect<T extends string>({ options, value, onChange, ...rest }: NativeSelectProps & { options: readonly SelectOption<T>[]; value: T; onChange: (id: T) => void }) {
  return (
    <select value={value} onChange={(e) => onChange(e.target.value as T)} {...rest}>
      {options.map((o) => (
        <option key={o.id} value={o.id}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

/** A card section named by its heading (`aria-labelledby`); `aside` sits in the head beside the heading (a picker, a toggle). */
export function Card({
  titleId,
  title,
  className,
  level = 'h3',
  aside,
  children,
}: {
  titleId: string;
  title: ReactNode;
  className?: string;
  level?: 'h3' | 'h4';
  aside?: ReactNode;
  children: ReactNode;
}) {
  const Heading = level;
  const heading = <Heading id={titleId}>{title}</Heading>;
  return (
    <section className={className ? `card ${className}` : 'card'} aria-labelledby={titleId}>
      {aside ? (
        <div className="card-head">
          {heading}
          {aside}
        </div>
      ) : (
        heading
      )}
      {children}
    </section>
  );
}

/** The head of a table's last column, which holds each row's buttons: named for screen readers only. */
export function ActionsColumnHead() {
  return (
    <th scope="col">
      <span className="visually-hidden">Actions</span>
    </th>
  );
}

/** A data table that scrolls sideways inside its card rather than widening the page. */
export function ScrollTable({ className, children }: { className?: string; children: ReactNode }) {
  return (
    <div className="table-scroll">
      <table className={className ? `data-table ${className}` : 'data-table'}>{children}</table>
    </div>
  );
}

/** A table's head row of plain column names; `children` add heads of their own after them. */
export function TableHead({ columns, children }: { columns: readonly string[]; children?: ReactNode }) {
  return (
    <thead>
      <tr>
        {columns.map((c) => (
          <th scope="col" key={c}>
            {c}
          </th>
        ))}
        {children}
      </tr>
    </thead>
  );
}

/** A failure said on the page, announced as it appears; with `onRetry`, a Try again button beside it. */
export function ErrorCallout({ message, onRetry }: { message: ReactNode; onRetry?: (() => void) | undefined }) {
  return (
    <div className="callout callout-error" role="alert">
      <p>{message}</p>
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
