import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { AuthDecision, authDecisionOf } from './auth.decorators';

/** One route handler as Nest registers it, with its authentication decision. */
export interface RouteHandler {
  controller: string;
  handler: string;
  /** GET, POST, ... (ALL for @All). */
  method: string;
  /** The path template with Nest's `:param` placeholders, e.g. `/api/v1/users/:id`. */
  path: string;
  decision: AuthDecision | undefined;
}

function joinPath(...parts: (string | undefined)[]): string {
  const joined = parts
    .filter((p): p is string => !!p)
    .map((p) => p.replace(/^\/+|\/+$/g, ''))
    .filter((p) => p.length > 0)
    .join('/');
  return `/${joined}`;
}

function asList(value: unknown): string[] {
  if (value === undefined) return [''];
  return Array.isArray(value) ? value.map(String) : [String(value)];
}

/**
 * Every route handler of every controller, read from Nest's own metadata (not
 * from the HTTP adapter's router, so it is the same under any adapter).
 */
export function listRouteHandlers(discovery: DiscoveryService, scanner: MetadataScanner): RouteHandler[] {
  const out: RouteHandler[] = [];
  for (const wrapper of discovery.getControllers()) {
    const type = wrapper.metatype as Function | undefined;
    if (!type) continue;
    const prototype = type.prototype as Record<string, unknown>;
    for (const name of scanner.getAllMethodNames(prototype)) {
      const fn = prototype[name] as Function;
      const routePaths = Reflect.getMetadata(PATH_METADATA, fn) as string | string[] | undefined;
      if (routePaths === undefined) continue;
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, fn) as RequestMethod] ?? 'GET';
      for (const prefix of asList(Reflect.getMetadata(PATH_METADATA, type))) {
        for (const routePath of asList(routePaths)) {
          out.push({ controller: type.name, handler: name, method, path: joinPath(prefix, routePath), decision: authDecisionOf(fn) });
        }
      }
    }
  }
  return out;
}
