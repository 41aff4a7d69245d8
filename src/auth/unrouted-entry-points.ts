/**
 * The only ways into the HTTP server that are not Nest route handlers, and so
 * carry no @MinRole/@Public decision for the guard to read. Each verifies its
 * own credential, or is open by design. app.setup.ts mounts exactly these; the
 * auth tests check this list, so adding one is a reviewed security decision.
 */
export const UNROUTED_ENTRY_POINTS = {
  /** The OpenAPI description (Swagger UI and its JSON). */
  openApi: { method: 'GET', path: '/docs', verifiedBy: 'open by design: the API description holds no data' },
} as const;

