import type { ReactNode } from 'react';
import { isKnownStatus, statusMessageKey } from '../../src/core';
import { ProgressBar, useCancelJob, useJob, useJobsMessages } from '../../src';

/** A plain row built only from the kit's public hooks: what a host could write in a few lines. */
export function JobRow({ id }: { id: string }): ReactNode {
  const { data: job } = useJob(id);
  const { t, translate } = useJobsMessages();
  const cancel = useCancelJob();
  if (job === undefined) return null;
  const label = `${job.type}:${job.operation}`;
  const status = isKnownStatus(job.status)
    ? t(statusMessageKey(job.status))
    : t('status.unknown', { status: job.status });
  return (
    <li
      data-status={job.status}
      style={{ display: 'grid', gap: 4, padding: '8px 0', borderBottom: '1px solid var(--jk-border)' }}
    >
      <div style={{ display: 'flex', gap: 8, justifyContent: 'space-between', alignItems: 'baseline' }}>
        <strong>{label}</strong>
        <span>{status}</span>
      </div>
      <ProgressBar label={label} value={job.status === 'complete' ? 100 : job.progress} />
      <div style={{ display: 'flex', gap: 8, justifyContent: 'space-between', color: 'var(--jk-muted)' }}>
        <span>{job.info === undefined ? '\u00a0' : translate(job.info)}</span>
        {job.status === 'executing' ? (
          <button type="button" onClick={() => cancel.mutate(job.id)} aria-label={`Cancel ${label}`}>
            Cancel
          </button>
        ) : null}
      </div>
    </li>
  );
}
