// Backpressure (issue 13, finding 11): when the process is saturated, public requests are refused at once
// with 503 and Retry-After instead of queueing without bound; the FAQ search runs at most a few at a time,
// so a burst of searches cannot starve the other pages.
import underPressure from '@fastify/under-pressure';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { errorPayload } from './error-handler.ts';
import { AppError } from './problem.ts';

export type SheddingLimits = {
  /** Reads (GET, HEAD) in progress at once; more public ones are answered 503 (staff requests are counted, never shed). */
  maxInFlight: number;
  /**
   * Public submissions (POST and the other writes) in progress at once. A booking or a question is the client's
   * typed work and waits on the database, not the CPU: 200 people booking at once wait about a third of a second
   * each (docs/performance.md), so they are let through up to this bound instead of being sent to try again.
   */
  maxSubmissionsInFlight: number;
  /** FAQ searches running at once, and how many may wait for a turn before more are shed. */
  searchConcurrency: number;
  searchQueue: number;
  /** Event-loop delay (ms) over which @fastify/under-pressure sheds everything but the health check. */
  maxEventLoopDelayMs: number;
  retryAfterSeconds: number;
};

export const DEFAULT_SHEDDING: SheddingLimits = { maxInFlight: 64, maxSubmissionsInFlight: 256, searchConcurrency: 4, searchQueue: 16, maxEventLoopDelayMs: 1000, retryAfterSeconds: 5 };

const NEVER_SHED = /^\/(static\/|api\/health|api\/v1\/staff\/|staff(\/|$|\?))/;
const FAQ_SEARCH = /^\/(api\/v1\/agencies\/[^/?]+\/faq|[^/?]+\/buj)\?(.*&)?q=/;
const COUNTED = Symbol('counted');
const READS = new Set(['GET', 'HEAD']);
const SEARCHING = Symbol('searching');
const ABORTED = Symbol('aborted');
const WAIT = Symbol('wait');
type Tracked = FastifyRequest & { [COUNTED]?: 'read' | 'submission'; [SEARCHING]?: boolean; [ABORTED]?: boolean; [WAIT]?: AbortController };

const OVERLOADED = new AppError(503, 'overloaded', 'hardening.overloaded');

/** Prepares the 503 on the reply and returns its payload (problem+json or an error page). */
export function shedPayload(request: FastifyRequest, reply: FastifyReply, retryAfterSeconds: number): ReturnType<typeof errorPayload> {
  reply.header('retry-after', String(retryAfterSeconds));
  return errorPayload(OVERLOADED, request, reply);
}

export function shed(request: FastifyRequest, reply: FastifyReply, retryAfterSeconds: number): FastifyReply {
  return reply.send(shedPayload(request, reply, retryAfterSeconds));
}

/** A counting semaphore with a bounded queue; a waiter whose signal aborts leaves the queue at once. */
export class BoundedGate {
  private running = 0;
  private readonly waiting = new Set<() => void>();
  constructor(
    private readonly concurrency: number,
    private readonly queue: number,
  ) {}

  /** false when the queue is full or the signal aborted before a turn came (the caller sheds the request). */
  async enter(signal?: AbortSignal): Promise<boolean> {
    if (signal?.aborted) return false;
    if (this.running < this.concurrency) {
      this.running++;
      return true;
    }
    if (this.waiting.size >= this.queue) return false;
    return new Promise<boolean>((resolve) => {
      const withdraw = () => {
        this.waiting.delete(grant);
        resolve(false);
      };
      const grant = () => {
        signal?.removeEventListener('abort', withdraw);
        resolve(true);
      };
      this.waiting.add(grant);
      signal?.addEventListener('abort', withdraw, { once: true });
    });
  }

  leave(): void {
    const [next] = this.waiting;
    if (next) {
      this.waiting.delete(next);
      next();
    } else this.running--;
  }

  /** Turns taken and requests waiting, for tests and diagnostics. */
  get load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.size };
  }
}

export async function registerLoadShedding(app: FastifyInstance, limits: SheddingLimits = DEFAULT_SHEDDING): Promise<void> {
  await app.register(underPressure, {
    maxEventLoopDelay: limits.maxEventLoopDelayMs,
    retryAfter: limits.retryAfterSeconds,
    // Returning a payload makes under-pressure send it; returning nothing lets the request through.
    pressureHandler: ((request: FastifyRequest, reply: FastifyReply) => {
      if (NEVER_SHED.test(request.url)) return undefined;
      return shedPayload(request, reply, limits.retryAfterSeconds);
    }) as unknown as () => void,
  });
  const inFlight = { read: 0, submission: 0 };
  const limitOf = { read: limits.maxInFlight, submission: limits.maxSubmissionsInFlight };
  const search = new BoundedGate(limits.searchConcurrency, limits.searchQueue);
  const done = (request: Tracked) => {
    const kind = request[COUNTED];
    if (kind) {
      request[COUNTED] = undefined;
      inFlight[kind]--;
    }
    if (request[SEARCHING]) {
      request[SEARCHING] = false;
      search.leave();
    }
  };
  // Hooks with nothing to wait for take Fastify's callback form: an async hook costs every request a promise.
  app.addHook('onRequest', (request: Tracked, reply, next) => {
    const kind = READS.has(request.method) ? 'read' : 'submission';
    if (inFlight[kind] >= limitOf[kind] && !NEVER_SHED.test(request.url)) return void shed(request, reply, limits.retryAfterSeconds);
    inFlight[kind]++;
    request[COUNTED] = kind;
    next();
  });
  /** Whether the search got its turn (false: the gate's queue was full, or its client left). */
  const waitForSearchTurn = async (request: Tracked): Promise<boolean> => {
    const wait = new AbortController();
    request[WAIT] = wait;
    if (request[ABORTED]) wait.abort();
    const admitted = await search.enter(wait.signal);
    request[WAIT] = undefined;
    // A client that left after its turn came (its onRequestAbort has run, and no onResponse will) passes it on at once.
    if (admitted && request[ABORTED]) search.leave();
    if (!admitted || request[ABORTED]) {
      done(request);
      return false;
    }
    request[SEARCHING] = true;
    return true;
  };
  // Only a search that is really run waits for a turn: one answered from the page cache (in onRequest) never gets here.
  app.addHook('preHandler', (request: Tracked, reply, next) => {
    if (!FAQ_SEARCH.test(request.url)) return next();
    waitForSearchTurn(request).then((admitted) => (admitted ? next() : void shed(request, reply, limits.retryAfterSeconds)), next);
  });
  app.addHook('onResponse', (request: Tracked, _reply, next) => {
    done(request);
    next();
  });
  app.addHook('onRequestAbort', async (request: Tracked) => {
    request[ABORTED] = true;
    request[WAIT]?.abort(); // a search waiting for a turn leaves the queue
    done(request);
  });
}
