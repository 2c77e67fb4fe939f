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
 * What the overlays of one source share, so that "Stop waiting" frees every region at once and a notice
 * shows once however many regions cover the source. UI state only: jobs stay in the react-query cache.
 */
export class OverlayRegistry {
  private readonly states = new Map<string, SourceOverlayState>();
  private readonly listeners = new Set<() => void>();

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
    this.update(source, (s) => ({ ...s, released: new Set(s.released).add(jobId), notices: withNotice(s.notices, notice) }));
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
