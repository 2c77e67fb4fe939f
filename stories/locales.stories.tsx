import type { Meta, StoryObj } from '@storybook/react-vite';
import { type ReactNode, useEffect, useState } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { JobsIndicator, JobsProvider, ProgressOverlay } from '../src';
import type { Messages } from '../src/core';
import { de } from '../src/locales/de';
import { createMemoryJobsClient, type MemoryJobsClient, type MemorySeedJob } from '../src/memory';

/**
 * How a host adds a locale the kit does not ship: a catalogue of the strings it shows (the rest stay
 * English), plural forms for the counts, and the job names in the same language. Arabic has six plural
 * categories and runs right to left.
 */
const ar: Partial<Messages> = {
  'progress.indeterminate': 'قيد التنفيذ',
  'eta.estimating': 'جارٍ التقدير…',
  'eta.lessThanMinute': 'أقل من دقيقة متبقية',
  'eta.remaining': 'حوالي {duration} متبقية',
  'eta.estimating.inline': 'جارٍ التقدير…',
  'eta.lessThanMinute.inline': 'أقل من دقيقة متبقية',
  'eta.remaining.inline': 'حوالي {duration} متبقية',
  'announce.started': 'بدأت {label}.',
  'announce.canceled': 'أُلغيت {label}.',
  'overlay.more': '{count, plural, one {ومهمة أخرى} two {ومهمتان أخريان} few {و# مهام أخرى} other {و# مهمة أخرى}}',
  'overlay.cancel': 'إلغاء',
  'overlay.canceling': 'جارٍ الإلغاء…',
  'panel.indicator': 'المهام',
  'panel.indicator.active':
    '{count, plural, one {مهمة واحدة قيد التشغيل} two {مهمتان قيد التشغيل} few {# مهام قيد التشغيل} other {# مهمة قيد التشغيل}}',
};

const LOCALES = {
  en: {
    name: 'English',
    dir: 'ltr',
    messages: {},
    jobs: { importContacts: 'Import contacts', dedupeContacts: 'Dedupe contacts', enrichContacts: 'Enrich contacts' },
  },
  de: {
    name: 'Deutsch',
    dir: 'ltr',
    messages: de,
    jobs: {
      importContacts: 'Kontakte importieren',
      dedupeContacts: 'Duplikate entfernen',
      enrichContacts: 'Kontakte anreichern',
    },
  },
  ar: {
    name: 'العربية',
    dir: 'rtl',
    messages: ar,
    jobs: {
      importContacts: 'استيراد جهات الاتصال',
      dedupeContacts: 'إزالة التكرارات',
      enrichContacts: 'إثراء جهات الاتصال',
    },
  },
} as const satisfies Record<
  string,
  { name: string; dir: 'ltr' | 'rtl'; messages: Partial<Messages>; jobs: Record<string, string> }
>;
type Locale = keyof typeof LOCALES;

const SHEET = 'us_sh_contacts';
const seed = (operation: string, minute: number): MemorySeedJob => ({
  id: `us_jb_${operation}`,
  type: 'sheet',
  operation,
  source: SHEET,
  mode: 'foreground',
  status: 'executing',
  progress: 30,
  startedAt: new Date(),
  createdAt: new Date(Date.UTC(2026, 10, 29, 9, minute)),
});

function Sheet(): ReactNode {
  return (
    <ul aria-label="Contacts" style={{ margin: 0, padding: 16, minBlockSize: 160, listStyle: 'none' }}>
      <li>Ada Lovelace</li>
      <li>Grace Hopper</li>
      <li>Alan Turing</li>
    </ul>
  );
}

/** Three foreground jobs on one sheet, shown in the locale picked above them, which changes live. */
function LocaleSwitch(): ReactNode {
  const [locale, setLocale] = useState<Locale>('en');
  const [client, setClient] = useState<MemoryJobsClient>();
  useEffect(() => {
    const created = createMemoryJobsClient({
      jobs: [seed('importContacts', 1), seed('dedupeContacts', 2), seed('enrichContacts', 3)],
    });
    setClient(created);
    return () => created.dispose();
  }, []);
  const { dir, messages, jobs } = LOCALES[locale];
  if (client === undefined) return null;
  return (
    <div style={{ fontFamily: 'system-ui, sans-serif', maxInlineSize: 560 }}>
      <fieldset style={{ display: 'flex', gap: 12, marginBlockEnd: 16 }}>
        <legend>Language</legend>
        {(Object.keys(LOCALES) as Locale[]).map((code) => (
          <label key={code} lang={code}>
            <input type="radio" name="locale" value={code} checked={code === locale} onChange={() => setLocale(code)} />{' '}
            {LOCALES[code].name}
          </label>
        ))}
      </fieldset>
      <div lang={locale} dir={dir} data-testid="app">
        <JobsProvider
          client={client}
          locale={locale}
          messages={messages}
          getJobLabel={(job) => (jobs as Record<string, string>)[job.operation]}
        >
          <JobsIndicator source={SHEET} />
          <ProgressOverlay
            source={SHEET}
            style={{ marginBlockStart: 12, border: '1px solid #d0d4dc', borderRadius: 8 }}
          >
            <Sheet />
          </ProgressOverlay>
        </JobsProvider>
      </div>
    </div>
  );
}

const meta = {
  title: 'Guides/Locales',
  component: LocaleSwitch,
  parameters: { layout: 'padded' },
} satisfies Meta<typeof LocaleSwitch>;
export default meta;
type Story = StoryObj<typeof meta>;

/**
 * English, German (the kit's second catalogue, `jobkit/locales/de`) and Arabic (a host's own, right to
 * left), switched live. Counts take the plural form of the locale: "und 2 weitere", then "und 1
 * weiterer" once a job is canceled; Arabic's dual, then its singular.
 */
export const SwitchLive: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const app = canvas.getByTestId('app');
    const panel = () => within(app).getByRole('group');
    await canvas.findByText('and 2 more', {}, { timeout: 3000 });
    await expect(within(app).getByRole('button', { name: 'Jobs 3 running' })).toBeVisible();
    await expect(panel()).toHaveAccessibleName('Import contacts');

    await userEvent.click(canvas.getByRole('radio', { name: 'Deutsch' }));
    await expect(app).toHaveAttribute('lang', 'de');
    await expect(within(panel()).getByText('und 2 weitere')).toBeVisible();
    await expect(within(app).getByRole('button', { name: 'Jobs 3 laufen' })).toBeVisible();
    await expect(panel()).toHaveAccessibleName('Kontakte importieren');
    await userEvent.click(within(panel()).getByRole('button', { name: 'Abbrechen' }));
    await waitFor(() => expect(panel()).toHaveAccessibleName('Duplikate entfernen'));
    await expect(within(panel()).getByText('und 1 weiterer')).toBeVisible();
    await expect(within(app).getByRole('button', { name: 'Jobs 2 laufen' })).toBeVisible();

    await userEvent.click(canvas.getByRole('radio', { name: 'العربية' }));
    await expect(app).toHaveAttribute('dir', 'rtl');
    await expect(getComputedStyle(panel()).direction).toBe('rtl');
    await expect(panel()).toHaveAccessibleName('إزالة التكرارات');
    await expect(within(panel()).getByText('ومهمة أخرى')).toBeVisible();
    await expect(within(app).getByRole('button', { name: 'المهام مهمتان قيد التشغيل' })).toBeVisible();
    // Cancel sits at the start of the line, which is the right.
    const box = panel().getBoundingClientRect();
    await expect(within(panel()).getByRole('button', { name: 'إلغاء' }).getBoundingClientRect().left).toBeGreaterThan(
      box.left + box.width / 2,
    );
  },
};
