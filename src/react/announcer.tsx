import { type ReactNode, useEffect, useImperativeHandle, useRef, useState, type Ref } from 'react';
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

interface Regions {
  polite: string;
  assertive: string;
}

type Said = (regions: Announcer) => void;

/**
 * The provider's live regions: one polite (milestones) and one assertive (failures), visually hidden and
 * rendered once. Messages are set, not appended, so a region never grows. What was said before they were
 * on screen (`pending`) is said once they are.
 */
function LiveRegions({ handle, pending }: { handle: Ref<Announcer>; pending: Said[] }): ReactNode {
  const [text, setText] = useState<Regions>({ polite: '', assertive: '' });
  const said = useRef(new Map<string, { run: Set<Milestone>; count: number }>());
  const flip = useRef(false);
  useImperativeHandle(handle, () => {
    const announce = (message: string, politeness: Politeness = 'polite') => {
      // A zero-width joiner makes a repeated message a change the screen reader announces again.
      flip.current = !flip.current;
      const value = flip.current ? message : `${message}\u200d`;
      setText((current) => ({ ...current, [politeness]: value }));
    };
    return {
      announce,
      announceMilestone(jobId, milestone, message, politeness) {
        let job = said.current.get(jobId);
        if (job === undefined) {
          job = { run: new Set(), count: 0 };
          said.current.set(jobId, job);
        }
        if (milestone === 'start' && job.run.has('end')) job.run = new Set();
        if (job.run.has(milestone) || job.count >= MAX_PER_JOB) return;
        job.run.add(milestone);
        job.count += 1;
        announce(message, politeness);
      },
    };
  }, []);
  useEffect(() => {
    const regions = (handle as { current: Announcer | null }).current;
    if (regions !== null) for (const say of pending.splice(0)) say(regions);
    return () => said.current.clear();
  }, [handle, pending]);
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
/** What is said before the regions are on screen is kept, a few messages at most. */
const MAX_PENDING = 8;

interface AnnouncerSlot {
  handle: { current: Announcer | null };
  announcer: Announcer;
  regions: ReactNode;
}

function announcerSlot(): AnnouncerSlot {
  const handle: { current: Announcer | null } = { current: null };
  const pending: Said[] = [];
  const say = (said: Said) => {
    if (handle.current !== null) said(handle.current);
    else if (pending.push(said) > MAX_PENDING) pending.shift();
  };
  return {
    handle,
    announcer: {
      announce: (text, politeness) => say((regions) => regions.announce(text, politeness)),
      announceMilestone: (jobId, milestone, text, politeness) =>
        say((regions) => regions.announceMilestone(jobId, milestone, text, politeness)),
    },
    regions: <LiveRegions handle={handle} pending={pending} />,
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
