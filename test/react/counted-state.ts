import type * as React from 'react';

/** How many times the kit called a state setter it got from `useState`. */
export interface SetterCount {
  count: number;
}

/**
 * React with a `useState` whose setter counts each call in `counter`, for `vi.mock('react', ...)`. React
 * keeps a queued update, even one whose updater changes nothing, until its component renders again: a
 * setter called on every event or list page is a leak in a console open all day, and these counts show it.
 */
export function withCountedSetState(actual: typeof React, counter: SetterCount): typeof React {
  function useState<S>(initial?: S | (() => S)) {
    const [state, set] = actual.useState(initial);
    const counted = actual.useCallback(
      (value: Parameters<typeof set>[0]) => {
        counter.count += 1;
        set(value);
      },
      [set],
    );
    return [state, counted] as const;
  }
  return { ...actual, useState } as typeof React;
}
