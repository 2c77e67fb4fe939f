// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';

import { actionConstraints } from '../../src/core';
import { createFlatfileJobsClient, readActions } from '../../src/flatfile';
import { SHEET_ID, SPACE_ID, WORKBOOK_ID } from './fixtures';
import { type FakeFlatfile, withFakeFlatfile } from './server';

let server: FakeFlatfile;
withFakeFlatfile((started) => {
  server = started;
});

const connection = () => ({ baseUrl: server.baseUrl, accessToken: 'sk_test_valid', retry: { delayMs: 5 } });

describe('readActions', () => {
  it('reads a workbook’s actions as configured, leaving out a malformed one with a warning', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});

    const actions = await readActions(connection(), { workbookId: WORKBOOK_ID });

    expect(server.calls()).toEqual([`GET /workbooks/${WORKBOOK_ID}`]);
    expect(actions.map((action) => action.label)).toEqual(['Submit', 'Download']);
    expect(actions[0]).toEqual({
      operation: 'submitActionFg',
      mode: 'foreground',
      label: 'Submit',
      description: 'Send the data to the CRM?',
      primary: true,
      constraints: [{ type: 'hasAllValid' }],
    });
    expect(actionConstraints(actions[0]!)).toEqual([{ type: 'hasAllValid' }]);
    expect(actions[1]?.inputForm?.fields[0]?.key).toBe('format');
    expect(String(warn.mock.calls[0]?.[0])).toMatch(/data\.actions\[2\] has no label/);
  });

  it('reads a sheet’s actions and, per field key, its fields’ actions', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});

    const sheet = await readActions(connection(), { sheetId: SHEET_ID });

    expect(sheet.actions.map((action) => action.operation)).toEqual(['dedupe']);
    expect(sheet.fields).toEqual([
      {
        fieldKey: 'email',
        actions: [{ operation: 'normalizeEmail', label: 'Normalize', constraints: [{ type: 'hasColumnEnabled' }] }],
      },
    ]);
  });

  it('reads a space’s actions through the jobs client, with its token', async () => {
    const client = createFlatfileJobsClient({ ...connection(), spaceId: SPACE_ID });

    const actions = await client.readActions({ spaceId: SPACE_ID });

    expect(actions).toEqual([
      { operation: 'archive', label: 'Archive space', confirm: true, description: 'Archive this space?' },
    ]);
    expect(server.requests[0]?.headers.authorization).toBe('Bearer sk_test_valid');
  });

  it('fails with `not-found` for an unknown workbook and `invalid` for an answer that is no workbook', async () => {
    await expect(readActions(connection(), { workbookId: 'us_wb_Unknown1' })).rejects.toMatchObject({
      code: 'not-found',
      message: expect.stringMatching(/no workbook us_wb_Unknown1/),
    });
    server.queue('GET /sheets/:id', { body: { data: { id: SHEET_ID } } });
    await expect(readActions(connection(), { sheetId: SHEET_ID })).rejects.toMatchObject({
      code: 'invalid',
      message: expect.stringMatching(/without `data.config`/),
    });
  });

  it('reads a missing actions list as none', async () => {
    server.queue('GET /workbooks/:id', { body: { data: { id: WORKBOOK_ID, name: 'Empty' } } });

    await expect(readActions(connection(), { workbookId: WORKBOOK_ID })).resolves.toEqual([]);
  });
});
