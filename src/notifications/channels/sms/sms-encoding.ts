/**
 * How an SMS is counted: in the GSM 03.38 7-bit alphabet when every character is in
 * it (160 septets in one segment, 153 per segment of a longer text; the extension
 * characters take two), else in UCS-2 (70 UTF-16 units, 67 per segment of a longer
 * text). A single character outside GSM-7 switches the whole text to UCS-2.
 */

const GSM7_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM7_EXTENSION = '^{}\\[~]|€\f';
const BASIC = new Set(GSM7_BASIC);
const EXTENSION = new Set(GSM7_EXTENSION);

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SmsSize {
  encoding: SmsEncoding;
  /** Septets (GSM-7) or UTF-16 code units (UCS-2). */
  units: number;
  segments: number;
}

const SINGLE = { 'GSM-7': 160, 'UCS-2': 70 } as const;
const CONCATENATED = { 'GSM-7': 153, 'UCS-2': 67 } as const;

export function smsSize(text: string): SmsSize {
  let septets = 0;
  for (const c of text) {
    if (BASIC.has(c)) septets += 1;
    else if (EXTENSION.has(c)) septets += 2;
    else return size('UCS-2', text.length);
  }
  return size('GSM-7', septets);
}

/** The most units one segment of this encoding holds. */
export function singleSegmentUnits(encoding: SmsEncoding): number {
  return SINGLE[encoding];
}

function size(encoding: SmsEncoding, units: number): SmsSize {
  return { encoding, units, segments: units <= SINGLE[encoding] ? 1 : Math.ceil(units / CONCATENATED[encoding]) };
}

/**
 * Typographic characters that have a plain GSM-7 look-alike (curly quotes, dashes,
 * the ellipsis, odd spaces), replaced so that a title pasted from a document does not
 * turn the SMS into UCS-2 and cut its room from 160 characters to 70. Other
 * characters (accents outside GSM-7, other scripts, emoji) are kept as sent.
 */
const LOOK_ALIKES: Array<[RegExp, string]> = [
  [/[\u2018\u2019\u201A\u201B\u2032\u00B4`]/g, "'"],
  [/[\u201C\u201D\u201E\u201F\u2033]/g, '"'],
  [/[\u2010-\u2015\u2212]/g, '-'],
  [/\u2026/g, '...'],
  [/[\u00A0\u2000-\u200A\u202F\u205F\u3000]/g, ' '],
  [/[\u200B-\u200D\u2060\uFEFF]/g, ''],
  [/\u2022/g, '*'],
];

export function toGsmLookAlikes(text: string): string {
  return LOOK_ALIKES.reduce((t, [pattern, plain]) => t.replace(pattern, plain), text);
}
