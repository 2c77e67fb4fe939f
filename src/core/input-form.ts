import {
  INPUT_FIELD_TYPES,
  type InputEnumPropertyOption,
  type InputField,
  type InputFieldType,
  type InputForm,
} from './action';
import { devWarn } from './dev';

/**
 * The raw values of an input form's controls, keyed by field key, before they become `job.input`:
 * - `string`, `textarea`, `number` and unknown types: the text as typed (a number stays text until
 *   `formInput`, so "1.5e" can be shown back with an error instead of being lost);
 * - `boolean`: a boolean;
 * - `enum`: the index of the chosen option in `fieldOptions(field)`, as a string, or `''` for none.
 *   An index, not the value, because values may be `3` and `'3'` in one list.
 */
export type InputFormValues = Record<string, string | boolean>;

/** Why a field is not valid; the catalogue key is `form.error.<kind>`. */
export type FormFieldErrorKind = 'required' | 'requiredChoice' | 'number';

export interface FormFieldError {
  kind: FormFieldErrorKind;
}

type Loose<T> = { [K in keyof T]?: unknown };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isOptionValue(value: unknown): value is InputEnumPropertyOption['value'] {
  return (
    typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))
  );
}

/** The fields that can be shown: objects with a non-empty string key, the first of each key only. */
export function formFields(form: InputForm): InputField[] {
  const fields: unknown = isObject(form) ? form.fields : undefined;
  if (!Array.isArray(fields)) return [];
  const seen = new Set<string>();
  const usable: InputField[] = [];
  for (const field of fields as unknown[]) {
    if (!isObject(field) || typeof field.key !== 'string' || field.key === '' || seen.has(field.key)) continue;
    seen.add(field.key);
    usable.push(field as unknown as InputField);
  }
  return usable;
}

/** The control a field gets: its own type when the kit knows it, else `string` (a text input). */
export function fieldKind(field: InputField): InputFieldType {
  return INPUT_FIELD_TYPES.includes(field.type as InputFieldType) ? (field.type as InputFieldType) : 'string';
}

/** An enum field's options, without the malformed ones (no object, a value that is not string, number or boolean). */
export function fieldOptions(field: InputField): InputEnumPropertyOption[] {
  const options: unknown = isObject(field.config) ? field.config.options : undefined;
  if (!Array.isArray(options)) return [];
  return (options as unknown[]).filter(
    (option): option is InputEnumPropertyOption => isObject(option) && isOptionValue(option.value),
  );
}

/** Whether a field carries the `required` constraint. */
export function isFieldRequired(field: InputField): boolean {
  const constraints: unknown = field.constraints;
  return Array.isArray(constraints) && constraints.some((c: unknown) => isObject(c) && c.type === 'required');
}

/** The field's label, its key when it has none. */
export function fieldLabel(field: InputField): string {
  return typeof field.label === 'string' && field.label !== '' ? field.label : field.key;
}

/** An option's label, `String(value)` when it has none. */
export function optionLabel(option: InputEnumPropertyOption): string {
  return typeof option.label === 'string' && option.label !== '' ? option.label : String(option.value);
}

const numberPattern = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** Parses a number the way a form accepts it: trimmed, locale-free (`1.5`, `-3`, `1e3`), finite. */
export function parseFormNumber(text: string): number | undefined {
  const trimmed = text.trim();
  if (!numberPattern.test(trimmed)) return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : undefined;
}

/** Any value in a message, without throwing (cycles, BigInt, objects without a prototype). */
function show(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return typeof value;
  }
}

function textOf(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** The raw value a field's `defaultValue` gives, or undefined when there is none or it does not fit. */
function defaultOf(field: InputField): { value?: string | boolean; misfit: boolean } {
  const given = field.defaultValue;
  if (given === undefined || given === null) return { misfit: false };
  const kind = fieldKind(field);
  const known = kind === field.type;
  if (kind === 'boolean') return typeof given === 'boolean' ? { value: given, misfit: false } : { misfit: true };
  if (kind === 'enum') {
    const index = fieldOptions(field).findIndex((option) => option.value === given);
    return index === -1 ? { misfit: true } : { value: String(index), misfit: false };
  }
  if (kind === 'number') {
    if (typeof given === 'number' && Number.isFinite(given)) return { value: String(given), misfit: false };
    return typeof given === 'string' && parseFormNumber(given) !== undefined
      ? { value: given, misfit: false }
      : { misfit: true };
  }
  if (typeof given === 'string') return { value: given, misfit: false };
  // An unknown type is shown as text: a number or boolean default reads fine there.
  return !known && isOptionValue(given) ? { value: String(given), misfit: false } : { misfit: true };
}

function emptyValue(field: InputField): string | boolean {
  return fieldKind(field) === 'boolean' ? false : '';
}

/**
 * The values a form starts with: each field's `defaultValue` when it fits its type, else empty. A
 * default that does not fit is ignored with a dev warning; pass `{ warn: false }` when the caller
 * reports problems itself through `checkInputForm`.
 */
export function initialFormValues(form: InputForm, { warn = true }: { warn?: boolean } = {}): InputFormValues {
  const values: InputFormValues = {};
  for (const field of formFields(form)) {
    const { value, misfit } = defaultOf(field);
    if (misfit && warn) devWarn(misfitMessage(field));
    values[field.key] = value ?? emptyValue(field);
  }
  return values;
}

/**
 * What is wrong with the values, by field key; empty when the form can be sent. A required text,
 * number or unknown-type field needs non-blank text, a required enum a chosen option. A required
 * boolean is always satisfied: a checkbox always has an answer (unchecked is "no").
 */
export function validateForm(form: InputForm, values: InputFormValues): Record<string, FormFieldError> {
  const errors: Record<string, FormFieldError> = {};
  for (const field of formFields(form)) {
    const kind = fieldKind(field);
    if (kind === 'boolean') continue;
    const raw = values[field.key];
    if (kind === 'enum') {
      if (isFieldRequired(field) && chosenOption(field, raw) === undefined)
        errors[field.key] = { kind: 'requiredChoice' };
      continue;
    }
    const text = textOf(raw);
    if (text.trim() === '') {
      if (isFieldRequired(field)) errors[field.key] = { kind: 'required' };
    } else if (kind === 'number' && parseFormNumber(text) === undefined) {
      errors[field.key] = { kind: 'number' };
    }
  }
  return errors;
}

function chosenOption(field: InputField, raw: unknown): InputEnumPropertyOption | undefined {
  if (typeof raw !== 'string' || !/^\d+$/.test(raw)) return undefined;
  return fieldOptions(field)[Number(raw)];
}

/**
 * `job.input` from the values: text for `string`, `textarea` and unknown types, a number for `number`,
 * a boolean for `boolean`, the chosen option's `value` as configured (string, number or boolean) for
 * `enum`. Blank text, unparsable numbers and unchosen enums are left out. Text is sent as typed.
 */
export function formInput(form: InputForm, values: InputFormValues): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const field of formFields(form)) {
    const kind = fieldKind(field);
    const raw = values[field.key];
    if (kind === 'boolean') {
      input[field.key] = raw === true;
    } else if (kind === 'enum') {
      const option = chosenOption(field, raw);
      if (option !== undefined) input[field.key] = option.value;
    } else if (kind === 'number') {
      const number = parseFormNumber(textOf(raw));
      if (number !== undefined) input[field.key] = number;
    } else if (textOf(raw).trim() !== '') {
      input[field.key] = textOf(raw);
    }
  }
  return input;
}

function misfitMessage(field: InputField): string {
  return `field "${field.key}" has a default value ${show(field.defaultValue)} that does not fit its type "${fieldKind(field)}"; it is ignored`;
}

function checkField(field: Loose<InputField>, index: number, seen: Set<string>): string[] {
  if (typeof field.key !== 'string' || field.key === '') return [`field #${index + 1} has no key; it is skipped`];
  const name = `field "${field.key}"`;
  if (seen.has(field.key)) return [`${name} appears more than once; only the first is shown`];
  seen.add(field.key);
  const usable = field as InputField;
  const problems: string[] = [];
  if (typeof field.label !== 'string' || field.label === '')
    problems.push(`${name} has no label; its key is shown instead`);
  if (!INPUT_FIELD_TYPES.includes(field.type as InputFieldType)) {
    problems.push(`${name} has an unknown type ${show(field.type)}; it is shown as a text input`);
  }
  if (field.type === 'enum') {
    const all: unknown = isObject(field.config) ? field.config.options : undefined;
    const options = fieldOptions(usable);
    if (options.length === 0) problems.push(`enum ${name} has no options`);
    if (Array.isArray(all) && all.length > options.length) {
      problems.push(`enum ${name} has options without a string, number or boolean value; they are skipped`);
    }
  }
  if (field.constraints !== undefined && !Array.isArray(field.constraints))
    problems.push(`${name} has constraints that are not an array; they are ignored`);
  if (defaultOf(usable).misfit) problems.push(misfitMessage(usable));
  return problems;
}

/**
 * What is wrong with an input form, in words a developer can act on (for dev warnings). Never throws,
 * whatever it is given: forms come from servers.
 */
export function checkInputForm(form: unknown): string[] {
  if (!isObject(form)) return ['the input form is not an object'];
  const problems: string[] = [];
  if (form.type !== 'simple')
    problems.push(`the input form type ${show(form.type)} is not "simple"; it is shown as a simple form`);
  if (!Array.isArray(form.fields)) return [...problems, 'the input form has no fields array'];
  const seen = new Set<string>();
  (form.fields as unknown[]).forEach((field, index) => {
    problems.push(
      ...(isObject(field) ? checkField(field, index, seen) : [`field #${index + 1} is not an object; it is skipped`]),
    );
  });
  return problems;
}
