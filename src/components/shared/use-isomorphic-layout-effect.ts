import { useEffect, useLayoutEffect } from 'react';

/**
 * `useLayoutEffect` in the browser, `useEffect` on the server: the same timing where it matters (measuring
 * and focusing before paint) without React 18's "useLayoutEffect does nothing on the server" warning when a
 * host renders the kit with `renderToString`. `typeof document` never throws, so importing stays SSR-safe.
 */
export const useIsomorphicLayoutEffect: typeof useLayoutEffect =
  typeof document === 'undefined' ? useEffect : useLayoutEffect;
