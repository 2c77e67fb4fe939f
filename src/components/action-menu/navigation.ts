/** What a menu needs to know of an item to move through it. */
export interface NavigableItem {
  label: string;
  disabled?: boolean;
}

/** The first enabled item, else the first item; -1 for an empty menu. */
export function firstEnabledIndex(items: readonly NavigableItem[]): number {
  const index = items.findIndex((item) => !item.disabled);
  return index === -1 ? (items.length > 0 ? 0 : -1) : index;
}

/** The last enabled item, else the last item; -1 for an empty menu. */
export function lastEnabledIndex(items: readonly NavigableItem[]): number {
  for (let index = items.length - 1; index >= 0; index -= 1) {
    if (!items[index]?.disabled) return index;
  }
  return items.length - 1;
}

/** The item `step` away from `from`, wrapping at both ends. From nowhere (-1), down starts at the top. */
export function stepIndex(count: number, from: number, step: 1 | -1): number {
  if (count === 0) return -1;
  if (from < 0) return step === 1 ? 0 : count - 1;
  return (from + step + count) % count;
}

/**
 * The next item after `from` (wrapping, the current one last) whose label starts with `char`, compared
 * in the given locale without case; -1 when none does. Disabled items count: they stay focusable.
 */
export function typeaheadIndex(items: readonly NavigableItem[], from: number, char: string, locale?: string): number {
  const wanted = char.toLocaleLowerCase(locale);
  for (let offset = 1; offset <= items.length; offset += 1) {
    const index = (Math.max(from, -1) + offset + items.length) % items.length;
    const label = items[index]?.label.trimStart().toLocaleLowerCase(locale) ?? '';
    if (label.startsWith(wanted)) return index;
  }
  return -1;
}

/** A key that types a character (type-ahead), as opposed to a command or a chord. */
export function isPrintableKey(event: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean }): boolean {
  return event.key.length === 1 && event.key !== ' ' && !event.ctrlKey && !event.metaKey && !event.altKey;
}
