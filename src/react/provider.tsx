import { QueryClient, QueryClientContext } from '@tanstack/react-query';
import { type CSSProperties, type ReactNode, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { type ColorScheme, type JobsClient, type Messages, type Theme, themeVariables } from '../core';
import {
  type DownloadHandler,
  type FileUrlResolver,
  type JobkitDefaults,
  type JobkitRootProps,
  type JobLabelGetter,
  type JobNotificationsProp,
  JobsConfigContext,
  JobsStoreContext,
  type JobsHostConfig,
  type JobsStoreContextValue,
  type NavigateHandler,
  type OutcomeHandlers,
  type Translate,
} from './context';
import type { KitClassNames } from '../components/class-names';
import { registerStore } from './query-options';
import { ProviderSlots, SlotOutlet } from './slots';
import { JobsStore } from '../store';

export interface JobsProviderProps {
  /** The jobs backend: the in-memory engine, the Flatfile adapter or the host's own. */
  client: JobsClient;
  /**
   * The cache to keep jobs in. Defaults to the QueryClient of an enclosing `QueryClientProvider`;
   * only when there is none does the provider make one of its own.
   */
  queryClient?: QueryClient;
  /** BCP 47 locale for numbers, dates and durations; the browser's by default (and for a tag `Intl` rejects). */
  locale?: string;
  /** Overrides for any string of the English catalogue. */
  messages?: Partial<Messages>;
  /** Resolves Flatfile translation keys in labels, descriptions and outcomes. */
  translate?: Translate;
  /** Theme tokens, light and dark; each becomes a `--jk-*` custom property. */
  theme?: Theme;
  /** `system` (default) follows `prefers-color-scheme`. */
  colorScheme?: ColorScheme;
  /** In-app navigation for outcomes that point inside the app. */
  navigate?: NavigateHandler;
  /** Saves a file; by default the kit follows a download link. */
  download?: DownloadHandler;
  /** Turns a file id into a URL to download it from. */
  resolveFileUrl?: FileUrlResolver;
  /** `snapshot` outcomes: show that snapshot of the sheet. */
  onSnapshot?: OutcomeHandlers['onSnapshot'];
  /** `view` outcomes: hide those columns of the sheet. */
  onView?: OutcomeHandlers['onView'];
  /** `clearFilters` outcomes: clear the filters of those sheets. */
  onClearFilters?: OutcomeHandlers['onClearFilters'];
  /** Icons by Flatfile icon name (`action.icon`); a lightning bolt when a name is not here. */
  icons?: Record<string, ReactNode>;
  /** Names jobs in the UI; by default the label of the action that started them, or their operation. */
  getJobLabel?: JobLabelGetter;
  /** The signed-in user, for outcomes meant for the job's originator only. */
  currentUserId?: string;
  /**
   * System notifications for the user's jobs that end while the tab is hidden (off by default). The
   * kit asks for permission on the click of an action that starts a job, or the host calls
   * `requestNotificationPermission()` from a click; never on load. An object also says what a click on a
   * notification opens. The document title counts such ends either way.
   */
  notifications?: JobNotificationsProp;
  /** How often active jobs are read when the client pushes no events (ms). Default 1000. */
  pollInterval?: number;
  /**
   * When the client pushes events: how often the active jobs that are on screen or were started here are
   * read again, so that a missed event keeps no overlay, disabled action or running row past it (ms).
   * Paused while the page is hidden; nothing is read while no such job is active. Default 30,000.
   */
  reconcileInterval?: number;
  /** Leaves every component's parts to the host's CSS, unless a component says `unstyled={false}`. */
  unstyled?: boolean;
  /** Part classes for every instance of a component, by its name; a component's own `classNames` win, part by part. */
  classNames?: KitClassNames;
  /** Where dialogs, menus, tooltips and popovers mount (a shadow root, a host modal...); the body by default. */
  container?: Element | DocumentFragment | null;
  className?: string;
  style?: CSSProperties;
  children?: ReactNode;
}

const noIcons: Record<string, ReactNode> = {};

/**
 * Makes a jobs client available to the kit's hooks and components, keeps its jobs in the react-query
 * cache and sets the theme. Render it once near the top of the part of the app that shows jobs.
 */
export function JobsProvider(props: JobsProviderProps): ReactNode {
  const { client, pollInterval, reconcileInterval, theme, colorScheme = 'system', className, style, children } = props;
  const enclosing = useContext(QueryClientContext);
  const [own] = useState(() => ((props.queryClient ?? enclosing) ? undefined : new QueryClient()));
  const queryClient = props.queryClient ?? enclosing ?? own;
  if (queryClient === undefined) throw new Error('JobsProvider: no QueryClient available.');

  useEffect(() => {
    if (own === undefined) return;
    own.mount();
    return () => {
      own.unmount();
      // The cache is the provider's alone: drop it, and its garbage-collection timers with it.
      own.clear();
    };
  }, [own]);

  // Handlers are read through a ref so that a host passing inline functions re-renders nothing.
  const handlers = useRef(props);
  handlers.current = props;

  // One store per client and cache: it owns everything the provider keeps about jobs, under keys of its own.
  const context = useMemo<JobsStoreContextValue>(
    () => ({
      client,
      queryClient,
      store: new JobsStore(queryClient, client),
      slots: new ProviderSlots(),
    }),
    [client, queryClient],
  );
  const { store, slots } = context;
  useEffect(
    () =>
      store.configure({
        ...(pollInterval === undefined ? {} : { pollInterval }),
        ...(reconcileInterval === undefined ? {} : { reconcileInterval }),
      }),
    [store, pollInterval, reconcileInterval],
  );
  useEffect(() => {
    store.start();
    // A host's `jobQueryOptions(client, id)` reads through this store while it runs.
    const unregister = registerStore(store);
    return () => {
      unregister();
      slots.dispose();
      store.stop();
    };
  }, [store, slots]);

  const { messages: overrides, currentUserId } = props;
  // Checked by the components (`useJobsConfig`): a tag Intl rejects falls back to the default locale there.
  const { locale } = props;
  useEffect(() => {
    store.currentUserId = currentUserId;
  }, [store, currentUserId]);

  const messagesKey = JSON.stringify(overrides ?? {});
  const hasNavigate = props.navigate !== undefined;
  const hasDownload = props.download !== undefined;
  const hasResolver = props.resolveFileUrl !== undefined;
  const outcomeKey = `${props.onSnapshot ? 's' : ''}${props.onView ? 'v' : ''}${props.onClearFilters ? 'c' : ''}`;

  const [actionLabels] = useState(() => new Map<string, string>());
  const themeKey = JSON.stringify(theme ?? {});
  // biome-ignore lint/correctness/useExhaustiveDependencies: the theme is compared by content
  const rootProps = useMemo<JobkitRootProps>(
    () => ({
      'data-jk-root': '',
      'data-color-scheme': colorScheme === 'system' ? undefined : colorScheme,
      style: themeVariables(theme) as CSSProperties,
    }),
    [themeKey, colorScheme],
  );
  const icons = props.icons ?? noIcons;
  const { unstyled, container } = props;
  const classNamesKey = JSON.stringify(props.classNames ?? null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: class names are compared by content
  const defaults = useMemo<JobkitDefaults>(
    () => ({ unstyled, classNames: props.classNames as JobkitDefaults['classNames'], container }),
    [unstyled, classNamesKey, container],
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: overrides are compared by content
  const config = useMemo<JobsHostConfig>(() => {
    const translate = (text: string) => handlers.current.translate?.(text) ?? text;
    return {
      locale,
      overrides,
      translate,
      navigate: hasNavigate ? (target) => handlers.current.navigate?.(target) : undefined,
      download: hasDownload ? (target) => handlers.current.download?.(target) : undefined,
      resolveFileUrl: hasResolver ? (fileId) => handlers.current.resolveFileUrl?.(fileId) ?? fileId : undefined,
      currentUserId,
      outcomeHandlers: {
        ...(outcomeKey.includes('s') ? { onSnapshot: (target) => handlers.current.onSnapshot?.(target) } : {}),
        ...(outcomeKey.includes('v') ? { onView: (target) => handlers.current.onView?.(target) } : {}),
        ...(outcomeKey.includes('c') ? { onClearFilters: (target) => handlers.current.onClearFilters?.(target) } : {}),
      },
      icons,
      rootProps,
      defaults,
      namedJob: (job) => handlers.current.getJobLabel?.(job) ?? actionLabels.get(`${job.type}:${job.operation}`),
      rememberActionLabel: (jobName, label) => {
        if (label !== '') actionLabels.set(jobName, translate(label));
      },
      notifications: () => handlers.current.notifications,
      slots,
    };
  }, [
    locale,
    messagesKey,
    currentUserId,
    hasNavigate,
    hasDownload,
    hasResolver,
    outcomeKey,
    icons,
    actionLabels,
    rootProps,
    defaults,
    slots,
  ]);

  return (
    <JobsStoreContext.Provider value={context}>
      <JobsConfigContext.Provider value={config}>
        <div
          {...rootProps}
          className={className}
          style={style === undefined ? rootProps.style : { ...rootProps.style, ...style }}
        >
          {children}
          <SlotOutlet slots={slots} />
        </div>
      </JobsConfigContext.Provider>
    </JobsStoreContext.Provider>
  );
}
