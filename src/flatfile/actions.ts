import { type Action, type CallOptions, devWarn, JobsClientError } from '../core';
import { invalidAnswer } from './errors';
import { createHttp, type Http } from './http';
import { dataOf, isPlain, type Plain } from './read';
import type {
  FlatfileActionsReader,
  FlatfileActionsTarget,
  FlatfileConnectionOptions,
  FlatfileFieldActions,
  FlatfileSheetActions,
} from './types';

const fieldTypes: Record<string, 'string' | 'boolean' | 'array' | 'object'> = {
  operation: 'string',
  slug: 'string',
  type: 'string',
  mode: 'string',
  description: 'string',
  tooltip: 'string',
  icon: 'string',
  schedule: 'string',
  validRecordsMessage: 'string',
  invalidRecordsMessage: 'string',
  primary: 'boolean',
  confirm: 'boolean',
  requireAllValid: 'boolean',
  requireSelection: 'boolean',
  invalidConditionalMessaging: 'boolean',
  messages: 'array',
  constraints: 'array',
  inputForm: 'object',
  mount: 'object',
  guide: 'object',
  guardrail: 'object',
};

function hasType(value: unknown, type: 'string' | 'boolean' | 'array' | 'object'): boolean {
  if (type === 'array') return Array.isArray(value);
  if (type === 'object') return isPlain(value);
  return typeof value === type;
}

/** Why `value` cannot be shown as an action, or undefined when it can. */
function problemOf(value: unknown): string | undefined {
  if (!isPlain(value)) return 'is not an object';
  if (typeof value.label !== 'string') return 'has no label (a string)';
  const operation = typeof value.operation === 'string' ? value.operation : value.slug;
  if (typeof operation !== 'string' || operation === '') return 'has no operation';
  for (const [key, type] of Object.entries(fieldTypes)) {
    if (value[key] !== undefined && value[key] !== null && !hasType(value[key], type))
      return `has a ${key} that is not a ${type}`;
  }
  return undefined;
}

/** The well-formed actions of a list; the others are left out with a development warning naming them. */
export function readActionList(value: unknown, where: string): Action[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    devWarn(`${where} is not a list; no actions read`);
    return [];
  }
  const actions: Action[] = [];
  value.forEach((entry: unknown, index) => {
    const problem = problemOf(entry);
    if (problem === undefined) actions.push({ ...(entry as Plain) } as unknown as Action);
    else devWarn(`${where}[${index}] ${problem}; it is left out`, entry);
  });
  return actions;
}

function readSheet(data: Plain, label: string): FlatfileSheetActions {
  const config = data.config;
  if (!isPlain(config)) throw invalidAnswer(label, 'a sheet without `data.config`');
  const fields: FlatfileFieldActions[] = [];
  const rawFields = Array.isArray(config.fields) ? config.fields : [];
  rawFields.forEach((field: unknown, index) => {
    if (!isPlain(field) || field.actions === undefined) return;
    if (typeof field.key !== 'string') {
      devWarn(`data.config.fields[${index}] has actions but no key; they are left out`);
      return;
    }
    const actions = readActionList(field.actions, `data.config.fields[${index}].actions`);
    if (actions.length > 0) fields.push({ fieldKey: field.key, actions });
  });
  return { actions: readActionList(config.actions, 'data.config.actions'), fields };
}

function idOf(target: FlatfileActionsTarget): { kind: 'workbook' | 'sheet' | 'space'; id: unknown } {
  if ('workbookId' in target) return { kind: 'workbook', id: target.workbookId };
  if ('sheetId' in target) return { kind: 'sheet', id: target.sheetId };
  return { kind: 'space', id: (target as { spaceId?: unknown }).spaceId };
}

async function readTarget(
  http: Http,
  target: FlatfileActionsTarget,
  options: CallOptions = {},
): Promise<Action[] | FlatfileSheetActions> {
  const { kind, id } = idOf(target);
  if (typeof id !== 'string' || id === '')
    throw new JobsClientError('invalid', `readActions needs a ${kind}Id, got ${String(id)}`);
  const path = `/${kind}s/${encodeURIComponent(id)}`;
  const body = await http({ method: 'GET', path, kind: 'read', subject: `${kind} ${id}`, signal: options.signal });
  const label = `GET ${path}`;
  const data = dataOf(body, label);
  if (!isPlain(data)) throw invalidAnswer(label, `\`data\` that is not a ${kind}`);
  if (kind === 'sheet') return readSheet(data, label);
  return readActionList(data.actions, 'data.actions');
}

/** Reads actions with an existing connection (the jobs client's). */
export function createActionsReader(http: Http): FlatfileActionsReader {
  return ((target: FlatfileActionsTarget, options?: CallOptions) =>
    readTarget(http, target, options)) as FlatfileActionsReader;
}

/**
 * Reads the actions configured in Flatfile, to render with `ActionBar` or `ActionButton`:
 * `{ workbookId }` → `workbook.actions`; `{ spaceId }` → `space.actions`; `{ sheetId }` →
 * `{ actions: sheet.config.actions, fields: [{ fieldKey, actions }] }` for the fields that have actions.
 * Malformed actions are left out with a development warning. The jobs client has the same as
 * `client.readActions(target)`.
 */
export function readActions(
  options: FlatfileConnectionOptions,
  target: { workbookId: string },
  callOptions?: CallOptions,
): Promise<Action[]>;
export function readActions(
  options: FlatfileConnectionOptions,
  target: { spaceId: string },
  callOptions?: CallOptions,
): Promise<Action[]>;
export function readActions(
  options: FlatfileConnectionOptions,
  target: { sheetId: string },
  callOptions?: CallOptions,
): Promise<FlatfileSheetActions>;
export function readActions(
  options: FlatfileConnectionOptions,
  target: FlatfileActionsTarget,
  callOptions?: CallOptions,
): Promise<Action[] | FlatfileSheetActions> {
  return readTarget(createHttp(options), target, callOptions);
}
