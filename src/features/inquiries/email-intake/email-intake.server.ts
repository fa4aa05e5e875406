import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';
import type { InquiryDeps } from '../inquiries.service.ts';
import { intakeAddressBook, receiveEmail, type IntakeOutcome } from './email-intake.service.ts';
import { SenderThrottle } from './sender-throttle.ts';

export type IntakeLogger = {
  info: (details: object, message: string) => void;
  warn: (details: object, message: string) => void;
  error: (details: object, message: string) => void;
};

export type EmailIntakeOptions = {
  port: number;
  host?: string;
  /** Largest message accepted (advertised with SIZE; over it: 552). 30 MB: 25 MB of attachments, base64-encoded, fit. */
  maxMessageBytes?: number;
  /** Per envelope sender: at most `messages` accepted in `windowMs`; over it MAIL FROM gets 450 (try later). */
  senderLimit?: { messages: number; windowMs: number };
  /** Connections at once; one more gets 421 (try later). */
  maxClients?: number;
  /** Messages parsed and filed at once; the rest wait their turn (their senders wait for the DATA reply). */
  maxConcurrentFilings?: number;
  log?: IntakeLogger;
};

export type EmailIntakeStats = { accepted: number; refusedRecipients: number; throttled: number; oversized: number; failed: number };

export type EmailIntake = {
  port: number;
  stats: () => EmailIntakeStats;
  /** Stops accepting connections and waits for the messages being filed: call before the database closes. */
  close: () => Promise<void>;
};

export const INTAKE_MAX_MESSAGE_BYTES = 30 * 1024 * 1024;
export const INTAKE_SENDER_LIMIT = { messages: 100, windowMs: 10 * 60 * 1000 };
const MAX_RECIPIENTS = 20;

type SmtpError = Error & { responseCode: number };

function smtpError(responseCode: number, message: string): SmtpError {
  return Object.assign(new Error(message), { responseCode });
}

const silentLogger: IntakeLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** A counting semaphore: at most `max` holders; the others wait in order. */
function limiter(max: number) {
  let active = 0;
  const waiting: Array<() => void> = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (active >= max) await new Promise<void>((resolve) => waiting.push(resolve));
    active += 1;
    try {
      return await task();
    } finally {
      active -= 1;
      waiting.shift()?.();
    }
  };
}

function summary(outcomes: readonly IntakeOutcome[]): string {
  return outcomes.map((o) => `${o.result}${o.reference ? ` ${o.reference}` : ''}`).join(', ');
}

/**
 * The platform's own SMTP intake: a message to any agency e-mail address of the profiles becomes an
 * inquiry (or joins the one it answers). Recipients are checked at RCPT (550 for unknown ones), the size
 * at MAIL FROM (SIZE) and after DATA (552), each sender is throttled (450), and 250 is answered only
 * after everything is stored; any failure answers 451 so that the sending server tries again.
 */
export async function startEmailIntake(deps: InquiryDeps, options: EmailIntakeOptions): Promise<EmailIntake> {
  const log = options.log ?? silentLogger;
  const book = intakeAddressBook(deps.agencies);
  const maxBytes = options.maxMessageBytes ?? INTAKE_MAX_MESSAGE_BYTES;
  const senderLimit = options.senderLimit ?? INTAKE_SENDER_LIMIT;
  const throttle = new SenderThrottle(senderLimit.messages, senderLimit.windowMs);
  const filing = limiter(options.maxConcurrentFilings ?? 4);
  const stats: EmailIntakeStats = { accepted: 0, refusedRecipients: 0, throttled: 0, oversized: 0, failed: 0 };
  // The throttle slot a session's open transaction holds; given back unless its message is accepted.
  const heldSlots = new Map<string, string>();
  const inFlight = new Set<Promise<unknown>>();

  const releaseSlot = (session: SMTPServerSession) => {
    const sender = heldSlots.get(session.id);
    if (sender !== undefined) throttle.giveBack(sender);
    heldSlots.delete(session.id);
  };

  async function fileMessage(raw: Buffer, session: SMTPServerSession): Promise<string> {
    const parsed = await simpleParser(raw, { skipTextToHtml: true, skipTextLinks: true });
    const recipients = session.envelope.rcptTo.flatMap((r) => book.get(r.address.toLowerCase()) ?? []);
    const envelopeFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
    const outcomes = await receiveEmail(deps, { parsed, recipients, envelopeFrom, remoteAddress: session.remoteAddress ?? null });
    log.info({ from: envelopeFrom, outcomes }, 'e-mail received');
    return summary(outcomes);
  }

  const server = new SMTPServer({
    banner: 'Apkalpe e-mail intake',
    authOptional: true,
    // No certificate is configured: run behind the agency's MX / relay, which speaks TLS to the world.
    disabledCommands: ['AUTH', 'STARTTLS'],
    disableReverseLookup: true,
    size: maxBytes,
    maxClients: options.maxClients ?? 50,
    socketTimeout: 60_000,
    closeTimeout: 10_000,
    logger: false,

    onMailFrom(address, session, callback) {
      releaseSlot(session);
      const sender = address.address.trim().toLowerCase() || `<>@${session.remoteAddress}`;
      if (!throttle.tryTake(sender)) {
        stats.throttled += 1;
        log.warn({ sender }, 'e-mail intake: sender over its limit, answered 450');
        return callback(smtpError(450, `4.7.1 Too many messages from ${sender}: at most ${senderLimit.messages} in ${Math.round(senderLimit.windowMs / 60000)} minutes, try again later`));
      }
      heldSlots.set(session.id, sender);
      callback();
    },

    onRcptTo(address, session, callback) {
      const recipient = address.address.trim().toLowerCase();
      if (!book.has(recipient)) {
        stats.refusedRecipients += 1;
        return callback(smtpError(550, `5.1.1 <${address.address}>: no such mailbox here`));
      }
      if (session.envelope.rcptTo.length >= MAX_RECIPIENTS) return callback(smtpError(452, '4.5.3 Too many recipients'));
      callback();
    },

    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      let size = 0;
      let answered = false;
      const answer = (error: SmtpError | null, message?: string) => {
        if (answered) return;
        answered = true;
        if (error) {
          releaseSlot(session);
          callback(error);
        } else {
          heldSlots.delete(session.id);
          callback(null, message);
        }
      };
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        // Past the limit the rest is read and dropped: the message is refused whole.
        if (size <= maxBytes) chunks.push(chunk);
      });
      stream.on('error', (error: Error) => {
        stats.failed += 1;
        log.error({ err: error }, 'e-mail intake: reading the message failed, answered 451');
        answer(smtpError(451, '4.3.0 Temporary failure reading the message, try again later'));
      });
      stream.on('end', () => {
        if (stream.sizeExceeded || size > maxBytes) {
          stats.oversized += 1;
          return answer(smtpError(552, `5.3.4 Message too big: at most ${maxBytes} bytes`));
        }
        const work = filing(() => fileMessage(Buffer.concat(chunks), session))
          .then((text) => {
            stats.accepted += 1;
            answer(null, `2.0.0 OK: ${text}`);
          })
          .catch((error: unknown) => {
            stats.failed += 1;
            log.error({ err: error, from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '' }, 'e-mail intake: filing failed, answered 451');
            answer(smtpError(451, '4.3.0 Temporary failure, the message was not stored; try again later'));
          });
        inFlight.add(work);
        void work.finally(() => inFlight.delete(work));
      });
    },

    onClose(session) {
      releaseSlot(session);
    },
  });
  server.on('error', (error) => log.error({ err: error }, 'e-mail intake: server error'));

  await new Promise<void>((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    server.server.once('error', onError);
    server.listen(options.port, options.host ?? '0.0.0.0', () => {
      server.server.off('error', onError);
      resolve();
    });
  });
  const port = (server.server.address() as AddressInfo).port;

  let closing: Promise<void> | undefined;
  return {
    port,
    stats: () => ({ ...stats }),
    close: () => {
      closing ??= (async () => {
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await Promise.allSettled([...inFlight]);
      })();
      return closing;
    },
  };
}
