import { useEffect, useRef } from 'react';
import type { JobEvent, JobEventTopic, UnknownJobEventTopic } from '../core';
import { useJobsStore } from './context';

/** Which events to hear; every field narrows, none hears all. */
export interface JobEventFilter {
  topic?: JobEventTopic | UnknownJobEventTopic | readonly (JobEventTopic | UnknownJobEventTopic)[];
  jobId?: string;
  /** The job's domain (`workbook`, `sheet`...). */
  domain?: string;
  operation?: string;
  source?: string;
}

function matches(event: JobEvent, filter: JobEventFilter): boolean {
  const { topic, jobId, domain, operation, source } = filter;
  if (topic !== undefined && !(typeof topic === 'string' ? topic === event.topic : topic.includes(event.topic)))
    return false;
  if (jobId !== undefined && event.context.jobId !== jobId) return false;
  if (domain !== undefined && event.payload.domain !== domain) return false;
  if (operation !== undefined && event.payload.operation !== operation) return false;
  if (source !== undefined && event.job?.source !== source) return false;
  return true;
}

/**
 * Calls `callback` with every `job:*` event that matches `filter`: pushed by the client, or, for a client
 * that only answers reads, derived from what polls and the kit's own calls saw change (intermediate
 * steps between two polls are not seen then). The callback may change between renders freely.
 */
export function useJobEvents(filter: JobEventFilter, callback: (event: JobEvent) => void): void {
  const { store } = useJobsStore('useJobEvents');
  const latest = useRef({ filter, callback });
  latest.current = { filter, callback };
  useEffect(
    () =>
      store.on((event) => {
        if (matches(event, latest.current.filter)) latest.current.callback(event);
      }),
    [store],
  );
}
