import { useEffect, useRef } from 'react';
import { endsOf, type JobEnd } from '../store';
import { useJobsStore } from './context';

export type { JobEnd } from '../store';

/**
 * Calls `callback` once for every job the provider sees ending (complete, failed or canceled), with how
 * that end is told: whether its outcome pops up in a mounted outcome dialog, or it gets a notice. Views
 * that report ends follow that decision, so an end is reported once. The callback may change freely.
 */
export function useJobEnds(callback: (end: JobEnd) => void): void {
  const { store } = useJobsStore('useJobEnds');
  const latest = useRef(callback);
  latest.current = callback;
  useEffect(() => endsOf(store).on((end) => latest.current(end)), [store]);
}
