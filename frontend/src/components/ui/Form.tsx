import { useId, useState, type InputHTMLAttributes, type ReactNode } from 'react';
import { Field } from './Field';
import { FormError } from './States';
import { fieldErrors } from '../../lib/api-client';
import type { Option } from './Filters';

/**
 * Form fields bound to one API field: the label, the control, its hint, and the messages the API
 * returned for `name` (from the mutation's ApiError) next to it. Built on <Field>.
 */
type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'id' | 'name'>;

export function TextField({
  label,
  name,
  error,
  hint,
  value,
  onChange,
  rows,
  ...input
}: InputProps & {
  label: string;
  /** The API field whose errors this control shows. */
  name: string;
  error?: unknown;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  /** A multi-line text (textarea) of this many rows. */
  rows?: number;
}) {
  return (
    <Field label={label} errors={fieldErrors(error, name)} hint={hint}>
      {(p) =>
        rows ? (
          <textarea
            {...p}
            name={name}
            rows={rows}
            value={value}
            required={input.required}
            maxLength={input.maxLength}
            onChange={(e) => onChange(e.target.value)}
          />
        ) : (
          <input {...input} {...p} name={name} value={value} onChange={(e) => onChange(e.target.value)} />
        )
      }
    </Field>
  );
}

export function SelectField({
  label,
  name,
  error,
  hint,
  value,
  onChange,
  options,
  placeholder,
  required,
}: {
  label: string;
  name: string;
  error?: unknown;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  options: Option[];
  /** A first, empty option ("choose…"). */
  placeholder?: string;
  required?: boolean;
}) {
  return (
    <Field label={label} errors={fieldErrors(error, name)} hint={hint}>
      {(p) => (
        <select
          {...p}
          name={name}
          value={value}
          required={required}
          onChange={(e) => onChange(e.target.value)}
        >
          {placeholder !== undefined && <option value="">{placeholder}</option>}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** Several choices as checkboxes under a legend, with the API's errors for `name`. */
export function CheckboxField({
  legend,
  name,
  error,
  hint,
  options,
  values,
  onChange,
  max,
}: {
  legend: string;
  name: string;
  error?: unknown;
  hint?: string;
  options: Option[];
  values: string[];
  onChange: (values: string[]) => void;
  /** No more than this many may be ticked (the others are disabled once it is reached). */
  max?: number;
}) {
  const id = useId();
  const errors = fieldErrors(error, name);
  const describedBy = [hint ? `${id}-hint` : '', errors?.length ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  const full = max !== undefined && values.length >= max;
  return (
    <fieldset className="field checkbox-field" aria-describedby={describedBy || undefined}>
      <legend>{legend}</legend>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {options.map((o) => {
        const checked = values.includes(o.value);
        return (
          <label key={o.value} className="check">
            <input
              type="checkbox"
              name={name}
              value={o.value}
              checked={checked}
              disabled={!checked && full}
              onChange={(e) =>
                onChange(e.target.checked ? [...values, o.value] : values.filter((v) => v !== o.value))
              }
            />
            {o.label}
          </label>
        );
      })}
      {errors?.length ? (
        <p className="field-error" id={`${id}-error`}>
          {errors.join(' ')}
        </p>
      ) : null}
    </fieldset>
  );
}

/** The end of a form: the error no field shows, the success message, and the submit button. */
export function FormFooter({
  error,
  pending,
  submitLabel,
  success,
}: {
  error: unknown;
  pending: boolean;
  submitLabel: string;
  /** Shown (as a polite status) after the last submission succeeded. */
  success?: ReactNode;
}) {
  return (
    <>
      <FormError error={error} withFields />
      {success ? (
        <p role="status" className="notice ok">
          {success}
        </p>
      ) : null}
      <button type="submit" disabled={pending}>
        {submitLabel}
      </button>
    </>
  );
}

/**
 * The values of a form as one object: `set(key)` is the onChange of that key's field.
 * `reset()` puts the initial values back (after a successful create).
 */
export function useFormState<T extends Record<string, string>>(initial: T) {
  const [values, setValues] = useState(initial);
  const set = (key: keyof T) => (value: string) => setValues((v) => ({ ...v, [key]: value }));
  return { values, set, reset: () => setValues(initial), setValues };
}
