import { numberFormat, pluralRules } from './format';

/** Values for a message's placeholders. Numbers are written in the locale's digits and pick plural forms. */
export type MessageValues = Record<string, string | number>;

/**
 * Fills a message. `{name}` takes a value (numbers formatted for `locale`); unknown placeholders stay as
 * written. A count may choose among forms with ICU's plural syntax, the category picked by
 * `Intl.PluralRules` for `locale`:
 *
 * `{count, plural, =0 {No jobs} one {# job} other {# jobs}}`
 *
 * An exact `=n` form wins over the category; `other` is the fallback (and the only form used when the value
 * is not a number, such as "100+"); `#` inside a form is the count as written. Forms may hold placeholders
 * and plurals of their own. `selectordinal` picks ordinal categories (`one two few other` in English).
 */
export function formatMessage(template: string, values: MessageValues = {}, locale?: string): string {
  return template.includes('{') ? render(template, values, locale, undefined) : template;
}

function render(source: string, values: MessageValues, locale: string | undefined, hash: string | undefined): string {
  let out = '';
  let i = 0;
  while (i < source.length) {
    const char = source[i] as string;
    if (char === '#' && hash !== undefined) {
      out += hash;
      i += 1;
    } else if (char !== '{') {
      out += char;
      i += 1;
    } else {
      const close = matching(source, i);
      if (close < 0) return out + source.slice(i);
      out += argument(source.slice(i + 1, close), source.slice(i, close + 1), values, locale);
      i = close + 1;
    }
  }
  return out;
}

/** The index of the `}` that closes the `{` at `open`, or -1. */
function matching(source: string, open: number): number {
  let depth = 0;
  for (let i = open; i < source.length; i += 1) {
    if (source[i] === '{') depth += 1;
    else if (source[i] === '}') {
      depth -= 1;
      if (depth === 0) return i;
    }
  }
  return -1;
}

const SIMPLE = /^\s*(\w+)\s*$/;
const PLURAL = /^\s*(\w+)\s*,\s*(plural|selectordinal)\s*,/;

/** A value as text: numbers in the locale's digits; anything else as `String` makes it, empty when that throws. */
function show(value: unknown, locale: string | undefined): string {
  if (typeof value === 'number') return numberFormat(locale).format(value);
  if (typeof value === 'string') return value;
  try {
    return String(value);
  } catch {
    return '';
  }
}

function argument(body: string, raw: string, values: MessageValues, locale: string | undefined): string {
  const simple = SIMPLE.exec(body);
  if (simple !== null) {
    const name = simple[1] as string;
    return Object.hasOwn(values, name) ? show(values[name], locale) : raw;
  }
  const plural = PLURAL.exec(body);
  const name = plural?.[1];
  if (plural === null || name === undefined || !Object.hasOwn(values, name)) return raw;
  const value: unknown = values[name];
  const forms = branches(body.slice(plural[0].length));
  const count =
    typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
  let form: string | undefined;
  if (Number.isFinite(count)) {
    const type = plural[2] === 'selectordinal' ? 'ordinal' : 'cardinal';
    form = forms.get(`=${count}`) ?? forms.get(pluralRules(locale, { type }).select(count));
  }
  form ??= forms.get('other');
  return form === undefined ? raw : render(form, values, locale, show(value, locale));
}

/** `one {…} other {…}` as a map from selector to form. */
function branches(source: string): Map<string, string> {
  const forms = new Map<string, string>();
  let i = 0;
  while (i < source.length) {
    const selector = /^\s*([^\s{}]+)\s*\{/.exec(source.slice(i));
    if (selector === null) break;
    const open = i + selector[0].length - 1;
    const close = matching(source, open);
    if (close < 0) break;
    forms.set(selector[1] as string, source.slice(open + 1, close));
    i = close + 1;
  }
  return forms;
}
