import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import { pageContext } from '../../web/page-context.ts';
import { sendPage } from '../../web/send-page.tsx';
import { loadCalendar } from '../calendar/calendar.service.ts';
import { channelsWithStatus, hoursStatus } from './agencies.service.ts';
import { AgencyHomeView, HomeView } from './agencies.views.tsx';
import { StandardView } from './standard.views.tsx';
import { ContactsView } from './contacts.views.tsx';

type AgencyParams = { Params: { agency: string } };

export async function agenciesPages(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.get('/', async (request, reply) => {
    const ctx = pageContext(request);
    return sendPage(reply, ctx, { title: ctx.t('home.title'), body: <HomeView ctx={ctx} agencies={deps.agencies.list()} /> });
  });

  app.get<AgencyParams>('/:agency', async (request, reply) => {
    const agency = deps.agencies.require(request.params.agency);
    const ctx = pageContext(request);
    const calendar = await loadCalendar(deps);
    // Open now: the channels within their hours, and the written ones that are always open (e-mail, e-address,
    // post) — so outside office hours the list still tells the client how to reach the agency, never empty.
    const open = channelsWithStatus(agency.channels, calendar, deps.clock()).filter(({ status }) => status.openNow);
    return sendPage(reply, ctx, {
      title: agency.name[ctx.lang],
      body: <AgencyHomeView ctx={ctx} agency={agency} openChannels={open} />,
      agency,
    });
  });

  app.get<AgencyParams>('/:agency/standarts', async (request, reply) => {
    const agency = deps.agencies.require(request.params.agency);
    const ctx = pageContext(request);
    return sendPage(reply, ctx, {
      title: `${ctx.t('standard.title')}: ${agency.shortName[ctx.lang]}`,
      body: <StandardView ctx={ctx} agency={agency} />,
      agency,
    });
  });

  // The agency's colour as a stylesheet (the CSP allows styles from this origin only, no style attribute): the profile's
  // colour is a checked #rrggbb, dark enough for the header's white text (agency-presentation.schema.ts BrandSchema).
  app.get<AgencyParams>('/:agency/brand.css', async (request, reply) => {
    const agency = deps.agencies.require(request.params.agency);
    const css = agency.brand ? `body.agency-${agency.slug} { --brand: ${agency.brand.colour}; }\n` : '';
    return reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=300').send(css);
  });

  app.get<AgencyParams>('/:agency/kontakti', async (request, reply) => {
    const agency = deps.agencies.require(request.params.agency);
    const ctx = pageContext(request);
    const calendar = await loadCalendar(deps);
    const at = deps.clock();
    const centres = agency.serviceCentres.map((centre) => ({ centre, status: hoursStatus(centre.hours, calendar, at) }));
    const videoLocations = (agency.videoConsultation?.locations ?? []).map((location) => ({
      location,
      status: hoursStatus(location.hours, calendar, at),
    }));
    return sendPage(reply, ctx, {
      title: `${ctx.t('contacts.title')}: ${agency.shortName[ctx.lang]}`,
      agency,
      body: (
        <ContactsView
        ctx={ctx}
        agency={agency}
        channels={channelsWithStatus(agency.channels, calendar, at)}
        centres={centres}
          videoLocations={videoLocations}
        />
      ),
    });
  });
}
