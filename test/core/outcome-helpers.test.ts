import { describe, expect, it, vi } from 'vitest';
import {
  defaultMessages,
  effectiveTrigger,
  endsWithNotice,
  failureMessage,
  formatMessage,
  idTargetPath,
  isKnownNext,
  isOriginator,
  isUsersJob,
  type Job,
  type MessageKey,
  type NextActionHost,
  nextLabel,
  outcomeKey,
  outcomeTrigger,
  performNext,
} from '../../src/core';

const t = (key: MessageKey) => formatMessage(defaultMessages[key]);
const job = (patch: Partial<Job> = {}): Job => ({
  id: 'us_jb_1',
  type: 'workbook',
  operation: 'export',
  source: 'us_wb_1',
  status: 'complete',
  ...patch,
});

describe('outcomeTrigger', () => {
  it('reads the string form with the audience defaulting to all', () => {
    expect(outcomeTrigger({ trigger: 'automatic' })).toEqual({ type: 'automatic', audience: 'all' });
    expect(outcomeTrigger({ trigger: 'automatic_silent' })).toEqual({ type: 'automatic_silent', audience: 'all' });
  });

  it('reads the object form', () => {
    expect(outcomeTrigger({ trigger: { type: 'automatic', audience: 'originator' } })).toEqual({
      type: 'automatic',
      audience: 'originator',
    });
    expect(outcomeTrigger({ trigger: { type: 'manual' } })).toEqual({ type: 'manual', audience: 'all' });
  });

  it('is manual when missing or unknown', () => {
    expect(outcomeTrigger(undefined)).toEqual({ type: 'manual', audience: 'all' });
    expect(outcomeTrigger({})).toEqual({ type: 'manual', audience: 'all' });
    expect(outcomeTrigger({ trigger: 'sometimes' as never })).toEqual({ type: 'manual', audience: 'all' });
  });
});

describe('isKnownNext', () => {
  it.each([
    { type: 'id', id: 'us_sp_1' },
    { type: 'url', url: 'https://example.com' },
    { type: 'download', url: '/f', fileName: 'a.csv' },
    { type: 'files', files: [{ fileId: 'us_fl_1' }] },
    { type: 'wait', fade: true },
    { type: 'snapshot', snapshotId: 'us_ss_1', sheetId: 'us_sh_1' },
    { type: 'retry' },
    { type: 'view', sheetId: 'us_sh_1', hiddenColumns: ['a'] },
    { type: 'clearFilters' },
    { type: 'clearFilters', sheetIds: ['us_sh_1'] },
  ])('knows $type', (next) => {
    expect(isKnownNext(next)).toBe(true);
  });

  it.each([
    undefined,
    null,
    'url',
    { type: 'teleport' },
    { type: 'id' },
    { type: 'url' },
    { type: 'url', url: 42 },
    { type: 'files', files: [] },
    { type: 'files', files: [{}] },
    { type: 'snapshot', snapshotId: 'x' },
    { type: 'view', sheetId: 's', hiddenColumns: 'a' },
    { type: 'clearFilters', sheetIds: [1] },
    { type: 'retry', label: 5 },
  ])('refuses %j', (next) => {
    expect(isKnownNext(next)).toBe(false);
  });
});

describe('nextLabel', () => {
  it('uses the label, translated', () => {
    expect(
      nextLabel({ type: 'url', url: '/', label: 'see.all' }, t, (text) =>
        text === 'see.all' ? 'See all downloads' : text,
      ),
    ).toBe('See all downloads');
  });

  it('falls back to a word per variant', () => {
    expect(nextLabel({ type: 'retry' }, t)).toBe('Try again');
    expect(nextLabel({ type: 'download', url: '/f' }, t)).toBe('Download');
    expect(nextLabel({ type: 'url', url: '/f', label: '  ' }, t)).toBe('Open link');
  });

  it('has none for wait or no next', () => {
    expect(nextLabel({ type: 'wait' }, t)).toBeUndefined();
    expect(nextLabel(undefined, t)).toBeUndefined();
  });
});

describe('idTargetPath', () => {
  it('builds space/<id>/<path>?<query>', () => {
    expect(idTargetPath({ id: 'us_sp_1', path: 'files', query: 'mode=export' })).toBe(
      'space/us_sp_1/files?mode=export',
    );
    expect(idTargetPath({ id: 'us_sp_1' })).toBe('space/us_sp_1');
    expect(idTargetPath({ id: 'us_sh_1', query: '?searchField=status&searchValue=rejected' })).toBe(
      'space/us_sh_1?searchField=status&searchValue=rejected',
    );
  });

  it('encodes segments and drops attempts to climb out or change scheme', () => {
    expect(idTargetPath({ id: 'a/../b', path: '../../admin' })).toBe('space/a/b/admin');
    expect(idTargetPath({ id: 'javascript:alert(1)' })).toBe('space/javascript%3Aalert(1)');
    expect(idTargetPath({ id: 'x', path: 'a b', query: 'q=1#frag' })).toBe('space/x/a%20b?q=1');
  });
});

describe('who an outcome is for', () => {
  const mine = job({ createdBy: 'us_usr_me' });
  it('counts jobs started here or created by the current user as the user’s', () => {
    expect(isUsersJob(mine, { currentUserId: undefined, started: true })).toBe(true);
    expect(isUsersJob(mine, { currentUserId: 'us_usr_me', started: false })).toBe(true);
    expect(isUsersJob(mine, { currentUserId: 'us_usr_other', started: false })).toBe(false);
    expect(isUsersJob(mine, { currentUserId: undefined, started: false })).toBe(false);
  });

  it('knows the originator by createdBy, or by who started it when the user is unknown', () => {
    expect(isOriginator(mine, { currentUserId: 'us_usr_me', started: false })).toBe(true);
    expect(isOriginator(mine, { currentUserId: 'us_usr_other', started: true })).toBe(false);
    expect(isOriginator(mine, { currentUserId: undefined, started: true })).toBe(true);
  });

  it('runs automatic triggers only for their audience, never for retry or unknown next', () => {
    const auto = (trigger: NonNullable<Job['outcome']>['trigger'], next: unknown = { type: 'url', url: '/a' }) =>
      job({ createdBy: 'us_usr_me', outcome: { acknowledge: true, trigger, next: next as never } });
    const me = { currentUserId: 'us_usr_me', started: false };
    const other = { currentUserId: 'us_usr_other', started: true };
    expect(effectiveTrigger(auto('automatic'), other)).toBe('automatic');
    expect(effectiveTrigger(auto({ type: 'automatic', audience: 'originator' }), other)).toBe('manual');
    expect(effectiveTrigger(auto({ type: 'automatic_silent', audience: 'originator' }), me)).toBe('automatic_silent');
    expect(effectiveTrigger(auto('automatic', { type: 'retry' }), me)).toBe('manual');
    expect(effectiveTrigger(auto('automatic', { type: 'teleport' }), me)).toBe('manual');
    expect(effectiveTrigger(auto(undefined), me)).toBe('manual');
  });
});

describe('endsWithNotice', () => {
  it('is for background (or mode-less) jobs that completed or failed without a dialog', () => {
    expect(endsWithNotice(job({ mode: 'background' }))).toBe(true);
    expect(endsWithNotice(job({ mode: 'background', status: 'failed', outcome: { acknowledge: true } }))).toBe(true);
    expect(endsWithNotice(job({}))).toBe(true);
  });

  it('is not for foreground, hidden, canceled or still running jobs, nor ones that pop up', () => {
    expect(endsWithNotice(job({ mode: 'foreground' }))).toBe(false);
    expect(endsWithNotice(job({ mode: 'hidden' }))).toBe(false);
    expect(endsWithNotice(job({ mode: 'background', status: 'canceled' }))).toBe(false);
    expect(endsWithNotice(job({ mode: 'background', status: 'executing' }))).toBe(false);
    expect(endsWithNotice(job({ outcome: { acknowledge: true } }))).toBe(false);
  });
});

describe('outcomeKey and failureMessage', () => {
  it('tells outcomes of one job apart by when it finished', () => {
    expect(outcomeKey(job({ finishedAt: new Date(5) }))).not.toBe(outcomeKey(job({ finishedAt: new Date(6) })));
  });

  it('prefers the outcome message over info', () => {
    expect(failureMessage(job({ info: 'info', outcome: { message: 'Rejected 3 rows' } }))).toBe('Rejected 3 rows');
    expect(failureMessage(job({ info: 'Timed out' }))).toBe('Timed out');
    expect(failureMessage(job({ info: ' ' }))).toBeUndefined();
  });
});

describe('performNext', () => {
  const host = (patch: Partial<NextActionHost> = {}): NextActionHost => ({
    t,
    navigate: undefined,
    assign: vi.fn(),
    openInNewTab: vi.fn(),
    download: vi.fn(),
    resolveFileUrl: undefined,
    retry: vi.fn(async () => undefined),
    handlers: {},
    ...patch,
  });

  it('goes to the relative space path when the host has no navigate', async () => {
    const h = host();
    await expect(
      performNext('j', { type: 'id', id: 'us_sp_1', path: 'files', query: 'mode=export' }, h),
    ).resolves.toEqual({ status: 'done' });
    expect(h.assign).toHaveBeenCalledWith('space/us_sp_1/files?mode=export');
  });

  it('url: a new tab by default, the current tab only when replace is true', async () => {
    const h = host();
    await performNext('j', { type: 'url', url: 'https://example.com/a' }, h);
    await performNext('j', { type: 'url', url: 'https://example.com/b', replace: false }, h);
    await performNext('j', { type: 'url', url: '/c', replace: true }, h);
    expect(vi.mocked(h.openInNewTab).mock.calls).toEqual([['https://example.com/a'], ['https://example.com/b']]);
    expect(vi.mocked(h.assign).mock.calls).toEqual([['/c']]);
    await expect(
      performNext('j', { type: 'url', url: 'javascript:alert(1)', replace: true }, h),
    ).resolves.toMatchObject({ status: 'blocked' });
    expect(h.assign).toHaveBeenCalledTimes(1);
  });

  it('refuses a hostile url or download and follows nothing', async () => {
    const h = host();
    const blocked = { status: 'blocked', message: 'The link was blocked because it is not a safe web address.' };
    await expect(performNext('j', { type: 'url', url: 'vbscript:msgbox(1)' }, h)).resolves.toEqual(blocked);
    await expect(performNext('j', { type: 'download', url: 'data:text/plain,hi' }, h)).resolves.toEqual(blocked);
    expect(h.openInNewTab).not.toHaveBeenCalled();
    expect(h.download).not.toHaveBeenCalled();
  });

  it('downloads files through the resolver, refusing them all when one resolves to a hostile URL', async () => {
    const files = [{ fileId: 'a', label: 'a.csv' }, { fileId: 'b' }];
    const good = host({ resolveFileUrl: (id) => `/f/${id}` });
    await performNext('j', { type: 'files', files }, good);
    expect(good.download).toHaveBeenNthCalledWith(1, { url: '/f/a', fileName: 'a.csv' });
    expect(good.download).toHaveBeenNthCalledWith(2, { url: '/f/b' });
    const bad = host({ resolveFileUrl: async (id) => (id === 'b' ? 'javascript:alert(1)' : `/f/${id}`) });
    await expect(performNext('j', { type: 'files', files }, bad)).resolves.toMatchObject({ status: 'blocked' });
    expect(bad.download).not.toHaveBeenCalled();
    await expect(performNext('j', { type: 'files', files }, host())).resolves.toMatchObject({ status: 'failed' });
  });

  it('retries the job by id and hands host-only actions to the host', async () => {
    const onClearFilters = vi.fn();
    const h = host({ handlers: { onClearFilters } });
    await performNext('us_jb_1', { type: 'retry' }, h);
    expect(h.retry).toHaveBeenCalledWith('us_jb_1');
    await performNext('j', { type: 'clearFilters' }, h);
    expect(onClearFilters).toHaveBeenCalledWith({ sheetIds: undefined });
  });
});
