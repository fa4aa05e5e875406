import { z } from 'zod';
import { catalogMessage } from '../../platform/http/problem.ts';

const Slug = z.string().min(1).max(40);
const Id = z.string().min(1).max(64);

export const CentreParamsSchema = z.object({ slug: Slug, centre: Id });
export const TicketParamsSchema = z.object({ id: z.string().min(1).max(64) });

export const TicketBodySchema = z
  .object({ service: z.string().trim().min(1, catalogMessage('queue.errors.chooseService')).max(64) })
  .strict();

export const TicketCreatedSchema = z.object({
  id: z.uuid(),
  number: z.string().describe('Letter of the service and running number of the day, e.g. P-042'),
  service: z.string(),
  position: z.number().int().min(1).describe('Place in the queue: 1 is next'),
  estimatedWaitMinutes: z.number().int().min(0).nullable().describe('Minutes; null while no counter serves the service'),
  url: z.string().describe("The ticket's page, to follow its state on a phone"),
});

export const TICKET_VIEW_STATUSES = ['waiting', 'called', 'served', 'no-show', 'expired'] as const;

export const TicketViewSchema = z.object({
  id: z.uuid(),
  number: z.string(),
  agency: z.string(),
  centre: z.string(),
  service: z.string(),
  status: z.enum(TICKET_VIEW_STATUSES).describe('expired: a ticket of an earlier day that was never served'),
  position: z.number().int().nullable(),
  estimatedWaitMinutes: z.number().int().nullable(),
  counter: z.number().int().nullable().describe('The counter to go to, once called'),
  day: z.string(),
  issuedAt: z.string(),
  calledAt: z.string().nullable(),
  appointment: z.boolean(),
  url: z.string(),
});

const Localized = z.object({ lv: z.string(), en: z.string() });

export const BoardSchema = z.object({
  agency: z.string(),
  centre: z.string(),
  centreName: Localized,
  day: z.string(),
  open: z.boolean(),
  calls: z.array(
    z.object({ number: z.string(), counter: z.number().int().nullable(), service: z.string(), status: z.enum(['waiting', 'called', 'served', 'no-show']), calledAt: z.string() }),
  ),
  counters: z.array(z.object({ counter: z.number().int(), open: z.boolean(), services: z.array(z.string()), current: z.string().nullable() })),
  waiting: z.array(z.object({ service: z.string(), letter: z.string(), name: Localized, waiting: z.number().int(), estimatedWaitMinutes: z.number().int().nullable() })),
  generatedAt: z.string(),
});

// ── Staff ──────────────────────────────────────────────────────────────────

export const StaffCentreParamsSchema = z.object({ agency: Slug, centre: Id });
export const StaffCounterParamsSchema = StaffCentreParamsSchema.extend({ counter: z.coerce.number().int().min(1).max(100) });
export const StaffTicketParamsSchema = z.object({ agency: Slug, id: z.uuid() });

export const OpenCounterBodySchema = z.object({ services: z.array(z.string().min(1).max(64)).min(1, catalogMessage('queue.errors.chooseServices')) }).strict();
export const CallNextBodySchema = z.object({ service: z.string().min(1).max(64).optional() }).strict().nullish();
export const TransferBodySchema = z.object({ service: z.string().min(1).max(64).optional(), counter: z.number().int().min(1).max(100).optional() }).strict();
export const FiguresQuerySchema = z.object({ day: z.iso.date().optional() });

export const CounterViewSchema = z.object({
  counter: z.number().int(),
  open: z.boolean(),
  services: z.array(z.string()),
  current: z.object({ id: z.uuid(), number: z.string(), service: z.string() }).nullable(),
});

export const StaffTicketSchema = z.object({
  id: z.uuid(),
  number: z.string(),
  service: z.string(),
  status: z.enum(['waiting', 'called', 'served', 'no-show']),
  counter: z.number().int().nullable(),
  targetCounter: z.number().int().nullable(),
  issuedAt: z.string(),
  calledAt: z.string().nullable(),
  appointment: z.boolean(),
});

export const CallNextResultSchema = z.object({ ticket: StaffTicketSchema.nullable().describe('null: nobody waits for the services of this counter') });

const FigureFields = {
  tickets: z.number().int(),
  served: z.number().int(),
  noShows: z.number().int(),
  stillWaiting: z.number().int(),
  waitMedianMinutes: z.number().nullable(),
  waitP90Minutes: z.number().nullable(),
  serviceMedianMinutes: z.number().nullable(),
};

export const FiguresSchema = z.object({
  centre: z.string(),
  day: z.string(),
  ...FigureFields,
  byService: z.array(z.object({ serviceId: z.string(), ...FigureFields })),
  byCounter: z.array(z.object({ counter: z.number().int(), ...FigureFields })),
});
