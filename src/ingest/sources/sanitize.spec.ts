import {
  DEPTH_LIMIT_MARKER,
  getOwn,
  isPlainObject,
  MAX_DETAILS_DEPTH,
  parseInstant,
  safeHttpUrl,
  sanitizeDedupKey,
  sanitizeJson,
  sanitizeLine,
  sanitizeMultiline,
  sanitizeTitle,
  truncateChars,
} from './sanitize';

describe('sanitizeLine', () => {
  it('turns tabs and line breaks into spaces and drops other C0, DEL and C1 characters', () => {
    expect(sanitizeLine('a\tb\r\nc\u0000d\u0007e\u001bf\u007fg\u0085h\u009fi')).toBe('a b  cdefghi');
  });

  it('keeps ordinary Unicode', () => {
    expect(sanitizeLine('Disk 97% full on web-3 — 🔥 ünïcødé')).toBe('Disk 97% full on web-3 — 🔥 ünïcødé');
  });
});

describe('sanitizeMultiline', () => {
  it('keeps \\n and \\t, drops \\r and other control characters', () => {
    expect(sanitizeMultiline('Labels:\r\n\t- a\u0000 = 1\u009b\n')).toBe('Labels:\n\t- a = 1\n');
  });
});

describe('truncateChars', () => {
  it('counts code points and never splits a surrogate pair', () => {
    expect(truncateChars('🔥🔥🔥', 2)).toBe('🔥🔥');
    expect(truncateChars('ab🔥', 3)).toBe('ab🔥');
    expect(truncateChars('abcdef', 3)).toBe('abc');
    expect(truncateChars('abc', 3)).toBe('abc');
  });
});

describe('sanitizeTitle', () => {
  it('gives one trimmed line of at most 1024 characters', () => {
    expect(sanitizeTitle('  CPU\nhigh  ')).toBe('CPU high');
    expect(sanitizeTitle('x'.repeat(2000))).toHaveLength(1024);
    expect(Array.from(sanitizeTitle('😀'.repeat(1100)))).toHaveLength(1024);
  });
});

describe('sanitizeDedupKey', () => {
  it('truncates to 255 characters deterministically and keeps surrounding spaces', () => {
    const long = 'k'.repeat(300);
    expect(sanitizeDedupKey(long)).toHaveLength(255);
    expect(sanitizeDedupKey(long)).toBe(sanitizeDedupKey(long));
    expect(sanitizeDedupKey(' key\u0000 ')).toBe(' key ');
  });
});

describe('isPlainObject and getOwn', () => {
  it('accepts only non-null, non-array objects', () => {
    expect([{}, [], null, 'x', 1, undefined].map(isPlainObject)).toEqual([true, false, false, false, false, false]);
  });

  it('reads own properties only', () => {
    const obj: Record<string, unknown> = { a: 1 };
    expect(getOwn(obj, 'a')).toBe(1);
    expect(getOwn(obj, 'constructor')).toBeUndefined();
    expect(getOwn(obj, 'toString')).toBeUndefined();
  });
});

describe('sanitizeJson', () => {
  it('sanitises strings and keys, keeps JSON scalars, nulls non-finite numbers', () => {
    const input = {
      'ke\u0000y': 'line1\nline2\u0007',
      n: 1.5,
      inf: Infinity,
      ok: true,
      none: null,
      list: ['a\u0000', 2],
    };
    expect(sanitizeJson(input)).toEqual({
      key: 'line1\nline2',
      n: 1.5,
      inf: null,
      ok: true,
      none: null,
      list: ['a', 2],
    });
  });

  it('drops __proto__ keys so later copies cannot replace a prototype', () => {
    const input = JSON.parse('{"__proto__":{"polluted":"yes"},"nested":{"__proto__":{"polluted":"yes"},"k":"v"}}');
    const copy = sanitizeJson(input) as Record<string, Record<string, unknown>>;

    expect(Object.keys(copy)).toEqual(['nested']);
    expect(Object.keys(copy.nested)).toEqual(['k']);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const target = Object.assign({}, copy, copy.nested);
    expect(Object.getPrototypeOf(target)).toBe(Object.prototype);
  });

  it('keeps constructor and prototype keys as ordinary data', () => {
    const copy = sanitizeJson(JSON.parse('{"constructor":"c","prototype":{"x":1}}')) as Record<string, unknown>;
    expect(copy).toEqual({ constructor: 'c', prototype: { x: 1 } });
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('replaces nesting deeper than the limit', () => {
    let deep: unknown = 'bottom';
    for (let i = 0; i < MAX_DETAILS_DEPTH + 5; i += 1) deep = { d: deep };
    let cursor = sanitizeJson(deep);
    let depth = 0;
    while (isPlainObject(cursor)) {
      cursor = cursor.d;
      depth += 1;
    }
    expect(depth).toBe(MAX_DETAILS_DEPTH);
    expect(cursor).toBe(DEPTH_LIMIT_MARKER);
  });

  it('turns non-JSON values into null', () => {
    expect(sanitizeJson(() => 1)).toBeNull();
    expect(sanitizeJson(undefined)).toBeNull();
  });
});

describe('safeHttpUrl', () => {
  it('keeps absolute http(s) URLs only', () => {
    expect(safeHttpUrl('https://runbooks.example/high-cpu')).toBe('https://runbooks.example/high-cpu');
    expect(safeHttpUrl(' http://127.0.0.1:35343 ')).toBe('http://127.0.0.1:35343');
    expect(safeHttpUrl('javascript:alert(1)')).toBeNull();
    expect(safeHttpUrl('data:text/html,x')).toBeNull();
    expect(safeHttpUrl('/relative/path')).toBeNull();
    expect(safeHttpUrl('')).toBeNull();
  });
});

describe('parseInstant', () => {
  it.each([
    ['2026-11-28T00:49:06Z', '2026-11-28T00:49:06.000Z'],
    ['2026-11-28T00:49:06.123456789Z', '2026-11-28T00:49:06.123Z'],
    ['2015-07-17T08:42:58.315+0000', '2015-07-17T08:42:58.315Z'],
    ['2026-03-08T09:00:00-05:00', '2026-03-08T14:00:00.000Z'],
    ['2026-03-08 14:00:00.5z', '2026-03-08T14:00:00.500Z'],
    ['0001-01-01T00:00:00Z', '0001-01-01T00:00:00.000Z'],
  ])('parses %s', (text, iso) => {
    expect(parseInstant(text)?.toISOString()).toBe(iso);
  });

  it.each(['2026-11-28', '2026-11-28T00:49:06', '2026-02-30T00:00:00Z', '2026-01-01T25:00:00Z', 'yesterday', ''])(
    'rejects %p',
    (text) => {
      expect(parseInstant(text)).toBeNull();
    },
  );
});
