import type { Action, ActionConstraint, ActionMessage } from './action';

/** What the host knows about the resource an action acts on; each constraint reads part of it. */
export interface ActionContextState {
  /** The resource has records (`hasData`). Unknown (undefined) counts as met. */
  hasData?: boolean;
  /** Every record of the resource is valid (`hasAllValid`, and with `ignoreSelection`). */
  allValid?: boolean;
  /** Every selected record is valid (`hasAllValid` while records are selected). */
  selectionValid?: boolean;
  /** How many records are selected (`hasSelection`). */
  selectionCount?: number;
  /** The column of a field action is enabled and not read-only (`hasColumnEnabled`). */
  columnEnabled?: boolean;
  /** Commits are still processing on a workbook with `trackChanges` (disables its actions). */
  committing?: boolean;
}

export const ACTION_CONSTRAINT_TYPES = ['hasAllValid', 'hasSelection', 'hasData', 'hasColumnEnabled'] as const;

/** Why an action is disabled, most pressing first. */
export type ActionDisabledReason =
  | { kind: 'message'; content: string }
  | { kind: 'constraint'; constraint: ActionConstraint['type'] }
  | { kind: 'committing' }
  | { kind: 'blocked'; jobLabel: string }
  | { kind: 'running' };

export interface ActionEnablement {
  enabled: boolean;
  /** The first reason it is disabled, or undefined when it is enabled. */
  reason: ActionDisabledReason | undefined;
  /** `info` messages to show on hover and focus. */
  info: string[];
}

/** The constraints an action has, with the deprecated flags read as the constraints they became. */
export function actionConstraints(action: Action): ActionConstraint[] {
  const constraints = (Array.isArray(action.constraints) ? action.constraints : []).filter(
    (c): c is ActionConstraint => typeof c === 'object' && c !== null,
  );
  const has = (type: ActionConstraint['type']) => constraints.some((c) => c.type === type);
  if (action.requireAllValid && !has('hasAllValid')) constraints.push({ type: 'hasAllValid' });
  if (action.requireSelection && !has('hasSelection')) constraints.push({ type: 'hasSelection' });
  return constraints;
}

/** Whether `constraint` holds in `state`. Facts the host did not give count as met. */
export function constraintMet(constraint: ActionConstraint, state: ActionContextState): boolean {
  switch (constraint.type) {
    case 'hasAllValid': {
      const selecting = (state.selectionCount ?? 0) > 0;
      if (selecting && !constraint.ignoreSelection && state.selectionValid !== undefined) return state.selectionValid;
      return state.allValid !== false;
    }
    case 'hasSelection':
      return state.selectionCount === undefined || state.selectionCount > 0;
    case 'hasData':
      return state.hasData !== false;
    case 'hasColumnEnabled':
      return state.columnEnabled !== false;
    default:
      return true; // a constraint this kit does not know disables nothing
  }
}

export interface ActionJobsState {
  /** Label of an active job that blocks the source's toolbar (foreground or toolbarBlocking). */
  blockingJobLabel?: string;
  /** A job of this very action is still active on this source. */
  running?: boolean;
}

/**
 * Whether an action can run now and, if not, why: an `error` message first (Flatfile: it disables the
 * action), then each unmet constraint, then commits still processing, then a job that blocks the source,
 * then the action's own job still running.
 */
export function actionEnablement(
  action: Action,
  state: ActionContextState = {},
  jobs: ActionJobsState = {},
): ActionEnablement {
  const messages: ActionMessage[] = Array.isArray(action.messages) ? action.messages : [];
  const info = messages.filter((m) => m?.type === 'info' && typeof m.content === 'string').map((m) => m.content);
  const error = messages.find((m) => m?.type === 'error' && typeof m.content === 'string');
  let reason: ActionDisabledReason | undefined;
  if (error !== undefined) reason = { kind: 'message', content: error.content };
  else {
    const unmet = actionConstraints(action).find((c) => !constraintMet(c, state));
    if (unmet !== undefined) reason = { kind: 'constraint', constraint: unmet.type };
    else if (state.committing) reason = { kind: 'committing' };
    else if (jobs.blockingJobLabel !== undefined) reason = { kind: 'blocked', jobLabel: jobs.blockingJobLabel };
    else if (jobs.running) reason = { kind: 'running' };
  }
  return { enabled: reason === undefined, reason, info };
}
