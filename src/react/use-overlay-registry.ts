import { useJobsStore } from './context';
import { OverlayRegistry } from './overlay-registry';

const OVERLAYS = Symbol('overlays');

/** What the progress overlays of each source share (releases, notices, focus): one registry per provider. */
export function useOverlayRegistry(hook = 'useOverlayRegistry'): OverlayRegistry {
  const { slots } = useJobsStore(hook);
  return slots.get(OVERLAYS, () => new OverlayRegistry());
}
