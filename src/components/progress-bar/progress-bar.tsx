import { clsx } from 'clsx';
import type { CSSProperties, ReactNode } from 'react';
import { formatPercent } from '../../core';
import { useJobsConfig } from '../../react/context';
import { flag, type PartClassNames, type RootAttributes, useStyling } from '../shared';

export type ProgressBarPart = 'root' | 'fill';
export type ProgressBarClassNames = PartClassNames<ProgressBarPart>;

interface ProgressBarOwnProps {
  /** 0..100; `undefined` shows an indeterminate bar (work going on, amount unknown). */
  value: number | undefined;
  /** The accessible name, e.g. the job's label. */
  label: string;
  /** What a screen reader says for the value; the percentage (or "In progress") by default. */
  valueText?: string;
  className?: string;
  style?: CSSProperties;
  classNames?: ProgressBarClassNames;
  unstyled?: boolean;
}

export interface ProgressBarProps extends ProgressBarOwnProps, RootAttributes<HTMLDivElement, ProgressBarOwnProps> {}

/**
 * A progress bar that moves with `transform: scaleX(...)`, so a tick costs no layout. Omits
 * `aria-valuenow` while indeterminate, as screen readers expect.
 */
function indeterminateOf(value: number | undefined): value is undefined {
  return value === undefined || !Number.isFinite(value);
}

export function ProgressBar({
  value,
  label,
  valueText,
  className,
  style,
  classNames: ownClassNames,
  unstyled: ownUnstyled,
  ...rest
}: ProgressBarProps): ReactNode {
  const { locale, t } = useJobsConfig('ProgressBar');
  const { classNames, unstyled } = useStyling('ProgressBar', { classNames: ownClassNames, unstyled: ownUnstyled });
  const state = indeterminateOf(value)
    ? 'indeterminate'
    : Math.min(100, Math.max(0, value ?? 0)) >= 100
      ? 'complete'
      : 'loading';
  const indeterminate = value === undefined || !Number.isFinite(value);
  const clamped = indeterminate ? 0 : Math.min(100, Math.max(0, value));
  const text = valueText ?? (indeterminate ? t('progress.indeterminate') : formatPercent(clamped, locale));
  return (
    <div
      {...rest}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={indeterminate ? undefined : Math.round(clamped)}
      aria-valuetext={text}
      data-jk=""
      data-slot="progress-track"
      data-indeterminate={indeterminate ? '' : undefined}
      data-state={state}
      data-unstyled={flag(unstyled)}
      className={clsx(classNames.root, className) || undefined}
      style={{ ...style, ['--jk-progress' as string]: clamped / 100 }}
    >
      <div
        data-jk=""
        data-slot="progress-fill"
        data-state={state}
        data-unstyled={flag(unstyled)}
        className={classNames.fill}
      />
    </div>
  );
}
