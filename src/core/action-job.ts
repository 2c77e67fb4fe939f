import type { Action, ActionMode } from './action';
import type { CollectionJobSubject, JobConfig, JobSubject, JobType } from './job';

/** The operation an action's job gets: `operation`, or the deprecated `slug`. */
export function actionOperation(action: Action): string {
  return action.operation ?? action.slug ?? '';
}

const modes: readonly ActionMode[] = ['foreground', 'background', 'toolbarBlocking'];

/** An action's mode; `background` when it has none (the documented default) or an unknown one. */
export function actionMode(action: Action): ActionMode {
  return action.mode !== undefined && modes.includes(action.mode) ? action.mode : 'background';
}

/**
 * Whether clicking the action asks for confirmation first. Flatfile documents `confirm` as defaulting to
 * `true`, so only `confirm: false` skips the question.
 */
export function actionConfirms(action: Action): boolean {
  return action.confirm !== false;
}

/** The records a sheet action acts on, as the host's current view shows them. */
export interface SheetView {
  sheetId: string;
  /** The view's filter: `valid`, `error`, `all` (default) or `none`. */
  filter?: 'valid' | 'error' | 'all' | 'none';
  filterField?: string;
  searchField?: string;
  searchValue?: string;
  /** An FFQL query. */
  q?: string;
  /**
   * What is selected: some records by id (`include`), or everything the view shows but some
   * (`exclude`). Nothing selected means the whole view.
   */
  selection?: { type: 'include' | 'exclude'; ids: string[] };
  /** Extra params, e.g. `columnKey` for a field action. */
  params?: Record<string, unknown>;
}

/**
 * The collection subject Flatfile expects from a sheet view. `query.ids` lists the records to include
 * when no filter is active (`filter: 'none'`), and the records to exclude when one is.
 */
export function collectionSubject(view: SheetView): CollectionJobSubject {
  const query: CollectionJobSubject['query'] = {};
  const selection = view.selection;
  if (selection?.type === 'include' && selection.ids.length > 0) {
    query.filter = 'none';
    query.ids = [...selection.ids];
  } else {
    query.filter = view.filter ?? 'all';
    if (selection?.type === 'exclude' && selection.ids.length > 0) query.ids = [...selection.ids];
  }
  if (view.filterField !== undefined) query.filterField = view.filterField;
  if (view.searchField !== undefined) query.searchField = view.searchField;
  if (view.searchValue !== undefined) query.searchValue = view.searchValue;
  if (view.q !== undefined) query.q = view.q;
  return { type: 'collection', resource: 'records', params: { sheetId: view.sheetId, ...view.params }, query };
}

export interface ActionJobTarget {
  /** The job's domain: `workbook`, `sheet`, `file`, `document`, `space`... (field actions: `sheet`). */
  domain: JobType;
  /** Id of what the job acts on. */
  source: string;
  subject?: JobSubject;
}

/** The job an action starts: `domain:operation` on `source`, in the action's mode, with the form's answers. */
export function actionJobConfig(action: Action, target: ActionJobTarget, input?: Record<string, unknown>): JobConfig {
  const config: JobConfig = {
    type: target.domain,
    operation: actionOperation(action),
    source: target.source,
    mode: actionMode(action),
    trigger: 'immediate',
  };
  if (input !== undefined) config.input = input;
  if (target.subject !== undefined) config.subject = target.subject;
  return config;
}
