import type { QueryClient } from '@tanstack/react-query';
import { createContext, type CSSProperties, type ReactNode, useContext } from 'react';
import type { Job, JobsClient, MessageKey, Messages } from '../core';
import type { OverlayRegistry } from './overlay-registry';
import type { Announcer } from './announcer';
import type { JobsStore } from '../store';

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

/** The parts that stay the same for a provider's life: the client, the cache and the store keeping it. */
export interface JobsStoreContextValue {
  client: JobsClient;
  queryClient: QueryClient;
  store: JobsStore;
}

/** What the components read to speak and act: locale, strings, handlers. */
export interface JobsConfigContextValue {
  locale: string | undefined;
  messages: Messages;
  /** A catalogue string with `{name}` placeholders filled. */
  t(key: MessageKey, values?: Record<string, string | number>): string;
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
  /**
   * What to call a job in the UI: the host's `getJobLabel`, else the label of the action that started it
   * (when an action of the kit did), else its operation in words.
   */
  jobLabel(job: Pick<Job, 'type' | 'operation'>): string;
  /**
   * The attributes of the provider's root (`data-jk-root`, color scheme, theme variables). Parts that
   * portal out of the provider's tree (dialogs, menus) wrap their content in an element with these, so
   * tokens and color scheme reach them.
   */
  rootProps: JobkitRootProps;
  /** The provider's `unstyled`, `classNames` and `container`, for every component. */
  defaults: JobkitDefaults;
  /** The provider's live regions. */
  announcer: Announcer;
  /** What the progress overlays of each source share (releases, notices). */
  overlays: OverlayRegistry;
  /** Remembers the label of the action that starts `domain:operation` jobs. */
  rememberActionLabel(jobName: string, label: string): void;
  /** On a click that starts a job: asks for notification permission, if the host opted in and it was never asked. */
  askNotificationPermission(): void;
}

export const JobsStoreContext = createContext<JobsStoreContextValue | null>(null);
export const JobsConfigContext = createContext<JobsConfigContextValue | null>(null);

function missingProvider(hook: string): Error {
  return new Error(`${hook} must be used inside <JobsProvider client={...}>.`);
}

export function useJobsStore(hook = 'useJobsStore'): JobsStoreContextValue {
  const value = useContext(JobsStoreContext);
  if (value === null) throw missingProvider(hook);
  return value;
}

export function useJobsConfig(hook = 'useJobsConfig'): JobsConfigContextValue {
  const value = useContext(JobsConfigContext);
  if (value === null) throw missingProvider(hook);
  return value;
}
