import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EtaDisplay, EtaOptions, EtaSample, EtaState } from '../../src/core';
import {
  addEtaSample,
  createEtaState,
  defaultMessages,
  estimateRemaining,
  formatEta,
  nextEtaDisplay,
} from '../../src/core';
import { mulberry32 as random } from '../../src/memory/random';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const MAX_MS = 7 * DAY;
const T0 = 1_700_000_000_000;

interface Step {
  at: number;
  estimate: number | undefined;
  display: EtaDisplay;
  text: string;
}

/** Feeds samples as a progress hook would: add, estimate, update the display, format. */
function play(samples: EtaSample[], options?: EtaOptions, state: EtaState = createEtaState()): Step[] {
  let display: EtaDisplay = { shownMs: undefined, changedAt: undefined };
  return samples.map((sample) => {
    state = addEtaSample(state, sample, options);
    const estimate = estimateRemaining(state, sample.at, undefined, options);
    display = nextEtaDisplay(display, estimate, sample.at);
    return { at: sample.at, estimate, display, text: formatEta(display.shownMs, 'en', defaultMessages) };
  });
}

function feed(samples: EtaSample[], options?: EtaOptions): EtaState {
  return samples.reduce((state, sample) => addEtaSample(state, sample, options), createEtaState());
}

/** A job moving at `ratePerSecond` % from `from`, sampled every `everyMs` with up to `jitterMs` of jitter. */
function steady(options: {
  ratePerSecond: number;
  everyMs?: number;
  jitterMs?: number;
  from?: number;
  until?: number;
  seed?: number;
  round?: boolean;
}): EtaSample[] {
  const { ratePerSecond, everyMs = 100, jitterMs = 0, from = 0, until = 100, round = false } = options;
  const next = random(options.seed ?? 1);
  const samples: EtaSample[] = [];
  for (let i = 0; ; i += 1) {
    const elapsed = i * everyMs + (i === 0 ? 0 : (next() - 0.5) * 2 * jitterMs);
    const exact = from + (ratePerSecond * elapsed) / SECOND;
    if (exact >= until) break;
    samples.push({ at: T0 + elapsed, progress: round ? Math.floor(exact) : exact });
  }
  return samples;
}

function trueRemaining(sample: { at: number }, ratePerSecond: number, from = 0): number {
  const done = from + (ratePerSecond * (sample.at - T0)) / SECOND;
  return ((100 - done) / ratePerSecond) * SECOND;
}

/** A shown value rises by at most 10 % per change, unless it starts afresh (after unknown, 0 or a lost estimate). */
function expectRiseCapped(before: EtaDisplay, after: EtaDisplay): void {
  const fresh = before.shownMs === undefined || before.shownMs === 0 || before.lostAt !== undefined;
  if (!fresh && after.shownMs !== undefined) expect(after.shownMs).toBeLessThanOrEqual(before.shownMs! * 1.1 + 1e-6);
}

function expectRisesCapped(steps: Step[]): void {
  for (let i = 1; i < steps.length; i += 1) expectRiseCapped(steps[i - 1]!.display, steps[i]!.display);
}

function expectTextChangesAtMostOncePerSecond(steps: Step[]): void {
  const changes = steps.filter((step, i) => i > 0 && step.text !== steps[i - 1]!.text).map((step) => step.at);
  for (let i = 1; i < changes.length; i += 1) expect(changes[i]! - changes[i - 1]!).toBeGreaterThanOrEqual(SECOND);
}

function expectSane(value: number | undefined, maxMs = MAX_MS): void {
  if (value === undefined) return;
  expect(Number.isFinite(value)).toBe(true);
  expect(value).toBeGreaterThanOrEqual(0);
  expect(value).toBeLessThanOrEqual(maxMs);
}

describe('estimateRemaining on a steady job', () => {
  it('converges to the true remaining time within 10 %', () => {
    const samples = steady({ ratePerSecond: 1, jitterMs: 30, seed: 7 });
    const steps = play(samples);
    const settled = steps.filter((step) => step.at - T0 >= 3 * SECOND && trueRemaining(step, 1) >= 10 * SECOND);
    expect(settled.length).toBeGreaterThan(500);
    for (const step of settled) {
      expect(step.estimate).toBeDefined();
      expect(Math.abs(step.estimate! - trueRemaining(step, 1))).toBeLessThanOrEqual(trueRemaining(step, 1) * 0.1);
    }
  });

  it('converges with whole-percent progress, joined mid-job', () => {
    const samples = steady({ ratePerSecond: 0.5, jitterMs: 20, from: 37.4, round: true, seed: 3 });
    const steps = play(samples);
    const settled = steps.filter(
      (step) => step.at - T0 >= 15 * SECOND && trueRemaining(step, 0.5, 37.4) >= 30 * SECOND,
    );
    expect(settled.length).toBeGreaterThan(500);
    for (const step of settled) {
      const truth = trueRemaining(step, 0.5, 37.4);
      expect(Math.abs(step.estimate! - truth)).toBeLessThanOrEqual(truth * 0.1);
    }
  });

  it('never shows a rise of more than 10 % and changes its text at most once a second', () => {
    for (const round of [false, true]) {
      const steps = play(steady({ ratePerSecond: 0.8, jitterMs: 40, round, seed: 11 }));
      expectRisesCapped(steps);
      expectTextChangesAtMostOncePerSecond(steps);
      expect(steps.at(-1)!.text).toBe('Less than a minute left');
      expect(steps.filter((step) => step.text === 'About 2 minutes left').length).toBeGreaterThan(0);
    }
  });
});

describe('estimateRemaining while estimating', () => {
  it('says nothing before there are enough samples over enough time with some progress', () => {
    expect(estimateRemaining(createEtaState(), T0)).toBeUndefined();
    const twoSamples = feed([
      { at: T0, progress: 0 },
      { at: T0 + 5 * SECOND, progress: 10 },
    ]);
    expect(estimateRemaining(twoSamples, T0 + 5 * SECOND)).toBeUndefined();
    const tooQuick = feed([0, 200, 400].map((ms, i) => ({ at: T0 + ms, progress: i })));
    expect(estimateRemaining(tooQuick, T0 + 400)).toBeUndefined();
    const noProgress = feed([0, 600, 1200].map((ms) => ({ at: T0 + ms, progress: 5 })));
    expect(estimateRemaining(noProgress, T0 + 1200)).toBeUndefined();
    const enough = feed([0, 600, 1200].map((ms, i) => ({ at: T0 + ms, progress: i * 6 })));
    expect(estimateRemaining(enough, T0 + 1200)).toBeCloseTo(88 / 0.01, 6);
  });

  it('honours minSamples and minSpanMs', () => {
    const samples = [0, 300, 600, 900].map((ms, i) => ({ at: T0 + ms, progress: i * 3 }));
    expect(estimateRemaining(feed(samples), T0 + 900)).toBeUndefined();
    const options = { minSamples: 4, minSpanMs: 900 };
    expect(estimateRemaining(feed(samples, options), T0 + 900, undefined, options)).toBeCloseTo(91 / 0.01, 6);
    const stricter = { minSamples: 5, minSpanMs: 900 };
    expect(estimateRemaining(feed(samples, stricter), T0 + 900, undefined, stricter)).toBeUndefined();
  });

  it('ignores samples with a non-finite time or progress', () => {
    const state = feed(steady({ ratePerSecond: 1, until: 20 }));
    for (const sample of [
      { at: Number.NaN, progress: 30 },
      { at: Number.POSITIVE_INFINITY, progress: 30 },
      { at: T0 + 30 * SECOND, progress: Number.NaN },
      { at: T0 + 30 * SECOND, progress: Number.POSITIVE_INFINITY },
      { at: T0 + 30 * SECOND, progress: Number.NEGATIVE_INFINITY },
    ]) {
      expect(addEtaSample(state, sample)).toBe(state);
    }
    expect(addEtaSample(createEtaState(), { at: Number.NaN, progress: 1 })).toEqual(createEtaState());
  });

  it('reads 0 at 100 %, even from a single sample or with a server estimate', () => {
    expect(estimateRemaining(feed([{ at: T0, progress: 100 }]), T0)).toBe(0);
    const done = feed([...steady({ ratePerSecond: 2, until: 60 }), { at: T0 + 30 * SECOND, progress: 100 }]);
    expect(estimateRemaining(done, T0 + 31 * SECOND, new Date(T0 + 5 * MINUTE))).toBe(0);
    expect(estimateRemaining(feed([{ at: T0, progress: 140 }]), T0)).toBe(0);
  });
});

describe('estimateRemaining on a stalled job', () => {
  const running = steady({ ratePerSecond: 1, until: 30 });
  const last = running.at(-1)!;

  function expectNeverCountsDown(estimates: (number | undefined)[]): void {
    let previous = -1;
    let lost = false;
    for (const estimate of estimates) {
      if (estimate === undefined) {
        lost = true;
        continue;
      }
      expect(lost).toBe(false); // once absurd, it stays unknown until progress comes
      expect(estimate).toBeGreaterThan(0);
      expect(estimate).toBeGreaterThanOrEqual(previous);
      previous = estimate;
    }
  }

  it('grows or holds, never counting down, when no sample comes for minutes', () => {
    const state = feed(running);
    const atStall = estimateRemaining(state, last.at)!;
    expect(Math.abs(atStall - 70 * SECOND)).toBeLessThan(200);
    const estimates = Array.from({ length: 3000 }, (_, i) => estimateRemaining(state, last.at + i * 100));
    expectNeverCountsDown(estimates);
    expect(estimates[15]).toBe(atStall); // holds through the grace period
    expect(estimates[50]!).toBeGreaterThan(atStall * 2);
    expect(estimates.at(-1)).toBeUndefined(); // minutes without progress: absurd, so unknown again
  });

  it('grows the same way when polls keep reporting the same progress', () => {
    let state = feed(running);
    const estimates: (number | undefined)[] = [];
    for (let i = 1; i <= 300; i += 1) {
      state = addEtaSample(state, { at: last.at + i * SECOND, progress: last.progress });
      estimates.push(estimateRemaining(state, last.at + i * SECOND));
      expect(estimateRemaining(state, last.at)).toBe(estimates.at(-1)); // a duplicate proves time passed
    }
    expectNeverCountsDown(estimates);
    expect(estimates[10]!).toBeGreaterThan(estimates[0]!);
  });

  it('keeps the shown value and its words from counting down while stalled', () => {
    const stall = Array.from({ length: 600 }, (_, i) => ({ at: last.at + (i + 1) * 100, progress: last.progress }));
    // From one interval into the stall: before that the display may still catch up with the last estimate.
    const steps = play([...running, ...stall]).slice(running.length + 10);
    const shown = steps.map((step) => step.display.shownMs).filter((ms) => ms !== undefined);
    for (let i = 1; i < shown.length; i += 1) expect(shown[i]!).toBeGreaterThanOrEqual(shown[i - 1]!);
    expectRisesCapped(steps);
    expect(steps.every((step) => step.text !== 'Less than a minute left')).toBe(true);
  });

  it('lowers the rate when progress finally moves after a long wait', () => {
    const state = feed(running);
    const resumed = addEtaSample(state, { at: last.at + 20 * SECOND, progress: last.progress + 1 });
    expect(estimateRemaining(resumed, last.at + 20 * SECOND)!).toBeGreaterThan(estimateRemaining(state, last.at)!);
  });
});

describe('estimateRemaining on a bursty job', () => {
  it('never gives NaN, a negative or an absurd value, and the shown value rises at most 10 % at a time', () => {
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const next = random(seed);
      const samples: EtaSample[] = [];
      let at = T0;
      let progress = 0;
      while (progress < 100) {
        for (let burst = Math.floor(next() * 8); burst >= 0; burst -= 1) {
          at += 100;
          progress = Math.min(100, progress + next() * 6);
          samples.push({ at, progress });
        }
        const pause = next() * 30 * SECOND;
        const polls = next() < 0.5;
        for (let waited = SECOND; waited < pause; waited += SECOND)
          if (polls) samples.push({ at: at + waited, progress });
        at += pause;
      }
      const steps = play(samples);
      for (const step of steps) expectSane(step.estimate);
      expectRisesCapped(steps);
      expectTextChangesAtMostOncePerSecond(steps);
      expect(steps.at(-1)!.estimate).toBe(0);
    }
  });
});

describe('estimateRemaining when progress goes backwards', () => {
  const first = steady({ ratePerSecond: 2, until: 60 });
  const restartAt = first.at(-1)!.at + 100;
  const rerun = (everyMs: number): EtaSample[] =>
    steady({ ratePerSecond: 1, everyMs }).map((sample) => ({
      at: sample.at - T0 + restartAt,
      progress: sample.progress,
    }));

  it('restarts (estimating) and then recovers on the new run', () => {
    const steps = play([...first, ...rerun(100)]);
    const afterRestart = steps.slice(first.length);
    expect(Math.abs(steps[first.length - 1]!.estimate! - 20.05 * SECOND)).toBeLessThan(100);
    expect(afterRestart.slice(0, 10).every((step) => step.estimate === undefined)).toBe(true);
    for (const step of afterRestart.filter(
      (step) => step.at - restartAt >= 2500 && step.at - restartAt <= 80 * SECOND,
    )) {
      const truth = (100 - (step.at - restartAt) / SECOND) * SECOND;
      expect(Math.abs(step.estimate! - truth)).toBeLessThanOrEqual(truth * 0.1);
      // The display starts afresh on the new run instead of creeping up from the old value.
      expect(Math.abs(step.display.shownMs! - truth)).toBeLessThanOrEqual(truth * 0.1);
    }
    expectTextChangesAtMostOncePerSecond(steps);
    expect(afterRestart.at(-1)!.text).toBe('Less than a minute left');
  });

  it('shows "Estimating…" when the new run takes longer than an interval to estimate', () => {
    const steps = play([...first, ...rerun(2000)]);
    const texts = steps.slice(first.length).map((step) => step.text);
    expect(texts.slice(0, 4)).toEqual([
      'Less than a minute left',
      'Estimating…',
      'About 2 minutes left',
      'About 2 minutes left',
    ]);
  });
});

describe('estimateRemaining with a server estimate', () => {
  const state = feed(steady({ ratePerSecond: 1, until: 40 }));
  const now = T0 + 40 * SECOND;
  const local = estimateRemaining(state, now)!;

  it('lets a server estimate in the future win, even before local samples', () => {
    expect(estimateRemaining(state, now, new Date(now + 5 * MINUTE))).toBe(5 * MINUTE);
    expect(estimateRemaining(createEtaState(), now, new Date(now + 90 * SECOND))).toBe(90 * SECOND);
  });

  it('ignores a stale, invalid or absurd server estimate', () => {
    expect(Math.abs(local - 60 * SECOND)).toBeLessThan(200);
    expect(estimateRemaining(state, now, new Date(now - SECOND))).toBe(local);
    expect(estimateRemaining(state, now, new Date(now))).toBe(local);
    expect(estimateRemaining(state, now, new Date(Number.NaN))).toBe(local);
    expect(estimateRemaining(state, now, new Date(now + 30 * DAY))).toBe(local);
    expect(estimateRemaining(createEtaState(), now, new Date(now - SECOND))).toBeUndefined();
  });
});

describe('nextEtaDisplay', () => {
  const empty: EtaDisplay = { shownMs: undefined, changedAt: undefined };

  it('shows the first value at once and then changes at most once per interval', () => {
    const first = nextEtaDisplay(empty, 60_000, T0);
    expect(first).toEqual({ shownMs: 60_000, changedAt: T0 });
    expect(nextEtaDisplay(first, 50_000, T0 + 999)).toBe(first);
    expect(nextEtaDisplay(first, 50_000, T0 + 1000)).toEqual({ shownMs: 50_000, changedAt: T0 + 1000 });
    expect(nextEtaDisplay(first, 60_000, T0 + 5000)).toBe(first);
  });

  it('falls freely but caps each rise to 10 % (or the given share)', () => {
    const shown = { shownMs: 100_000, changedAt: T0 };
    expect(nextEtaDisplay(shown, 10_000, T0 + 1000).shownMs).toBe(10_000);
    expect(nextEtaDisplay(shown, 500_000, T0 + 1000).shownMs).toBeCloseTo(110_000, 6);
    expect(nextEtaDisplay(shown, 105_000, T0 + 1000).shownMs).toBe(105_000);
    expect(nextEtaDisplay(shown, 500_000, T0 + 1000, { maxRise: 0.5 }).shownMs).toBe(150_000);
    expect(nextEtaDisplay(shown, 500_000, T0 + 300, { minIntervalMs: 250 }).changedAt).toBe(T0 + 300);
  });

  it('starts afresh after 0, a finished run', () => {
    expect(nextEtaDisplay({ shownMs: 0, changedAt: T0 }, 80_000, T0 + 1000).shownMs).toBe(80_000);
  });

  it('keeps the last value for one interval after the estimate is lost, then shows unknown', () => {
    let display = nextEtaDisplay(empty, 60_000, T0);
    display = nextEtaDisplay(display, undefined, T0 + 1500);
    expect(display.shownMs).toBe(60_000);
    display = nextEtaDisplay(display, undefined, T0 + 2000);
    expect(display.shownMs).toBe(60_000);
    display = nextEtaDisplay(display, undefined, T0 + 2500);
    expect(display).toEqual({ shownMs: undefined, changedAt: T0 + 2500 });
    expect(nextEtaDisplay(display, undefined, T0 + 9000)).toBe(display);
    expect(nextEtaDisplay(display, 300_000, T0 + 3500)).toEqual({ shownMs: 300_000, changedAt: T0 + 3500 });
  });

  it('shows a value that comes back after a loss as it is, without the rise cap', () => {
    let display = nextEtaDisplay(empty, 20_000, T0);
    display = nextEtaDisplay(display, undefined, T0 + 1200);
    expect(nextEtaDisplay(display, 100_000, T0 + 1500).shownMs).toBe(100_000);
  });

  it('keeps the value when the estimate comes back within the grace', () => {
    let display = nextEtaDisplay(empty, 60_000, T0);
    display = nextEtaDisplay(display, undefined, T0 + 1500);
    display = nextEtaDisplay(display, 58_000, T0 + 2000);
    expect(display).toEqual({ shownMs: 58_000, changedAt: T0 + 2000 });
    display = nextEtaDisplay(display, undefined, T0 + 3100);
    expect(nextEtaDisplay(display, undefined, T0 + 3600).shownMs).toBe(58_000);
  });

  it('treats NaN or Infinity as unknown and a negative estimate as 0', () => {
    expect(nextEtaDisplay(empty, Number.NaN, T0)).toBe(empty);
    expect(nextEtaDisplay(empty, Number.POSITIVE_INFINITY, T0)).toBe(empty);
    expect(nextEtaDisplay(empty, -5, T0).shownMs).toBe(0);
  });
});

describe('formatEta', () => {
  const text = (ms: number | undefined): string => formatEta(ms, 'en', defaultMessages);

  it('says the time left in words for each range', () => {
    expect(text(undefined)).toBe('Estimating…');
    expect(text(0)).toBe('Less than a minute left');
    expect(text(59_999)).toBe('Less than a minute left');
    expect(text(60_000)).toBe('About 1 minute left');
    expect(text(150_000)).toBe('About 3 minutes left');
    expect(text(59 * MINUTE + 40 * SECOND)).toBe('About 1 hour left');
    expect(text(90 * MINUTE)).toBe('About 1.5 hours left');
    expect(text(2 * HOUR + 5 * MINUTE)).toBe('About 2 hours left');
    expect(text(12.4 * HOUR)).toBe('About 12 hours left');
    expect(text(23.8 * HOUR)).toBe('About 1 day left');
    expect(text(3.2 * DAY)).toBe('About 3 days left');
  });

  it('has inline forms to follow other text, as in aria-valuetext', () => {
    const inline = (ms: number | undefined): string => `42%, ${formatEta(ms, 'en', defaultMessages, 'inline')}`;
    expect(inline(undefined)).toBe('42%, estimating…');
    expect(inline(30_000)).toBe('42%, less than a minute left');
    expect(inline(3 * MINUTE)).toBe('42%, about 3 minutes left');
  });

  it('uses the locale for units and the catalogue for phrases', () => {
    const de = {
      ...defaultMessages,
      'eta.estimating': 'Wird berechnet…',
      'eta.lessThanMinute': 'Weniger als eine Minute',
      'eta.remaining': 'Noch etwa {duration}',
    };
    expect(formatEta(3 * MINUTE, 'de', de)).toBe('Noch etwa 3 Minuten');
    expect(formatEta(90 * MINUTE, 'de', de)).toBe('Noch etwa 1,5 Stunden');
    expect(formatEta(2 * DAY, 'de', de)).toBe('Noch etwa 2 Tage');
    expect(formatEta(undefined, 'de', de)).toBe('Wird berechnet…');
  });
});

describe('estimateRemaining over arbitrary input', () => {
  const number = fc.oneof(
    fc.double(),
    fc.double({ min: -10, max: 110, noNaN: true }),
    fc.integer({ min: -1000, max: 1000 }),
    fc.constantFrom(0, 100, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0),
  );
  const stream = fc.array(fc.record({ dt: fc.oneof(fc.integer({ min: 0, max: 5000 }), number), progress: number }), {
    maxLength: 60,
  });
  const server = fc.option(fc.date(), { nil: undefined });

  it('is always undefined or a finite number in [0, maxMs]', () => {
    const options = fc.record(
      {
        halfLifeMs: fc.double({ min: 1, max: 1e7, noNaN: true }),
        minSamples: fc.integer({ min: 0, max: 10 }),
        minSpanMs: fc.integer({ min: 0, max: 10_000 }),
        maxMs: fc.integer({ min: 1, max: MAX_MS }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(stream, options, number, server, (steps, opts, later, serverEta) => {
        let state = createEtaState();
        let at = T0;
        let display: EtaDisplay = { shownMs: undefined, changedAt: undefined };
        for (const step of steps) {
          at += step.dt;
          state = addEtaSample(state, { at, progress: step.progress }, opts);
          const estimate = estimateRemaining(state, at, serverEta, opts);
          expectSane(estimate, opts.maxMs ?? MAX_MS);
          const before = display;
          display = nextEtaDisplay(display, estimate, at);
          expectSane(display.shownMs, opts.maxMs ?? MAX_MS);
          expectRiseCapped(before, display);
        }
        expectSane(estimateRemaining(state, at + later, serverEta, opts), opts.maxMs ?? MAX_MS);
      }),
      { numRuns: 500 },
    );
  });

  it('stays sane with nonsense options', () => {
    const options = fc.record(
      { halfLifeMs: number, minSamples: number, minSpanMs: number, maxMs: number },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(stream, options, number, server, (steps, opts, now, serverEta) => {
        let state = createEtaState();
        for (const [i, step] of steps.entries())
          state = addEtaSample(state, { at: T0 + i * 100 + (step.dt % 100), progress: step.progress }, opts);
        const estimate = estimateRemaining(state, now, serverEta, opts);
        if (estimate !== undefined) {
          expect(Number.isFinite(estimate)).toBe(true);
          expect(estimate).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 300 },
    );
  });
});
