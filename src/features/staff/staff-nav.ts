import { queueDayOf } from '../../domain/queue/index.ts';
import { isKnownPermission, roleAllows, type Membership, type Permission } from '../../platform/access/policy.ts';
import { rigaToday } from '../../platform/clock.ts';
import type { StaffRole } from '../../platform/access/roles.ts';
import type { AppDeps } from '../../platform/deps.ts';
import type { MessageKey } from '../../platform/i18n/index.ts';
import { loadCalendar } from '../calendar/calendar.service.ts';
import { countDueBetween, countOverdue } from '../inquiries/inquiries-staff.repository.ts';
import { NEAR_DEADLINE_WORKING_DAYS } from '../inquiries/inquiries-staff.schema.ts';
import { countWaitingInAgency } from '../queue/queue.repository.ts';

type CountDeps = Pick<AppDeps, 'db' | 'clock'>;

/** A figure shown beside a navigation entry ("3 overdue"); `urgent` ones are shown in the warning style. */
export type NavCount = { key: MessageKey; n: number; urgent: boolean };

/**
 * One entry of the staff navigation. `path` is under /staff/{agency} (or absolute when it starts with /);
 * the entry shows when the role holds one of the permissions and, for `optional` entries, only once a GET
 * route exists at that path (features built elsewhere plug in by registering their page).
 */
export type StaffNavEntry = {
  id: string;
  path: string;
  key: MessageKey;
  permissions: readonly string[];
  optional?: boolean;
  counts?: (deps: CountDeps, agency: string) => Promise<NavCount[]>;
};

async function inquiryCounts(deps: CountDeps, agency: string): Promise<NavCount[]> {
  const today = rigaToday(deps.clock);
  const calendar = await loadCalendar(deps);
  const soon = calendar.addWorkingDays(today, NEAR_DEADLINE_WORKING_DAYS);
  const [overdue, dueSoon] = await Promise.all([countOverdue(deps.db, agency, today), countDueBetween(deps.db, agency, today, soon)]);
  return [
    { key: 'staffShell.counts.overdue', n: overdue, urgent: true },
    { key: 'staffShell.counts.dueSoon', n: dueSoon, urgent: false },
  ];
}

async function queueCounts(deps: CountDeps, agency: string): Promise<NavCount[]> {
  return [{ key: 'staffShell.counts.waiting', n: await countWaitingInAgency(deps.db, agency, queueDayOf(deps.clock())), urgent: false }];
}

/** The staff navigation, in the order a specialist's day runs. Add an entry here to add a page to it. */
export const STAFF_NAV: readonly StaffNavEntry[] = [
  { id: 'inbox', path: 'iesniegumi', key: 'staffShell.nav.inbox', permissions: ['workplace.view'], counts: inquiryCounts },
  { id: 'appointments', path: 'pieraksti', key: 'staffShell.nav.appointments', permissions: ['appointments.work'] },
  { id: 'queue', path: 'rinda', key: 'staffShell.nav.queue', permissions: ['queue.operate', 'queue.figures'], counts: queueCounts },
  { id: 'phone', path: 'talrunis', key: 'staffShell.nav.phone', permissions: ['phone.log', 'phone.figures'] },
  { id: 'feedback', path: 'atsauksmes', key: 'staffShell.nav.feedback', permissions: ['feedback.results'] },
  { id: 'feedback-record', path: 'atsauksmes/jauna', key: 'staffShell.nav.feedbackRecord', permissions: ['feedback.record'] },
  { id: 'faq', path: 'buj', key: 'staffShell.nav.faq', permissions: ['workplace.view'] },
  { id: 'registers', path: 'registri', key: 'staffShell.nav.registers', permissions: ['registers.read'] },
  { id: 'figures', path: 'standarts', key: 'staffShell.nav.figures', permissions: ['standardFigures.view'] },
  { id: 'privacy', path: 'privatums', key: 'staffShell.nav.privacy', permissions: ['privacy.manage', 'privacy.hold', 'privacy.subject-access'] },
  { id: 'integrations', path: 'integracijas', key: 'staffShell.nav.integrations', permissions: ['integrations.manage'] },
  { id: 'outbox', path: '/staff/outbox', key: 'staffShell.nav.outbox', permissions: ['workplace.view'] },
  { id: 'audit', path: 'audit', key: 'staffShell.nav.audit', permissions: ['audit.read'] },
  { id: 'settings', path: '/staff/kalendars', key: 'staffShell.nav.settings', permissions: ['calendar.manage'] },
];

/** A permission unknown to this build (a feature not merged yet) allows nobody: its entry stays hidden. */
export function roleHolds(role: StaffRole, permission: string): boolean {
  return isKnownPermission(permission) && roleAllows(role, permission as Permission);
}

export function entryHref(entry: StaffNavEntry, agency: string): string {
  return entry.path.startsWith('/') ? entry.path : `/staff/${agency}/${entry.path}`;
}

/** The entries one role sees in one agency; `routeExists` decides the optional ones. */
export function visibleEntries(role: StaffRole, routeExists: (path: string) => boolean, nav: readonly StaffNavEntry[] = STAFF_NAV): StaffNavEntry[] {
  return nav.filter((e) => e.permissions.some((p) => roleHolds(role, p)) && (!e.optional || routeExists(`/staff/:agency/${e.path}`)));
}

/** The agency a staff page is about: the one in the path when the person belongs to it, else their first. */
export function shellAgency(memberships: readonly Membership[], path: string): Membership | null {
  const segment = path.split('/')[2] ?? '';
  return memberships.find((m) => m.agency === segment) ?? memberships[0] ?? null;
}
