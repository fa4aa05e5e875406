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
