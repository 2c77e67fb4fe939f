import { type CSSProperties, type ReactNode, useEffect, useId, useRef } from 'react';
import { checkInputForm, devWarn, type InputForm } from '../../core';
import { useJobsConfig } from '../../react/context';
import {
  flag,
  Modal,
  type PartClassNames,
  type PortalContainer,
  type RootAttributes,
  useControllableState,
  useStyling,
  withState,
} from '../shared';
import { InputFormField } from './input-form-field';
import { type InputFormDialogPart, partProps } from './parts';
import { useInputForm } from './use-input-form';

export type InputFormDialogClassNames = PartClassNames<InputFormDialogPart>;

interface InputFormDialogOwnProps {
  open?: boolean;
  defaultOpen?: boolean;
  onOpenChange?(open: boolean): void;
  /** The action's label, already translated by the caller. */
  title: string;
  /** Shown above the fields, e.g. the action's confirm description. */
  description?: string;
  form: InputForm;
  /** The submit button's text; the catalogue's `form.submit` by default. */
  submitLabel?: string;
  /** The job is being created: fields and buttons are locked and the dialog cannot be dismissed. */
  pending?: boolean;
  /** Why the last submit failed; shown in the dialog, values kept, submitting again retries. */
  error?: string;
  /** More to read before answering (the action's guide and guardrail), shown above the fields. */
  children?: ReactNode;
  /** Called once per valid submit with `job.input`, keyed by field key and typed per field. */
  onSubmit(input: Record<string, unknown>): void;
  className?: string;
  style?: CSSProperties;
  classNames?: InputFormDialogClassNames;
  unstyled?: boolean;
  /** Where the dialog is mounted; the document's body by default. */
  container?: PortalContainer;
}

/** Other attributes go to the `<dialog>` element (its root). */
export interface InputFormDialogProps
  extends InputFormDialogOwnProps,
    RootAttributes<HTMLDialogElement, InputFormDialogOwnProps> {}

/**
 * Warns once per distinct form about what is wrong with it (unknown types, missing options, ...), in
 * development only: production builds drop the check and its text. A short fingerprint of the form
 * tells a new but equal object (a host passing one each render) from a changed form.
 */
function useInputFormWarnings(form: InputForm, title: string): void {
  const warned = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (process.env.NODE_ENV !== 'production') {
      let signature: string;
      try {
        signature = JSON.stringify(form) ?? 'undefined';
      } catch {
        signature = 'unserializable';
      }
      if (warned.current === signature) return;
      warned.current = signature;
      const problems = checkInputForm(form);
      if (problems.length > 0) devWarn(`InputFormDialog "${title}": ${problems.join('; ')}`);
    }
  }, [form, title]);
}

/**
 * The dialog an action with an `inputForm` opens before its job starts: one control per field,
 * validated on submit, and `onSubmit(job.input)` with values typed per field. While `pending` it
 * stays open and locked; a failed submit (`error`) keeps what was typed.
 */
export function InputFormDialog(props: InputFormDialogProps): ReactNode {
  const {
    open: _open,
    defaultOpen: _defaultOpen,
    onOpenChange: _onOpenChange,
    title,
    description,
    form,
    submitLabel,
    pending = false,
    error,
    children: _children,
    onSubmit,
    className,
    style,
    classNames: _classNames,
    unstyled: _unstyled,
    container: _container,
    ...rest
  } = props;
  const { classNames, unstyled, container } = useStyling('InputFormDialog', props);
  const { t, rootProps } = useJobsConfig('InputFormDialog');
  const [open, setOpen] = useControllableState(
    props.open,
    props.defaultOpen ?? false,
    props.onOpenChange,
    'InputFormDialog open',
  );
  const { fields, values, errors, setValue, handleSubmit, fieldIds, focusField, formRef } = useInputForm({
    form,
    open,
    pending,
    error,
    onSubmit,
  });
  useInputFormWarnings(form, title);
  const part = withState(partProps(classNames, unstyled), open ? 'open' : 'closed');
  const invalid = Object.keys(errors).length > 0;

  const titleId = useId();
  const descriptionId = useId();
  const requestOpen = (next: boolean) => {
    if (!next && pending) return;
    setOpen(next);
  };

  return (
    <Modal
      {...rest}
      open={open}
      container={container}
      anchorSlot="input-form-dialog"
      rootProps={rootProps}
      overlay={<div {...part('overlay')} />}
      {...part('content', className)}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      style={style}
      data-pending={flag(pending)}
      data-invalid={flag(invalid)}
      // Focus starts in the first field (the first stop when the form has none).
      initialFocus={() => focusField(0)}
      // Escape and a click outside cancel, except while the job is being created.
      onDismiss={() => requestOpen(false)}
    >
      <h2 {...part('title')} id={titleId}>
        {title}
      </h2>
      {description ? (
        <p {...part('description')} id={descriptionId}>
          {description}
        </p>
      ) : null}
      {props.children}
      <form {...part('form')} ref={formRef} noValidate onSubmit={handleSubmit}>
        {fields.map((field, index) => (
          <InputFormField
            key={field.key}
            field={field}
            value={values[field.key]}
            error={errors[field.key]}
            ids={fieldIds(index)}
            pending={pending}
            onChange={(value) => setValue(field.key, value)}
            part={part}
          />
        ))}
        {error ? (
          <div {...part('alert')} role="alert">
            {error}
          </div>
        ) : null}
        <div {...part('actions')}>
          <button
            {...part('cancel')}
            type="button"
            aria-disabled={pending ? true : undefined}
            onClick={() => requestOpen(false)}
          >
            {t('form.cancel')}
          </button>
          <button
            {...part('submit')}
            type="submit"
            aria-disabled={pending ? true : undefined}
            data-pending={flag(pending)}
          >
            {pending ? t('form.pending') : (submitLabel ?? t('form.submit'))}
          </button>
        </div>
      </form>
    </Modal>
  );
}
