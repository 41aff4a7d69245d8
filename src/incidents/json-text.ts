const NUL_ESCAPE = /(\\+)u0000/g;

/**
 * JSON text for a jsonb parameter. jsonb cannot hold U+0000, so its escape is
 * dropped (an odd run of backslashes before `u0000` is an escape; an even run
 * is literal backslashes followed by the text "u0000"). JSON.stringify writes
 * U+0000 as `\u0000`, so text without a backslash has none to drop and is
 * returned as it is (one indexOf instead of a regular expression over it).
 */
export function json(value: unknown): string {
  const text = JSON.stringify(value ?? null);
  if (text.indexOf('\\') === -1) return text;
  return text.replace(NUL_ESCAPE, (match, slashes: string) => (slashes.length % 2 === 1 ? slashes.slice(1) : match));
}

/**
 * A string literal for a statement sent as simple-protocol text (a batch's
 * BEGIN and load, or its write and COMMIT, in one message): E'' with
 * backslashes and quotes doubled. Text with neither (a batch of repeated
 * triggers, timestamps) is copied once, without a pass per character class.
 */
export function literal(text: string): string {
  const slashes = text.indexOf('\\') !== -1;
  const quotes = text.indexOf("'") !== -1;
  if (!slashes && !quotes) return `E'${text}'`;
  const doubled = slashes ? text.replace(/\\/g, '\\\\') : text;
  return `E'${quotes ? doubled.replace(/'/g, "''") : doubled}'`;
}

/** `literal(json(value))`: a jsonb parameter as a string literal of simple-protocol text. */
export function jsonLiteral(value: unknown): string {
  return literal(json(value));
}

/**
 * Copies of `rows` with the Dates under `keys` replaced by the text
 * JSON.stringify writes for them (toJSON: the ISO time, null for an invalid
 * date), so that json() of the copies is the same text as json() of the rows.
 * JSON.stringify calls a Date's toJSON several times slower than it copies a
 * string, and the rows of a batch share one `now`, converted once here.
 */
export function datesAsText<T extends object>(rows: readonly T[], keys: readonly (keyof T)[]): unknown[] {
  let last: Date | null = null;
  let lastText: string | null = null;
  const text = (value: unknown): unknown => {
    if (!(value instanceof Date)) return value;
    if (value !== last) {
      last = value;
      lastText = Number.isFinite(value.getTime()) ? value.toISOString() : null;
    }
    return lastText;
  };
  return rows.map((row) => {
    const copy: Record<keyof T, unknown> = { ...row };
    for (const key of keys) if (key in copy) copy[key] = text(copy[key]);
    return copy;
  });
}
