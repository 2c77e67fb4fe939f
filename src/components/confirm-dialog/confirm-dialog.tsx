import * as AlertDialog from '@radix-ui/react-alert-dialog';
import type { CSSProperties, ReactNode } from 'react';
import { useJobsConfig } from '../../react/context';
import {
  flag,
  type PartClassNames,
  partGetter,
  type PortalContainer,
  type RootAttributes,
  useControllableState,
  useDialogAnchor,
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

/** Other attributes go to the dialog's content element (its root). */
export interface ConfirmDialogProps
  extends ConfirmDialogOwnProps,
    RootAttributes<HTMLDivElement, ConfirmDialogOwnProps> {}

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
  const { anchor, dir, onOpenAutoFocus, onCloseAutoFocus } = useDialogAnchor(open, 'confirm-dialog');
  const part = withState(
    partGetter<ConfirmDialogPart>('confirm-dialog', { content: 'confirm-dialog' }, classNames, unstyled),
    open ? 'open' : 'closed',
  );
  const onOpenChange = (next: boolean) => {
    if (!next && pending) return;
    setOpen(next);
  };

  return (
    <>
      {anchor}
      <AlertDialog.Root open={open} onOpenChange={onOpenChange}>
        <AlertDialog.Portal container={container}>
          <div {...rootProps} dir={dir}>
            <AlertDialog.Overlay {...part('overlay')} />
            <AlertDialog.Content
              {...rest}
              {...part('content', props.className)}
              data-pending={flag(pending)}
              data-danger={flag(danger)}
              aria-busy={pending || undefined}
              style={props.style}
              onEscapeKeyDown={(event) => {
                if (pending) event.preventDefault();
              }}
              // Radix focuses Cancel first, as an alert dialog should; only remember the opener here.
              onOpenAutoFocus={onOpenAutoFocus}
              onCloseAutoFocus={onCloseAutoFocus}
            >
              <AlertDialog.Title {...part('title')}>{title}</AlertDialog.Title>
              <AlertDialog.Description {...part('description')}>
                {description ?? t('confirm.defaultDescription', { label: title })}
              </AlertDialog.Description>
              {props.children}
              {error === undefined ? null : (
                <p role="alert" {...part('error')}>
                  {error}
                </p>
              )}
              <div {...part('actions')}>
                <AlertDialog.Cancel
                  {...part('cancel')}
                  aria-disabled={pending || undefined}
                  onClick={(event) => {
                    if (pending) event.preventDefault();
                  }}
                >
                  {props.cancelLabel ?? t('confirm.cancel')}
                </AlertDialog.Cancel>
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
            </AlertDialog.Content>
          </div>
        </AlertDialog.Portal>
      </AlertDialog.Root>
    </>
  );
}
