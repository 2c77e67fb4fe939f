import {
  type ComponentType,
  forwardRef,
  type KeyboardEvent,
  memo,
  type ReactNode,
  useEffect,
  useImperativeHandle,
  useRef,
  useState,
} from 'react';
import { useIsomorphicLayoutEffect } from '../shared';
import type { JobsPanelItem } from '../../react/use-jobs-panel';
import { useJob } from '../../react/use-job';
import { JobsPanelRow, type JobsPanelRowProps } from './jobs-panel-row';
import { type JobsPanelPartGetter, selectDefaultRowJob, selectPanelJob } from './parts';
import { useVirtualWindow } from './use-virtual-window';

interface ItemProps extends JobsPanelItem {
  index: number;
  rowHeight: number;
  tabbable: boolean;
  now: number;
  Row: ComponentType<JobsPanelRowProps>;
  onOpenOutcome: ((jobId: string) => void) | undefined;
  part: JobsPanelPartGetter;
}

/** One list item: reads its own job, so an update to it re-renders this item and no other. */
const PanelItem = memo(function PanelItem({
  id,
  level,
  posInSet,
  setSize,
  index,
  rowHeight,
  tabbable,
  now,
  Row,
  onOpenOutcome,
  part,
}: ItemProps) {
  // The default row's active body reads the live progress and info itself: a tick renders that body alone.
  const { data: job } = useJob(id, Row === JobsPanelRow ? selectDefaultRowJob : selectPanelJob);
  return (
    // biome-ignore lint/a11y/useSemanticElements: a virtualized row, absolutely placed; an li would need its list's styles undone
    // biome-ignore lint/a11y/useAriaPropsSupportedByRole: ARIA 1.2 gives listitem aria-level (a part sits one level under its job)
    <div
      role="listitem"
      {...part('row')}
      data-job-id={id}
      data-status={job?.status}
      data-mode={job?.mode}
      data-level={level}
      aria-level={level}
      aria-posinset={posInSet}
      aria-setsize={setSize}
      tabIndex={tabbable ? 0 : -1}
      style={{
        position: 'absolute',
        left: 0,
        right: 0,
        top: index * rowHeight,
        height: rowHeight,
        boxSizing: 'border-box',
      }}
    >
      {job === undefined ? null : (
        <Row job={job} level={level} tabbable={tabbable} now={now} onOpenOutcome={onOpenOutcome} part={part} />
      )}
    </div>
  );
});

export interface JobsPanelListHandle {
  /** Focuses the row holding the tab stop; false when there is none. */
  focus(): boolean;
}

export interface JobsPanelListProps {
  rows: readonly JobsPanelItem[];
  rowHeight: number;
  overscan: number;
  height: number | string | undefined;
  labelledBy: string;
  now: number;
  hasMore: boolean;
  loadingMore: boolean;
  loadMore(): void;
  Row: ComponentType<JobsPanelRowProps>;
  onOpenOutcome: ((jobId: string) => void) | undefined;
  part: JobsPanelPartGetter;
  footer: ReactNode;
}

const pageKeys: Record<string, true> = {
  ArrowDown: true,
  ArrowUp: true,
  Home: true,
  End: true,
  PageDown: true,
  PageUp: true,
};

/**
 * The virtualized list: only the rows in view (plus a few) are in the DOM, and always the row holding
 * the tab stop, so focus is never lost to virtualization. One tab stop (roving focus): Arrow keys,
 * Home, End, Page Up and Page Down move between rows; Tab goes on into the row's buttons.
 */
export const JobsPanelList = forwardRef<JobsPanelListHandle, JobsPanelListProps>(function JobsPanelList(props, ref) {
  const { rows, rowHeight, overscan, hasMore, loadingMore, loadMore, part } = props;
  const win = useVirtualWindow(rows.length, rowHeight, overscan);
  const list = useRef<HTMLDivElement>(null);
  const [activeId, setActiveId] = useState<string>();
  const lastIndex = useRef(0);
  const found = activeId === undefined ? -1 : rows.findIndex((row) => row.id === activeId);
  // A row that left the list hands the tab stop to the row now in its place.
  const tabStop = rows.length === 0 ? -1 : found >= 0 ? found : Math.min(lastIndex.current, rows.length - 1);
  useIsomorphicLayoutEffect(() => {
    if (tabStop >= 0) lastIndex.current = tabStop;
  });

  const element = (id: string | undefined): HTMLElement | undefined => {
    for (const child of list.current?.children ?? []) {
      if (child instanceof HTMLElement && child.dataset.jobId === id) return child;
    }
    return undefined;
  };
  const focusPending = useRef(false);
  useIsomorphicLayoutEffect(() => {
    if (!focusPending.current) return;
    focusPending.current = false;
    element(rows[tabStop]?.id)?.focus({ preventScroll: true });
  });
  const moveTo = (index: number) => {
    const row = rows[index];
    if (row === undefined) return;
    win.scrollToIndex(index);
    if (row.id === rows[tabStop]?.id) element(row.id)?.focus({ preventScroll: true });
    else {
      focusPending.current = true;
      setActiveId(row.id);
    }
  };
  useImperativeHandle(ref, () => ({
    focus: () => {
      if (tabStop < 0) return false;
      win.scrollToIndex(tabStop);
      const target = element(rows[tabStop]?.id);
      target?.focus({ preventScroll: true });
      return target !== undefined;
    },
  }));

  // Endless scroll: the next page is read while the user is still a screen away from the end.
  const { end, visible } = win;
  useEffect(() => {
    if (hasMore && !loadingMore && end + visible >= rows.length) loadMore();
  }, [hasMore, loadingMore, end, visible, rows.length, loadMore]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const target = event.target as HTMLElement;
    if (
      !pageKeys[event.key] ||
      target.getAttribute('role') !== 'listitem' ||
      event.altKey ||
      event.ctrlKey ||
      event.metaKey
    )
      return;
    const from = rows.findIndex((row) => row.id === target.dataset.jobId);
    if (from < 0) return;
    event.preventDefault();
    const page = Math.max(1, visible - 2);
    const step: Record<string, number> = {
      ArrowDown: from + 1,
      ArrowUp: from - 1,
      Home: 0,
      End: rows.length - 1,
      PageDown: from + page,
      PageUp: from - page,
    };
    moveTo(Math.min(rows.length - 1, Math.max(0, step[event.key] ?? from)));
  };

  const indices: number[] = [];
  if (tabStop >= 0 && tabStop < win.start) indices.push(tabStop);
  for (let index = win.start; index < win.end; index += 1) indices.push(index);
  if (tabStop >= win.end) indices.push(tabStop);
  const { className, ...viewport } = part('viewport');
  return (
    <div
      ref={win.viewport}
      {...viewport}
      className={className}
      onScroll={win.onScroll}
      style={{
        position: 'relative',
        overflowY: 'auto',
        ...(props.height === undefined ? {} : { blockSize: props.height }),
      }}
    >
      {/* biome-ignore lint/a11y/useSemanticElements: the virtualized rows are absolutely placed divs; a ul would need its styles undone */}
      <div
        ref={list}
        role="list"
        aria-labelledby={props.labelledBy}
        {...part('list')}
        style={{ position: 'relative', height: rows.length * rowHeight }}
        onKeyDown={onKeyDown}
        onFocus={(event) => {
          const id = (event.target as HTMLElement).closest<HTMLElement>('[data-job-id]')?.dataset.jobId;
          if (id !== undefined && id !== rows[tabStop]?.id) setActiveId(id);
        }}
      >
        {indices.map((index) => {
          const row = rows[index] as JobsPanelItem;
          return (
            <PanelItem
              key={row.id}
              id={row.id}
              level={row.level}
              posInSet={row.posInSet}
              setSize={row.setSize}
              index={index}
              rowHeight={rowHeight}
              tabbable={index === tabStop}
              now={props.now}
              Row={props.Row}
              onOpenOutcome={props.onOpenOutcome}
              part={part}
            />
          );
        })}
      </div>
      {props.footer}
    </div>
  );
});
