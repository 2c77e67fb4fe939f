// @vitest-environment node
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultMessages, formatEta, formatPercent, formatRelativeTime, resolveLocale } from '../../src/core';

const badLocales = ['en_US', '', ' ', 'not a locale', '123', 'en-', 'x'];
const badText = /NaN|∞|Infinity|-0|−0|^-|^−/;

afterEach(() => {
  vi.restoreAllMocks();
});

describe('locales', () => {
  it('falls back to the default locale for a tag Intl rejects, with a development warning', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    for (const locale of badLocales) {
      expect(resolveLocale(locale)).toBeUndefined();
      expect(formatPercent(42, locale)).toBe(formatPercent(42));
      expect(formatEta(3 * 60_000, locale, defaultMessages)).toBe(formatEta(3 * 60_000, undefined, defaultMessages));
      expect(formatRelativeTime(new Date(0), 60_000, locale)).toBe(formatRelativeTime(new Date(0), 60_000));
    }
    expect(warn).toHaveBeenCalled();
    expect(String(warn.mock.calls[0]?.[0])).toMatch(/locale/);
  });

  it('keeps a locale Intl accepts', () => {
    expect(resolveLocale('de-DE')).toBe('de-DE');
    expect(formatPercent(42.4, 'de-DE')).toMatch(/^42\s%$/u);
  });
});

describe('formatters, whatever number or date they get', () => {
  const anyNumber = fc.oneof(fc.double(), fc.constantFrom(Number.NaN, Infinity, -Infinity, -0, -0.4, 1e308, -1e308));

  it('formatPercent prints a percentage from 0 to 100, never NaN, ∞, -0 or below zero', () => {
    fc.assert(
      fc.property(anyNumber, (value) => {
        const text = formatPercent(value, 'en');
        expect(text).not.toMatch(badText);
        expect(text).toMatch(/^\d{1,3}%$/);
      }),
    );
    expect([formatPercent(-0.4, 'en'), formatPercent(Number.NaN, 'en'), formatPercent(250, 'en')]).toEqual([
      '0%',
      '0%',
      '100%',
    ]);
  });

  it('formatPercent keeps each locale its own text for whole percents, however often asked', () => {
    const ask = () => [
      formatPercent(42, 'de-DE'),
      formatPercent(42, 'en'),
      formatPercent(42),
      formatPercent(42.6, 'en'),
    ];
    const first = ask();
    expect(first[0]).toMatch(/^42\s%$/u);
    expect(first[1]).toBe('42%');
    expect(first[2]).toBe(new Intl.NumberFormat(undefined, { style: 'percent' }).format(0.42));
    expect(first[3]).toBe('43%');
    expect(ask()).toEqual(first);
  });

  it('formatEta never prints NaN, ∞ or a negative duration', () => {
    fc.assert(
      fc.property(anyNumber, (value) => {
        expect(formatEta(value, 'en', defaultMessages)).not.toMatch(/NaN|∞|Infinity|-\d|−\d/);
      }),
    );
  });

  it('formatRelativeTime never throws or prints NaN, whatever the date or the clock', () => {
    const anyDate = fc.oneof(fc.date({ noInvalidDate: false }), fc.constant(new Date(Number.NaN)));
    fc.assert(
      fc.property(anyDate, anyNumber, (date, now) => {
        expect(formatRelativeTime(date, now, 'en')).not.toMatch(/NaN|∞|Infinity|-0/);
      }),
    );
  });
});
