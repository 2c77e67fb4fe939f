import { useCallback, useEffect, useRef, useState } from 'react';
import { devWarn } from '../../core';

/** A new value, or a function of the current one (as React's `setState` takes). */
export type StateUpdate<T> = T | ((current: T) => T);

/**
 * State a parent may control (`value` + `onChange`) or leave to the component (`defaultValue`): the one
 * helper every part that opens uses for `open` / `defaultOpen` / `onOpenChange`, with Radix's semantics.
 * The setter takes a value or a function of the current one (several in one event chain, each seeing the
 * last); `onChange` hears only real changes. `name` (e.g. `ActionMenu open`) names the prop in the
 * development warning given when a component switches between controlled and uncontrolled.
 */
export function useControllableState<T>(
  value: T | undefined,
  defaultValue: T,
  onChange?: (next: T) => void,
  name = 'A controllable prop',
): [T, (next: StateUpdate<T>) => void] {
  const [own, setOwn] = useState(defaultValue);
  const controlled = value !== undefined;
  const current = controlled ? value : own;
  const latest = useRef({ current, controlled, onChange });
  latest.current = { current, controlled, onChange };

  // Development only: switching modes loses state one way or the other, as in React's own inputs.
  const wasControlled = useRef(controlled);
  useEffect(() => {
    if (process.env.NODE_ENV === 'production' || wasControlled.current === controlled) return;
    const [from, to] = wasControlled.current ? ['controlled', 'uncontrolled'] : ['uncontrolled', 'controlled'];
    devWarn(
      `${name} is changing from ${from} to ${to}. A component should stay one or the other for its whole life: ` +
        'pass a value (never undefined) to control it, or only a default to leave it uncontrolled.',
    );
    wasControlled.current = controlled;
  }, [controlled, name]);

  const set = useCallback((update: StateUpdate<T>) => {
    const state = latest.current;
    const next = typeof update === 'function' ? (update as (current: T) => T)(state.current) : update;
    if (Object.is(state.current, next)) return;
    // The next update in the same event sees this one, before React renders again.
    state.current = next;
    if (!state.controlled) setOwn(next);
    state.onChange?.(next);
  }, []);
  return [current, set];
}
