import type { FeatureModule } from '../../platform/module.ts';
import { outboxMessages } from './outbox.messages.ts';
import { outboxRoutes } from './outbox.routes.ts';

/** The seam for deliveries that leave by another way than e-mail: each feature registers its OutboxSource here. */
export { registerOutboxSource, targetHost, type OutboxEntry, type OutboxSource } from './outbox.sources.ts';

export const outboxModule = {
  name: 'outbox',
  messages: { lv: { outbox: outboxMessages.lv }, en: { outbox: outboxMessages.en } },
  publicRoutes: outboxRoutes,
} satisfies FeatureModule;
