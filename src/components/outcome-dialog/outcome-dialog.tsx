import { type CSSProperties, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { outcomeKey } from '../../core';
import { useJobsConfig } from '../../react/context';
import { useOutcome } from '../../react/use-outcome';
import { useOutcomeQueue } from '../../react/use-outcome-queue';
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
import { Confetti, prefersReducedMotion } from './confetti';
import { OutcomeMessage } from './outcome-message';

export type OutcomeDialogPart =
  | 'overlay'
  | 'content'
  | 'title'
  | 'message'
  | 'alert'
  | 'actions'
  | 'default'
  | 'next'
  | 'confetti';
export type OutcomeDialogClassNames = PartClassNames<OutcomeDialogPart>;

interface OutcomeDialogOwnProps {
  /**
   * Show this job's outcome on demand (a jobs panel's "View outcome"); closing it acknowledges the outcome
   * if it was not yet. Passing the prop at all, even `undefined` (no job chosen yet), makes the dialog an
   * on-demand one; without it the dialog pops up the outcomes waiting for the user (`useOutcomeQueue`).
   */
  jobId?: string | undefined;
  /**
   * With `jobId`: whether the dialog is open (default `defaultOpen`, itself true). Without: `false` holds
   * popups back until it is true again.
   */
  open?: boolean;
  defaultOpen?: boolean;
  /** Told when the dialog opens or closes. */
  onOpenChange?(open: boolean): void;
  className?: string;
  style?: CSSProperties;
  classNames?: OutcomeDialogClassNames;
  unstyled?: boolean;
  /** Where the dialog is mounted; the document's body by default. */
  container?: PortalContainer;
}

/** Other attributes go to the `<dialog>` element (its root). */
export interface OutcomeDialogProps
  extends OutcomeDialogOwnProps,
    RootAttributes<HTMLDialogElement, OutcomeDialogOwnProps> {}

/** How long a `wait` outcome with `fade` takes to fade out (ms); instant under reduced motion. */
export const OUTCOME_FADE_MS = 300;

/**
 * A job's outcome: its heading, message (text, line breaks kept), the default button and the `next`
 * button. Mount it once inside the provider to pop up, one at a time, the outcomes of jobs the user
 * started; pass `jobId` to show one job's outcome on demand. A click outside never closes it; Escape and
 * the default button acknowledge the outcome, and the dialog stays open (showing why) until that
 * succeeds. Focus starts on the `next` button (else the default one) and returns where it was.
 */
export function OutcomeDialog(props: OutcomeDialogProps): ReactNode {
  const {
    jobId,
    open: _open,
    defaultOpen: _defaultOpen,
    onOpenChange: _onOpenChange,
    className: _className,
    style: _style,
    classNames: _classNames,
    unstyled: _unstyled,
    container: _container,
    ...rest
  } = props;
  const { classNames, unstyled, container } = useStyling('OutcomeDialog', props);
  const onDemand = 'jobId' in props;
  const { t, rootProps } = useJobsConfig('OutcomeDialog');
  const queue = useOutcomeQueue({ enabled: !onDemand });
  const [wanted, setWanted] = useControllableState(
    props.open,
    props.defaultOpen ?? true,
    onDemand ? props.onOpenChange : undefined,
    'OutcomeDialog open',
  );
  const shownId = onDemand ? jobId : queue.current?.id;
  const last = useRef(shownId);
  if (shownId !== undefined) last.current = shownId;
  const view = useOutcome(shownId ?? last.current);
  const job = view.job;
  const visible = wanted && job !== undefined && (onDemand ? jobId !== undefined : queue.current !== undefined);
  const key = job === undefined ? '' : outcomeKey(job);

  const [clicked, setClicked] = useState<'default' | 'next'>();
  const [fading, setFading] = useState(false);
  const fadeTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(fadeTimer.current), []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new outcome starts afresh
  useEffect(() => {
    setFading(false);
    setClicked(undefined);
  }, [key]);

  const notify = useRef(props.onOpenChange);
  notify.current = props.onOpenChange;
  const wasVisible = useRef(false);
  useEffect(() => {
    if (!onDemand && wasVisible.current !== visible) notify.current?.(visible);
    wasVisible.current = visible;
  }, [visible, onDemand]);

  const titleId = useId();
  const messageId = useId();
  const primary = useRef<HTMLButtonElement>(null);
  const shownKey = useRef('');
  useEffect(() => {
    // The queue moved on to the next outcome while open: start it at its primary button too.
    if (visible && shownKey.current !== '' && shownKey.current !== key) primary.current?.focus();
    shownKey.current = visible ? key : '';
  }, [visible, key]);

  const next = view.next;
  const fades = next?.type === 'wait' && next.fade === true;
  const busy = view.pending || fading;
  const finish = (ok: boolean) => {
    if (ok && onDemand) setWanted(false);
  };
  const close = () => {
    if (busy) return;
    setClicked('default');
    if (view.acknowledged) return finish(true);
    if (!fades || prefersReducedMotion()) {
      void view.acknowledge().then(finish);
      return;
    }
    setFading(true);
    fadeTimer.current = setTimeout(() => {
      void view.acknowledge().then((ok) => {
        if (!ok) setFading(false);
        finish(ok);
      });
    }, OUTCOME_FADE_MS);
  };
  const runNext = () => {
    if (busy) return;
    setClicked('next');
    void view.runNext().then(finish);
  };

  const u = flag(unstyled);
  const part = withState(
    partGetter<OutcomeDialogPart>('outcome-dialog', { content: 'outcome-dialog' }, classNames, unstyled),
    visible ? 'open' : 'closed',
  );
  const alerts = [onDemand ? undefined : queue.notice, view.blocked, view.error].filter(
    (text): text is string => text !== undefined,
  );
  const hasNext = view.nextLabel !== undefined;
  const confetti = visible && next?.type === 'wait' && next.confetti === true && job?.status === 'complete';

  return (
    <Modal
      {...rest}
      open={visible}
      container={container}
      anchorSlot="outcome-dialog"
      rootProps={rootProps}
      overlay={<div {...part('overlay')} data-fading={flag(fading)} />}
      {...part('content', props.className)}
      aria-labelledby={titleId}
      aria-describedby={view.message === undefined ? undefined : messageId}
      style={props.style}
      data-status={job?.status}
      data-next={next?.type}
      data-fade={flag(fades)}
      data-fading={flag(fading)}
      data-pending={flag(busy)}
      aria-busy={busy || undefined}
      initialFocus={() => {
        primary.current?.focus();
        return primary.current !== null;
      }}
      // Escape acknowledges (unless busy); a click outside never closes it.
      onDismiss={(reason) => {
        if (reason === 'escape') close();
      }}
    >
      {/* Inside the dialog, so the burst shows above it (the top layer is above everything else). */}
      {confetti ? <Confetti key={key} className={classNames.confetti} unstyled={u} /> : null}
      <h2 {...part('title')} id={titleId}>
        {view.heading}
      </h2>
      {view.message === undefined ? null : <OutcomeMessage {...part('message')} id={messageId} text={view.message} />}
      {alerts.map((text) => (
        <p key={text} role="alert" {...part('alert')}>
          {text}
        </p>
      ))}
      <div {...part('actions')}>
        {view.showDefaultButton ? (
          <button
            type="button"
            ref={hasNext ? undefined : primary}
            {...part('default')}
            aria-disabled={busy || undefined}
            onClick={close}
          >
            {busy && clicked === 'default' ? t('outcome.closing') : view.buttonText}
          </button>
        ) : null}
        {hasNext ? (
          <button
            type="button"
            ref={primary}
            {...part('next')}
            data-next={next?.type}
            aria-disabled={busy || undefined}
            onClick={runNext}
          >
            {busy && clicked === 'next' ? t('outcome.working') : view.nextLabel}
            {next?.type === 'url' && next.replace !== true ? (
              <span data-jk="" data-slot="visually-hidden">
                {' '}
                {t('outcome.newTab')}
              </span>
            ) : null}
          </button>
        ) : null}
      </div>
    </Modal>
  );
}
