import { type CSSProperties, type ReactNode, useId, useRef } from 'react';
import { numberFormat } from '../../core';
import { useJobsConfig } from '../../react/context';
import { useActiveJobsCount } from '../../react/use-jobs-panel';
import { JobsPanel, type JobsPanelHandle, type JobsPanelProps } from '../jobs-panel/jobs-panel';
import { type KeyboardShortcut, useShortcut } from '../jobs-panel/shortcut';
import { flag, partGetter, useControllableState } from '../shared';

export type JobsIndicatorPart = 'root' | 'trigger' | 'label' | 'count' | 'popover';

export interface JobsIndicatorProps {
  /** Count and list the jobs of this file, workbook, sheet or app. */
  source?: string;
  /** Count and list the jobs of this space. */
  spaceId?: string;
  /** Whether the panel is open, controlled; `defaultOpen` (closed) leaves it to the indicator. */
  open?: boolean;
  defaultOpen?: boolean;
  onOpenChange?(open: boolean): void;
  /** Opens the panel from anywhere in the page, or focuses it when open, e.g. `mod+j` (see `KeyboardShortcut`). */
  shortcut?: KeyboardShortcut;
  /** Passed to the panel: shows "View outcome" on jobs with an outcome. */
  onOpenOutcome?(jobId: string): void;
  /** Everything else the panel takes. */
  panelProps?: Omit<JobsPanelProps, 'source' | 'spaceId' | 'shortcut' | 'autoFocus' | 'onOpenOutcome'>;
  className?: string;
  style?: CSSProperties;
  classNames?: Partial<Record<JobsIndicatorPart, string>>;
  unstyled?: boolean;
}

/**
 * A small button with the number of active jobs that opens the jobs panel below it: a disclosure
 * (`aria-expanded`), non-modal, so the page stays usable while it is open. Opening focuses the panel's
 * list; Escape inside it closes it and returns focus to the button. The count is part of the button's
 * name and is never announced as it changes.
 */
export function JobsIndicator(props: JobsIndicatorProps): ReactNode {
  const { source, spaceId, classNames = {}, unstyled } = props;
  const { t, locale } = useJobsConfig('JobsIndicator');
  const [open, setOpen] = useControllableState(props.open, props.defaultOpen ?? false, props.onOpenChange);
  const { count, more } = useActiveJobsCount({ source, spaceId });
  const trigger = useRef<HTMLButtonElement>(null);
  const panel = useRef<JobsPanelHandle>(null);
  const popoverId = useId();
  const part = partGetter<JobsIndicatorPart>('jobs-indicator', { root: 'jobs-indicator' }, classNames, unstyled);

  useShortcut(props.shortcut, () => {
    if (open) panel.current?.focus();
    else setOpen(true);
  });

  const shown = more ? t('panel.indicator.more', { count: numberFormat(locale).format(count) }) : numberFormat(locale).format(count);
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Escape from anywhere in the open popover closes it; the keys come from its controls
    <div
      {...part('root', props.className)}
      style={props.style}
      data-state={open ? 'open' : 'closed'}
      data-active={flag(count > 0)}
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || !open || event.defaultPrevented) return;
        event.preventDefault();
        setOpen(false);
        trigger.current?.focus();
      }}
    >
      <button
        ref={trigger}
        type="button"
        {...part('trigger')}
        aria-expanded={open}
        aria-controls={open ? popoverId : undefined}
        onClick={() => setOpen(!open)}
      >
        <span {...part('label')}>{t('panel.indicator')}</span>
        {count > 0 ? (
          <>
            {' '}
            <span {...part('count')} aria-hidden="true">
              {shown}
            </span>
            <span data-slot="visually-hidden">{t('panel.indicator.active', { count: shown })}</span>
          </>
        ) : null}
      </button>
      {open ? (
        <div id={popoverId} {...part('popover')}>
          <JobsPanel
            ref={panel}
            {...props.panelProps}
            {...(source === undefined ? {} : { source })}
            {...(spaceId === undefined ? {} : { spaceId })}
            {...(props.onOpenOutcome === undefined ? {} : { onOpenOutcome: props.onOpenOutcome })}
            autoFocus
          />
        </div>
      ) : null}
    </div>
  );
}
