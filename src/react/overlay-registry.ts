import type { BlockRegion } from '../core';

/** Why a region stopped waiting for a job that had not ended, or that a job it showed failed. */
export type NoticeKind = 'released' | 'lost' | 'unreachable' | 'failed';

export interface OverlayNotice {
  id: string;
  kind: NoticeKind;
  label: string;
  info?: string;
}

export interface SourceOverlayState {
  /** Jobs the user stopped waiting for (or that vanished): no region of the source waits for them. */
  released: ReadonlySet<string>;
  notices: readonly OverlayNotice[];
  /** The regions of this source on screen; notices show in one of them (the resource, when there). */
  regions: readonly BlockRegion[];
}

const empty: SourceOverlayState = { released: new Set(), notices: [], regions: [] };

/**
 * Where focus goes when a region defers a job's controls to another region: the panel that holds them.
 * The regions commit in tree order, so the panel may register before or after the region that sends
 * focus to it; a request made first waits for it.
 */
export class PanelFocus {
  private readonly elements = new Map<string, HTMLElement>();
  private readonly waiting = new Set<string>();
  /** Where focus was before it was sent to a panel, by job: the panel gives it back there. */
  private readonly from = new Map<string, HTMLElement>();

  /** The panel showing `jobId`'s controls is on screen; returns its removal. */
  register(jobId: string, element: HTMLElement): () => void {
    this.elements.set(jobId, element);
    if (this.waiting.delete(jobId)) element.focus();
    return () => {
      if (this.elements.get(jobId) === element) this.elements.delete(jobId);
    };
  }

  /** Moves focus from `from` to the panel of `jobId`, now or as soon as it registers. */
  send(jobId: string, from: HTMLElement): void {
    this.from.set(jobId, from);
    const element = this.elements.get(jobId);
    if (element === undefined) this.waiting.add(jobId);
    else element.focus();
  }

  /** Where focus came from before it was sent to the panel of `jobId`, once. */
  takeOrigin(jobId: string): HTMLElement | undefined {
    const from = this.from.get(jobId);
    this.from.delete(jobId);
    return from;
  }

  /** The region that sent focus was freed: it gives focus back itself. */
  forget(jobId: string): void {
    this.waiting.delete(jobId);
    this.from.delete(jobId);
  }
}

/**
 * What the overlays of one source share, so that "Stop waiting" frees every region at once and a notice
 * shows once however many regions cover the source. UI state only: jobs stay in the react-query cache.
 */
export class OverlayRegistry {
  private readonly states = new Map<string, SourceOverlayState>();
  private readonly listeners = new Set<() => void>();
  /** Focus sent between the regions of a job that blocks several (one set per provider). */
  readonly panels = new PanelFocus();

  get(source: string): SourceOverlayState {
    return this.states.get(source) ?? empty;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  mount(source: string, region: BlockRegion): () => void {
    this.update(source, (s) => ({ ...s, regions: [...s.regions, region] }));
    return () =>
      this.update(source, (s) => {
        const regions = [...s.regions];
        regions.splice(regions.indexOf(region), 1);
        return { ...s, regions };
      });
  }

  release(source: string, jobId: string, notice: OverlayNotice): void {
    this.update(source, (s) => ({
      ...s,
      released: new Set(s.released).add(jobId),
      notices: withNotice(s.notices, notice),
    }));
  }

  notify(source: string, notice: OverlayNotice): void {
    this.update(source, (s) => ({ ...s, notices: withNotice(s.notices, notice) }));
  }

  dismiss(source: string, notice: OverlayNotice): void {
    this.update(source, (s) => ({ ...s, notices: s.notices.filter((n) => n !== notice) }));
  }

  private update(source: string, change: (state: SourceOverlayState) => SourceOverlayState): void {
    this.states.set(source, change(this.get(source)));
    for (const listener of [...this.listeners]) listener();
  }
}

function withNotice(notices: readonly OverlayNotice[], notice: OverlayNotice): OverlayNotice[] {
  return [...notices.filter((n) => n.id !== notice.id || n.kind !== notice.kind), notice];
}
