/** A small seeded PRNG (mulberry32): the same seed gives the same sequence in [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
const ID_LENGTH = 8;
const RANDOM_ATTEMPTS = 3;

function randomSuffix(random: () => number): string {
  let suffix = '';
  for (let index = 0; index < ID_LENGTH; index += 1) {
    const value = random();
    const position = Math.min(ALPHABET.length - 1, Math.max(0, Math.floor(value * ALPHABET.length)));
    suffix += ALPHABET.charAt(Number.isNaN(position) ? 0 : position);
  }
  return suffix;
}

export interface IdFactory {
  /** A new `us_jb_…` id that `taken` does not know. */
  job(taken: (id: string) => boolean): string;
  /** A new `us_evt_…` id (counter based, so events never consume randomness). */
  event(): string;
}

export function createIdFactory(random: () => number): IdFactory {
  let events = 0;
  let fallbacks = 0;
  return {
    job(taken) {
      for (let attempt = 0; attempt < RANDOM_ATTEMPTS; attempt += 1) {
        const id = `us_jb_${randomSuffix(random)}`;
        if (!taken(id)) return id;
      }
      // A random source that keeps repeating itself (a test's constant `random`): fall back to a counter.
      for (;;) {
        fallbacks += 1;
        const id = `us_jb_${randomSuffix(random)}${fallbacks.toString(36)}`;
        if (!taken(id)) return id;
      }
    },
    event() {
      events += 1;
      return `us_evt_${events.toString(36).padStart(ID_LENGTH, '0')}`;
    },
  };
}
