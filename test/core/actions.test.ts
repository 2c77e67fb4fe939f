import { describe, expect, it } from 'vitest';
import {
  type Action,
  actionConfirms,
  actionConstraints,
  actionEnablement,
  actionJobConfig,
  actionMode,
  checkAction,
  collectionSubject,
} from '../../src/core';

const action = (extra: Partial<Action> = {}): Action => ({ label: 'Export', operation: 'export', ...extra });

describe('actionEnablement', () => {
  it('enables an action without constraints, messages or jobs in the way', () => {
    expect(actionEnablement(action())).toEqual({ enabled: true, reason: undefined, info: [] });
  });

  it('is disabled by an error message, which it gives as the reason, and shows info messages', () => {
    const result = actionEnablement(
      action({
        messages: [
          { type: 'info', content: 'Sends to the CRM' },
          { type: 'error', content: 'Connect the CRM first' },
        ],
      }),
    );
    expect(result).toEqual({
      enabled: false,
      reason: { kind: 'message', content: 'Connect the CRM first' },
      info: ['Sends to the CRM'],
    });
  });

  it.each([
    ['hasData', { hasData: false }],
    ['hasSelection', { selectionCount: 0 }],
    ['hasAllValid', { allValid: false }],
    ['hasColumnEnabled', { columnEnabled: false }],
  ] as const)('is disabled by an unmet %s constraint', (type, state) => {
    const result = actionEnablement(action({ constraints: [{ type }] }), state);
    expect(result.reason).toEqual({ kind: 'constraint', constraint: type });
  });

  it('checks only the selected records for hasAllValid, unless told to ignore the selection', () => {
    const state = { selectionCount: 2, selectionValid: true, allValid: false };
    expect(actionEnablement(action({ constraints: [{ type: 'hasAllValid' }] }), state).enabled).toBe(true);
    expect(
      actionEnablement(action({ constraints: [{ type: 'hasAllValid', ignoreSelection: true }] }), state).enabled,
    ).toBe(false);
  });

  it('reads the deprecated requireAllValid and requireSelection as constraints', () => {
    expect(actionConstraints(action({ requireAllValid: true, requireSelection: true }))).toEqual([
      { type: 'hasAllValid' },
      { type: 'hasSelection' },
    ]);
    expect(actionEnablement(action({ requireSelection: true }), { selectionCount: 0 }).enabled).toBe(false);
  });

  it('counts facts the host did not give as met', () => {
    const all: Action['constraints'] = [
      { type: 'hasData' },
      { type: 'hasSelection' },
      { type: 'hasAllValid' },
      { type: 'hasColumnEnabled' },
    ];
    expect(actionEnablement(action({ constraints: all }), {}).enabled).toBe(true);
  });

  it('is disabled while changes commit, by a blocking job, and by its own running job, in that order', () => {
    expect(
      actionEnablement(action(), { committing: true }, { blockingJobLabel: 'Import', running: true }).reason,
    ).toEqual({ kind: 'committing' });
    expect(actionEnablement(action(), {}, { blockingJobLabel: 'Import', running: true }).reason).toEqual({
      kind: 'blocked',
      jobLabel: 'Import',
    });
    expect(actionEnablement(action(), {}, { running: true }).reason).toEqual({ kind: 'running' });
  });
});

describe('action defaults', () => {
  it('confirms unless confirm is false, as the docs default it to true', () => {
    expect([
      actionConfirms(action()),
      actionConfirms(action({ confirm: true })),
      actionConfirms(action({ confirm: false })),
    ]).toEqual([true, true, false]);
  });

  it('runs in background mode unless told otherwise, and reads an unknown mode as background', () => {
    expect(actionMode(action())).toBe('background');
    expect(actionMode(action({ mode: 'foreground' }))).toBe('foreground');
    expect(actionMode(action({ mode: 'sideways' as Action['mode'] }))).toBe('background');
  });
});

describe('collectionSubject', () => {
  it('includes the selected records by id with no filter', () => {
    expect(
      collectionSubject({ sheetId: 'us_sh_1', filter: 'error', selection: { type: 'include', ids: ['r1', 'r2'] } }),
    ).toEqual({
      type: 'collection',
      resource: 'records',
      params: { sheetId: 'us_sh_1' },
      query: { filter: 'none', ids: ['r1', 'r2'] },
    });
  });

  it('keeps the view filter and search and lists the excluded records when all but some are selected', () => {
    expect(
      collectionSubject({
        sheetId: 'us_sh_1',
        filter: 'valid',
        searchField: 'email',
        searchValue: '@example',
        q: 'age > 3',
        selection: { type: 'exclude', ids: ['r9'] },
        params: { columnKey: 'email' },
      }),
    ).toEqual({
      type: 'collection',
      resource: 'records',
      params: { sheetId: 'us_sh_1', columnKey: 'email' },
      query: { filter: 'valid', ids: ['r9'], searchField: 'email', searchValue: '@example', q: 'age > 3' },
    });
  });

  it('acts on the whole view when nothing is selected', () => {
    expect(collectionSubject({ sheetId: 's' }).query).toEqual({ filter: 'all' });
  });
});

describe('actionJobConfig', () => {
  it('names the job domain:operation on its source, with its mode, subject and typed input', () => {
    expect(
      actionJobConfig(
        action({ mode: 'foreground', slug: 'old' }),
        { domain: 'sheet', source: 'us_sh_1', subject: { type: 'resource', id: 'us_sh_1' } },
        { count: 3 },
      ),
    ).toEqual({
      type: 'sheet',
      operation: 'export',
      source: 'us_sh_1',
      mode: 'foreground',
      trigger: 'immediate',
      input: { count: 3 },
      subject: { type: 'resource', id: 'us_sh_1' },
    });
  });

  it('falls back to the deprecated slug for the operation', () => {
    expect(actionJobConfig({ label: 'Old', slug: 'legacy' }, { domain: 'workbook', source: 'w' }).operation).toBe(
      'legacy',
    );
  });
});

describe('checkAction', () => {
  it('finds nothing wrong with a sound action', () => {
    expect(checkAction(action({ mode: 'foreground', constraints: [{ type: 'hasData' }] }))).toEqual([]);
  });

  it('names each problem of a bad config without throwing', () => {
    expect(checkAction({ operation: 'x', mode: 'loud', constraints: [{ type: 'hasMagic' }, null] })).toEqual([
      'action with operation "x" has no label',
      'action with operation "x" has an unknown mode "loud"; it runs as "background"',
      'action with operation "x" has an unknown constraint "hasMagic"; it is ignored',
      'action with operation "x" has an unknown constraint "undefined"; it is ignored',
    ]);
    expect(checkAction({ label: '', operation: 'y' })).toEqual([
      'action with operation "y" has an empty label and no icon: nothing to show',
    ]);
    expect(checkAction(null)).toEqual(['the action is not an object']);
  });
});
