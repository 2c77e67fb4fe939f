import { type RefObject, useCallback, useEffect, useRef, useState } from 'react';
import { useIsomorphicLayoutEffect } from '../shared';

export interface VirtualWindow {
  viewport: RefObject<HTMLDivElement | null>;
  /** First row to render (inclusive) and last (exclusive), overscan included. */
  start: number;
  end: number;
  /** Rows that fit in the viewport. */
  visible: number;
  onScroll(): void;
  /** Scrolls the least needed to show row `index` whole. */
  scrollToIndex(index: number): void;
}

/** The viewport height before it can be measured (server, jsdom): 480 px. */
const FALLBACK_HEIGHT = 480;

/**
 * Which of `count` rows of `rowHeight` px a scrolling viewport shows. The viewport is measured with a
 * ResizeObserver where there is one; the range is state that changes only when the first visible row or
 * the number of visible rows does, so scrolling within a row renders nothing.
 */
export function useVirtualWindow(count: number, rowHeight: number, overscan: number): VirtualWindow {
  const viewport = useRef<HTMLDivElement>(null);
  const [range, setRange] = useState({ first: 0, visible: Math.ceil(FALLBACK_HEIGHT / rowHeight) });

  const measure = useCallback(() => {
    const element = viewport.current;
    if (element === null) return;
    // An unsized viewport (no stylesheet, no height) would measure as tall as the list: cap it at the window.
    const measured = element.clientHeight > 0 ? element.clientHeight : FALLBACK_HEIGHT;
    const height =
      typeof window === 'undefined' ? measured : Math.min(measured, Math.max(window.innerHeight, rowHeight));
    const first = Math.floor(element.scrollTop / rowHeight);
    const visible = Math.ceil(height / rowHeight) + 1;
    setRange((current) => (current.first === first && current.visible === visible ? current : { first, visible }));
  }, [rowHeight]);

  useIsomorphicLayoutEffect(() => {
    measure();
    const element = viewport.current;
    if (element === null || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => measure());
    observer.observe(element);
    return () => observer.disconnect();
  }, [measure]);

  // A list that shrank below the scroll position: the browser clamps scrollTop without always firing scroll.
  useEffect(() => {
    if (range.first >= count) measure();
  }, [count, range.first, measure]);

  const scrollToIndex = useCallback(
    (index: number) => {
      const element = viewport.current;
      if (element === null) return;
      const height = element.clientHeight > 0 ? element.clientHeight : FALLBACK_HEIGHT;
      const top = index * rowHeight;
      if (top < element.scrollTop) element.scrollTop = top;
      else if (top + rowHeight > element.scrollTop + height) element.scrollTop = top + rowHeight - height;
      measure();
    },
    [rowHeight, measure],
  );

  const start = Math.max(0, Math.min(range.first, count) - overscan);
  const end = Math.min(count, range.first + range.visible + overscan);
  return { viewport, start, end, visible: range.visible, onScroll: measure, scrollToIndex };
}
