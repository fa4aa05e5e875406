import { sql } from 'drizzle-orm';
import type { ClientMatterSource, ClientSessionGate } from '../client-access/client-matter-source.ts';
import { keyArray } from '../client-access/client-matter-source.ts';
import { rowsOf } from '../privacy/sql-template.ts';
import type { AppointmentRow } from './appointments.repository.ts';
import { registerManagePages, type ManageAccess } from './manage.pages.tsx';
import { withLang } from '../../web/page-context.ts';

// The client's own appointments at /{agency}/mani (collected in client-access/client-matters.ts), and their manage
// page there: the signed-in session authorises it, so no manage token is re-issued or stored in plain text.

/** /{agency}/mani/pieraksti/{id}: the manage page of one appointment of the signed-in client. */
export const clientAppointmentPath = (base: string, id: string) => `${base}/pieraksti/${id}`;

const sameAddress = (stored: string | null, email: string) => stored !== null && stored.trim().toLowerCase() === email;

/** The manage page's access through the client's session: the appointment's e-mail must be the session's, at its agency. */
export function sessionAccess(gate: ClientSessionGate): ManageAccess {
  return {
    route: clientAppointmentPath('/:agency/mani', ':id'),
    path: (slug, id) => clientAppointmentPath(gate.base(slug), id),
    carry: () => ({}),
    gate: async (request, reply) => {
      if (await gate.session(request as Parameters<ClientSessionGate['session']>[0])) return true;
      await gate.signedOut(request as Parameters<ClientSessionGate['signedOut']>[0], reply);
      return false;
    },
    allows: async (request, row: AppointmentRow) => {
      const session = await gate.session(request as Parameters<ClientSessionGate['session']>[0]);
      return session !== null && session.agency === row.agency && sameAddress(row.clientEmail, session.email);
    },
    via: 'client-session',
    back: (ctx, slug) => ({ href: withLang(gate.base(slug), ctx), label: gate.backLabel(ctx) }),
  };
}

export const appointmentsClientMatters: ClientMatterSource = {
  name: 'appointments',
  exists: async (db, p) => (await rowsOf(db, sql`select 1 from appointments t where t.agency = ${p.agency} and t.person_keys && ${keyArray(p.emailKey)}::text[] limit 1`)).length > 0,
  collect: async (db, p, into) => {
    const rows = await rowsOf<{ id: string; booking_code: string; status: string; starts_at: string | Date; centre_id: string; service_id: string }>(
      db,
      sql`select id::text as id, booking_code, status, starts_at, centre_id, service_id from appointments t
          where t.agency = ${p.agency} and t.person_keys && ${keyArray(p.emailKey)}::text[] order by starts_at desc limit 200`,
    );
    into.appointments.push(...rows.map((r) => ({ id: r.id, bookingCode: r.booking_code, status: r.status, startsAt: new Date(r.starts_at).toISOString(), centreId: r.centre_id, serviceId: r.service_id })));
  },
  routes: (app, deps, gate) => registerManagePages(app, deps, sessionAccess(gate)),
};
