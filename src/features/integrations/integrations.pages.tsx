import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AgencyScope } from '../../platform/access/policy.ts';
import { originOf } from '../../platform/audit/audit.ts';
import type { AppDeps } from '../../platform/deps.ts';
import type { FieldError } from '../../platform/http/problem.ts';
import { formValues } from '../../web/form-values.ts';
import { pageContext } from '../../web/page-context.ts';
import { sendPage } from '../../web/send-page.tsx';
import { parseForm } from '../inquiries/staff/page-support.ts';
import { listCallbacks } from './callbacks.service.ts';
import { createIntegrationKey, listIntegrationKeys, revokeIntegrationKey } from './integration-keys.service.ts';
import { NewKeySchema } from './integrations.schema.ts';
import { INTEGRATION_CHANNELS } from './integrations.tables.ts';
import { IntegrationsView, type NewKeyShown } from './integrations.views.tsx';

type AgencyParams = { Params: { agency: string } };
type KeyParams = { Params: { agency: string; keyId: string } };
const PERMISSION = { config: { permission: 'integrations.manage' as const } };

async function render(deps: AppDeps, request: FastifyRequest, reply: FastifyReply, state: { values?: Record<string, string>; errors?: FieldError[]; shown?: NewKeyShown | null; notice?: string | null }) {
  const scope = request.scope as AgencyScope;
  const ctx = pageContext(request, reply.generateCsrf());
  const [keys, callbacks] = await Promise.all([listIntegrationKeys(deps, scope), listCallbacks(deps.db, scope.agency)]);
  const errors = state.errors ?? [];
  const title = ctx.t('integrations.title');
  const profile = deps.agencies.get(scope.agency);
  reply.header('cache-control', 'no-store');
  return sendPage(reply, ctx, {
    title: errors.length ? `${ctx.t('errors.summaryTitle')}: ${title}` : title,
    status: errors.length ? 400 : 200,
    ...(profile ? { agency: profile } : {}),
    body: <IntegrationsView ctx={ctx} agency={scope.agency} keys={keys} callbacks={callbacks} values={state.values ?? {}} errors={errors} shown={state.shown ?? null} notice={state.notice ?? null} />,
  });
}

/** /staff/{agency}/integracijas: administrators create and revoke integration keys and watch the callbacks. */
export async function integrationsPages(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.get<AgencyParams>('/staff/:agency/integracijas', PERMISSION, async (request, reply) => {
    const notice = new URL(request.url, 'http://x').searchParams.get('atsaukta') ? request.t('integrations.revokedNotice') : null;
    return render(deps, request, reply, { notice });
  });

  app.post<AgencyParams>('/staff/:agency/integracijas', PERMISSION, async (request, reply) => {
    const values = formValues(request.body);
    const input = { label: values['label'] ?? '', callbackUrl: values['callbackUrl'] ?? '', channels: INTEGRATION_CHANNELS.filter((c) => values[`channel-${c}`] === 'yes') };
    const parsed = parseForm(NewKeySchema, input as never, request);
    if (!parsed.ok) return render(deps, request, reply, { values, errors: parsed.errors });
    const created = await createIntegrationKey(deps, request.scope as AgencyScope, originOf(request), parsed.data);
    // Shown once, in this response only (not stored, not in a redirect URL).
    return render(deps, request, reply, { shown: { key: created.key, callbackSecret: created.callbackSecret, label: created.row.label } });
  });

  app.post<KeyParams>('/staff/:agency/integracijas/:keyId/atsaukt', PERMISSION, async (request, reply) => {
    const scope = request.scope as AgencyScope;
    await revokeIntegrationKey(deps, scope, originOf(request), request.params.keyId);
    return reply.redirect(`/staff/${scope.agency}/integracijas?atsaukta=1`, 303);
  });
}
