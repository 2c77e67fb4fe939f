import { useReducer, useRef } from 'react';
import { useIsomorphicLayoutEffect } from './use-isomorphic-layout-effect';

/** How often a paced text may change: 4 times a second, on beats every component shares. */
export const TEXT_PACE_MS = 250;

/** Components waiting for the next beat to show their newest text; one timer for all of them. */
const waiting = new Set<() => void>();
let timer: ReturnType<typeof setTimeout> | undefined;

function wait(wake: () => void, pace: number): void {
  waiting.add(wake);
  if (timer !== undefined) return;
  // Half a beat into the next one: a text whose component renders anyway by then (the next tick of its
  // job) shows its newest value in that render and stops waiting, so ticking rows change their text in
  // the renders their ticks make, with no render of its own; the timer shows what is left.
  timer = setTimeout(beat, pace - (Date.now() % pace) + pace / 2);
}

function unwait(wake: () => void): void {
  waiting.delete(wake);
  if (waiting.size > 0 || timer === undefined) return;
  clearTimeout(timer);
  timer = undefined;
}

function beat(): void {
  timer = undefined;
  const woken = [...waiting];
  waiting.clear();
  // One task wakes them all: React renders them together, and the browser lays the page out once.
  for (const wake of woken) wake();
}

/**
 * A text that changes faster than anyone reads it, paced: the first change in a beat of `pace` ms shows
 * at once, later ones in the same beat wait for the next, where the component's first render shows the
 * newest value. Ten rows whose text ticks at 10 Hz (rendered together by each tick) lay the page out 4
 * times a second instead of 10, and a value never stays behind: one timer for all shows the newest values
 * still waiting half a beat into the next, in one task. No timer is left once nothing waits (an
 * unmounted component stops waiting).
 */
export function usePacedText<T>(value: T, pace: number = TEXT_PACE_MS): T {
  const [, wake] = useReducer((n: number) => n + 1, 0);
  const shown = useRef<{ value: T; beat: number }>({ value, beat: Number.NaN });
  const beatNow = Math.floor(Date.now() / pace);
  const held = shown.current;
  const waits = !Object.is(value, held.value) && held.beat === beatNow;
  const text = waits ? held.value : value;
  useIsomorphicLayoutEffect(() => {
    if (!waits && !Object.is(shown.current.value, value)) shown.current = { value, beat: beatNow };
  });
  useIsomorphicLayoutEffect(() => {
    if (!waits) return;
    wait(wake, pace);
    return () => unwait(wake);
  }, [waits, pace]);
  return text;
}
