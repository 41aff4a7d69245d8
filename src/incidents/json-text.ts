/**
 * JSON text for a jsonb parameter. jsonb cannot hold U+0000, so its escape is
 * dropped (an odd run of backslashes before `u0000` is an escape; an even run
 * is literal backslashes followed by the text "u0000").
 */
export function json(value: unknown): string {
  return JSON.stringify(value ?? null).replace(/(\\+)u0000/g, (match, slashes: string) =>
    slashes.length % 2 === 1 ? slashes.slice(1) : match,
  );
}
