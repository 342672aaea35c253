import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from './Field';
import { useDebounced } from '../../lib/useDebounced';

/** One thing a picker offers: the id the API wants, the name people read, and a line of detail. */
export interface PickerOption {
  id: number;
  label: string;
  detail?: string;
  /** The feature's own handle of the option, when its id is not enough (an organisation's slug). */
  handle?: string;
}

/**
 * How a picker finds options for what was typed (the empty text too: the first few). Each feature
 * passes its own, over a public list endpoint (`?search=`); `signal` aborts a search overtaken by
 * the next keystroke.
 */
export type PickerSearch = (text: string, signal: AbortSignal) => Promise<PickerOption[]>;

interface CommonProps {
  label: string;
  search: PickerSearch;
  /** Messages from the API for the field this picker fills. */
  errors?: string[] | undefined;
  hint?: string | undefined;
  placeholder?: string;
  required?: boolean;
}

/**
 * Search-as-you-type choice of one thing (an event, an organisation…) instead of typing its id:
 * the ARIA 1.2 combobox pattern — a text box with a listbox popup, ↓/↑ move through the options
 * (aria-activedescendant, the focus stays in the text box), Enter picks, Escape closes the list
 * (or, when it is closed, clears the text), and a polite status says how many were found.
 */
export function Picker({
  value,
  onChange,
  ...common
}: CommonProps & { value: PickerOption | null; onChange: (option: PickerOption | null) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(value?.label ?? '');
  // A value set from outside (a form reset, a different kind of target) shows its name.
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    setText(value?.label ?? '');
  }
  return (
    <Combobox
      {...common}
      text={text}
      onText={(next) => {
        setText(next);
        if (value) onChange(null);
      }}
      onPick={(option) => {
        setText(option.label);
        onChange(option);
      }}
      exclude={value ? [value.id] : []}
      after={
        value ? (
          <button
            type="button"
            className="picker-clear secondary small"
            aria-label={t('picker.clear', { label: value.label })}
            onClick={() => onChange(null)}
          >
            ×
          </button>
        ) : null
      }
    />
  );
}

/** Search-as-you-type choice of several (organisations): the chosen ones listed above, each removable. */
export function MultiPicker({
  values,
  onChange,
  max,
  ...common
}: CommonProps & { values: PickerOption[]; onChange: (options: PickerOption[]) => void; max?: number }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const full = max !== undefined && values.length >= max;
  return (
    <Combobox
      {...common}
      required={common.required && values.length === 0}
      disabled={full}
      text={text}
      onText={setText}
      onPick={(option) => {
        setText('');
        onChange([...values, option]);
      }}
      exclude={values.map((v) => v.id)}
      before={
        values.length > 0 ? (
          <ul className="picker-chosen" aria-label={t('picker.chosen', { label: common.label })}>
            {values.map((v) => (
              <li key={v.id}>
                {v.label}
                <button
                  type="button"
                  className="link-button"
                  aria-label={t('picker.remove', { label: v.label })}
                  onClick={() => onChange(values.filter((x) => x.id !== v.id))}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        ) : null
      }
    />
  );
}

function Combobox({
  label,
  search,
  errors,
  hint,
  placeholder,
  required,
  disabled,
  text,
  onText,
  onPick,
  exclude,
  before,
  after,
}: CommonProps & {
  disabled?: boolean;
  text: string;
  onText: (text: string) => void;
  onPick: (option: PickerOption) => void;
  exclude: number[];
  before?: ReactNode;
  after?: ReactNode;
}) {
  const { t } = useTranslation();
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [found, setFound] = useState<{ query: string; options: PickerOption[] } | null>(null);
  const [failed, setFailed] = useState(false);
  const query = useDebounced(text.trim(), 200);
  // The latest search function, without searching again on every render of the form above (a
  // picker whose search changes meaning, another kind of target, is remounted with a key).
  const searchRef = useRef(search);
  useEffect(() => {
    searchRef.current = search;
  });

  useEffect(() => {
    if (!open) return;
    const controller = new AbortController();
    setFailed(false);
    searchRef.current(query, controller.signal).then(
      (options) => {
        if (!controller.signal.aborted) setFound({ query, options });
      },
      () => {
        if (!controller.signal.aborted) setFailed(true);
      },
    );
    return () => controller.abort();
  }, [open, query]);

  const options = (found?.options ?? []).filter((o) => !exclude.includes(o.id));
  const loading = open && !failed && (found === null || found.query !== query || query !== text.trim());
  const expanded = open && options.length > 0;
  const optionId = (i: number) => `${listId}-${i}`;

  const close = () => {
    setOpen(false);
    setActive(-1);
  };
  const pick = (option: PickerOption) => {
    onPick(option);
    close();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!open) {
        setOpen(true);
        setActive(e.key === 'ArrowDown' ? 0 : -1);
        return;
      }
      if (options.length === 0) return;
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((i) =>
        i < 0 && step < 0 ? options.length - 1 : (i + step + options.length) % options.length,
      );
    } else if (e.key === 'Enter') {
      // An open list takes Enter: it never submits the form under it.
      if (!open) return;
      e.preventDefault();
      const option = options[active];
      if (option) pick(option);
    } else if (e.key === 'Escape') {
      if (open) {
        e.preventDefault();
        close();
      } else if (text) {
        e.preventDefault();
        onText('');
      }
    } else if (e.key === 'Tab') {
      close();
    }
  };

  let status = '';
  if (open && failed) status = t('picker.failed');
  else if (open && loading) status = t('picker.searching');
  else if (open) status = options.length ? t('picker.found', { count: options.length }) : t('picker.none');

  const activeOption = expanded && active >= 0 && active < options.length ? optionId(active) : undefined;
  return (
    <Field label={label} errors={errors} hint={hint ?? t('picker.hint')}>
      {(p) => (
        <div className="picker">
          {before}
          <div className="picker-box">
            <input
              {...p}
              type="text"
              role="combobox"
              autoComplete="off"
              aria-autocomplete="list"
              aria-expanded={expanded}
              aria-controls={listId}
              aria-activedescendant={activeOption}
              placeholder={placeholder}
              required={required}
              disabled={disabled}
              value={text}
              onChange={(e) => {
                onText(e.target.value);
                setOpen(true);
                setActive(-1);
              }}
              onClick={() => setOpen(true)}
              onKeyDown={onKeyDown}
              onBlur={close}
            />
            {after}
          </div>
          <ul id={listId} role="listbox" aria-label={label} className="picker-list" hidden={!expanded}>
            {expanded &&
              options.map((o, i) => (
                <li
                  key={o.id}
                  id={optionId(i)}
                  role="option"
                  aria-selected={i === active}
                  className={i === active ? 'active' : undefined}
                  // Keeps the focus in the text box: the list closes on blur.
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={() => pick(o)}
                >
                  <span>{o.label}</span>
                  {o.detail ? <span className="muted small"> {o.detail}</span> : null}
                </li>
              ))}
          </ul>
          <p className="sr-only" role="status" aria-live="polite">
            {status}
          </p>
        </div>
      )}
    </Field>
  );
}
