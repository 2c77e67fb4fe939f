import type { JobMode } from './job';

/** A mode an action can start a job in (`hidden` is for jobs only). */
export type ActionMode = Exclude<JobMode, 'hidden'>;

export type ActionSchedule = 'weekly' | 'daily' | 'hourly';

export type ActionConstraint =
  | { type: 'hasAllValid'; ignoreSelection?: boolean }
  | { type: 'hasSelection' }
  | { type: 'hasData' }
  | { type: 'hasColumnEnabled' };

export type ActionConstraintType = ActionConstraint['type'];

/** A state-dependent tooltip. An `error` message disables the action. */
export interface ActionMessage {
  type: 'error' | 'info';
  content: string;
}

export type ActionMount =
  | { type: 'sheet'; slugs?: string[] }
  | { type: 'workbook'; slugs?: string[] }
  | { type: 'field'; keys?: string[] }
  | { type: 'document' }
  | { type: 'file' };

export interface Guide {
  content: string;
}

export interface Guardrail {
  content: string;
}

export type InputEnumValue = string | number | boolean;

export interface InputEnumPropertyOption {
  /** Optional in Flatfile's type; an option without a usable value is left out (`fieldOptions`). */
  value?: InputEnumValue;
  /** Falls back to `value`. */
  label?: string;
  description?: string;
  color?: string;
  icon?: string;
  meta?: Record<string, unknown>;
}

export interface InputConfig {
  options: InputEnumPropertyOption[];
}

export interface InputConstraint {
  type: 'required';
}

/** The field types the docs list; the API keeps `type` open, so unknown types are possible. */
export const INPUT_FIELD_TYPES = ['string', 'textarea', 'number', 'boolean', 'enum'] as const;
export type InputFieldType = (typeof INPUT_FIELD_TYPES)[number];

export interface InputField {
  key: string;
  label: string;
  description?: string;
  type: InputFieldType | (string & {});
  defaultValue?: unknown;
  config?: InputConfig;
  constraints?: InputConstraint[];
}

export interface InputForm {
  type: 'simple';
  fields: InputField[];
}

/** An action as Flatfile configures it on a workbook, sheet, field, document, file or space. */
export interface Action {
  label: string;
  operation?: string;
  /** @deprecated use `operation` */
  slug?: string;
  /** @deprecated */
  type?: string;
  mode?: ActionMode;
  primary?: boolean;
  confirm?: boolean;
  description?: string;
  tooltip?: string;
  icon?: string;
  messages?: ActionMessage[];
  constraints?: ActionConstraint[];
  /** @deprecated use `constraints: [{ type: 'hasAllValid' }]` */
  requireAllValid?: boolean;
  /** @deprecated use `constraints: [{ type: 'hasSelection' }]` */
  requireSelection?: boolean;
  inputForm?: InputForm;
  schedule?: ActionSchedule;
  mount?: ActionMount;
  guide?: Guide;
  guardrail?: Guardrail;
  invalidConditionalMessaging?: boolean;
  validRecordsMessage?: string;
  invalidRecordsMessage?: string;
  createdFrom?: string;
  lastPropagatedAt?: Date | string;
  deletedAt?: Date | string;
  /** Present on actions read from the `/actions` API. */
  id?: string;
  targetId?: string;
  createdAt?: Date | string;
  updatedAt?: Date | string;
}
