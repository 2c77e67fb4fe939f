import { type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import {
  type Action,
  type ActionContextState,
  actionConfirms,
  checkAction,
  checkInputForm,
  devWarn,
  type Job,
} from '../../core';
import { useJobsConfig } from '../../react/context';
import { type RunActionTarget, useRunAction } from '../../react/use-run-action';
import { ConfirmDialog, type ConfirmDialogClassNames } from '../confirm-dialog';
import { InputFormDialog, type InputFormDialogClassNames } from '../input-form-dialog';
import { flag, type PartClassNames, type PortalContainer } from '../shared';

/** The parts the flow renders itself: the inline error (without a dialog open) and the action's notes. */
export type ActionFlowPart = 'error' | 'errorMessage' | 'errorRetry' | 'errorDismiss' | 'guide' | 'guardrail';

/** Classes for the flow's own parts and for the dialogs it opens. */
export type ActionFlowClassNames = PartClassNames<ActionFlowPart> & {
  confirmDialog?: ConfirmDialogClassNames;
  inputFormDialog?: InputFormDialogClassNames;
};

export interface ActionFlowOptions {
  /** The action to run; undefined runs nothing (an overflow menu before anything is chosen). */
  action: Action | undefined;
  target: RunActionTarget;
  /** What the constraints read; here for the valid / invalid confirmation text. */
  state?: ActionContextState;
  onJobCreated?(job: Job): void;
  classNames?: ActionFlowClassNames;
  /** Leaves the dialogs and the inline error to the host's CSS. */
  unstyled?: boolean;
  /** Where the dialogs mount. */
  container?: PortalContainer;
}

export interface ActionFlow {
  /** Starts the flow: the input form, the question, or the job right away. */
  begin(): void;
  /** The dialogs and the inline error; render them next to whatever calls `begin`. */
  element: ReactNode;
  pending: boolean;
}

const warned = new WeakSet<object>();
const nothing: Action = { label: '' };

/** The question the confirm dialog (or the form, when there is one) asks. */
export function confirmText(action: Action, state: ActionContextState = {}): string | undefined {
  if (action.invalidConditionalMessaging) {
    const text = state.allValid === false ? action.invalidRecordsMessage : action.validRecordsMessage;
    if (typeof text === 'string' && text !== '') return text;
  }
  return typeof action.description === 'string' && action.description !== '' ? action.description : undefined;
}

/**
 * What happens when an action is used: with an `inputForm`, one dialog collects the answers (and, when the
 * action confirms, asks its question above them: one dialog, not two); otherwise the confirm dialog asks
 * first unless `confirm: false`; then the job is created once. A failure stays in the dialog (or, without
 * one, next to the trigger) with a way to try again; nothing the user typed is lost.
 */
export function useActionFlow({
  action: given,
  target,
  state,
  onJobCreated,
  classNames = {},
  unstyled,
  container,
}: ActionFlowOptions): ActionFlow {
  const u = flag(unstyled);
  const composed = {
    ...(unstyled === undefined ? {} : { unstyled }),
    ...(container === undefined ? {} : { container }),
  };
  const action = given ?? nothing;
  const { t, translate } = useJobsConfig('useActionFlow');
  const runner = useRunAction(action, target);
  const [dialog, setDialog] = useState<'confirm' | 'form' | undefined>(undefined);
  const [failed, setFailed] = useState<{ message: string; input: Record<string, unknown> | undefined }>();
  const latest = useRef({ onJobCreated });
  latest.current = { onJobCreated };
  const { run } = runner;

  // Development only: production builds drop the checks and their text.
  useEffect(() => {
    if (process.env.NODE_ENV !== 'production' && action !== nothing && !warned.has(action)) {
      warned.add(action);
      const problems = [...checkAction(action), ...(action.inputForm ? checkInputForm(action.inputForm) : [])];
      if (problems.length > 0) devWarn(`action config problems:\n- ${problems.join('\n- ')}`);
    }
  }, [action]);

  const start = useCallback(
    async (input: Record<string, unknown> | undefined) => {
      setFailed(undefined);
      try {
        const job = await run(input);
        setDialog(undefined);
        latest.current.onJobCreated?.(job);
      } catch (error) {
        setFailed({ message: error instanceof Error ? error.message : String(error), input });
      }
    },
    [run],
  );

  const hasForm = Array.isArray(action.inputForm?.fields);
  const begin = useCallback(() => {
    if (action === nothing) return;
    setFailed(undefined);
    if (hasForm) setDialog('form');
    else if (actionConfirms(action)) setDialog('confirm');
    else void start(undefined);
  }, [action, hasForm, start]);

  const label = typeof action.label === 'string' && action.label !== '' ? translate(action.label) : t('job.untitled');
  const question = confirmText(action, state);
  const errorText = failed === undefined ? undefined : t('action.startFailed', { label, error: failed.message });
  const guide = typeof action.guide?.content === 'string' ? translate(action.guide.content) : undefined;
  const guardrail = typeof action.guardrail?.content === 'string' ? translate(action.guardrail.content) : undefined;
  // Guide and guardrail are markdown in Flatfile; the kit shows their text as written, never as HTML.
  const notes =
    guide === undefined && guardrail === undefined ? undefined : (
      <>
        {guide === undefined ? null : (
          <p data-jk="" data-slot="action-guide" data-unstyled={u} className={classNames.guide}>
            {guide}
          </p>
        )}
        {guardrail === undefined ? null : (
          <aside
            data-jk=""
            data-slot="action-guardrail"
            data-unstyled={u}
            className={classNames.guardrail}
            aria-label={t('action.guardrail')}
          >
            {guardrail}
          </aside>
        )}
      </>
    );
  const close = (open: boolean) => {
    if (!open && !runner.isPending) {
      setDialog(undefined);
      setFailed(undefined);
    }
  };

  const element =
    action === nothing ? null : (
      <>
        {/* Both stay mounted and open by prop, so closing runs the dialog's focus return. */}
        {hasForm ? null : (
          <ConfirmDialog
            open={dialog === 'confirm'}
            onOpenChange={close}
            title={label}
            description={question === undefined ? undefined : translate(question)}
            confirmLabel={label}
            pending={runner.isPending}
            error={errorText}
            onConfirm={() => void start(undefined)}
            {...composed}
            {...(classNames.confirmDialog === undefined ? {} : { classNames: classNames.confirmDialog })}
          >
            {notes}
          </ConfirmDialog>
        )}
        {hasForm && action.inputForm ? (
          <InputFormDialog
            open={dialog === 'form'}
            onOpenChange={close}
            title={label}
            description={actionConfirms(action) && question !== undefined ? translate(question) : undefined}
            form={action.inputForm}
            submitLabel={label}
            pending={runner.isPending}
            error={errorText}
            onSubmit={(input) => void start(input)}
            {...composed}
            {...(classNames.inputFormDialog === undefined ? {} : { classNames: classNames.inputFormDialog })}
          >
            {notes}
          </InputFormDialog>
        ) : null}
        {dialog === undefined && failed !== undefined ? (
          <span role="alert" data-jk="" data-slot="action-error" data-unstyled={u} className={classNames.error}>
            <span data-jk="" data-slot="action-error-message" data-unstyled={u} className={classNames.errorMessage}>
              {errorText}
            </span>
            <button
              type="button"
              data-jk=""
              data-slot="action-error-retry"
              data-unstyled={u}
              className={classNames.errorRetry}
              onClick={() => void start(failed.input)}
            >
              {t('action.retry')}
            </button>
            <button
              type="button"
              data-jk=""
              data-slot="action-error-dismiss"
              data-unstyled={u}
              className={classNames.errorDismiss}
              onClick={() => setFailed(undefined)}
            >
              {t('action.dismiss')}
            </button>
          </span>
        ) : null}
      </>
    );

  return { begin, element, pending: runner.isPending };
}
