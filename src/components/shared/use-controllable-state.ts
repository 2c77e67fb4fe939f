import { useCallback, useRef, useState } from 'react';

/**
 * State a parent may control (`value` + `onChange`) or leave to the component (`defaultValue`): the one
 * helper every part that opens uses for `open` / `defaultOpen` / `onOpenChange`.
 */
export function useControllableState<T>(
  value: T | undefined,
  defaultValue: T,
  onChange?: (next: T) => void,
): [T, (next: T) => void] {
  const [own, setOwn] = useState(defaultValue);
  const controlled = value !== undefined;
  const current = controlled ? value : own;
  const latest = useRef({ current, controlled, onChange });
  latest.current = { current, controlled, onChange };
  const set = useCallback((next: T) => {
    const { current: before, controlled: isControlled, onChange: notify } = latest.current;
    if (Object.is(before, next)) return;
    if (!isControlled) setOwn(next);
    notify?.(next);
  }, []);
  return [current, set];
}
