import { memo, type ReactNode, useId } from 'react';
import { useJobsConfig } from '../../react/context';
import {
  JOBS_STATUS_GROUPS,
  type JobsPanelCounts,
  type JobsPanelOperation,
  type JobsStatusGroup,
} from '../../react/use-jobs-panel';
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
  /** The search text as typed (the list follows it after a pause). */
  search: string;
  onSearchChange(search: string): void;
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
      <label {...part('search')}>
        <span>{t('panel.search')}</span>
        <input
          type="search"
          value={props.search}
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => props.onSearchChange(event.target.value)}
          onKeyDown={(event) => {
            // Escape clears the text first; an empty field lets Escape through (to close a popover).
            if (event.key !== 'Escape' || props.search === '') return;
            event.preventDefault();
            props.onSearchChange('');
          }}
        />
      </label>
      <fieldset {...part('filters')}>
        <legend>{t('panel.filter')}</legend>
        {JOBS_STATUS_GROUPS.map((group) => (
          <label key={group} {...part('filter')} data-checked={flag(group === status)}>
            <input
              type="radio"
              name={name}
              value={group}
              checked={group === status}
              onChange={() => props.onStatusChange(group)}
            />
            {t(`panel.filter.${group}`)}
          </label>
        ))}
      </fieldset>
      {showOperations ? (
        <label {...part('operation')}>
          <span>{t('panel.operation')}</span>
          <select
            value={operation ?? ''}
            onChange={(event) => props.onOperationChange(event.target.value === '' ? null : event.target.value)}
          >
            <option value="">{t('panel.operation.all')}</option>
            {operations.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
            {operation !== null && !operations.some((option) => option.value === operation) ? (
              <option value={operation}>{operation}</option>
            ) : null}
          </select>
        </label>
      ) : null}
    </div>
  );
});
