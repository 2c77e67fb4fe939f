import type { Job } from '../core';
import type { JobEnd } from './job-ends';

/** What the hidden-tab notifier needs from the provider: words, the opt-in, what a click opens. */
export interface HiddenTabHost {
  /** The title while ends wait: how many, the last one's heading, and the title it stands in front of. */
  title(count: number, heading: string, base: string): string;
  /** The heading of an end: its outcome's heading, else "Export finished" / "Export failed". */
  heading(job: Job): string;
  /** The notification's body: a failure's reason, an outcome's message. */
  body(job: Job): string | undefined;
  /** The host opted in to system notifications. */
  optedIn(): boolean;
  /** A notification was clicked: the tab has focus; open the job's outcome. */
  open(job: Job): void;
}

/** `Notification` where the browser has one (not on the server, not in every webview). */
function notificationApi(): typeof Notification | undefined {
  return typeof Notification === 'function' ? Notification : undefined;
}

/**
 * Asks the user for permission to show system notifications of finished jobs. Call it from a click (a
 * browser refuses, or remembers a refusal, when a page asks on load). Answers the permission as it stands
 * after asking: `unsupported` where the browser has no notifications.
 */
export async function requestNotificationPermission(): Promise<NotificationPermission | 'unsupported'> {
  const api = notificationApi();
  if (api === undefined) return 'unsupported';
  if (api.permission !== 'default') return api.permission;
  return api.requestPermission();
}

/**
 * Whether a job's end is news for a hidden tab: the user started (or acted on) it through this provider,
 * and it is not a `hidden` job (which the kit never shows). Jobs started in another tab are that tab's to
 * tell, so two tabs of one user never notify twice.
 */
export function isHiddenTabNews(job: Job, started: boolean): boolean {
  return started && job.mode !== 'hidden';
}

/**
 * The title of one document, shared by every provider on it: two providers count into one title and
 * the first to see the tab visible again puts it back once.
 */
class TitleKeeper {
  users = 0;
  private count = 0;
  private base = '';
  private written: string | undefined;

  constructor(private readonly doc: Document) {}

  write(heading: string, format: HiddenTabHost['title']): void {
    const current = this.doc.title;
    if (this.written === undefined || current !== this.written) this.base = current;
    this.count += 1;
    this.written = format(this.count, heading, this.base);
    this.doc.title = this.written;
  }

  restore(): void {
    if (this.written !== undefined && this.doc.title === this.written) this.doc.title = this.base;
    this.written = undefined;
    this.count = 0;
  }
}

const keepers = new WeakMap<Document, TitleKeeper>();

function keeperOf(doc: Document): TitleKeeper {
  let keeper = keepers.get(doc);
  if (keeper === undefined) {
    keeper = new TitleKeeper(doc);
    keepers.set(doc, keeper);
  }
  return keeper;
}

/**
 * While the document is hidden, the ends of the user's jobs change its title ("(2) Export ready · My
 * app") and, if the host opted in and the user granted permission, each shows a system notification.
 *
 * The title rule: the kit remembers the title it found and writes its own in front of it. When the tab
 * is visible again it puts the remembered title back, but only if the title is still the one the kit
 * wrote: a title the host set meanwhile is left as it is. A later end, while still hidden, counts on
 * and writes in front of the host's new title (which is then the one put back).
 */
export class HiddenTab {
  private readonly title: TitleKeeper;
  private readonly shown = new Set<Notification>();

  constructor(
    private readonly doc: Document,
    private readonly host: HiddenTabHost,
  ) {
    this.title = keeperOf(doc);
  }

  private hidden(): boolean {
    return this.doc.visibilityState === 'hidden';
  }

  /**
   * Shows the system notification of the end of `job` when it gets one now, and says whether it did: decided
   * (and shown) before anything announces the end, so an end the browser refuses to notify is still announced.
   */
  notifies(job: Job, started: boolean): boolean {
    if (!isHiddenTabNews(job, started) || !this.hidden() || !this.host.optedIn()) return false;
    if (notificationApi()?.permission !== 'granted') return false;
    return this.notify(job, this.host.heading(job));
  }

  /** A job ended (as the store routed it): while hidden, the title says so, and a notification if decided. */
  ended(end: JobEnd): void {
    if (!isHiddenTabNews(end.job, end.started) || !this.hidden()) return;
    const heading = this.host.heading(end.job);
    this.title.write(heading, this.host.title);
  }

  private notify(job: Job, heading: string): boolean {
    const api = notificationApi();
    if (api === undefined) return false;
    const body = this.host.body(job);
    let notification: Notification;
    try {
      notification = new api(heading, { tag: `jobkit:${job.id}`, ...(body === undefined ? {} : { body }) });
    } catch (error) {
      // Some browsers allow notifications only from a service worker: the title and the live region tell.
      console.warn('[jobkit] could not show a notification', error);
      return false;
    }
    this.shown.add(notification);
    notification.onclose = () => this.shown.delete(notification);
    notification.onclick = () => {
      this.doc.defaultView?.focus();
      notification.close();
      this.shown.delete(notification);
      this.host.open(job);
    };
    return true;
  }

  /** The tab is visible again (or the last provider goes): the title comes back, notifications close. */
  visible(): void {
    this.title.restore();
    this.closeNotifications();
  }

  private closeNotifications(): void {
    for (const notification of this.shown) notification.close();
    this.shown.clear();
  }

  /** Starts following the document's visibility; returns the stop, which also restores the title. */
  start(): () => void {
    const onChange = () => {
      if (!this.hidden()) this.visible();
    };
    this.doc.addEventListener('visibilitychange', onChange);
    this.title.users += 1;
    let started = true;
    return () => {
      if (!started) return;
      started = false;
      this.doc.removeEventListener('visibilitychange', onChange);
      this.title.users -= 1;
      // The last provider to go gives the title back; the others leave it to the ones still counting.
      if (this.title.users === 0) this.visible();
      else this.closeNotifications();
    };
  }
}
