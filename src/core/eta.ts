/**
 * The ETA of a running job, as pure functions: no timers, no clock. Time is always passed in.
 *
 * Rate: progress points per ms, smoothed exponentially with a half-life (as Uppy's status bar does for
 * upload speed): each new rate `r` measured over `dt` ms moves the estimate by
 * `alpha = 1 - 2^(-dt / halfLife)`, so the weight of a measurement follows the time it covers.
 *
 * Rates are measured between progress *changes*. A sample with unchanged progress (a poll that saw
 * nothing new) moves no rate by itself, but it is time passing: it counts as a sample, extends the span,
 * and proves the job was still at that progress then. Time since the last change is paid for twice:
 * - when progress next moves, the rate of that step covers the whole wait (a slow step lowers the rate);
 * - meanwhile, once the wait exceeds a grace period (the half-life, or twice the usual time between
 *   changes, whichever is longer), the rate decays as if a sample with no progress had arrived at `now`
 *   (`rate * 2^(-(wait - grace) / halfLife)`), so a stalled job's ETA grows, and past `maxMs` becomes
 *   unknown ("estimating") again.
 * The remaining time is measured from the last change and does not count down between samples, so it
 * never reaches 0 while no progress comes. The price: it errs high by up to one gap between progress
 * changes (100 ms at 10 Hz; with whole-percent progress, the time per percent), which matters only in
 * the last few gaps of a job.
 */

export interface EtaSample {
  /** When the progress was seen, ms since the epoch. */
  at: number;
  /** Progress in 0..100. */
  progress: number;
}

export interface EtaOptions {
  /** Half-life of the rate smoothing, and of the decay while stalled. Default 2000. */
  halfLifeMs?: number;
  /** Samples needed (since the last restart) before there is an estimate. Default 3. */
  minSamples?: number;
  /** Time those samples must span. Default 1000. */
  minSpanMs?: number;
  /** Estimates above this are absurd and read as unknown. Default 7 days. */
  maxMs?: number;
}

/**
 * What the estimator knows, as plain immutable data. Pass the same `EtaOptions` to `addEtaSample` and
 * `estimateRemaining`. Read it only through those functions; the fields may change.
 */
export interface EtaState {
  /** Samples since the estimate (re)started; 0 when empty. */
  readonly count: number;
  readonly firstAt: number;
  readonly firstProgress: number;
  /** The latest sample's time. */
  readonly lastAt: number;
  /** The latest progress, and when it was first seen. */
  readonly progress: number;
  readonly changedAt: number;
  /** Smoothed progress points per ms; undefined until progress has changed once. */
  readonly rate: number | undefined;
  /** Smoothed ms between progress changes. */
  readonly gapMs: number | undefined;
}

const DEFAULTS = { halfLifeMs: 2000, minSamples: 3, minSpanMs: 1000, maxMs: 7 * 24 * 3600_000 };
/** Weight of each new gap in the smoothed time between changes. */
const GAP_WEIGHT = 0.3;
/** A wait longer than this many usual gaps (and the half-life) counts as a stall. */
const STALL_GAPS = 2;

const EMPTY: EtaState = {
  count: 0,
  firstAt: 0,
  firstProgress: 0,
  lastAt: 0,
  progress: 0,
  changedAt: 0,
  rate: undefined,
  gapMs: undefined,
};

function pick(value: number | undefined, fallback: number, min: number): number {
  return value !== undefined && Number.isFinite(value) && value >= min ? value : fallback;
}

function resolve(options: EtaOptions = {}): Required<EtaOptions> {
  return {
    halfLifeMs: pick(options.halfLifeMs, DEFAULTS.halfLifeMs, Number.MIN_VALUE),
    minSamples: Math.max(2, Math.ceil(pick(options.minSamples, DEFAULTS.minSamples, 0))),
    minSpanMs: pick(options.minSpanMs, DEFAULTS.minSpanMs, 0),
    maxMs: pick(options.maxMs, DEFAULTS.maxMs, 0),
  };
}

export function createEtaState(): EtaState {
  return EMPTY;
}

function start(at: number, progress: number): EtaState {
  return { ...EMPTY, count: 1, firstAt: at, firstProgress: progress, lastAt: at, progress, changedAt: at };
}

/**
 * The state after one more sample. Samples with a non-finite time or progress, or older than the
 * latest one, are ignored (the same state is returned). Progress going backwards (a retry, a new
 * phase) restarts the estimate from that sample.
 */
export function addEtaSample(state: EtaState, sample: EtaSample, options?: EtaOptions): EtaState {
  const { at } = sample;
  if (!Number.isFinite(at) || !Number.isFinite(sample.progress)) return state;
  const progress = Math.min(100, Math.max(0, sample.progress));
  if (state.count === 0) return start(at, progress);
  if (at < state.lastAt) return state;
  if (progress < state.progress) return start(at, progress);
  if (progress === state.progress) {
    return at === state.lastAt ? state : { ...state, count: state.count + 1, lastAt: at };
  }
  const dt = at - state.changedAt;
  if (dt <= 0) return { ...state, progress }; // a second value at the same instant: no rate to measure
  const instant = (progress - state.progress) / dt;
  const alpha = 1 - 2 ** (-dt / resolve(options).halfLifeMs);
  return {
    ...state,
    count: state.count + 1,
    lastAt: at,
    progress,
    changedAt: at,
    rate: state.rate === undefined ? instant : state.rate + alpha * (instant - state.rate),
    gapMs: state.gapMs === undefined ? dt : state.gapMs + GAP_WEIGHT * (dt - state.gapMs),
  };
}

/**
 * Milliseconds left, or undefined while estimating. 0 at 100 %. A `serverEta` in the future wins
 * (`serverEta - now`); one in the past is stale and ignored, as is one beyond `maxMs`. Otherwise the
 * local estimate needs `minSamples` samples spanning `minSpanMs` with some progress made. The result is
 * always undefined or a finite number in [0, maxMs].
 */
export function estimateRemaining(
  state: EtaState,
  now: number,
  serverEta?: Date,
  options?: EtaOptions,
): number | undefined {
  if (state.count > 0 && state.progress >= 100) return 0;
  const { halfLifeMs, minSamples, minSpanMs, maxMs } = resolve(options);
  const serverMs = serverEta instanceof Date ? serverEta.getTime() - now : Number.NaN;
  if (Number.isFinite(serverMs) && serverMs > 0 && serverMs <= maxMs) return serverMs;

  const { rate } = state;
  if (state.count < minSamples || state.lastAt - state.firstAt < minSpanMs) return undefined;
  if (state.progress <= state.firstProgress || rate === undefined || !(rate > 0)) return undefined;
  const latest = Number.isFinite(now) ? Math.max(now, state.lastAt) : state.lastAt;
  const wait = latest - state.changedAt;
  const grace = Math.max(halfLifeMs, STALL_GAPS * (state.gapMs ?? 0));
  const rateNow = wait > grace ? rate * 2 ** (-(wait - grace) / halfLifeMs) : rate;
  const remaining = (100 - state.progress) / rateNow;
  return Number.isFinite(remaining) && remaining >= 0 && remaining <= maxMs ? remaining : undefined;
}

/** What an ETA shows, and when that last changed. Start from `{ shownMs: undefined, changedAt: undefined }`. */
export interface EtaDisplay {
  shownMs: number | undefined;
  changedAt: number | undefined;
  /** When the estimate was first lost while the shown value was shown; cleared by the next change. */
  lostAt?: number | undefined;
}

export interface EtaDisplayOptions {
  /** The shown value changes at most this often. Default 1000. */
  minIntervalMs?: number;
  /** A rise is capped to this fraction of the shown value per change. Default 0.10. */
  maxRise?: number;
}

/**
 * The value to show next, so the ETA does not jump:
 * - it changes at most once per `minIntervalMs` (including to and from unknown); otherwise `prev` is
 *   returned as it is;
 * - it may fall freely but rises by at most `maxRise` of the shown value per change. The first value,
 *   a value after unknown or after 0 (a finished run), and a value that comes back after the estimate
 *   was lost (a restart, a new phase) are shown as they are: they do not continue the old value;
 * - when the estimate is lost, the last value stays for one more interval and becomes unknown only if
 *   the estimate is still unknown then. `lostAt` marks the first loss since the shown value was set; an
 *   estimate that flickers keeps it, so the display goes unknown one interval after the first loss.
 */
export function nextEtaDisplay(
  prev: EtaDisplay,
  estimateMs: number | undefined,
  now: number,
  options: EtaDisplayOptions = {},
): EtaDisplay {
  if (!Number.isFinite(now)) return prev;
  const interval = pick(options.minIntervalMs, 1000, 0);
  const maxRise = pick(options.maxRise, 0.1, 0);
  const estimate = estimateMs === undefined || Number.isNaN(estimateMs) ? undefined : Math.max(0, estimateMs);
  const shown = prev.shownMs;
  const due = prev.changedAt === undefined || now - prev.changedAt >= interval;

  if (estimate === undefined || estimate === Number.POSITIVE_INFINITY) {
    if (shown === undefined) return prev;
    if (prev.lostAt === undefined) return { ...prev, lostAt: now };
    return due && now - prev.lostAt >= interval ? { shownMs: undefined, changedAt: now } : prev;
  }
  if (!due) return prev;
  if (shown === undefined || shown === 0 || prev.lostAt !== undefined) return { shownMs: estimate, changedAt: now };
  const next = Math.min(estimate, shown * (1 + maxRise));
  return next === shown ? prev : { shownMs: next, changedAt: now };
}
