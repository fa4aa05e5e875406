/**
 * The public routes whose GET answers are the same for every visitor at a given minute, and so may be kept by the
 * page cache (src/platform/http/page-cache.ts; the composition root passes this list) for PAGE_CACHE_MS. Not listed, never kept: anything with personal
 * data or an access code (a booking, a ticket, an inquiry's follow-up, a survey), confirmation pages that read a
 * cookie, staff pages.
 * /api/health is kept too (a load balancer polls it many times a second): its `time` is when the answer was made, at
 * most PAGE_CACHE_MS ago, and a failing check (503) is never kept.
 */
export const PUBLIC_CACHEABLE_ROUTES: ReadonlySet<string> = new Set([
  '/',
  '/kalendars',
  '/:agency',
  '/:agency/standarts',
  '/:agency/kontakti',
  '/:agency/buj',
  '/:agency/jautajums',
  '/:agency/pieraksts',
  '/:agency/rinda',
  '/:agency/rinda/:centre',
  '/:agency/rinda/:centre/tablo',
  '/api/v1/agencies',
  '/api/v1/agencies/:slug',
  '/api/v1/agencies/:slug/channels',
  '/api/v1/agencies/:slug/centres',
  '/api/v1/agencies/:slug/faq',
  '/api/v1/agencies/:slug/slots',
  '/api/v1/agencies/:slug/centres/:centre/board',
  '/api/v1/calendar',
  '/api/v1/calendar/deadline',
  '/api/v1/calendar/holidays.ics',
  '/api/health',
]);

const BOOKING_ROUTES = ['/:agency/pieraksts', '/api/v1/agencies/:slug/slots'];
const QUEUE_ROUTES = ['/:agency/rinda', '/:agency/rinda/:centre', '/:agency/rinda/:centre/tablo', '/api/v1/agencies/:slug/centres/:centre/board'];

/**
 * What the public writes change among the kept answers, by method and route pattern: a successful one drops only
 * those in its process (page-cache.ts). On a pension day questions, bookings and tickets arrive several a second; had
 * each dropped every kept page, the crowd would be served fresh renders (issue 18, `npm run bench -- crowd-with-writes`:
 * with writes beside it the crowd kept 0.35 of its throughput before, 0.73 after). Not listed — every staff
 * write (an agency's profile, its FAQ, the calendar, capacity, calling a ticket) — drops every kept answer.
 * Nothing kept shows inquiries, opinions, callbacks or sign-ins; seats show on the booking steps and the slots, tickets on the queue pages.
 */
export const PUBLIC_WRITE_CHANGES: ReadonlyMap<string, readonly string[]> = new Map<string, readonly string[]>([
  ['POST /api/v1/agencies/validate', []],
  ['POST /api/v1/agencies/:slug/inquiries', []],
  ['POST /:agency/jautajums', []],
  ['POST /:agency/jautajums/sekot', []],
  ['POST /:agency/jautajums/:reference', []],
  ['POST /:agency/jautajums/:reference/papildinat', []],
  ['POST /api/v1/integrations/:agency/documents', []],
  ['POST /:agency/aptauja/:token', []],
  ['POST /:agency/atsauksme', []],
  ['POST /api/v1/agencies/:slug/callbacks', []],
  ['POST /:agency/talrunis/atzvanit', []],
  ['POST /:agency/mani', []],
  ['POST /:agency/mani/ieiet', []],
  ['POST /:agency/mani/iziet', []],
  ['POST /api/v1/agencies/:slug/appointments', BOOKING_ROUTES],
  ['PATCH /api/v1/appointments/:id', BOOKING_ROUTES],
  ['DELETE /api/v1/appointments/:id', BOOKING_ROUTES],
  ['POST /:agency/pieraksts', BOOKING_ROUTES],
  ['POST /:agency/pieraksts/mans/:id/atcelt', BOOKING_ROUTES],
  ['POST /:agency/pieraksts/mans/:id/kavejums', BOOKING_ROUTES],
  ['POST /:agency/pieraksts/mans/:id/parcelt', BOOKING_ROUTES],
  ['POST /:agency/mani/pieraksti/:id/atcelt', BOOKING_ROUTES],
  ['POST /:agency/mani/pieraksti/:id/kavejums', BOOKING_ROUTES],
  ['POST /:agency/mani/pieraksti/:id/parcelt', BOOKING_ROUTES],
  ['POST /api/v1/agencies/:slug/centres/:centre/tickets', QUEUE_ROUTES],
  ['POST /:agency/rinda/:centre', QUEUE_ROUTES],
  ['POST /:agency/rinda/:centre/pieraksts', [...QUEUE_ROUTES, ...BOOKING_ROUTES]],
]);
