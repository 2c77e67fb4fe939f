import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Job } from '../../src/core';
import { HiddenTab, type HiddenTabHost, requestNotificationPermission } from '../../src/store/hidden-tab';
import type { JobEnd } from '../../src/store';

let visibility: DocumentVisibilityState = 'visible';
let permission: NotificationPermission = 'granted';
/** The browser refuses `new Notification` (some allow notifications only from a service worker). */
let refuse = false;
const shown: FakeNotification[] = [];

class FakeNotification {
  static get permission() {
    return permission;
  }
  static requestPermission = vi.fn(async () => {
    permission = 'granted';
    return permission;
  });
  onclick: (() => void) | null = null;
  onclose: (() => void) | null = null;
  closed = false;
  constructor(
    readonly title: string,
    readonly options: NotificationOptions = {},
  ) {
    if (refuse) throw new TypeError('Illegal constructor: use ServiceWorkerRegistration.showNotification()');
    shown.push(this);
  }
  close() {
    this.closed = true;
  }
}

function setVisibility(state: DocumentVisibilityState) {
  visibility = state;
  document.dispatchEvent(new Event('visibilitychange'));
}

const job = (id: string, heading: string, extra: Partial<Job> = {}): Job =>
  ({
    id,
    type: 'workbook',
    operation: 'export',
    source: 'us_wb_1',
    status: 'complete',
    mode: 'background',
    outcome: { heading },
    ...extra,
  }) as Job;
const end = (ended: Job, options: Partial<JobEnd> = {}): JobEnd => ({
  job: ended,
  mine: true,
  started: true,
  popsUp: false,
  notice: true,
  notified: false,
  ...options,
});

let optedIn = true;
const opened: string[] = [];
const host: HiddenTabHost = {
  title: (count, heading, base) => (base === '' ? `(${count}) ${heading}` : `(${count}) ${heading} · ${base}`),
  heading: (ended) => ended.outcome?.heading ?? 'Finished',
  body: (ended) => ended.info,
  optedIn: () => optedIn,
  open: (ended) => opened.push(ended.id),
};

let tab: HiddenTab;
let stop: () => void;

beforeEach(() => {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => visibility });
  vi.stubGlobal('Notification', FakeNotification);
  visibility = 'visible';
  permission = 'granted';
  refuse = false;
  optedIn = true;
  shown.length = 0;
  FakeNotification.requestPermission.mockClear();
  opened.length = 0;
  document.title = 'My app';
  tab = new HiddenTab(document, host);
  stop = tab.start();
});

afterEach(() => {
  stop();
  vi.unstubAllGlobals();
  Reflect.deleteProperty(document, 'visibilityState');
});

/** What the provider does for one end: decide, then tell. */
function ends(ended: Job, started = true) {
  const notified = tab.notifies(ended, started);
  tab.ended(end(ended, { started, notified }));
}

describe('the title of a hidden tab', () => {
  it('counts the ends and shows the last heading, and comes back exactly when the tab is visible', () => {
    setVisibility('hidden');
    ends(job('a', 'Export ready'));
    expect(document.title).toBe('(1) Export ready · My app');
    ends(job('b', 'Import failed', { status: 'failed' }));
    expect(document.title).toBe('(2) Import failed · My app');
    setVisibility('visible');
    expect(document.title).toBe('My app');
  });

  it('changes nothing while the tab is visible', () => {
    ends(job('a', 'Export ready'));
    expect(document.title).toBe('My app');
    expect(shown).toEqual([]);
  });

  it('counts again from one after the user came back', () => {
    setVisibility('hidden');
    ends(job('a', 'Export ready'));
    setVisibility('visible');
    setVisibility('hidden');
    ends(job('b', 'Import ready'));
    expect(document.title).toBe('(1) Import ready · My app');
  });

  it('leaves a title the host set meanwhile, and counts on in front of it', () => {
    setVisibility('hidden');
    ends(job('a', 'Export ready'));
    document.title = 'Inbox (3)';
    ends(job('b', 'Import ready'));
    expect(document.title).toBe('(2) Import ready · Inbox (3)');
    document.title = 'Settings';
    setVisibility('visible');
    expect(document.title).toBe('Settings');
  });

  it('puts the host’s newer title back when that is what the kit wrote in front of', () => {
    setVisibility('hidden');
    ends(job('a', 'Export ready'));
    document.title = 'Inbox (3)';
    ends(job('b', 'Import ready'));
    setVisibility('visible');
    expect(document.title).toBe('Inbox (3)');
  });

  it('ignores jobs started elsewhere and hidden jobs', () => {
    setVisibility('hidden');
    ends(job('a', 'Export ready'), false);
    ends(job('b', 'Cleanup done', { mode: 'hidden' }));
    expect(document.title).toBe('My app');
    expect(shown).toEqual([]);
  });

  it('counts the ends of two providers into one title, and gives it back once', () => {
    const other = new HiddenTab(document, { ...host, heading: () => 'Import ready' });
    const stopOther = other.start();
    setVisibility('hidden');
    ends(job('a', 'Export ready'));
    other.ended(end(job('b', 'x')));
    expect(document.title).toBe('(2) Import ready · My app');
    stopOther();
    expect(document.title).toBe('(2) Import ready · My app');
    setVisibility('visible');
    expect(document.title).toBe('My app');
  });

  it('restores the title when it stops following the tab', () => {
    setVisibility('hidden');
    ends(job('a', 'Export ready'));
    stop();
    expect(document.title).toBe('My app');
  });
});

describe('system notifications of a hidden tab', () => {
  it('shows one per end when the host opted in and permission is granted', () => {
    setVisibility('hidden');
    ends(job('a', 'Export ready', { info: '1,204 rows' }));
    expect(shown.map((n) => [n.title, n.options.body, n.options.tag])).toEqual([
      ['Export ready', '1,204 rows', 'jobkit:a'],
    ]);
  });

  it('shows none without the opt-in or without permission (the title still tells)', () => {
    setVisibility('hidden');
    optedIn = false;
    expect(tab.notifies(job('a', 'Export ready'), true)).toBe(false);
    optedIn = true;
    permission = 'default';
    expect(tab.notifies(job('a', 'Export ready'), true)).toBe(false);
    permission = 'denied';
    ends(job('a', 'Export ready'));
    expect(shown).toEqual([]);
    expect(document.title).toBe('(1) Export ready · My app');
  });

  it('leaves the end to the live region when the browser refuses to show a notification', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    setVisibility('hidden');
    refuse = true;
    expect(tab.notifies(job('a', 'Export ready'), true)).toBe(false);
    expect(warn).toHaveBeenCalledTimes(1);
    refuse = false;
    expect(tab.notifies(job('a', 'Export ready'), true)).toBe(true);
    expect(shown).toHaveLength(1);
  });

  it('focuses the tab and opens the outcome on a click', () => {
    const focus = vi.spyOn(window, 'focus').mockImplementation(() => undefined);
    setVisibility('hidden');
    ends(job('a', 'Export ready'));
    shown[0]?.onclick?.();
    expect(focus).toHaveBeenCalledTimes(1);
    expect(opened).toEqual(['a']);
    expect(shown[0]?.closed).toBe(true);
  });

  it('closes what it showed when the user comes back', () => {
    setVisibility('hidden');
    ends(job('a', 'Export ready'));
    setVisibility('visible');
    expect(shown[0]?.closed).toBe(true);
  });

  it('asks for permission only when called, and not again once answered', async () => {
    permission = 'default';
    expect(FakeNotification.requestPermission).not.toHaveBeenCalled();
    expect(await requestNotificationPermission()).toBe('granted');
    expect(await requestNotificationPermission()).toBe('granted');
    expect(FakeNotification.requestPermission).toHaveBeenCalledTimes(1);
  });

  it('answers unsupported where the browser has no notifications', async () => {
    vi.stubGlobal('Notification', undefined);
    expect(await requestNotificationPermission()).toBe('unsupported');
  });
});
