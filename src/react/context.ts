import type { QueryClient } from '@tanstack/react-query';
import { createContext, type CSSProperties, type ReactNode, useContext } from 'react';
import {
  defaultMessages,
  formatMessage,
  formatPercent,
  type Job,
  type JobsClient,
  type MessageKey,
  type Messages,
  resolveLocale,
} from '../core';
import type { JobsStore } from '../store';
import type { ProviderSlots } from './slots';

/** Where an `id` outcome (or a host action) wants to go inside the app. */
export interface NavigateTarget {
  id: string;
  path?: string;
  query?: string;
}

export interface DownloadTarget {
  url: string;
  fileName?: string;
}

export type NavigateHandler = (target: NavigateTarget) => void;
export type DownloadHandler = (target: DownloadTarget) => void;
/** Turns a file id from an outcome into a URL to download it from. */
export type FileUrlResolver = (fileId: string) => string | Promise<string>;
/** Resolves a Flatfile translation key; returns undefined for text that is not a key. */
export type Translate = (key: string) => string | undefined;
/** Host callbacks for outcome `next` actions that only the host can carry out. */
export interface OutcomeHandlers {
  /** `snapshot`: show that snapshot of the sheet. */
  onSnapshot?(target: { snapshotId: string; sheetId: string }): void;
  /** `view`: hide these columns of the sheet. */
  onView?(target: { sheetId: string; hiddenColumns: string[] }): void;
  /** `clearFilters`: clear the filters of these sheets (all when none are listed). */
  onClearFilters?(target: { sheetIds: string[] | undefined }): void;
}

/** Names a job for the UI; undefined falls back to the kit's own naming. */
export type JobLabelGetter = (job: Pick<Job, 'type' | 'operation'>) => string | undefined;

export interface JobkitRootProps {
  'data-jk-root': '';
  'data-color-scheme': 'light' | 'dark' | undefined;
  style: CSSProperties;
}

/** Styling the provider sets for every component of the kit; each component's own props override it. */
export interface JobkitDefaults {
  unstyled: boolean | undefined;
  /** Part classes by component name (`ActionButton`, `JobsPanel`...). */
  classNames: Readonly<Record<string, object | undefined>> | undefined;
  /** Where dialogs, menus, tooltips and popovers mount. */
  container: Element | DocumentFragment | null | undefined;
}

/** The provider's `notifications` prop in full: what a click on a notification opens. */
export interface JobNotificationsOptions {
  /**
   * Opens the outcome of the job whose notification was clicked (the Jobs Panel's `onOpenOutcome`, a
   * route...). Without it, a click focuses the tab, where an outcome that pops up is already shown.
   */
  onOpenOutcome?(jobId: string): void;
}

export type JobNotificationsProp = boolean | JobNotificationsOptions;

/** The parts that stay the same for a provider's life: the client, the cache and the store keeping it. */
export interface JobsStoreContextValue {
  client: JobsClient;
  queryClient: QueryClient;
  store: JobsStore;
  /** What the kit's components make on first use, once per provider (`slots.tsx`). */
  slots: ProviderSlots;
}

/**
 * What the provider itself hands down: the host's props and nothing else. The English catalogue and the
 * message formatting are added by `useJobsConfig`, which only the kit's components and UI hooks call, so a
 * host drawing its own UI from the data hooks does not carry them.
 */
export interface JobsHostConfig {
  /** The provider's `locale` as given (`useJobsConfig` answers it checked: a tag Intl rejects is dropped). */
  locale: string | undefined;
  /** The provider's `messages`: overrides of the English catalogue. */
  overrides: Partial<Messages> | undefined;
  /** Flatfile text that may be a translation key, resolved when it is one. */
  translate(text: string): string;
  navigate: NavigateHandler | undefined;
  download: DownloadHandler | undefined;
  resolveFileUrl: FileUrlResolver | undefined;
  /** The host's callbacks for `snapshot`, `view` and `clearFilters` outcomes (each may be missing). */
  outcomeHandlers: OutcomeHandlers;
  currentUserId: string | undefined;
  /** Icons by Flatfile icon name, given by the host; the kit falls back to a lightning bolt. */
  icons: Readonly<Record<string, ReactNode>>;
  /** The host's `getJobLabel`, else the label of the action of the kit that started such a job, if any. */
  namedJob(job: Pick<Job, 'type' | 'operation'>): string | undefined;
  /**
   * The attributes of the provider's root (`data-jk-root`, color scheme, theme variables). Parts that
   * portal out of the provider's tree (dialogs, menus) wrap their content in an element with these, so
   * tokens and color scheme reach them.
   */
  rootProps: JobkitRootProps;
  /** The provider's `unstyled`, `classNames` and `container`, for every component. */
  defaults: JobkitDefaults;
  /** Remembers the label of the action that starts `domain:operation` jobs. */
  rememberActionLabel(jobName: string, label: string): void;
  /** The provider's `notifications` prop, as last rendered. */
  notifications(): JobNotificationsProp | undefined;
  /** The provider's slots (the same as the store context's). */
  slots: ProviderSlots;
  /** This configuration with the catalogue merged in: made by the first `useJobsConfig`, kept with it. */
  kit?: JobsConfigContextValue;
}

/** What the components read to speak and act: locale, strings, handlers. */
export interface JobsConfigContextValue extends Omit<JobsHostConfig, 'overrides' | 'namedJob' | 'kit' | 'slots'> {
  messages: Messages;
  /** A catalogue string with `{name}` placeholders filled. */
  t(key: MessageKey, values?: Record<string, string | number>): string;
  /**
   * What to call a job in the UI: the host's `getJobLabel`, else the label of the action that started it
   * (when an action of the kit did), else its operation in words.
   */
  jobLabel(job: Pick<Job, 'type' | 'operation'>): string;
}

export const JobsStoreContext = createContext<JobsStoreContextValue | null>(null);
export const JobsConfigContext = createContext<JobsHostConfig | null>(null);

function missingProvider(hook: string): Error {
  return new Error(`${hook} must be used inside <JobsProvider client={...}>.`);
}

export function useJobsStore(hook = 'useJobsStore'): JobsStoreContextValue {
  const value = useContext(JobsStoreContext);
  if (value === null) throw missingProvider(hook);
  return value;
}

/** `submitAction` → "Submit action", `export-records` → "Export records". */
function humanizeOperation(operation: string, fallback: string): string {
  const words = operation
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[-_:.]+/g, ' ')
    .trim()
    .toLowerCase();
  return words === '' ? fallback : words.charAt(0).toUpperCase() + words.slice(1);
}

/** The host's configuration with the catalogue merged in and formatting bound to its locale. */
function withMessages(host: JobsHostConfig): JobsConfigContextValue {
  const { overrides: _overrides, namedJob, kit: _kit, slots: _slots, ...rest } = host;
  const messages: Messages = { ...defaultMessages, ...host.overrides };
  // A tag Intl rejects (`en_US`, '') falls back to the default locale, with a development warning.
  const locale = resolveLocale(host.locale);
  return {
    ...rest,
    locale,
    messages,
    t: (key, values) => formatMessage(messages[key], values, locale),
    jobLabel: (job) => namedJob(job) ?? humanizeOperation(job.operation, messages['job.untitled']),
  };
}

const WARM = Symbol('warm');

/**
 * The configuration the kit's components speak with: made from the provider's on first use, once per
 * provider and configuration (the same object until the provider's props change).
 */
export function useJobsConfig(hook = 'useJobsConfig'): JobsConfigContextValue {
  const host = useContext(JobsConfigContext);
  if (host === null) throw missingProvider(hook);
  if (host.kit === undefined) {
    host.kit = withMessages(host);
    // A page's first Intl.NumberFormat costs tens of milliseconds (measured: 32-49 ms in Chromium on a
    // 2-core machine). Made while the page is idle, the first progress the kit shows does not pay for it.
    const { locale } = host.kit;
    if (typeof requestIdleCallback === 'function')
      host.slots.start(WARM, () => {
        const handle = requestIdleCallback(() => formatPercent(0, locale), { timeout: 2000 });
        return () => cancelIdleCallback(handle);
      });
  }
  return host.kit;
}
