import type { KeyboardEvent, ReactNode } from 'react';
import { type FormFieldError, fieldKind, fieldLabel, type InputField, isFieldRequired } from '../../core';
import { useJobsConfig } from '../../react/context';
import { flag } from '../shared';
import { EnumControl } from './enum-control';
import type { PartPropsGetter } from './parts';
import type { InputFieldIds } from './use-input-form';

export interface InputFormFieldProps {
  field: InputField;
  value: string | boolean | undefined;
  error: FormFieldError | undefined;
  ids: InputFieldIds;
  pending: boolean;
  onChange(value: string | boolean): void;
  part: PartPropsGetter;
}

/** What the control needs from its field: ids, ARIA links, lock state. */
export interface ControlState {
  ids: InputFieldIds;
  label: string;
  required: boolean;
  invalid: boolean;
  /** Space-separated ids of the error and description, or undefined. */
  describedBy: string | undefined;
  pending: boolean;
  part: PartPropsGetter;
}

/** In a textarea Enter is a newline; Ctrl/Cmd+Enter submits the form. */
function submitOnModEnter(event: KeyboardEvent<HTMLTextAreaElement>): void {
  if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey)) return;
  event.preventDefault();
  event.currentTarget.form?.requestSubmit();
}

/** One field of an input form: label, description, control and error, linked for assistive tech. */
export function InputFormField({ field, value, error, ids, pending, onChange, part }: InputFormFieldProps): ReactNode {
  const { t, translate } = useJobsConfig('InputFormDialog');
  const kind = fieldKind(field);
  const label = translate(fieldLabel(field));
  const description =
    typeof field.description === 'string' && field.description !== '' ? translate(field.description) : undefined;
  // A checkbox always has an answer, so a required boolean is never marked (see validateForm).
  const required = isFieldRequired(field) && kind !== 'boolean';
  const describedBy =
    [error ? ids.error : undefined, description === undefined ? undefined : ids.description]
      .filter(Boolean)
      .join(' ') || undefined;
  const state: ControlState = { ids, label, required, invalid: error !== undefined, describedBy, pending, part };
  const text = typeof value === 'string' ? value : '';

  const requiredMark = required ? (
    <span {...part('required')} aria-hidden="true">
      {t('form.required')}
    </span>
  ) : null;
  const labelElement = (
    <label {...part('label')} htmlFor={ids.control}>
      {label}
      {requiredMark}
    </label>
  );
  const common = {
    ...part('control'),
    id: ids.control,
    'aria-describedby': describedBy,
    'aria-invalid': error ? true : undefined,
    'aria-disabled': pending ? true : undefined,
  };

  let control: ReactNode;
  if (kind === 'enum') {
    control = <EnumControl field={field} value={text} state={state} onChange={onChange} requiredMark={requiredMark} />;
  } else if (kind === 'boolean') {
    control = (
      <>
        <input
          {...common}
          type="checkbox"
          checked={value === true}
          onChange={(event) => onChange(event.currentTarget.checked)}
        />
        {labelElement}
      </>
    );
  } else if (kind === 'textarea') {
    control = (
      <>
        {labelElement}
        <textarea
          {...common}
          rows={3}
          required={required}
          readOnly={pending}
          value={text}
          onKeyDown={submitOnModEnter}
          onChange={(event) => onChange(event.currentTarget.value)}
        />
      </>
    );
  } else {
    // Numbers are typed as text, so what was typed stays visible with its error (type=number would drop it).
    const numeric = kind === 'number' ? { inputMode: 'decimal' as const } : {};
    control = (
      <>
        {labelElement}
        <input
          {...common}
          {...numeric}
          type="text"
          required={required}
          readOnly={pending}
          value={text}
          onChange={(event) => onChange(event.currentTarget.value)}
        />
      </>
    );
  }

  return (
    <div {...part('field')} data-type={kind} data-invalid={flag(error !== undefined)}>
      {control}
      {description === undefined ? null : (
        <p {...part('fieldDescription')} id={ids.description}>
          {description}
        </p>
      )}
      {error ? (
        <p {...part('error')} id={ids.error}>
          {t(`form.error.${error.kind}`, { field: label })}
        </p>
      ) : null}
    </div>
  );
}
