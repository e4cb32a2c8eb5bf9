// A labelled input with its hint and its error. The error sits right beside the input and is
// tied to it (aria-invalid, aria-describedby), so it is seen and heard together with the field.
import type { ComponentProps, ReactNode } from 'react';

interface FieldProps {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  /** "(required)" in the user's language, shown after the label; marks the input as required. */
  requiredLabel?: string;
  className?: string;
  /** For a box in a grid whose column heading already says what it is: the label is for screen readers only. */
  hideLabel?: boolean;
}

function FieldFrame({ id, label, hint, error, requiredLabel, className, hideLabel, children }: FieldProps & { children: ReactNode }) {
  return (
    <div className={['field', error ? 'field-invalid' : '', className ?? ''].filter(Boolean).join(' ')}>
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : undefined}>
        {label}
        {requiredLabel && (
          // Screen readers hear "required" from aria-required; this is for the eye.
          <span className="field-required" aria-hidden="true">
            {requiredLabel}
          </span>
        )}
      </label>
      {children}
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

/** The attributes that tie an input to its label, hint and error. */
function controlAttributes({ id, hint, error, requiredLabel }: FieldProps) {
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return {
    id,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy || undefined,
    'aria-required': requiredLabel ? true : undefined,
  };
}

export function TextField({ id, label, hint, error, requiredLabel, className, hideLabel, ...input }: FieldProps & Omit<ComponentProps<'input'>, 'id'>) {
  const field = { id, label, hint, error, requiredLabel, className, hideLabel };
  return (
    <FieldFrame {...field}>
      <input {...input} {...controlAttributes(field)} />
    </FieldFrame>
  );
}

export function TextAreaField({ id, label, hint, error, requiredLabel, className, hideLabel, ...textarea }: FieldProps & Omit<ComponentProps<'textarea'>, 'id'>) {
  const field = { id, label, hint, error, requiredLabel, className, hideLabel };
  return (
    <FieldFrame {...field}>
      <textarea {...textarea} {...controlAttributes(field)} />
    </FieldFrame>
  );
}

export function SelectField({ id, label, hint, error, requiredLabel, className, hideLabel, ...select }: FieldProps & Omit<ComponentProps<'select'>, 'id'>) {
  const field = { id, label, hint, error, requiredLabel, className, hideLabel };
  return (
    <FieldFrame {...field}>
      <select {...select} {...controlAttributes(field)} />
    </FieldFrame>
  );
}
