/** How close (px) a floating part may come to the sides of the viewport. */
export const VIEWPORT_MARGIN = 8;

/**
 * How far (px, negative = leftwards) to move a floating box spanning `left`..`right` so that it stays
 * `margin` inside a viewport `width` wide. The left edge wins when the box is wider than the room.
 */
export function viewportShift(left: number, right: number, width: number, margin = VIEWPORT_MARGIN): number {
  if (width <= 0 || right <= left) return 0;
  let shift = Math.min(0, width - margin - right);
  if (left + shift < margin) shift = margin - left;
  return Math.round(shift);
}

/**
 * The side a floating box `height` tall goes on: `preferred`, unless it would cross the viewport's edge
 * there (`margin` inside a viewport `viewportHeight` tall) and fits on the other side of the trigger
 * spanning `top`..`bottom`, `gap` away from it.
 */
export function fittingSide(
  preferred: 'top' | 'bottom',
  top: number,
  bottom: number,
  height: number,
  viewportHeight: number,
  gap: number,
  margin = VIEWPORT_MARGIN,
): 'top' | 'bottom' {
  const fitsAbove = top - gap - height >= margin;
  const fitsBelow = bottom + gap + height <= viewportHeight - margin;
  if (preferred === 'top') return fitsAbove || !fitsBelow ? 'top' : 'bottom';
  return fitsBelow || !fitsAbove ? 'bottom' : 'top';
}

/** Sets (or clears) a custom property with the shift that keeps a floating part on screen. */
export function applyShift(element: HTMLElement, property: string, shift: number): void {
  if (shift === 0) element.style.removeProperty(property);
  else element.style.setProperty(property, `${shift}px`);
}
