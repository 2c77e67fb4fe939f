import { type ReactNode, useSyncExternalStore } from 'react';

/**
 * What one provider keeps for the kit's components, made on first use by the component that needs it (the
 * live regions, the overlays' registry, the hidden-tab notifier), so that a host rendering none of them pays
 * nothing for them, in bytes or at run time. One per provider (never shared between providers); what a slot
 * started is stopped with the provider (`dispose`).
 */
export class ProviderSlots {
  private readonly values = new Map<symbol, unknown>();
  private stops = new Map<symbol, () => void>();
  private readonly rendered = new Set<symbol>();
  /** What the provider renders for its slots (`SlotOutlet`): appended to, never changed in place. */
  nodes: readonly ReactNode[] = [];
  private changed = () => {};

  /** The value of `key`, made by `create` the first time it is asked for. */
  get<T>(key: symbol, create: () => T): T {
    if (!this.values.has(key)) this.values.set(key, create());
    return this.values.get(key) as T;
  }

  /** Runs `start` once until the provider goes (or stops and mounts again); what it returns stops it. */
  start(key: symbol, start: () => () => void): void {
    if (!this.stops.has(key)) this.stops.set(key, start());
  }

  /** Renders `node` inside the provider's root, once per `key` (from an effect: nothing on the server). */
  render(key: symbol, node: ReactNode): void {
    if (this.rendered.has(key)) return;
    this.rendered.add(key);
    this.nodes = [...this.nodes, node];
    this.changed();
  }

  /** The provider goes: whatever was started stops (a component mounting again starts it again). */
  dispose(): void {
    const stops = this.stops;
    this.stops = new Map();
    for (const stop of stops.values()) stop();
  }

  /** The provider's one outlet follows `nodes`. */
  subscribe = (listener: () => void): (() => void) => {
    this.changed = listener;
    return () => {
      this.changed = () => {};
    };
  };
}

const none: readonly ReactNode[] = [];

/** Where the provider renders what its slots asked for (the live regions): nothing until a component asks. */
export function SlotOutlet({ slots }: { slots: ProviderSlots }): ReactNode {
  return useSyncExternalStore(
    slots.subscribe,
    () => slots.nodes,
    () => none,
  );
}
