import { useId, type ReactNode } from 'react';

/**
 * The search-and-filter block of a list page (directory, products, and the lists to come): a
 * `role="search"` form that never submits (results follow the controls as you type) and lays its
 * fields out in a grid that folds to one column on a phone.
 */
export function FilterBar({ children, label }: { children: ReactNode; label?: string }) {
  return (
    <form className="filters" role="search" aria-label={label} onSubmit={(e) => e.preventDefault()}>
      {children}
    </form>
  );
}

/** The wide search box of a FilterBar. */
export function SearchField({
  label,
  value,
  onChange,
  placeholder,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
}) {
  const id = useId();
  return (
    <div className="field grow">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="search"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        placeholder={placeholder}
        autoComplete="off"
      />
    </div>
  );
}

export interface Option {
  value: string;
  label: string;
}

/** A choice among options, with a first "all" option (the empty value) that filters nothing. */
export function SelectFilter({
  label,
  value,
  onChange,
  options,
  allLabel,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: Option[];
  allLabel: string;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{allLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Yes/no filters as checkboxes in one row, grouped under a (visually hidden) legend. */
export function CheckFilters({
  legend,
  items,
  onChange,
}: {
  legend: string;
  items: { key: string; label: string; checked: boolean }[];
  onChange: (key: string, checked: boolean) => void;
}) {
  return (
    <fieldset className="checks">
      <legend className="sr-only">{legend}</legend>
      {items.map((item) => (
        <label key={item.key} className="check">
          <input
            type="checkbox"
            checked={item.checked}
            onChange={(e) => onChange(item.key, e.target.checked)}
          />
          {item.label}
        </label>
      ))}
    </fieldset>
  );
}

/** "N results", announced politely; keeps its line while loading so nothing below it moves. */
export function ResultCount({ children }: { children?: ReactNode }) {
  return (
    <p className="result-count" role="status" aria-live="polite">
      {children ?? '\u00a0'}
    </p>
  );
}

/** Buttons that switch between views of one page (list / map, list / month); the chosen one is pressed. */
export function ViewSwitch<V extends string>({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: V;
  options: { value: V; label: string }[];
  onChange: (value: V) => void;
}) {
  return (
    <div className="tabs" role="group" aria-label={label}>
      {options.map((o) => (
        <button
          key={o.value}
          type="button"
          aria-pressed={value === o.value}
          onClick={() => onChange(o.value)}
        >
          {o.label}
        </button>
      ))}
    </div>
  );
}
