// Helpers for the integration tests (not a test file itself).
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AgencyScope } from '../../platform/access/policy.ts';
import type { TestPlatform } from '../../../test/support/test-platform.ts';
import { addStaff } from '../../../test/support/staff-accounts.ts';
import { createIntegrationKey } from './integration-keys.service.ts';
import type { IntegrationChannel } from './integrations.tables.ts';

export async function adminScope(platform: TestPlatform, agency: string): Promise<AgencyScope> {
  const email = `admin-${Math.random().toString(16).slice(2)}@${agency}.test`;
  const staff = await addStaff(platform, email, agency, 'administrator');
  return { actor: { id: staff.id, email, name: staff.name, memberships: [{ agency, role: 'administrator' }], sessionId: 'test' }, agency, role: 'administrator' };
}

export async function newKey(platform: TestPlatform, agency: string, options: { channels?: IntegrationChannel[]; callbackUrl?: string } = {}) {
  const scope = await adminScope(platform, agency);
  return createIntegrationKey(platform.deps, scope, { actorId: scope.actor.id, actorLabel: scope.actor.email, ip: null }, {
    label: 'e-adreses vārteja',
    channels: options.channels ?? ['e-address', 'latvija-lv'],
    ...(options.callbackUrl ? { callbackUrl: options.callbackUrl } : {}),
  });
}

export type Received = { headers: IncomingMessage['headers']; body: string };

/** A callback receiver: records what it got; answers `status` (changeable). */
export async function callbackReceiver(status = 200): Promise<{ url: string; received: Received[]; setStatus: (s: number) => void; close: () => Promise<void> }> {
  const received: Received[] = [];
  let answer = status;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.statusCode = answer;
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/apkalpe`, received, setStatus: (s) => (answer = s), close: () => new Promise((resolve) => server.close(() => resolve())) };
}
