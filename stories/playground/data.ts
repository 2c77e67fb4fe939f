/** The Playground's space: one workbook with a contacts sheet, and the files uploaded to the space. */
export const SPACE_ID = 'us_sp_playground';
export const WORKBOOK_ID = 'us_wb_onboarding';
export const SHEET_ID = 'us_sh_contacts';

export interface Contact {
  id: string;
  name: string;
  email: string;
  company: string;
}

export const initialContacts: Contact[] = [
  { id: 'us_rc_1', name: 'Ada Lovelace', email: 'ada@analytical.example', company: 'Analytical Engines' },
  { id: 'us_rc_2', name: 'Grace Hopper', email: 'Grace@Cobol.example', company: 'Remington Rand' },
  { id: 'us_rc_3', name: 'Alan Turing', email: 'alan.turing.example', company: 'Bletchley Park' },
  { id: 'us_rc_4', name: 'Katherine Johnson', email: 'katherine@nasa.example', company: 'NASA Langley' },
  { id: 'us_rc_5', name: 'Margaret Hamilton', email: 'MARGARET@apollo.example', company: 'MIT Instrumentation Lab' },
  { id: 'us_rc_6', name: 'Tim Berners-Lee', email: 'timbl@cern.example', company: 'CERN' },
];

export interface UploadedFile {
  id: string;
  name: string;
  size: string;
  uploaded: string;
  /** A file the extractor cannot read on the first attempt. */
  bad?: boolean;
}

export const files: UploadedFile[] = [
  { id: 'us_fl_contacts', name: 'contacts-2026.csv', size: '48 KB', uploaded: 'today' },
  { id: 'us_fl_broken', name: 'legacy-export.xlsx', size: '1.2 MB', uploaded: 'yesterday', bad: true },
];

export const validEmail = (email: string): boolean => /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email);

/** The CSV an export writes. */
export function toCsv(rows: Contact[]): string {
  const quote = (value: string) => `"${value.replaceAll('"', '""')}"`;
  return ['name,email,company', ...rows.map((r) => [r.name, r.email, r.company].map(quote).join(','))].join('\n');
}
