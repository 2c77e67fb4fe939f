import { type ReactNode, useEffect, useImperativeHandle, useRef, useState, type Ref } from 'react';

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

interface Regions {
  polite: string;
  assertive: string;
}

/**
 * The provider's live regions: one polite (milestones) and one assertive (failures), visually hidden and
 * rendered once. Messages are set, not appended, so a region never grows.
 */
export function LiveRegions({ handle }: { handle: Ref<Announcer> }): ReactNode {
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
        const remembered = said.current;
        const job = remembered.get(jobId) ?? { run: new Set(), count: 0 };
        // Most recent last; past the bound, the job announced longest ago is forgotten.
        remembered.delete(jobId);
        remembered.set(jobId, job);
        if (remembered.size > REMEMBERED_JOBS) remembered.delete(remembered.keys().next().value as string);
        if (milestone === 'start' && job.run.has('end')) job.run = new Set();
        if (job.run.has(milestone) || job.count >= MAX_PER_JOB) return;
        job.run.add(milestone);
        job.count += 1;
        announce(message, politeness);
      },
    };
  }, []);
  useEffect(() => () => said.current.clear(), []);
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
