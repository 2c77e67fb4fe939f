import { type FormEvent, type RefObject, useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import {
  type FormFieldError,
  formFields,
  formInput,
  type InputField,
  type InputForm,
  type InputFormValues,
  initialFormValues,
  validateForm,
} from '../../core';

export interface UseInputFormOptions {
  form: InputForm;
  /** Whether the form is shown: values go back to the defaults each time it opens. */
  open: boolean;
  /** The job is being created: edits and submits are ignored. */
  pending?: boolean;
  /** The last submit failed; a new error (or a change of `pending`) allows the next submit. */
  error?: string;
  /** Called once per valid submit with `job.input`. */
  onSubmit(input: Record<string, unknown>): void;
}

export interface InputFieldIds {
  /** The control; for a radio group, its first radio. */
  control: string;
  description: string;
  error: string;
}

export interface UseInputFormResult {
  /** The fields that can be shown (with a key, first of each key). */
  fields: InputField[];
  values: InputFormValues;
  errors: Record<string, FormFieldError>;
  /** Sets a field's raw value and clears its error; ignored while pending. */
  setValue(key: string, value: string | boolean): void;
  /** For the form's `onSubmit`: validates, focuses the first invalid field, or sends the input once. */
  handleSubmit(event?: FormEvent): void;
  /** Ids for the `index`th field's control, description and error. */
  fieldIds(index: number): InputFieldIds;
  /** Focuses the `index`th field (a radio group's checked radio); false when there is none. */
  focusField(index: number): boolean;
  formRef: RefObject<HTMLFormElement | null>;
}

/**
 * The state of an input form, without any markup: raw values, validation errors, focus on the first
 * invalid field, and a guard so a double Enter or double click sends the input once.
 */
export function useInputForm({
  form,
  open,
  pending = false,
  error,
  onSubmit,
}: UseInputFormOptions): UseInputFormResult {
  const base = useId();
  const formRef = useRef<HTMLFormElement | null>(null);
  const fields = useMemo(() => formFields(form), [form]);
  const [values, setValues] = useState(() => initialFormValues(form, { warn: false }));
  const [errors, setErrors] = useState<Record<string, FormFieldError>>({});
  const [focusRequest, setFocusRequest] = useState<{ index: number } | null>(null);
  const sent = useRef(false);

  // Opening again starts from the defaults; values survive while open (a failed submit loses nothing).
  const [wasOpen, setWasOpen] = useState(open);
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) {
      setValues(initialFormValues(form, { warn: false }));
      setErrors({});
    }
  }

  // The parent answered the last submit (pending or error changed) or the dialog reopened: allow another.
  // biome-ignore lint/correctness/useExhaustiveDependencies: pending, error and open are what it runs on, not what it reads
  useEffect(() => {
    sent.current = false;
  }, [pending, error, open]);

  const fieldIds = useCallback(
    (index: number): InputFieldIds => ({
      control: `${base}-${index}`,
      description: `${base}-${index}-description`,
      error: `${base}-${index}-error`,
    }),
    [base],
  );

  const focusField = useCallback(
    (index: number): boolean => {
      const element = formRef.current?.ownerDocument.getElementById(fieldIds(index).control);
      if (!element) return false;
      const checked =
        element.getAttribute('type') === 'radio'
          ? element.closest('fieldset')?.querySelector<HTMLElement>('input:checked')
          : null;
      (checked ?? element).focus();
      return true;
    },
    [fieldIds],
  );

  // Focus moves once the errors are rendered, so the field is announced with its error.
  useEffect(() => {
    if (focusRequest !== null) focusField(focusRequest.index);
  }, [focusRequest, focusField]);

  const setValue = useCallback(
    (key: string, value: string | boolean) => {
      if (pending) return;
      sent.current = false;
      setValues((before) => ({ ...before, [key]: value }));
      setErrors((before) => {
        if (!(key in before)) return before;
        const { [key]: _cleared, ...rest } = before;
        return rest;
      });
    },
    [pending],
  );

  const handleSubmit = (event?: FormEvent) => {
    event?.preventDefault();
    if (pending || sent.current) return;
    const found = validateForm(form, values);
    setErrors(found);
    const firstInvalid = fields.findIndex((field) => field.key in found);
    if (firstInvalid !== -1) {
      setFocusRequest({ index: firstInvalid });
      return;
    }
    sent.current = true;
    onSubmit(formInput(form, values));
  };

  return { fields, values, errors, setValue, handleSubmit, fieldIds, focusField, formRef };
}
