import { useEffect, useRef } from 'react';

/**
 * A keyboard shortcut: modifiers and one key joined by `+`, without case, e.g. `mod+j`, `ctrl+shift+j`,
 * `alt+1`, `shift+?`. Modifiers: `ctrl`, `meta` (⌘, ⊞), `alt` (⌥), `shift`, and `mod`, which is ⌘ on
 * Apple platforms and Ctrl elsewhere. The key is a `KeyboardEvent.key` (`j`, `/`, `f2`, `escape`; `plus`
 * for `+`); letters and digits also match by physical key, so `alt+j` works where ⌥J types `∆`. The
 * modifiers must be exactly those given. A shortcut without Ctrl, ⌘ or Alt is ignored while the user types
 * in a field.
 */
export type KeyboardShortcut = string;

interface Chord {
  key: string;
  ctrl: boolean;
  meta: boolean;
  alt: boolean;
  shift: boolean;
}

type KeyLike = Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>;

function isApple(): boolean {
  return typeof navigator !== 'undefined' && /Mac|iPhone|iPad|iPod/i.test(navigator.platform || navigator.userAgent);
}

/** The chord a shortcut names; undefined when it names no key or an unknown modifier. */
export function parseShortcut(shortcut: KeyboardShortcut, apple = isApple()): Chord | undefined {
  const parts = shortcut
    .toLowerCase()
    .split('+')
    .map((part) => part.trim());
  const key = parts.pop();
  if (key === undefined || key === '') return undefined;
  const chord: Chord = {
    key: key === 'plus' ? '+' : key === 'space' ? ' ' : key,
    ctrl: false,
    meta: false,
    alt: false,
    shift: false,
  };
  for (const part of parts) {
    if (part === 'mod') chord[apple ? 'meta' : 'ctrl'] = true;
    else if (part === 'ctrl' || part === 'control') chord.ctrl = true;
    else if (part === 'meta' || part === 'cmd') chord.meta = true;
    else if (part === 'alt' || part === 'option') chord.alt = true;
    else if (part === 'shift') chord.shift = true;
    else return undefined;
  }
  return chord;
}

/** Whether `event` is the shortcut's chord. */
export function matchesShortcut(event: KeyLike, shortcut: KeyboardShortcut, apple = isApple()): boolean {
  const chord = parseShortcut(shortcut, apple);
  if (chord === undefined) return false;
  if (event.ctrlKey !== chord.ctrl || event.metaKey !== chord.meta || event.altKey !== chord.alt) return false;
  // Shift is part of characters like `?`: only a letter or a named key needs it to match exactly.
  const typed = event.key.toLowerCase();
  if (typed === chord.key)
    return event.shiftKey === chord.shift || (chord.key.length === 1 && !/^[a-z0-9]$/.test(chord.key));
  const physical = /^[a-z]$/.test(chord.key)
    ? `Key${chord.key.toUpperCase()}`
    : /^[0-9]$/.test(chord.key)
      ? `Digit${chord.key}`
      : '';
  return physical !== '' && event.code === physical && event.shiftKey === chord.shift;
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  );
}

/** Calls `handler` when the shortcut is pressed anywhere in the document (nothing when undefined). */
export function useShortcut(shortcut: KeyboardShortcut | undefined, handler: () => void): void {
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    if (shortcut === undefined || shortcut === '') return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || !matchesShortcut(event, shortcut)) return;
      if (!event.ctrlKey && !event.metaKey && !event.altKey && isTyping(event.target)) return;
      event.preventDefault();
      latest.current();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [shortcut]);
}
