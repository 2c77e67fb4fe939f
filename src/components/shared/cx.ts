/** Joins class names, skipping the empty ones. */
export function cx(...names: (string | false | null | undefined)[]): string | undefined {
  const joined = names.filter(Boolean).join(' ');
  return joined === '' ? undefined : joined;
}

/** `''` when `on` (a present attribute), undefined otherwise: state attributes are never `"false"`. */
export function flag(on: boolean | undefined): '' | undefined {
  return on ? '' : undefined;
}
