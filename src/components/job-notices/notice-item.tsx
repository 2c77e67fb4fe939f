import { type ReactNode, useEffect } from 'react';
import { useJobsConfig } from '../../react/context';
import { useRetryJob } from '../../react/use-retry-job';
import type { JobNoticesPart } from './job-notices';
import type { JobNotice } from './use-job-notices';

export interface NoticeItemProps {
  notice: JobNotice;
  /** Ms before a success notice goes; 0 or Infinity keeps it. */
  duration: number;
  /** The pointer or focus is on the notices: nothing goes by itself. */
  paused: boolean;
  onDismiss(): void;
  part(name: JobNoticesPart): { 'data-slot': string; 'data-unstyled': '' | undefined; className: string | undefined };
}

/** One notice: what ended, why it failed, Retry and Dismiss. Only success notices go by themselves. */
export function NoticeItem({ notice, duration, paused, onDismiss, part }: NoticeItemProps): ReactNode {
  const { t } = useJobsConfig('JobNotices');
  const retry = useRetryJob();
  const failed = notice.status === 'failed';
  const lasts = failed || !(duration > 0) || !Number.isFinite(duration);

  // Restarted in full after a pause: the user gets the whole time again once they look away.
  useEffect(() => {
    if (lasts || paused) return;
    const timer = setTimeout(onDismiss, duration);
    return () => clearTimeout(timer);
  }, [lasts, paused, duration, onDismiss]);

  return (
    <div {...part('notice')} data-status={notice.status} data-pending={retry.isPending ? '' : undefined}>
      <p {...part('text')}>{t(failed ? 'notice.failed' : 'notice.complete', { label: notice.label })}</p>
      {failed && notice.message !== undefined ? <p {...part('message')}>{notice.message}</p> : null}
      {retry.error === null ? null : (
        <p {...part('error')}>{t('notice.retryFailed', { error: retry.error.message })}</p>
      )}
      <div {...part('actions')}>
        {failed ? (
          <button
            type="button"
            {...part('retry')}
            aria-disabled={retry.isPending || undefined}
            onClick={() => {
              if (!retry.isPending) retry.mutate(notice.jobId, { onSuccess: onDismiss });
            }}
          >
            {retry.isPending ? t('notice.retrying') : t('notice.retry')}
          </button>
        ) : null}
        <button
          type="button"
          {...part('dismiss')}
          aria-label={`${t('notice.dismiss')}: ${notice.label}`}
          onClick={onDismiss}
        >
          {t('notice.dismiss')}
        </button>
      </div>
    </div>
  );
}
