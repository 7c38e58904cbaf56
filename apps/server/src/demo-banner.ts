import { DEMO_PASSWORD, type DemoSummary } from '@lancar/db';

const ROLE_LABEL: Record<string, string> = {
  system_admin: 'system admin',
  facility_admin: 'facility admin',
  midwife: 'midwife (bidan)',
  cadre: 'cadre (kader)',
  researcher: 'researcher',
  mother: 'mother (ibu)',
  companion: 'companion',
};

/** The terminal table of demo logins, so a newcomer can try every role at once. */
export function demoBanner(summary: DemoSummary): string {
  const rows = summary.logins.map((l) => [
    ROLE_LABEL[l.role] ?? l.role,
    l.login,
    l.name,
    l.facility.replace('[DEMO] ', ''),
  ]);
  const header = ['Role', 'Login', 'Name', 'Facility'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
  const out = [
    '',
    '=== DEMO DATA: every facility, person and record below is fictional ===',
    `Demo logins (password for all: ${DEMO_PASSWORD})`,
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
  ];
  for (const pending of summary.pendingActivations) {
    out.push(`Not yet activated: ${pending.name}, activation code ${pending.code} (open /aktivasi on a phone)`);
  }
  out.push('Remove the demo before real use: see README, "Starting for real".');
  return out.join('\n');
}
