// Compiled by `npm run typecheck` only (NodeNext and Bundler resolution, skipLibCheck off): the kit's
// types must be real types under both, not `any`. Each @ts-expect-error fails the check if its line compiles.
import { type Job, isActive } from 'jobkit/core';
import { createFlatfileJobsClient } from 'jobkit/flatfile';
import { ActionBar } from 'jobkit';

export const flatfile = createFlatfileJobsClient({ spaceId: 'us_sp_1', accessToken: 'sk_test' });

// @ts-expect-error: an option the client does not have
createFlatfileJobsClient({ spaceId: 'us_sp_1', accessToken: 'sk_test', notAnOption: true });

// @ts-expect-error: spaceId is a string
createFlatfileJobsClient({ spaceId: 42, accessToken: 'sk_test' });

export const active: boolean = isActive('executing');

// @ts-expect-error: a job is not a status
isActive({ status: 'executing' } as Job);

// @ts-expect-error: ActionBar needs its actions
export const bar = ActionBar({ label: 'Workbook actions', domain: 'workbook', source: 'us_wb_1' });
