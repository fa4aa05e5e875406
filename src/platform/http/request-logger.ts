// Fastify gives every request its own child logger (bound to the request id). Making one runs pino's child
// machinery, our redaction included, on every request: about 4 KB of garbage and a few per cent of a booking's
// CPU (issue 18, docs/performance.md), for a logger most requests never write to. The request's logger is made
// when the request first writes a line its level lets through; the request-completed line is written by the
// parent with the request id as a field, so it does not make one either.
import type { FastifyBaseLogger } from 'fastify';
import { levels, type Bindings, type ChildLoggerOptions, type LevelWithSilentOrString } from 'pino';

type Level = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';

/** Whether a logger at `threshold` writes a line at `level` (pino's standard levels; 'silent' writes none). */
export function levelLets(threshold: string, level: Level): boolean {
  return levels.values[level]! >= (levels.values[threshold] ?? Number.POSITIVE_INFINITY);
}

type LogCall = (...args: unknown[]) => void;

class RequestLogger implements FastifyBaseLogger {
  #made: FastifyBaseLogger | undefined;
  readonly #parent: FastifyBaseLogger;
  readonly #bindings: Bindings;
  readonly #options: ChildLoggerOptions;

  constructor(parent: FastifyBaseLogger, bindings: Bindings, options: ChildLoggerOptions) {
    this.#parent = parent;
    this.#bindings = bindings;
    this.#options = options;
  }

  get level(): LevelWithSilentOrString {
    return this.#made?.level ?? this.#options.level ?? this.#parent.level;
  }

  set level(level: LevelWithSilentOrString) {
    this.#logger().level = level;
  }

  fatal(...args: unknown[]): void {
    this.#write('fatal', args);
  }
  error(...args: unknown[]): void {
    this.#write('error', args);
  }
  warn(...args: unknown[]): void {
    this.#write('warn', args);
  }
  info(...args: unknown[]): void {
    this.#write('info', args);
  }
  debug(...args: unknown[]): void {
    this.#write('debug', args);
  }
  trace(...args: unknown[]): void {
    this.#write('trace', args);
  }
  silent(): void {}

  child(bindings: Bindings, options?: ChildLoggerOptions): FastifyBaseLogger {
    return this.#logger().child(bindings, options);
  }

  #write(level: Level, args: unknown[]): void {
    if (levelLets(this.level, level)) (this.#logger()[level] as LogCall)(...args);
  }

  #logger(): FastifyBaseLogger {
    return (this.#made ??= this.#parent.child(this.#bindings, this.#options));
  }
}

/** Fastify's `childLoggerFactory`: a request logger that becomes pino's child on its first written line. */
export function lazyRequestLogger(logger: FastifyBaseLogger, bindings: Bindings, options: ChildLoggerOptions): FastifyBaseLogger {
  return new RequestLogger(logger, bindings, options);
}
