import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  checkInputForm,
  formFields,
  formInput,
  type InputField,
  type InputForm,
  initialFormValues,
  parseFormNumber,
  validateForm,
} from '../../src/core';

const form = (...fields: InputField[]): InputForm => ({ type: 'simple', fields });
const required = [{ type: 'required' as const }];
/** A form as a server might send it: anything at all. */
const malformed = (value: unknown): InputForm => value as InputForm;

const everyType = form(
  { key: 'name', label: 'Name', type: 'string' },
  { key: 'notes', label: 'Notes', type: 'textarea' },
  { key: 'limit', label: 'Limit', type: 'number' },
  { key: 'notify', label: 'Notify', type: 'boolean' },
  {
    key: 'tier',
    label: 'Tier',
    type: 'enum',
    config: { options: [{ value: 'gold' }, { value: 3 }, { value: false }] },
  },
  { key: 'shade', label: 'Shade', type: 'color' },
);

afterEach(() => {
  vi.restoreAllMocks();
});

describe('initialFormValues', () => {
  it('starts every field empty without defaults: text empty, checkbox unchecked, no option chosen', () => {
    expect(initialFormValues(everyType)).toEqual({
      name: '',
      notes: '',
      limit: '',
      notify: false,
      tier: '',
      shade: '',
    });
  });

  it('pre-fills defaults that fit, the enum one as the index of the option with that exact value', () => {
    const values = initialFormValues(
      form(
        { key: 'name', label: 'Name', type: 'string', defaultValue: 'Ada' },
        { key: 'limit', label: 'Limit', type: 'number', defaultValue: 2.5 },
        { key: 'text', label: 'Typed', type: 'number', defaultValue: '1e3' },
        { key: 'notify', label: 'Notify', type: 'boolean', defaultValue: true },
        {
          key: 'tier',
          label: 'Tier',
          type: 'enum',
          defaultValue: 3,
          config: { options: [{ value: '3' }, { value: 3 }] },
        },
        { key: 'shade', label: 'Shade', type: 'color', defaultValue: 7 },
      ),
    );
    expect(values).toEqual({ name: 'Ada', limit: '2.5', text: '1e3', notify: true, tier: '1', shade: '7' });
  });

  it('ignores a default that does not fit its type, with a dev warning', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const values = initialFormValues(
      form(
        { key: 'limit', label: 'Limit', type: 'number', defaultValue: 'abc' },
        { key: 'tier', label: 'Tier', type: 'enum', defaultValue: 'silver', config: { options: [{ value: 'gold' }] } },
        { key: 'notify', label: 'Notify', type: 'boolean', defaultValue: 'true' },
      ),
    );
    expect(values).toEqual({ limit: '', tier: '', notify: false });
    expect(warn).toHaveBeenCalledTimes(3);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('field "limit" has a default value "abc"'));
  });

  it('stays quiet when asked to, for callers that report problems themselves', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    initialFormValues(form({ key: 'limit', label: 'Limit', type: 'number', defaultValue: 'abc' }), { warn: false });
    expect(warn).not.toHaveBeenCalled();
  });
});

describe('validateForm', () => {
  const requiredEveryType = form(...formFields(everyType).map((field) => ({ ...field, constraints: required })));

  it('asks for a value in every required field left blank, and a choice in a required enum', () => {
    const errors = validateForm(requiredEveryType, { ...initialFormValues(requiredEveryType), name: '   ' });
    expect(errors).toEqual({
      name: { kind: 'required' },
      notes: { kind: 'required' },
      limit: { kind: 'required' },
      tier: { kind: 'requiredChoice' },
      shade: { kind: 'required' },
    });
  });

  it('treats a required checkbox as always answered: unchecked means no', () => {
    expect(validateForm(requiredEveryType, initialFormValues(requiredEveryType))).not.toHaveProperty('notify');
  });

  it('accepts blank optional fields', () => {
    expect(validateForm(everyType, initialFormValues(everyType))).toEqual({});
  });

  it('rejects text in a number field, required or not', () => {
    const values = { ...initialFormValues(everyType), limit: '12 apples' };
    expect(validateForm(everyType, values)).toEqual({ limit: { kind: 'number' } });
  });

  it('treats an enum index that points at no option as no choice', () => {
    const values = { ...initialFormValues(requiredEveryType), tier: '9' };
    expect(validateForm(requiredEveryType, values).tier).toEqual({ kind: 'requiredChoice' });
  });
});

describe('parseFormNumber', () => {
  it.each([
    ['1.5', 1.5],
    ['-3', -3],
    ['1e3', 1000],
    ['  42 ', 42],
    ['.5', 0.5],
    ['+7', 7],
  ])('reads %j as %d', (text, value) => {
    expect(parseFormNumber(text)).toBe(value);
  });

  it.each(['', ' ', 'abc', '1,5', '0x10', 'Infinity', 'NaN', '1e999', '1.2.3', '--1'])('refuses %j', (text) => {
    expect(parseFormNumber(text)).toBeUndefined();
  });
});

describe('formInput', () => {
  it('gives each field its type: text, number, boolean, and the enum option value as configured', () => {
    const values = { name: 'Ada', notes: 'line 1\nline 2', limit: ' 1e3 ', notify: true, tier: '1', shade: '#ff0000' };
    expect(formInput(everyType, values)).toEqual({
      name: 'Ada',
      notes: 'line 1\nline 2',
      limit: 1000,
      notify: true,
      tier: 3,
      shade: '#ff0000',
    });
  });

  it.each([
    ['0', 'gold'],
    ['1', 3],
    ['2', false],
  ])('sends option #%s as its value %j, with its type', (index, value) => {
    expect(formInput(everyType, { ...initialFormValues(everyType), tier: index }).tier).toStrictEqual(value);
  });

  it('leaves out blank optional fields and unchosen enums, but always sends a boolean', () => {
    expect(formInput(everyType, initialFormValues(everyType))).toEqual({ notify: false });
  });

  it('sends text as typed, surrounding spaces included', () => {
    expect(formInput(everyType, { ...initialFormValues(everyType), name: ' Ada ' }).name).toBe(' Ada ');
  });
});

describe('malformed forms', () => {
  const junk: unknown[] = [
    null,
    undefined,
    42,
    'form',
    {},
    { type: 'simple', fields: null },
    { type: 'simple', fields: 'name' },
    { type: 'simple', fields: [null, 7, 'x', [], { label: 'No key' }, { key: 3 }] },
    { type: 'simple', fields: [{ key: 'tier', type: 'enum', config: { options: [null, { value: {} }, 'a'] } }] },
    { type: 'simple', fields: [{ key: 'tier', type: 'enum', config: null, constraints: 'required' }] },
    { type: 'simple', fields: [{ key: 'x', type: { nested: true }, defaultValue: Object.create(null) }] },
    { type: 'simple', fields: [{ key: 'big', type: 'string', defaultValue: 10n }] },
  ];

  it.each(junk.map((value, index) => [index, value]))('never throws on junk #%i', (_index, value) => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const bad = malformed(value);
    expect(() => checkInputForm(value)).not.toThrow();
    const values = initialFormValues(bad);
    expect(() => validateForm(bad, values)).not.toThrow();
    expect(() => formInput(bad, values)).not.toThrow();
    expect(() => validateForm(bad, malformed({ x: 5, tier: {} }) as never)).not.toThrow();
  });

  it('skips fields without a string key, and duplicates after the first', () => {
    const bad = malformed({
      type: 'simple',
      fields: [
        null,
        { label: 'No key', type: 'string' },
        { key: 'a', label: 'A', type: 'string' },
        { key: 'a', label: 'Again', type: 'number' },
      ],
    });
    expect(formFields(bad).map((field) => field.label)).toEqual(['A']);
    expect(formInput(bad, { a: 'x' })).toEqual({ a: 'x' });
  });

  it('reads values of the wrong kind as empty', () => {
    expect(formInput(everyType, malformed({ name: true, limit: false, notify: 'yes', tier: 1 }) as never)).toEqual({
      notify: false,
    });
  });
});

describe('checkInputForm', () => {
  it('finds nothing wrong with a well-formed form', () => {
    expect(
      checkInputForm(form({ key: 'name', label: 'Name', type: 'string', defaultValue: 'Ada', constraints: required })),
    ).toEqual([]);
  });

  it('names every problem a developer should fix', () => {
    const problems = checkInputForm({
      type: 'fancy',
      fields: [
        null,
        { label: 'No key', type: 'string' },
        { key: 'tier', label: 'Tier', type: 'enum' },
        { key: 'tier', label: 'Tier again', type: 'string' },
        { key: 'nolabel', type: 'string' },
        { key: 'shade', label: 'Shade', type: 'color' },
        { key: 'limit', label: 'Limit', type: 'number', defaultValue: 'abc' },
        { key: 'size', label: 'Size', type: 'enum', config: { options: [{ value: 'S' }, { value: null }] } },
      ],
    });
    expect(problems).toEqual([
      'the input form type "fancy" is not "simple"; it is shown as a simple form',
      'field #1 is not an object; it is skipped',
      'field #2 has no key; it is skipped',
      'enum field "tier" has no options',
      'field "tier" appears more than once; only the first is shown',
      'field "nolabel" has no label; its key is shown instead',
      'field "shade" has an unknown type "color"; it is shown as a text input',
      'field "limit" has a default value "abc" that does not fit its type "number"; it is ignored',
      'enum field "size" has options without a string, number or boolean value; they are skipped',
    ]);
  });

  it('says what is missing when the form is not a form', () => {
    expect(checkInputForm(null)).toEqual(['the input form is not an object']);
    expect(checkInputForm({ type: 'simple' })).toEqual(['the input form has no fields array']);
  });
});
