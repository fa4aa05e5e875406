import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';

import type { AppDeps } from '../../platform/deps.ts';
import { loadCalendar } from '../calendar/calendar.service.ts';

import {
  AgencyListResponseSchema,
  AgencyProfileResponseSchema,
  AgencySlugParamsSchema,
  ChannelListResponseSchema,
  ProfileValidationResponseSchema,
} from './agencies.schema.ts';
import { AgencyProfileSchema } from './agency-profile.schema.ts';
import { fieldErrorsFromIssues } from '../../platform/http/problem.ts';
import { channelsWithStatus } from './agencies.service.ts';

export async function agenciesRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/v1/agencies',
    { schema: { tags: ['agencies'], summary: 'List the agencies', response: { 200: AgencyListResponseSchema } } },
    async () => ({
      agencies: deps.agencies.list().map((p) => ({
        slug: p.slug,
        name: p.name,
        shortName: p.shortName,
        website: p.website,
        links: {
          profile: `/api/v1/agencies/${p.slug}`,
          channels: `/api/v1/agencies/${p.slug}/channels`,
          standard: `/${p.slug}/standarts`,
        },
      })),
    }),
  );

  api.get(
    '/api/v1/agencies/:slug',
    {
      schema: {
        tags: ['agencies'],
        summary: "An agency's profile: its client service standard as data",
        params: AgencySlugParamsSchema,
        response: { 200: AgencyProfileResponseSchema },
      },
    },
    async (request) => deps.agencies.require(request.params.slug),
  );

  api.get(
    '/api/v1/agencies/:slug/channels',
    {
      schema: {
        tags: ['agencies'],
        summary: 'Contact channels with their hours and whether each is open now (Europe/Riga)',
        params: AgencySlugParamsSchema,
        response: { 200: ChannelListResponseSchema },
      },
    },
    async (request) => {
      const profile = deps.agencies.require(request.params.slug);
      const at = deps.clock();
      const calendar = await loadCalendar(deps);
      return {
        agency: profile.slug,
        at: at.toString(),
        channels: channelsWithStatus(profile.channels, calendar, at).map(({ channel, status }) => ({
          id: channel.id,
          kind: channel.kind,
          label: channel.label,
          address: channel.address,
          subAddressee: channel.subAddressee ?? null,
          requiresSecureSignature: channel.requiresSecureSignature,
          alwaysAvailable: status.alwaysAvailable,
          openNow: status.openNow,
          nextChange: status.nextChange,
          closesAt: status.closesAt,
          nextOpening: status.nextOpening,
          weeklyHours: status.weekly,
        })),
      };
    },
  );

  api.post(
    '/api/v1/agencies/validate',
    {
      schema: {
        tags: ['agencies'],
        summary: 'Check a draft agency profile (the YAML as JSON) against the schema, without saving anything',
        body: z.record(z.string(), z.unknown()),
        response: { 200: ProfileValidationResponseSchema },
      },
    },
    async (request) => {
      const result = AgencyProfileSchema.safeParse(request.body);
      if (result.success) return { valid: true, slug: result.data.slug, errors: [] };
      return { valid: false, slug: null, errors: fieldErrorsFromIssues(result.error.issues, request.t, request.lang) };
    },
  );
}
