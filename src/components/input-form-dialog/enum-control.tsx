import type { ReactNode } from 'react';
import { fieldOptions, type InputEnumPropertyOption, type InputField, optionLabel } from '../../core';
import { useJobsConfig } from '../../react/context';
import type { ControlState } from './input-form-field';

/** Up to this many options show as radios, all visible at once; more (or none) use a native select. */
export const MAX_RADIO_OPTIONS = 5;

export interface EnumControlProps {
  field: InputField;
  /** The chosen option's index as a string, `''` for none. */
  value: string;
  state: ControlState;
  onChange(value: string): void;
  requiredMark: ReactNode;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** A choice among an enum field's options: a radio group (fieldset + legend) or a select. */
export function EnumControl({ field, value, state, onChange, requiredMark }: EnumControlProps): ReactNode {
  const { t, translate, icons } = useJobsConfig('InputFormDialog');
  const { ids, label, required, invalid, describedBy, pending, part } = state;
  const options = fieldOptions(field);
  const describe = (option: InputEnumPropertyOption) => {
    const description = text(option.description);
    return description === undefined ? undefined : translate(description);
  };

  if (options.length === 0 || options.length > MAX_RADIO_OPTIONS) {
    const selected = /^\d+$/.test(value) ? options[Number(value)] : undefined;
    const selectedDescription = selected === undefined ? undefined : describe(selected);
    const selectedDescriptionId = `${ids.control}-option-description`;
    return (
      <>
        <label {...part('label')} htmlFor={ids.control}>
          {label}
          {requiredMark}
        </label>
        <select
          {...part('control')}
          id={ids.control}
          required={required}
          aria-invalid={invalid ? true : undefined}
          aria-describedby={
            [describedBy, selectedDescription === undefined ? undefined : selectedDescriptionId]
              .filter(Boolean)
              .join(' ') || undefined
          }
          aria-disabled={pending ? true : undefined}
          value={selected === undefined ? '' : value}
          onChange={(event) => onChange(event.currentTarget.value)}
        >
          <option value="">{t('form.choose')}</option>
          {options.map((option, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: options are identified by position: values may repeat, as 3 and '3'
            <option key={index} value={String(index)}>
              {translate(optionLabel(option))}
            </option>
          ))}
        </select>
        {selectedDescription === undefined ? null : (
          <p {...part('optionDescription')} id={selectedDescriptionId}>
            {selectedDescription}
          </p>
        )}
      </>
    );
  }

  const legendId = `${ids.control}-legend`;
  return (
    <fieldset
      {...part('options')}
      // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: a radiogroup carries aria-required and aria-invalid, which a fieldset's own group role does not
      role="radiogroup"
      aria-labelledby={legendId}
      aria-required={required ? true : undefined}
      aria-invalid={invalid ? true : undefined}
      aria-describedby={describedBy}
      aria-disabled={pending ? true : undefined}
    >
      <legend {...part('label')} id={legendId}>
        {label}
        {requiredMark}
      </legend>
      {options.map((option, index) => {
        const id = index === 0 ? ids.control : `${ids.control}-${index}`;
        const description = describe(option);
        const color = text(option.color);
        const iconName = text(option.icon);
        // Own keys only: a name like "__proto__" from a server must not reach React as a child.
        const icon = iconName !== undefined && Object.hasOwn(icons, iconName) ? icons[iconName] : undefined;
        const checked = value === String(index);
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: options are identified by position: values may repeat, as 3 and '3'
          <div key={index} {...part('option')} data-state={checked ? 'checked' : 'unchecked'}>
            <input
              {...part('control')}
              type="radio"
              id={id}
              name={ids.control}
              value={String(index)}
              checked={checked}
              required={required}
              aria-describedby={description === undefined ? undefined : `${id}-description`}
              aria-disabled={pending ? true : undefined}
              onChange={() => onChange(String(index))}
            />
            <label {...part('optionLabel')} htmlFor={id}>
              {color === undefined ? null : (
                <span {...part('swatch')} aria-hidden="true" style={{ backgroundColor: color }} />
              )}
              {icon === undefined ? null : (
                <span {...part('optionIcon')} aria-hidden="true">
                  {icon}
                </span>
              )}
              {translate(optionLabel(option))}
            </label>
            {description === undefined ? null : (
              <span {...part('optionDescription')} id={`${id}-description`}>
                {description}
              </span>
            )}
          </div>
        );
      })}
    </fieldset>
  );
}
