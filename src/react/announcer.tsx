import { type ReactNode, useEffect, useState } from 'react';
import { useJobsStore } from './context';

export type Politeness = 'polite' | 'assertive';

/** What a job can announce: its start, each quarter, its end. At most once each per job. */
export type Milestone = 'start' | 25 | 50 | 75 | 'end';

export interface Announcer {
  /** Says `text` in the live region. */
  announce(text: string, politeness?: Politeness): void;
  /**
   * Says `text` for `jobId`'s `milestone`, once per run: two parts showing one job announce it once. A
   * `start` after an `end` begins a new run (a retry); a job is announced six times at most in all.
   */
  announceMilestone(jobId: string, milestone: Milestone, text: string, politeness?: Politeness): void;
}

/** The quarter `next` reached that `prev` had not, if any (the highest, when a jump passes several). */
export function crossedQuarter(prev: number | undefined, next: number | undefined): 25 | 50 | 75 | undefined {
  if (next === undefined) return undefined;
  const before = prev ?? 0;
  for (const quarter of [75, 50, 25] as const) if (before < quarter && next >= quarter) return quarter;
  return undefined;
}

const MAX_PER_JOB = 6;
/**
 * The jobs whose milestones are remembered: the most recently announced. Two parts showing one job
 * announce its milestones within moments of each other; a console open all day keeps no record of every
 * job it ever announced.
 */
const REMEMBERED_JOBS = 100;

type Regions = Record<Politeness, string>;
type Show = (text: string, politeness: Politeness) => void;

/**
 * The provider's live regions: one polite (milestones) and one assertive (failures), visually hidden and
 * rendered once. Messages are set, not appended, so a region never grows. `connect` hands the announcer
 * what shows a message, once they are on screen.
 */
function LiveRegions({ connect }: { connect(show: Show): () => void }): ReactNode {
  const [text, setText] = useState<Regions>({ polite: '', assertive: '' });
  useEffect(
    () => connect((value, politeness) => setText((current) => ({ ...current, [politeness]: value }))),
    [connect],
  );
  return (
    <div data-jk="" data-slot="visually-hidden">
      <div role="status" aria-live="polite" aria-atomic="true" data-jk="" data-slot="live-region-polite">
        {text.polite}
      </div>
      <div aria-live="assertive" aria-atomic="true" data-jk="" data-slot="live-region-assertive">
        {text.assertive}
      </div>
    </div>
  );
}

const ANNOUNCER = Symbol('announcer');

/** One provider's announcer and its live regions; what is said before they are on screen is said once they are. */
function announcerSlot(): { announcer: Announcer; regions: ReactNode } {
  const said = new Map<string, { run: Set<Milestone>; count: number }>();
  let show: Show | undefined;
  let pending: Partial<Regions> = {};
  let flip = false;
  const announce = (message: string, politeness: Politeness = 'polite') => {
    // A zero-width joiner makes a repeated message a change the screen reader announces again.
    flip = !flip;
    const value = flip ? message : `${message}\u200d`;
    if (show === undefined) pending[politeness] = value;
    else show(value, politeness);
  };
  const connect = (next: Show) => {
    show = next;
    for (const [politeness, value] of Object.entries(pending)) next(value, politeness as Politeness);
    pending = {};
    return () => {
      show = undefined;
    };
  };
  return {
    announcer: {
      announce,
      announceMilestone(jobId, milestone, message, politeness) {
        const job = said.get(jobId) ?? { run: new Set<Milestone>(), count: 0 };
        // Most recent last; past the bound, the job announced longest ago is forgotten.
        said.delete(jobId);
        said.set(jobId, job);
        if (said.size > REMEMBERED_JOBS) said.delete(said.keys().next().value as string);
        if (milestone === 'start' && job.run.has('end')) job.run = new Set();
        if (job.run.has(milestone) || job.count >= MAX_PER_JOB) return;
        job.run.add(milestone);
        job.count += 1;
        announce(message, politeness);
      },
    },
    regions: <LiveRegions key="live-regions" connect={connect} />,
  };
}

/**
 * The provider's live regions, for a component that announces: they are rendered in the provider once the
 * first such component mounts (a host that renders none gets none), and a message said before they are on
 * screen is said once they are.
 */
export function useAnnouncer(hook = 'useAnnouncer'): Announcer {
  const { slots } = useJobsStore(hook);
  const slot = slots.get(ANNOUNCER, announcerSlot);
  useEffect(() => slots.render(ANNOUNCER, slot.regions), [slots, slot]);
  return slot.announcer;
}
