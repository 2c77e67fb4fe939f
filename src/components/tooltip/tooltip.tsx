import { clsx } from 'clsx';
import { cloneElement, type CSSProperties, type ReactElement, type ReactNode } from 'react';
import {
  chainHandlers,
  FloatingPortal,
  flag,
  type PartClassNames,
  type PortalContainer,
  type RootAttributes,
  type Side,
  useAnchored,
  useStyling,
} from '../shared';
import { useTooltip } from './use-tooltip';

export type TooltipTone = 'info' | 'error';
export type TooltipSide = Side;
export type TooltipPart = 'root' | 'content';
export type TooltipClassNames = PartClassNames<TooltipPart>;

/** The distance (px) between the trigger and the tooltip. */
const TOOLTIP_GAP = 6;

interface TooltipOwnProps {
  /** What the tooltip says. Nothing (undefined, null, false, '') shows no tooltip. */
  content: ReactNode | undefined;
  /** The trigger: one element that takes `aria-describedby` (a button; `aria-disabled` is fine). */
  children: ReactElement<{ 'aria-describedby'?: string }>;
  open?: boolean;
  defaultOpen?: boolean;
  onOpenChange?(open: boolean): void;
  /** `error` styles the tooltip as the reason something is disabled. Default `info`. */
  tone?: TooltipTone;
  /**
   * Which side of the trigger it goes on, `top` by default. Where it does not fit, it goes to the other side
   * (or, failing that, one of the two across) and slides along the edge to stay inside the viewport.
   */
  side?: TooltipSide;
  /** Where the tooltip is mounted; the document's body by default. */
  container?: PortalContainer;
  className?: string;
  style?: CSSProperties;
  classNames?: TooltipClassNames;
  unstyled?: boolean;
}

export interface TooltipProps extends TooltipOwnProps, RootAttributes<HTMLSpanElement, TooltipOwnProps> {}

function hasContent(content: ReactNode): boolean {
  return content !== undefined && content !== null && content !== false && content !== '';
}

/**
 * A tooltip for mouse, keyboard and screen-reader users alike. It shows after the pointer rests on the
 * trigger and at once on keyboard focus; Escape hides it; the pointer may move onto it. Its content stays
 * in the DOM (hidden while closed) and describes the trigger through `aria-describedby`, so a screen
 * reader hears it whether or not it is shown.
 *
 * It is portalled (an `overflow: hidden` toolbar never clips it) and placed by Floating UI: centred on the
 * side asked for, flipped and shifted to stay inside the viewport, following the trigger while open.
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
  classNames: ownClassNames,
  unstyled: ownUnstyled,
  container: ownContainer,
  ...rest
}: TooltipProps): ReactNode {
  const { classNames, unstyled, container } = useStyling('Tooltip', {
    classNames: ownClassNames,
    unstyled: ownUnstyled,
    container: ownContainer,
  });
  const enabled = hasContent(content);
  const { open, contentId, rootProps } = useTooltip({ open: openProp, defaultOpen, onOpenChange, enabled });
  const anchored = useAnchored({ open, placement: side, gap: TOOLTIP_GAP, crossSides: true });
  const state = open ? 'open' : 'closed';
  const unstyledFlag = flag(unstyled);
  const describedBy = children.props['aria-describedby'];
  const trigger = enabled ? cloneElement(children, { 'aria-describedby': clsx(describedBy, contentId) }) : children;
  return (
    <span
      {...rest}
      {...chainHandlers(rest, rootProps)}
      ref={anchored.setReference}
      data-jk=""
      data-slot="tooltip"
      data-state={state}
      data-unstyled={unstyledFlag}
      className={clsx(className, classNames?.root)}
      style={style}
    >
      {trigger}
      {enabled ? (
        <FloatingPortal container={container} dir={anchored.dir}>
          <span
            ref={anchored.setFloating}
            role="tooltip"
            id={contentId}
            hidden={!open}
            data-jk=""
            data-slot="tooltip-content"
            data-state={state}
            data-tone={tone}
            data-side={anchored.side}
            data-unstyled={unstyledFlag}
            className={classNames?.content}
            style={anchored.style}
          >
            {content}
          </span>
        </FloatingPortal>
      ) : null}
    </span>
  );
}
