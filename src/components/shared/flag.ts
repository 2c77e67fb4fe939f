/** `''` when `on` (a present attribute), undefined otherwise: state attributes are never `"false"`. */
export function flag(on: boolean | undefined): '' | undefined {
  return on ? '' : undefined;
}
