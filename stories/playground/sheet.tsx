import { type ReactNode, useCallback } from 'react';
import { collectionSubject } from '../../src/core';
import { ActionBar, ProgressOverlay } from '../../src';
import { emailFieldActions, sheetActions } from './actions';
import { type Contact, SHEET_ID, validEmail } from './data';

export interface SheetProps {
  contacts: Contact[];
  selected: string[];
  onSelectedChange(ids: string[]): void;
  stallAfterMs: number | undefined;
  /** The sheet the last navigation asked for: highlighted when it is this one. */
  focused: boolean;
}

/** The Contacts sheet: a toolbar with the sheet's actions and a table with checkboxes and a column-header menu. */
export function Sheet({ contacts, selected, onSelectedChange, stallAfterMs, focused }: SheetProps): ReactNode {
  const overlay = stallAfterMs === undefined ? {} : { stallAfterMs };
  const all = contacts.length > 0 && selected.length === contacts.length;
  const subject = useCallback(
    () =>
      collectionSubject({
        sheetId: SHEET_ID,
        ...(selected.length > 0 ? { selection: { type: 'include' as const, ids: selected } } : {}),
      }),
    [selected],
  );
  const toggle = (id: string) =>
    onSelectedChange(selected.includes(id) ? selected.filter((s) => s !== id) : [...selected, id]);
  const invalid = contacts.filter((c) => !validEmail(c.email)).length;
  const state = {
    hasData: contacts.length > 0,
    selectionCount: selected.length,
    allValid: invalid === 0,
    selectionValid: selected.every((id) => validEmail(contacts.find((c) => c.id === id)?.email ?? '')),
  };
  return (
    <section className="pg-sheet" aria-labelledby="pg-sheet-title" data-focused={focused ? '' : undefined}>
      <header className="pg-sheet-header">
        <h2 id="pg-sheet-title">Contacts</h2>
        <p className="pg-muted">
          {contacts.length} records, {invalid} with errors{selected.length > 0 ? `, ${selected.length} selected` : ''}
        </p>
      </header>
      <ProgressOverlay source={SHEET_ID} region="toolbar" {...overlay}>
        <div className="pg-toolbar">
          <ActionBar
            label="Sheet actions"
            domain="sheet"
            source={SHEET_ID}
            actions={sheetActions(selected.length)}
            subject={subject}
            state={state}
          />
        </div>
      </ProgressOverlay>
      <ProgressOverlay source={SHEET_ID} region="resource" {...overlay}>
        <div className="pg-table-wrap">
          <table className="pg-table" aria-label="Contacts records">
            <thead>
              <tr>
                <th scope="col" className="pg-check">
                  <input
                    type="checkbox"
                    aria-label="Select all records"
                    checked={all}
                    ref={(input) => {
                      if (input) input.indeterminate = selected.length > 0 && !all;
                    }}
                    onChange={() => onSelectedChange(all ? [] : contacts.map((c) => c.id))}
                  />
                </th>
                <th scope="col">Name</th>
                <th scope="col">
                  <span className="pg-column-head">
                    Email
                    <ActionBar
                      label="Email column"
                      menuLabel="Email column actions"
                      domain="sheet"
                      source={SHEET_ID}
                      actions={emailFieldActions}
                      subject={() => collectionSubject({ sheetId: SHEET_ID, params: { columnKey: 'email' } })}
                      state={{ columnEnabled: true, hasData: contacts.length > 0 }}
                    />
                  </span>
                </th>
                <th scope="col">Company</th>
              </tr>
            </thead>
            <tbody>
              {contacts.map((contact) => {
                const checked = selected.includes(contact.id);
                return (
                  <tr key={contact.id} data-selected={checked ? '' : undefined}>
                    <td className="pg-check">
                      <input
                        type="checkbox"
                        aria-label={`Select ${contact.name}`}
                        checked={checked}
                        onChange={() => toggle(contact.id)}
                      />
                    </td>
                    <td>{contact.name}</td>
                    <td data-invalid={validEmail(contact.email) ? undefined : ''}>
                      {contact.email}
                      {validEmail(contact.email) ? null : <span className="pg-error"> (invalid)</span>}
                    </td>
                    <td>{contact.company}</td>
                  </tr>
                );
              })}
              {contacts.length === 0 ? (
                <tr>
                  <td colSpan={4} className="pg-empty">
                    No records.
                  </td>
                </tr>
              ) : null}
            </tbody>
          </table>
        </div>
      </ProgressOverlay>
    </section>
  );
}
