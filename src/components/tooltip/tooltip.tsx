import { cloneElement, type CSSProperties, type ReactElement, type ReactNode, useLayoutEffect, useRef, useState } from 'react';
import { clsx } from 'clsx';
import { flag } from '../shared';
import { useTooltip } from './use-tooltip';
import { applyShift, fittingSide, viewportShift } from './viewport-shift';

export type TooltipTone = 'info' | 'error';
export type TooltipSide = 'top' | 'bottom';
export type TooltipPart = 'root' | 'content';

export interface TooltipProps {
  /** What the tooltip says. Nothing (undefined, null, false, '') shows no tooltip. */
  content: ReactNode | undefined;
  /** The trigger: one element that takes `aria-describedby` (a button; `aria-disabled` is fine). */
  children: ReactElement<{ 'aria-describedby'?: string }>;
  open?: boolean;
  defaultOpen?: boolean;
  onOpenChange?(open: boolean): void;
  /** `error` styles the tooltip as the reason something is disabled. Default `info`. */
  tone?: TooltipTone;
  /** Above (default) or below the trigger; it goes to the other side when it does not fit on this one. */
  side?: TooltipSide;
  className?: string;
  style?: CSSProperties;
  classNames?: Partial<Record<TooltipPart, string>>;
  unstyled?: boolean;
}

function hasContent(content: ReactNode): boolean {
  return content !== undefined && content !== null && content !== false && content !== '';
}

/**
 * A tooltip for mouse, keyboard and screen-reader users alike. It shows after the pointer rests on the
 * trigger and at once on keyboard focus; Escape hides it; the pointer may move onto it. Its content stays
 * in the DOM (hidden while closed) and describes the trigger through `aria-describedby`, so a screen
 * reader hears it whether or not it is shown.
 *
 * Placement is CSS (centred above or below); when that would cross the viewport's edge, it is measured
 * once as it opens: it goes to the other side of the trigger (when it fits there) and is nudged sideways,
 * so it stays readable.
 *
 * The trigger is always wrapped in the same element, with or without content: when a disabled reason
 * appears on a focused button, the button is not re-created and keeps focus.
 */
export function Tooltip({
  content,
  children,
  open: openProp,
  defaultOpen,
  onOpenChange,
  tone = 'info',
  side = 'top',
  className,
  style,
  classNames,
  unstyled,
}: TooltipProps): ReactNode {
  const enabled = hasContent(content);
  const { open, contentId, rootProps } = useTooltip({ open: openProp, defaultOpen, onOpenChange, enabled });
  const rootRef = useRef<HTMLSpanElement>(null);
  const contentRef = useRef<HTMLSpanElement>(null);
  const [placed, setPlaced] = useState<TooltipSide>(side);
  // Centred by CSS; moved to the other side, or nudged sideways, only when it would cross the viewport's
  // edge. Measured before paint, so a tooltip is never seen clipped first.
  useLayoutEffect(() => {
    const root = rootRef.current;
    const tip = contentRef.current;
    if (!open || root === null || tip === null) return;
    const box = root.getBoundingClientRect();
    const viewport = root.ownerDocument.documentElement;
    const gap = Number.parseFloat(getComputedStyle(tip).getPropertyValue('--jk-tooltip-gap')) || 0;
    setPlaced(fittingSide(side, box.top, box.bottom, tip.offsetHeight, viewport.clientHeight, gap));
    const centre = box.left + box.width / 2;
    const width = tip.offsetWidth;
    applyShift(tip, '--jk-tooltip-shift', viewportShift(centre - width / 2, centre + width / 2, viewport.clientWidth));
  }, [open, side]);
  const state = open ? 'open' : 'closed';
  const unstyledFlag = flag(unstyled);
  const describedBy = children.props['aria-describedby'];
  const trigger = enabled
    ? cloneElement(children, { 'aria-describedby': clsx(describedBy, contentId) })
    : children;
  return (
    <span
      {...rootProps}
      ref={rootRef}
      data-slot="tooltip"
      data-state={state}
      data-unstyled={unstyledFlag}
      className={clsx(className, classNames?.root)}
      style={style}
    >
      {trigger}
      {enabled ? (
        <span
          ref={contentRef}
          role="tooltip"
          id={contentId}
          hidden={!open}
          data-slot="tooltip-content"
          data-state={state}
          data-tone={tone}
          data-side={placed}
          data-unstyled={unstyledFlag}
          className={classNames?.content}
        >
          {content}
        </span>
      ) : null}
    </span>
  );
}
