import { memo, type ReactNode, useId } from 'react';
import { useJobsConfig } from '../../react/context';
import { JOBS_STATUS_GROUPS, type JobsPanelCounts, type JobsPanelOperation, type JobsStatusGroup } from '../../react/use-jobs-panel';
import { flag } from '../shared';
import type { JobsPanelPartGetter } from './parts';

export interface JobsPanelHeaderProps {
  titleId: string;
  title: string;
  counts: JobsPanelCounts;
  status: JobsStatusGroup;
  onStatusChange(status: JobsStatusGroup): void;
  operations: readonly JobsPanelOperation[];
  operation: string | null;
  onOperationChange(operation: string | null): void;
  part: JobsPanelPartGetter;
}

/**
 * Title, counts and filters. Re-renders when the counts, the operations or a filter change, never on
 * a progress tick. The counts are plain text: no live region, so nothing is announced as they change.
 */
export const JobsPanelHeader = memo(function JobsPanelHeader(props: JobsPanelHeaderProps): ReactNode {
  const { titleId, title, counts, status, operations, operation, part } = props;
  const { t } = useJobsConfig('JobsPanel');
  const name = useId();
  const showOperations = operations.length > 1 || operation !== null;
  return (
    <div {...part('header')}>
      <h2 id={titleId} {...part('title')}>
        {title}
      </h2>
      <span {...part('counts')}>{t('panel.counts', { total: counts.total, active: counts.active })}</span>
      <fieldset {...part('filters')}>
        <legend>{t('panel.filter')}</legend>
        {JOBS_STATUS_GROUPS.map((group) => (
          <label key={group} {...part('filter')} data-checked={flag(group === status)}>
            <input type="radio" name={name} value={group} checked={group === status} onChange={() => props.onStatusChange(group)} />
            {t(`panel.filter.${group}`)}
          </label>
        ))}
      </fieldset>
      {showOperations ? (
        <label {...part('operation')}>
          <span>{t('panel.operation')}</span>
          <select value={operation ?? ''} onChange={(event) => props.onOperationChange(event.target.value === '' ? null : event.target.value)}>
            <option value="">{t('panel.operation.all')}</option>
            {operations.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
            {operation !== null && !operations.some((option) => option.value === operation) ? <option value={operation}>{operation}</option> : null}
          </select>
        </label>
      ) : null}
    </div>
  );
});
