import { type CSSProperties, type FocusEvent, type ReactNode, useMemo, useRef, useState } from 'react';
import { useJobsConfig } from '../../react/context';
import { chainHandlers, flag, type PartClassNames, partGetter, type RootAttributes, useStyling } from '../shared';
import { NoticeItem } from './notice-item';
import { useJobNotices } from './use-job-notices';

export type JobNoticesPart = 'root' | 'notice' | 'text' | 'message' | 'error' | 'actions' | 'retry' | 'dismiss';
export type JobNoticesClassNames = PartClassNames<JobNoticesPart>;

interface JobNoticesOwnProps {
  /**
   * How long a success notice stays (ms), counted again from the start each time the pointer or focus
   * leaves the notices. Default 6000; 0 or `Infinity` keeps them until dismissed. Failures always stay.
   */
  duration?: number;
  /** The most notices shown at once; the oldest success notices give way first. Default 5. */
  max?: number;
  className?: string;
  style?: CSSProperties;
  classNames?: JobNoticesClassNames;
  unstyled?: boolean;
}

export interface JobNoticesProps extends JobNoticesOwnProps, RootAttributes<HTMLDivElement, JobNoticesOwnProps> {}

/**
 * Mount once inside the provider. When a background job the user started ends, a notice says so in one
 * polite live region, a stack in a corner of the page that blocks nothing: "Export finished.", or for a
 * failure its message with Retry and Dismiss. Failures stay until dismissed or retried; success notices go
 * after `duration`, never while hovered or focused. Background jobs skip acknowledgement (Flatfile's
 * rule), so their outcome never pops up: its `next` stays reachable from the Jobs Panel's "View outcome".
 */
export function JobNotices(props: JobNoticesProps): ReactNode {
  const {
    duration = 6000,
    max = 5,
    className: _className,
    style: _style,
    classNames: _classNames,
    unstyled: _unstyled,
    ...rest
  } = props;
  const { classNames, unstyled } = useStyling('JobNotices', props);
  const { t } = useJobsConfig('JobNotices');
  const { notices, dismiss } = useJobNotices(max);
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const region = useRef<HTMLDivElement>(null);
  const part = useMemo(
    () => partGetter<JobNoticesPart>('job-notice', { root: 'job-notices', notice: 'job-notice' }, classNames, unstyled),
    [unstyled, classNames],
  );

  /** Dismisses a notice; focus inside it moves to the next notice's first button rather than the page. */
  const dismissAt = (key: string) => {
    const element = region.current;
    const active = element?.ownerDocument.activeElement;
    const items =
      element === null || element === undefined
        ? []
        : [...element.querySelectorAll<HTMLElement>('[data-slot="job-notice"]')];
    const index = notices.findIndex((notice) => notice.key === key);
    const had = active instanceof HTMLElement && items[index]?.contains(active);
    dismiss(key);
    if (had) (items[index + 1] ?? items[index - 1])?.querySelector<HTMLElement>('button')?.focus();
  };

  return (
    <div
      {...rest}
      ref={region}
      role="status"
      aria-live="polite"
      aria-atomic="false"
      aria-label={t('notice.region')}
      {...part('root', props.className)}
      style={props.style}
      data-paused={flag(hovered || focused)}
      {...chainHandlers(rest, {
        onMouseEnter: () => setHovered(true),
        onMouseLeave: () => setHovered(false),
        onFocus: () => setFocused(true),
        onBlur: (event: FocusEvent<HTMLDivElement>) => {
          if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setFocused(false);
        },
      })}
    >
      {notices.map((notice) => (
        <NoticeItem
          key={notice.key}
          notice={notice}
          duration={duration}
          paused={hovered || focused}
          onDismiss={() => dismissAt(notice.key)}
          part={part}
        />
      ))}
    </div>
  );
}
