import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../../platform/db/client.ts';
import type { AppDeps } from '../../platform/deps.ts';
import type { PageContext } from '../../web/page-context.ts';

// How a feature shows a client their own records at /{agency}/mani. Every feature declares its source in
// <feature>.client-matters.ts; client-matters.ts collects them (as privacy/record-kinds.ts collects record kinds).
// A source finds the client by the e-mail of the signed-in session: its keyed hash (person_keys, GIN-indexed) or,
// for records without a person index, the normalised address on an index of the few records it lists.

export type ClientInquiry = { reference: string; status: string; receivedOn: string; deadline: string };
export type ClientAppointment = { id: string; bookingCode: string; status: string; startsAt: string; centreId: string; serviceId: string };
export type ClientCallback = { id: string; status: string; topic: string; requestedAt: string; windowFrom: string; windowTo: string };
export type ClientMatters = { inquiries: ClientInquiry[]; appointments: ClientAppointment[]; callbacks: ClientCallback[] };

/** The signed-in client: the agency, the e-mail address (trimmed, lower case) and its keyed hash. */
export type ClientPerson = { agency: string; email: string; emailKey: string };

/** The client's signed-in session at /{agency}/mani, as client-access offers it to the sources' own routes. */
export type ClientSessionGate = {
  /** The session of this request at the agency of its `:agency` parameter, or null (none, ended, expired). */
  session: (request: FastifyRequest<{ Params: { agency: string } }>) => Promise<{ id: string; agency: string; email: string } | null>;
  /** Answers a request that has no session: the page that says the session has ended, with a link to sign in again. */
  signedOut: (request: FastifyRequest<{ Params: { agency: string } }>, reply: FastifyReply) => Promise<FastifyReply>;
  /** The client's area of an agency, /{agency}/mani; a source's routes live under it (the session cookie's path). */
  base: (slug: string) => string;
  /** The words of a link back to the client's area ("Back to my matters"). */
  backLabel: (ctx: PageContext) => string;
};

export type ClientMatterSource = {
  name: string;
  /** Whether the client has anything here (a sign-in link is mailed only then). */
  exists: (db: Database, person: ClientPerson) => Promise<boolean>;
  collect: (db: Database, person: ClientPerson, into: ClientMatters) => Promise<void>;
  /** Pages of the source under /{agency}/mani/…, authorised by the client's session (e.g. managing an appointment). */
  routes?: (app: FastifyInstance, deps: AppDeps, gate: ClientSessionGate) => Promise<void>;
};

/** SQL text[] parameter holding one person key. */
export const keyArray = (key: string) => `{${key}}`;
