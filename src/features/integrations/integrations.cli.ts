import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { err, out, type CliGroup } from '../../platform/cli-command.ts';
import { INTEGRATION_CHANNELS, type IntegrationChannel } from './integrations.tables.ts';

const TYPES: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.edoc': 'application/vnd.etsi.asic-e+zip',
  '.asice': 'application/vnd.etsi.asic-e+zip',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.txt': 'text/plain',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.odt': 'application/vnd.oasis.opendocument.text',
};

export type SimulateOptions = {
  baseUrl: string;
  key: string;
  agency: string;
  channel: IntegrationChannel;
  files: readonly string[];
  sender?: string;
  text?: string;
  messageId?: string;
};
type Output = { out: (text: string) => void; err: (text: string) => void };

/**
 * Plays the e-address / Latvija.lv gateway: reads the files and delivers them to
 * POST {baseUrl}/api/v1/integrations/{agency}/documents with the integration key. Nothing but an API client.
 */
export async function simulateDelivery(options: SimulateOptions, io: Output = { out, err }, fetchImpl: typeof fetch = fetch): Promise<number> {
  const files = [];
  for (const path of options.files) {
    try {
      files.push({ fileName: basename(path), contentType: TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream', contentBase64: (await readFile(path)).toString('base64') });
    } catch (error) {
      io.err(`Cannot read ${path}: ${(error as Error).message}`);
      return 1;
    }
  }
  const body = {
    channel: options.channel,
    externalMessageId: options.messageId ?? `sim-${randomUUID()}`,
    sender: { name: options.sender ?? 'Simulēts sūtītājs', eAddress: '_DEFAULT@simulated' },
    subAddressee: 'KLIENTU APKALPOŠANA',
    subject: files.length > 0 ? `Iesniegums: ${files.map((f) => f.fileName).join(', ')}` : 'Iesniegums',
    text: options.text ?? 'Simulēta piegāde no integrācijas slāņa.',
    files,
  };
  const url = `${options.baseUrl.replace(/\/$/, '')}/api/v1/integrations/${encodeURIComponent(options.agency)}/documents`;
  let response: Response;
  try {
    response = await fetchImpl(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${options.key}` }, body: JSON.stringify(body) });
  } catch (error) {
    io.err(`Cannot reach ${url}: ${(error as Error).message}`);
    return 1;
  }
  const text = await response.text();
  if (!response.ok) {
    io.err(`${response.status}: ${text}`);
    return 1;
  }
  io.out(text);
  return 0;
}

export const integrationCommands: CliGroup = {
  simulate: {
    usage: '--agency SLUG --channel e-address|latvija-lv [--url http://localhost:3000] [--key KEY] [--sender NAME] [--text TEXT] [--message-id ID] FILE…',
    description: 'Plays the integration gateway: delivers FILE… as one document through the public integration API (key from --key or APKALPE_INTEGRATION_KEY).',
    options: {
      agency: { type: 'string' },
      channel: { type: 'string' },
      url: { type: 'string' },
      key: { type: 'string' },
      sender: { type: 'string' },
      text: { type: 'string' },
      'message-id': { type: 'string' },
    },
    run: async (values, positionals) => {
      const channel = String(values['channel'] ?? '');
      const key = String(values['key'] ?? process.env['APKALPE_INTEGRATION_KEY'] ?? '');
      if (!values['agency'] || !(INTEGRATION_CHANNELS as readonly string[]).includes(channel) || !key) {
        err('Give --agency, --channel e-address|latvija-lv and the key (--key or APKALPE_INTEGRATION_KEY).');
        return 2;
      }
      return simulateDelivery({
        baseUrl: String(values['url'] ?? process.env['PUBLIC_URL'] ?? `http://localhost:${process.env['PORT'] ?? 3000}`),
        key,
        agency: String(values['agency']),
        channel: channel as IntegrationChannel,
        files: positionals,
        ...(typeof values['sender'] === 'string' ? { sender: values['sender'] } : {}),
        ...(typeof values['text'] === 'string' ? { text: values['text'] } : {}),
        ...(typeof values['message-id'] === 'string' ? { messageId: values['message-id'] } : {}),
      });
    },
  },
};
