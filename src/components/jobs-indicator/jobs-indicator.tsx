import { type CSSProperties, type KeyboardEvent, type ReactNode, useCallback, useId, useRef } from 'react';
import { numberFormat } from '../../core';
import { useJobsConfig } from '../../react/context';
import { useActiveJobsCount } from '../../react/use-jobs-panel';
import {
  JobsPanel,
  type JobsPanelClassNames,
  type JobsPanelHandle,
  type JobsPanelProps,
} from '../jobs-panel/jobs-panel';
import { type KeyboardShortcut, useShortcut } from '../jobs-panel/shortcut';
import {
  chainHandlers,
  FloatingPortal,
  flag,
  type PartClassNames,
  partGetter,
  type PortalContainer,
  type RootAttributes,
  type OwnKeys,
  restOf,
  tabStops,
  useAnchored,
  useControllableState,
  useStyling,
} from '../shared';

/** The distance (px) between the button and the popover. */
const POPOVER_GAP = 6;

export type JobsIndicatorPart = 'root' | 'trigger' | 'label' | 'count' | 'popover';
/** A class for each part, and for the parts of the panel it opens (`panel`). */
export type JobsIndicatorClassNames = PartClassNames<JobsIndicatorPart> & { panel?: JobsPanelClassNames };

interface JobsIndicatorOwnProps {
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
  classNames?: JobsIndicatorClassNames;
  unstyled?: boolean;
  /** Where the popover (and the panel's outcome dialog) mount; the document's body by default. */
  container?: PortalContainer;
}

export interface JobsIndicatorProps
  extends JobsIndicatorOwnProps,
    RootAttributes<HTMLDivElement, JobsIndicatorOwnProps> {}

const ownKeys: OwnKeys<JobsIndicatorOwnProps> = {
  source: true,
  spaceId: true,
  open: true,
  defaultOpen: true,
  onOpenChange: true,
  shortcut: true,
  onOpenOutcome: true,
  panelProps: true,
  className: true,
  style: true,
  classNames: true,
  unstyled: true,
  container: true,
};

/**
 * Tab out of the portalled popover leaves from its trigger, as if the popover sat right after it: Shift+Tab
 * from its first stop lands on the trigger; Tab from its last stop moves on to what follows the trigger
 * (the browser's own move, from the trigger focused here).
 */
function tabOutOfPopover(event: KeyboardEvent<HTMLElement>, trigger: HTMLElement | null): void {
  if (event.key !== 'Tab' || trigger === null || event.defaultPrevented) return;
  const stops = tabStops(event.currentTarget);
  const focused = event.target as HTMLElement;
  const edge = event.shiftKey ? stops[0] : stops[stops.length - 1];
  if (edge !== undefined && edge !== focused && !edge.contains(focused)) return;
  if (event.shiftKey) event.preventDefault();
  trigger.focus();
}

/**
 * A small button with the number of active jobs that opens the jobs panel below it: a disclosure
 * (`aria-expanded`), non-modal, so the page stays usable while it is open. The popover is portalled (no
 * `overflow: hidden` ancestor clips it), flips above the button and slides along the edge to stay on
 * screen, and follows the button while open. Opening focuses the panel's
 * list; Escape inside it closes it and returns focus to the button. The count is part of the button's
 * name and is never announced as it changes.
 */
export function JobsIndicator(props: JobsIndicatorProps): ReactNode {
  const { source, spaceId } = props;
  const { classNames, unstyled, container } = useStyling('JobsIndicator', props);
  const rest = restOf(props, ownKeys);
  const { t, locale } = useJobsConfig('JobsIndicator');
  const [open, setOpen] = useControllableState(
    props.open,
    props.defaultOpen ?? false,
    props.onOpenChange,
    'JobsIndicator open',
  );
  const { count, more } = useActiveJobsCount({ source, spaceId });
  const trigger = useRef<HTMLButtonElement>(null);
  const anchored = useAnchored({ open, placement: 'bottom-end', gap: POPOVER_GAP });
  const { setReference } = anchored;
  const setTrigger = useCallback(
    (element: HTMLButtonElement | null) => {
      trigger.current = element;
      setReference(element);
    },
    [setReference],
  );
  const panel = useRef<JobsPanelHandle>(null);
  const popoverId = useId();
  const part = partGetter<JobsIndicatorPart>('jobs-indicator', { root: 'jobs-indicator' }, classNames, unstyled);

  useShortcut(props.shortcut, () => {
    if (open) panel.current?.focus();
    else setOpen(true);
  });

  // Counts go to messages as numbers (a translation may pick a plural form); "100+" goes as text.
  const shown = more ? t('panel.indicator.more', { count }) : numberFormat(locale).format(count);
  return (
    // Escape from anywhere in the open popover (portalled, but inside this element's React tree) closes it.
    <div
      {...rest}
      {...part('root', props.className)}
      style={props.style}
      data-state={open ? 'open' : 'closed'}
      data-active={flag(count > 0)}
      {...chainHandlers(rest, {
        onKeyDown: (event: KeyboardEvent<HTMLDivElement>) => {
          if (event.key !== 'Escape' || !open || event.defaultPrevented) return;
          event.preventDefault();
          setOpen(false);
          trigger.current?.focus();
        },
      })}
    >
      <button
        ref={setTrigger}
        type="button"
        {...part('trigger')}
        data-state={open ? 'open' : 'closed'}
        aria-expanded={open}
        aria-controls={open ? popoverId : undefined}
        onClick={() => setOpen((wasOpen) => !wasOpen)}
      >
        <span {...part('label')}>{t('panel.indicator')}</span>
        {count > 0 ? (
          <>
            {' '}
            <span {...part('count')} aria-hidden="true">
              {shown}
            </span>
            <span data-jk="" data-slot="visually-hidden">
              {t('panel.indicator.active', { count: more ? shown : count })}
            </span>
          </>
        ) : null}
      </button>
      {open ? (
        <FloatingPortal container={container} dir={anchored.dir}>
          {/* biome-ignore lint/a11y/noStaticElementInteractions: Tab out of the portalled popover goes on from its trigger; the keys come from its controls */}
          <div
            ref={anchored.setFloating}
            id={popoverId}
            {...part('popover')}
            data-side={anchored.side}
            data-state="open"
            style={anchored.style}
            onKeyDown={(event) => tabOutOfPopover(event, trigger.current)}
          >
            <JobsPanel
              ref={panel}
              {...props.panelProps}
              {...(unstyled === undefined ? {} : { unstyled })}
              {...(container === undefined ? {} : { container })}
              {...(classNames.panel === undefined ? {} : { classNames: classNames.panel })}
              {...(source === undefined ? {} : { source })}
              {...(spaceId === undefined ? {} : { spaceId })}
              {...(props.onOpenOutcome === undefined ? {} : { onOpenOutcome: props.onOpenOutcome })}
              autoFocus
            />
          </div>
        </FloatingPortal>
      ) : null}
    </div>
  );
}
