import type { CSSProperties, ReactNode } from 'react';
import { formatPercent } from '../../core';
import { useJobsConfig } from '../../react/context';

export interface ProgressBarProps {
  /** 0..100; `undefined` shows an indeterminate bar (work going on, amount unknown). */
  value: number | undefined;
  /** The accessible name, e.g. the job's label. */
  label: string;
  /** What a screen reader says for the value; the percentage (or "In progress") by default. */
  valueText?: string;
  className?: string;
  style?: CSSProperties;
}

/**
 * A progress bar that moves with `transform: scaleX(...)`, so a tick costs no layout. Omits
 * `aria-valuenow` while indeterminate, as screen readers expect.
 */
export function ProgressBar({ value, label, valueText, className, style }: ProgressBarProps): ReactNode {
  const { locale, t } = useJobsConfig('ProgressBar');
  const indeterminate = value === undefined || !Number.isFinite(value);
  const clamped = indeterminate ? 0 : Math.min(100, Math.max(0, value));
  const text = valueText ?? (indeterminate ? t('progress.indeterminate') : formatPercent(clamped, locale));
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={indeterminate ? undefined : Math.round(clamped)}
      aria-valuetext={text}
      data-jk=""
      data-slot="progress-track"
      data-indeterminate={indeterminate ? '' : undefined}
      className={className}
      style={{ ...style, ['--jk-progress' as string]: clamped / 100 }}
    >
      <div data-jk="" data-slot="progress-fill" />
    </div>
  );
}
