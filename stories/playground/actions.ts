import type { Action } from '../../src/core';

/** Space actions (header): Flatfile's `space:configure`. */
export const spaceActions: Action[] = [
  {
    label: 'Configure space',
    operation: 'configure',
    mode: 'foreground',
    primary: true,
    description: 'Rebuild the space from its blueprint? Sheets keep their records.',
  },
];

/** Per-file actions, all in the file's overflow menu; each covers the file's card while it runs. */
export const fileActions: Action[] = [
  { label: 'Extract', operation: 'extract', mode: 'foreground', confirm: false, tooltip: 'Read the file into records' },
  {
    label: 'Map into Contacts',
    operation: 'map',
    mode: 'foreground',
    description: 'Map the extracted records into the Contacts sheet?',
  },
];

/** The sheet toolbar: Delete and Export as buttons, the rest in the overflow menu. */
export function sheetActions(selectionCount: number): Action[] {
  const records = selectionCount === 1 ? '1 record' : `${selectionCount} records`;
  return [
    {
      label: 'Delete selected',
      operation: 'delete-records',
      mode: 'foreground',
      primary: true,
      description: `Delete ${records}? This cannot be undone.`,
      constraints: [{ type: 'hasSelection' }],
    },
    { label: 'Export CSV', operation: 'export', mode: 'toolbarBlocking', primary: true, confirm: false },
    {
      label: 'Find and replace',
      operation: 'find-replace',
      mode: 'toolbarBlocking',
      confirm: true,
      description: 'Replace text in every record of the sheet.',
      inputForm: {
        type: 'simple',
        fields: [
          { key: 'find', label: 'Find', type: 'string', constraints: [{ type: 'required' }] },
          { key: 'replace', label: 'Replace with', type: 'string' },
        ],
      },
    },
    {
      label: 'Ask AI assist',
      operation: 'ai-assist',
      mode: 'foreground',
      description: 'Let the assistant change the records.',
      inputForm: {
        type: 'simple',
        fields: [
          {
            key: 'task',
            label: 'Task',
            type: 'enum',
            defaultValue: 'titlecase',
            config: {
              options: [
                { value: 'titlecase', label: 'Title-case names' },
                { value: 'companies', label: 'Tidy company names' },
                { value: 'enrich', label: 'Enrich from the web (slow service)' },
              ],
            },
            constraints: [{ type: 'required' }],
          },
        ],
      },
    },
    {
      label: 'Normalize emails',
      operation: 'mutate-records',
      mode: 'background',
      confirm: false,
      tooltip: 'Lower-case every email address',
    },
  ];
}

/** The Email column's field action (column-header menu). */
export const emailFieldActions: Action[] = [
  { label: 'Validate emails', operation: 'validate-emails', mode: 'background', confirm: false },
];
