import { type CSSProperties, type ReactNode, useId, useRef } from 'react';
import { useJobsConfig } from '../../react/context';
import {
  flag,
  Modal,
  type PartClassNames,
  partGetter,
  type PortalContainer,
  type RootAttributes,
  useControllableState,
  useStyling,
  withState,
} from '../shared';

export type ConfirmDialogPart =
  | 'overlay'
  | 'content'
  | 'title'
  | 'description'
  | 'error'
  | 'actions'
  | 'cancel'
  | 'confirm';
export type ConfirmDialogClassNames = PartClassNames<ConfirmDialogPart>;

interface ConfirmDialogOwnProps {
  open?: boolean;
  defaultOpen?: boolean;
  onOpenChange?(open: boolean): void;
  /** The question's subject, usually the action's label. */
  title: string;
  /** The question itself (the action's `description`, or its valid / invalid records message). */
  description?: string;
  /** Default: the catalogue's "Continue". */
  confirmLabel?: string;
  cancelLabel?: string;
  /** The job is being created: the dialog stays open and cannot be dismissed. */
  pending?: boolean;
  /** Why the last attempt failed; the confirm button then tries again. */
  error?: string;
  /** Called on confirm. The dialog stays open: close it (`open`) once the job exists. */
  onConfirm(): void;
  /** More to read before answering (the action's guide and guardrail), shown under the question. */
  children?: ReactNode;
  /** A destructive action: the confirm button is styled as such. */
  danger?: boolean;
  className?: string;
  style?: CSSProperties;
  classNames?: ConfirmDialogClassNames;
  unstyled?: boolean;
  /** Where the dialog is mounted; the document's body by default. */
  container?: PortalContainer;
}

/** Other attributes go to the `<dialog>` element (its root). */
export interface ConfirmDialogProps
  extends ConfirmDialogOwnProps,
    RootAttributes<HTMLDialogElement, ConfirmDialogOwnProps> {}

/**
 * The question before an action runs: an alert dialog that starts with focus on Cancel, is never confirmed
 * by a click outside, stays open (and cannot be dismissed) while the job is being created, and shows a
 * failure in place with a way to try again.
 */
export function ConfirmDialog(props: ConfirmDialogProps): ReactNode {
  const {
    open: _open,
    defaultOpen: _defaultOpen,
    onOpenChange: _onOpenChange,
    title,
    description,
    confirmLabel: _confirmLabel,
    cancelLabel: _cancelLabel,
    pending = false,
    error,
    onConfirm,
    children: _children,
    danger,
    className: _className,
    style: _style,
    classNames: _classNames,
    unstyled: _unstyled,
    container: _container,
    ...rest
  } = props;
  const { classNames, unstyled, container } = useStyling('ConfirmDialog', props);
  const { t, rootProps } = useJobsConfig('ConfirmDialog');
  const [open, setOpen] = useControllableState(
    props.open,
    props.defaultOpen ?? false,
    props.onOpenChange,
    'ConfirmDialog open',
  );
  const part = withState(
    partGetter<ConfirmDialogPart>('confirm-dialog', { content: 'confirm-dialog' }, classNames, unstyled),
    open ? 'open' : 'closed',
  );
  const titleId = useId();
  const descriptionId = useId();
  const cancel = useRef<HTMLButtonElement>(null);
  const requestOpen = (next: boolean) => {
    if (!next && pending) return;
    setOpen(next);
  };

  return (
    <Modal
      {...rest}
      open={open}
      container={container}
      anchorSlot="confirm-dialog"
      rootProps={rootProps}
      overlay={<div {...part('overlay')} />}
      {...part('content', props.className)}
      role="alertdialog"
      aria-labelledby={titleId}
      aria-describedby={descriptionId}
      data-pending={flag(pending)}
      data-danger={flag(danger)}
      aria-busy={pending || undefined}
      style={props.style}
      // An alert dialog starts on Cancel; it is never confirmed by a click outside.
      initialFocus={() => {
        cancel.current?.focus();
        return cancel.current !== null;
      }}
      onDismiss={(reason) => {
        if (reason === 'escape') requestOpen(false);
      }}
    >
      <h2 {...part('title')} id={titleId}>
        {title}
      </h2>
      <p {...part('description')} id={descriptionId}>
        {description ?? t('confirm.defaultDescription', { label: title })}
      </p>
      {props.children}
      {error === undefined ? null : (
        <p role="alert" {...part('error')}>
          {error}
        </p>
      )}
      <div {...part('actions')}>
        <button
          type="button"
          ref={cancel}
          {...part('cancel')}
          aria-disabled={pending || undefined}
          onClick={() => requestOpen(false)}
        >
          {props.cancelLabel ?? t('confirm.cancel')}
        </button>
        <button
          type="button"
          {...part('confirm')}
          aria-disabled={pending || undefined}
          onClick={() => {
            if (!pending) onConfirm();
          }}
        >
          {pending
            ? t('confirm.pending')
            : error !== undefined
              ? t('action.retry')
              : (props.confirmLabel ?? t('confirm.confirm'))}
        </button>
      </div>
    </Modal>
  );
}
