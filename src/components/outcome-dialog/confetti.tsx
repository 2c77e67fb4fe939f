import { type CSSProperties, type ReactNode, useEffect, useState } from 'react';

/** Whether the user asked for less motion. False where it cannot be read (the server, old browsers). */
export function prefersReducedMotion(): boolean {
  return (
    typeof window !== 'undefined' &&
    typeof window.matchMedia === 'function' &&
    window.matchMedia('(prefers-reduced-motion: reduce)').matches
  );
}

const PIECES = 28;
/** How long the burst lasts (ms); the CSS animation is as long. */
export const CONFETTI_MS = 1400;

/** Spreads pieces evenly but not in a pattern (golden-ratio steps), the same on every render. */
function piece(index: number): CSSProperties {
  const spread = (index * 0.618034) % 1;
  const angle = (index / PIECES) * Math.PI * 2;
  return {
    '--jk-confetti-x': `${Math.round(Math.cos(angle) * (120 + spread * 220))}px`,
    '--jk-confetti-y': `${Math.round(Math.sin(angle) * (90 + spread * 160) + 140)}px`,
    '--jk-confetti-r': `${Math.round(spread * 720 - 360)}deg`,
    '--jk-confetti-delay': `${Math.round(spread * 120)}ms`,
  } as CSSProperties;
}

export interface ConfettiProps {
  className?: string | undefined;
  unstyled?: '' | undefined;
}

/**
 * A short burst of colored pieces, drawn with CSS and removed after `CONFETTI_MS`. Nothing at all under
 * `prefers-reduced-motion`. Decoration only: hidden from assistive technology and from the pointer.
 */
export function Confetti({ className, unstyled }: ConfettiProps): ReactNode {
  const [shown, setShown] = useState(() => !prefersReducedMotion());
  useEffect(() => {
    if (!shown) return;
    // Past the burst: the pieces wait for the dialog to rise (`--jk-duration`) and start up to 120 ms apart.
    const timer = setTimeout(() => setShown(false), CONFETTI_MS + 500);
    return () => clearTimeout(timer);
  }, [shown]);
  if (!shown) return null;
  return (
    <div
      aria-hidden="true"
      data-jk=""
      data-slot="outcome-dialog-confetti"
      data-unstyled={unstyled}
      className={className}
    >
      {Array.from({ length: PIECES }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list of decorations
        <span key={i} data-jk="" data-slot="outcome-dialog-confetti-piece" style={piece(i)} />
      ))}
    </div>
  );
}
