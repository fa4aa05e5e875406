// The floor for the bookings figure (issue 18): Fastify 5 without plugins and a node-postgres pool of 10 (the
// platform's), each POST /api/v1/agencies/:slug/appointments running the platform's own booking statement with its
// values computed as the platform computes them (id, manage token and its hash, booking code, seat date, audit
// details) — and nothing else: no validation, calendar rules, security headers, sessions, load shedding or logging.
// What this process reaches beside pgbench is what Node, Fastify and pg leave for the platform's own work on the
// same machine. Started by bench/appointments.ts (BENCH_FLOOR=1,2: the floor's process counts) with FLOOR_CONFIG
// naming a JSON file and FLOOR_WORKERS processes on one port, as WORKERS does for the platform (a pool of 10 each).
import cluster from 'node:cluster';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import pg from 'pg';
import { BOOKING_CODE_LENGTH, bookingCodeFrom } from '../../src/domain/booking/index.ts';

export type FloorConfig = {
  databaseUrl: string;
  /** The booking statement as the platform renders it, `$n` placeholders, and each placeholder's value name. */
  sql: string;
  names: string[];
  /** "centre|service" → the seats of the place for the service and the service's minutes. */
  places: Record<string, { seats: number; minutes: number }>;
};

type BookingRequest = FastifyRequest<{ Params: { slug: string }; Body: { centre: string; service: string; start: string; name: string; phone?: string } }>;

const TOKEN_BYTES = 24;
const rigaDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Riga', year: 'numeric', month: '2-digit', day: '2-digit' });

const workers = Number(process.env.FLOOR_WORKERS ?? 1);
if (cluster.isPrimary && workers > 1) {
  for (let i = 0; i < workers; i++) cluster.fork();
  process.once('SIGTERM', () => {
    for (const worker of Object.values(cluster.workers ?? {})) worker?.kill('SIGTERM');
    setTimeout(() => process.exit(0), 500);
  });
} else {
  await serve(JSON.parse(readFileSync(process.env.FLOOR_CONFIG ?? '', 'utf8')) as FloorConfig);
}

async function serve(config: FloorConfig): Promise<void> {
  const pool = new pg.Pool({ connectionString: config.databaseUrl, max: 10 });
  const app = Fastify({ logger: false });
  app.get('/api/health', async () => ({ status: 'ok' }));
  app.post('/api/v1/agencies/:slug/appointments', (request: BookingRequest, reply) => book(config, pool, request, reply));
  process.once('SIGTERM', () => void app.close().then(() => pool.end()).then(() => process.exit(0)));
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  console.log(`listening ${new URL(address).port}`);
}

/** Books as the platform does: a booking code drawn twice (the platform draws again, up to three times) is drawn again. */
async function book(config: FloorConfig, pool: pg.Pool, request: BookingRequest, reply: FastifyReply): Promise<unknown> {
  const place = config.places[`${request.body.centre}|${request.body.service}`];
  if (!place) return reply.code(422).send({ field: 'centre' });
  for (let attempt = 0; ; attempt++) {
    const booking = newBooking(request, place);
    try {
      const result = await pool.query({ name: 'floor_book', text: config.sql, values: config.names.map((name) => booking.values[name]) });
      if (result.rows.length === 0) return reply.code(409).send({ type: 'slot-taken' });
      return reply.code(201).send(booking.answer);
    } catch (error) {
      if ((error as pg.DatabaseError).constraint === 'appointments_booking_code_key' && attempt < 3) continue;
      console.error(`floor: ${(error as pg.DatabaseError).code} ${(error as Error).message}`);
      throw error;
    }
  }
}

/** The statement's values by name, computed as the platform computes them, and the answer to send. */
function newBooking(request: BookingRequest, place: { seats: number; minutes: number }): { values: Record<string, unknown>; answer: Record<string, string> } {
  const body = request.body;
  const startsAt = new Date(body.start);
  const endsAt = new Date(startsAt.getTime() + place.minutes * 60_000).toISOString();
  const random = randomBytes(TOKEN_BYTES + BOOKING_CODE_LENGTH);
  const manageToken = random.subarray(0, TOKEN_BYTES).toString('base64url');
  const id = randomUUID();
  const now = new Date().toISOString();
  const bookingCode = bookingCodeFrom(random.subarray(TOKEN_BYTES));
  const values = {
    agency: request.params.slug, centreId: body.centre, serviceId: body.service, startsAt: startsAt.toISOString(), endsAt,
    seatDate: rigaDate.format(startsAt), profileSeats: place.seats, id, bookingCode, manageTokenHash: createHash('sha256').update(manageToken).digest('hex'),
    idempotencyKey: null, channel: 'api', clientName: body.name, clientEmail: null, clientPhone: body.phone ?? null, clientPersonalCode: null,
    reason: null, companion: 'none', language: 'lv', createdBy: null, createdAt: now,
    audit_at: now, audit_actorId: null, audit_actorLabel: 'client', audit_agency: request.params.slug, audit_action: 'appointment.booked',
    audit_recordType: 'appointment', audit_recordId: id, audit_ip: request.ip,
    audit_details: JSON.stringify({ centre: body.centre, service: body.service, start: body.start, channel: 'api' }),
  };
  return { values, answer: { id, bookingCode, manageToken, start: body.start, end: endsAt } };
}
