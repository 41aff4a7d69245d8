import type { Bindings, ChildLoggerOptions, Level, Logger } from 'pino';
import { symbols } from 'pino';

/**
 * pino-http gives every request a child logger bound to `{ req }` (id,
 * method, masked URL: logging.ts). Making that child serializes and redacts
 * the request at once, a few microseconds, although most requests write no
 * line at all: a webhook's "request completed" is debug, and the app logs
 * nothing for a request that goes well. Here that child is made on the first
 * line actually written through it (a level the logger writes, `child`,
 * `bindings`, `setBindings`); until then, calls at levels that are off do
 * nothing, as they would on the child. Every line written is the same, with
 * the same `req` (its id, method and original URL do not change during the
 * request).
 */
const LEVELS: readonly Level[] = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'];

const PARENT = Symbol('parent');
const BINDINGS = Symbol('bindings');
const REAL = Symbol('real');

interface Deferred {
  [PARENT]: Logger;
  [BINDINGS]: Bindings;
  [REAL]?: Logger;
}

type Child = (this: Logger, bindings: Bindings, options?: ChildLoggerOptions) => Logger;

/** Loggers already deferring, and the prototype of their deferred children. */
const prototypes = new WeakMap<Logger, object>();

function real(d: Deferred, make: Child): Logger {
  return (d[REAL] ??= make.call(d[PARENT], d[BINDINGS]));
}

/** From now on, `logger.child({ req })` without options returns a child made when first used (pino-http's per-request child). */
export function deferRequestBindings(logger: Logger | undefined): void {
  if (!logger || prototypes.has(logger)) return;
  const make = logger.child as unknown as Child;
  const methods: Record<string, unknown> = {
    child(this: Deferred, bindings: Bindings, options?: ChildLoggerOptions) {
      return real(this, make).child(bindings, options);
    },
    bindings(this: Deferred) {
      return real(this, make).bindings();
    },
    setBindings(this: Deferred, bindings: Bindings) {
      real(this, make).setBindings(bindings);
    },
  };
  for (const level of LEVELS) {
    methods[level] = function (this: Deferred & Logger, ...args: unknown[]) {
      if (!this[REAL] && !this.isLevelEnabled(level)) return;
      (real(this, make)[level] as (...a: unknown[]) => void)(...args);
    };
  }
  const proto = Object.create(logger, Object.fromEntries(Object.entries(methods).map(([k, value]) => [k, { value }]))) as object;
  Object.defineProperty(proto, symbols.chindingsSym, {
    get(this: Deferred) {
      return (real(this, make) as unknown as Record<symbol, unknown>)[symbols.chindingsSym];
    },
  });
  Object.defineProperty(proto, 'level', {
    get(this: Deferred) {
      return (this[REAL] ?? this[PARENT]).level;
    },
    set(this: Deferred, level: string) {
      real(this, make).level = level;
    },
  });
  prototypes.set(logger, proto);
  logger.child = function (this: Logger, bindings: Bindings, options?: ChildLoggerOptions) {
    if (options !== undefined || this !== logger || !isRequestBinding(bindings)) return make.call(this, bindings, options);
    const deferred = Object.create(proto) as Deferred;
    deferred[PARENT] = this;
    deferred[BINDINGS] = bindings;
    return deferred as unknown as Logger;
  } as unknown as Logger['child'];
}

function isRequestBinding(bindings: Bindings): boolean {
  let keys = 0;
  for (const key in bindings) if (++keys > 1 || key !== 'req') return false;
  return keys === 1;
}
