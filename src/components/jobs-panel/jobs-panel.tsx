import {
  type ComponentType,
  type CSSProperties,
  forwardRef,
  useCallback,
  type ReactNode,
  useEffect,
  useId,
  useImperativeHandle,
  useMemo,
  useRef,
  useState,
} from 'react';
import { useJobsConfig } from '../../react/context';
import { useDebounced, useMinuteClock } from './timing';
import { type JobsStatusGroup, useJobsPanel } from '../../react/use-jobs-panel';
import { OutcomeDialog, type OutcomeDialogClassNames } from '../outcome-dialog';
import { clsx } from 'clsx';
import {
  type PartClassNames,
  type PortalContainer,
  type RootAttributes,
  type OwnKeys,
  restOf,
  useControllableState,
  useStyling,
} from '../shared';
import { JobsPanelHeader } from './jobs-panel-header';
import { JobsPanelList, type JobsPanelListHandle } from './jobs-panel-list';
import { JobsPanelRow, type JobsPanelRowProps } from './jobs-panel-row';
import { type JobsPanelPart, partGetter } from './parts';
import { type KeyboardShortcut, useShortcut } from './shortcut';

/** A class for each part, and for the parts of the outcome dialog that "View outcome" opens. */
export type JobsPanelClassNames = PartClassNames<JobsPanelPart> & { outcomeDialog?: OutcomeDialogClassNames };

interface JobsPanelOwnProps {
  /** Jobs acting on this file, workbook, sheet or app. */
  source?: string;
  /** Jobs of this space. */
  spaceId?: string;
  /** The status filter, controlled; `defaultStatus` (`all`) leaves it to the panel. */
  status?: JobsStatusGroup;
  defaultStatus?: JobsStatusGroup;
  onStatusChange?(status: JobsStatusGroup): void;
  /** The operation filter, controlled (`null`: every operation); `defaultOperation` leaves it to the panel. */
  operation?: string | null;
  defaultOperation?: string | null;
  onOperationChange?(operation: string | null): void;
  /**
   * The search text, controlled: jobs whose name, operation or info holds every word. `defaultSearch`
   * leaves it to the panel. The list follows the text `searchDelayMs` after the last keystroke.
   */
  search?: string;
  defaultSearch?: string;
  onSearchChange?(search: string): void;
  /** Pause after typing before the list is filtered, ms. Default 200. */
  searchDelayMs?: number;
  /** Jobs read per page; the next page is read as the user scrolls near the end. Default 100. */
  pageSize?: number;
  /** Every row's height in px (rows are virtualized at a fixed height). Default 76. */
  rowHeight?: number;
  /** Rows rendered beyond each edge of the viewport. Default 2. */
  overscan?: number;
  /** The list's height (CSS length or px). The stylesheet gives it 420 px; without it, set one. */
  height?: number | string;
  /** The heading; `panel.title` ("Jobs") by default. */
  title?: string;
  /** Focuses the list from anywhere in the page, e.g. `mod+j` (see `KeyboardShortcut`). */
  shortcut?: KeyboardShortcut;
  /** Focuses the list (or the panel, until it has rows) when it mounts. */
  autoFocus?: boolean;
  /** Shows "View outcome" on jobs with an outcome; called with the job's id. */
  onOpenOutcome?(jobId: string): void;
  /** The content of each row; `JobsPanelRow` by default. It receives the job as its row selects it. */
  rowComponent?: ComponentType<JobsPanelRowProps>;
  className?: string;
  style?: CSSProperties;
  classNames?: JobsPanelClassNames;
  unstyled?: boolean;
  /** Where the outcome dialog (without `onOpenOutcome`) is mounted; the document's body by default. */
  container?: PortalContainer;
}

const ownKeys: OwnKeys<JobsPanelOwnProps> = {
  source: true,
  spaceId: true,
  status: true,
  defaultStatus: true,
  onStatusChange: true,
  operation: true,
  defaultOperation: true,
  onOperationChange: true,
  search: true,
  defaultSearch: true,
  onSearchChange: true,
  searchDelayMs: true,
  pageSize: true,
  rowHeight: true,
  overscan: true,
  height: true,
  title: true,
  shortcut: true,
  autoFocus: true,
  onOpenOutcome: true,
  rowComponent: true,
  className: true,
  style: true,
  classNames: true,
  unstyled: true,
  container: true,
};

export interface JobsPanelProps extends JobsPanelOwnProps, RootAttributes<HTMLElement, JobsPanelOwnProps> {}

export interface JobsPanelHandle {
  /** Focuses the row holding the list's tab stop, or the panel when the list has no rows. */
  focus(): void;
}

/**
 * The jobs of a source or space, newest first: filters by status group and operation, parts under their
 * job, endless paging, and a virtualized list where one job's update re-renders its row only.
 */
export const JobsPanel = forwardRef<JobsPanelHandle, JobsPanelProps>(function JobsPanel(props, ref) {
  const { source, spaceId, pageSize, rowHeight = 76, overscan = 2 } = props;
  const { classNames, unstyled, container } = useStyling('JobsPanel', props);
  const rest = restOf(props, ownKeys);
  const { t } = useJobsConfig('JobsPanel');
  const [status, setStatus] = useControllableState(
    props.status,
    props.defaultStatus ?? 'all',
    props.onStatusChange,
    'JobsPanel status',
  );
  const [operation, setOperation] = useControllableState<string | null>(
    props.operation,
    props.defaultOperation ?? null,
    props.onOperationChange,
    'JobsPanel operation',
  );
  const [search, setSearch] = useControllableState(
    props.search,
    props.defaultSearch ?? '',
    props.onSearchChange,
    'JobsPanel search',
  );
  const query = useDebounced(search, props.searchDelayMs ?? 200);
  const panel = useJobsPanel({ source, spaceId, status, operation: operation ?? undefined, search: query, pageSize });
  const titleId = useId();
  const now = useMinuteClock();

  // Stable across host renders, so rows re-render for their job only.
  const classKey = JSON.stringify(classNames ?? {});
  // biome-ignore lint/correctness/useExhaustiveDependencies: class names are compared by content
  const part = useMemo(() => partGetter(classNames ?? {}, unstyled), [classKey, unstyled]);
  const handlers = useRef(props);
  handlers.current = props;
  // "View outcome" goes to the host's handler, or opens the kit's outcome dialog for that job.
  const [viewing, setViewing] = useState<string | undefined>(undefined);
  const onOpenOutcome = useCallback((jobId: string) => {
    if (handlers.current.onOpenOutcome) handlers.current.onOpenOutcome(jobId);
    else setViewing(jobId);
  }, []);

  const root = useRef<HTMLElement>(null);
  const list = useRef<JobsPanelListHandle>(null);
  const focus = () => {
    if (list.current?.focus() !== true) root.current?.focus();
  };
  useImperativeHandle(ref, () => ({ focus }));
  useShortcut(props.shortcut, focus);
  // autoFocus: the panel on mount, then its list once it has rows, unless the user went elsewhere meanwhile.
  const wantsFocus = useRef<'mount' | 'list' | 'done'>(props.autoFocus ? 'mount' : 'done');
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the panel's state changes (its rows arrive)
  useEffect(() => {
    if (wantsFocus.current === 'done') return;
    if (wantsFocus.current === 'list' && document.activeElement !== root.current) wantsFocus.current = 'done';
    else if (list.current?.focus() === true) wantsFocus.current = 'done';
    else {
      root.current?.focus();
      wantsFocus.current = 'list';
    }
  }, [panel.state]);

  const { className: rootClass, ...rootPart } = part('root');
  let body: ReactNode;
  if (panel.state === 'loading') {
    body = (
      <p role="status" {...part('state')} data-state="loading">
        {t('panel.loading')}
      </p>
    );
  } else if (panel.state === 'error' || panel.state === 'empty') {
    const empty = panel.state === 'empty';
    body = (
      <div role={empty ? 'status' : 'alert'} {...part('state')} data-state={panel.state}>
        <span>
          {empty
            ? t(status === 'all' && operation === null && query.trim() === '' ? 'panel.empty' : 'panel.emptyFiltered')
            : t('panel.loadFailed', { error: panel.error?.message ?? '' })}
        </span>
        {empty ? null : (
          <button type="button" onClick={panel.retry}>
            {t('action.retry')}
          </button>
        )}
      </div>
    );
  } else {
    let footer: ReactNode = null;
    if (panel.error !== null) {
      footer = (
        <div role="alert" {...part('footer')} data-state="error">
          <span>{t('panel.loadFailed', { error: panel.error.message })}</span>
          <button type="button" onClick={panel.retry}>
            {t('action.retry')}
          </button>
        </div>
      );
    } else if (panel.loadingMore) {
      footer = (
        <p {...part('footer')} data-state="loading">
          {t('panel.loadingMore')}
        </p>
      );
    }
    body = (
      <JobsPanelList
        ref={list}
        rows={panel.rows}
        rowHeight={rowHeight}
        overscan={overscan}
        height={props.height}
        labelledBy={titleId}
        now={now}
        hasMore={panel.hasMore}
        loadingMore={panel.loadingMore}
        loadMore={panel.loadMore}
        Row={props.rowComponent ?? JobsPanelRow}
        onOpenOutcome={onOpenOutcome}
        part={part}
        footer={footer}
      />
    );
  }

  return (
    <>
      {props.onOpenOutcome === undefined ? (
        <OutcomeDialog
          jobId={viewing}
          open={viewing !== undefined}
          onOpenChange={(open) => {
            if (!open) setViewing(undefined);
          }}
          {...(classNames.outcomeDialog === undefined ? {} : { classNames: classNames.outcomeDialog })}
          {...(unstyled === undefined ? {} : { unstyled })}
          {...(container === undefined ? {} : { container })}
        />
      ) : null}
      <section
        {...rest}
        ref={root}
        tabIndex={-1}
        aria-labelledby={titleId}
        {...rootPart}
        className={clsx(rootClass, props.className)}
        style={props.style}
      >
        <JobsPanelHeader
          titleId={titleId}
          title={props.title ?? t('panel.title')}
          counts={panel.counts}
          status={status}
          onStatusChange={setStatus}
          operations={panel.operations}
          operation={operation}
          onOperationChange={setOperation}
          search={search}
          onSearchChange={setSearch}
          part={part}
        />
        {body}
      </section>
    </>
  );
});
