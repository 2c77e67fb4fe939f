import { describe, expect, it } from 'vitest';
import { COUNT_MESSAGES, defaultMessages, formatMessage, type MessageKey } from '../../src/core';
import { de } from '../../src/locales/de';

/** The placeholder names a message uses, plural selectors included. */
const placeholders = (message: string) => new Set([...message.matchAll(/\{(\w+)\s*[,}]/g)].map((m) => m[1]));

describe('formatMessage', () => {
  it('fills placeholders, writes numbers in the locale, and leaves unknown placeholders as written', () => {
    expect(formatMessage('{label} started.', { label: 'Export' })).toBe('Export started.');
    expect(formatMessage('{total} total', { total: 12_345 }, 'en')).toBe('12,345 total');
    expect(formatMessage('{total} insgesamt', { total: 12_345 }, 'de')).toBe('12.345 insgesamt');
    expect(formatMessage('{label} and {other}', { label: 'A' })).toBe('A and {other}');
    expect(formatMessage('no placeholders')).toBe('no placeholders');
  });

  it('picks the plural category of the locale for a count', () => {
    const jobs = '{count, plural, one {# job} other {# jobs}}';
    expect(formatMessage(jobs, { count: 1 }, 'en')).toBe('1 job');
    expect(formatMessage(jobs, { count: 2 }, 'en')).toBe('2 jobs');
    expect(formatMessage(jobs, { count: 0 }, 'en')).toBe('0 jobs');
    expect(formatMessage(jobs, { count: 1500 }, 'en')).toBe('1,500 jobs');
    // Polish has one, few and many: 1 zadanie, 2 zadania, 5 zadań, 22 zadania.
    const pl = '{count, plural, one {# zadanie} few {# zadania} many {# zadań} other {# zadania}}';
    expect([1, 2, 5, 22, 25].map((count) => formatMessage(pl, { count }, 'pl'))).toEqual([
      '1 zadanie',
      '2 zadania',
      '5 zadań',
      '22 zadania',
      '25 zadań',
    ]);
    // Arabic uses all six categories.
    const ar = '{n, plural, zero {z} one {o} two {t} few {f} many {m} other {x}}';
    expect([0, 1, 2, 3, 11, 100].map((n) => formatMessage(ar, { n }, 'ar'))).toEqual(['z', 'o', 't', 'f', 'm', 'x']);
  });

  it('prefers an exact =n form, falls back to other, and uses other for a count given as text', () => {
    const message = '{count, plural, =0 {No jobs} one {One job} other {# jobs}}';
    expect(formatMessage(message, { count: 0 }, 'en')).toBe('No jobs');
    expect(formatMessage('{count, plural, other {# more}}', { count: 1 }, 'en')).toBe('1 more');
    expect(formatMessage(message, { count: '100+' }, 'en')).toBe('100+ jobs');
  });

  it('fills placeholders and plurals nested inside a form', () => {
    const message =
      '{label}: {done, plural, one {# of {total, plural, one {# row} other {# rows}}} other {# of {total, plural, one {# row} other {# rows}}}}';
    expect(formatMessage(message, { label: 'Import', done: 1, total: 1 }, 'en')).toBe('Import: 1 of 1 row');
    expect(formatMessage(message, { label: 'Import', done: 3, total: 10 }, 'en')).toBe('Import: 3 of 10 rows');
  });

  it('picks ordinal categories with selectordinal', () => {
    const message = '{n, selectordinal, one {#st} two {#nd} few {#rd} other {#th}}';
    expect([1, 2, 3, 4, 11, 21].map((n) => formatMessage(message, { n }, 'en'))).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '21st',
    ]);
  });

  it('leaves a plural it cannot read as written instead of throwing', () => {
    expect(formatMessage('{count, plural, one {# job}', { count: 2 }, 'en')).toBe('{count, plural, one {# job}');
    expect(formatMessage('{count, plural, one {# job}}', { count: 2 }, 'en')).toBe('{count, plural, one {# job}}');
    expect(formatMessage('{count, plural, other {# jobs}}', {}, 'en')).toBe('{count, plural, other {# jobs}}');
  });
});

describe('the German catalogue', () => {
  it('has every message of the English one and no other, with the same placeholders', () => {
    expect(Object.keys(de).sort()).toEqual(Object.keys(defaultMessages).sort());
    for (const key of Object.keys(defaultMessages) as MessageKey[]) {
      expect([key, placeholders(de[key])]).toEqual([key, placeholders(defaultMessages[key])]);
    }
  });

  it('says each count in the right form', () => {
    expect(formatMessage(de['overlay.more'], { count: 1 }, 'de')).toBe('und 1 weiterer');
    expect(formatMessage(de['overlay.more'], { count: 3 }, 'de')).toBe('und 3 weitere');
    expect(formatMessage(de['panel.counts'], { total: 1, active: 1 }, 'de')).toBe('1 Job, 1 aktiv');
    expect(formatMessage(de['panel.counts'], { total: 1200, active: 0 }, 'de')).toBe('1.200 Jobs, 0 aktiv');
    expect(formatMessage(de['panel.indicator.active'], { count: 1 }, 'de')).toBe('1 läuft');
    expect(formatMessage(de['panel.indicator.active'], { count: '100+' }, 'de')).toBe('100+ laufen');
  });

  it('keeps the count placeholders the kit fills', () => {
    for (const [key, names] of Object.entries(COUNT_MESSAGES) as [MessageKey, readonly string[]][]) {
      for (const name of names) expect([key, placeholders(de[key]).has(name)]).toEqual([key, true]);
    }
  });
});
