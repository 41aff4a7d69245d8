import { smsSize, toGsmLookAlikes } from './sms-encoding';

describe('smsSize', () => {
  it.each([
    ['', { encoding: 'GSM-7', units: 0, segments: 1 }],
    ['a'.repeat(160), { encoding: 'GSM-7', units: 160, segments: 1 }],
    ['a'.repeat(161), { encoding: 'GSM-7', units: 161, segments: 2 }],
    ['a'.repeat(306), { encoding: 'GSM-7', units: 306, segments: 2 }],
    ['a'.repeat(307), { encoding: 'GSM-7', units: 307, segments: 3 }],
    ['€'.repeat(80), { encoding: 'GSM-7', units: 160, segments: 1 }],
    ['{'.repeat(81), { encoding: 'GSM-7', units: 162, segments: 2 }],
    ['Ünicøde? äöüñ éèà ÆØÅ', { encoding: 'GSM-7', units: 21, segments: 1 }],
    ['ï', { encoding: 'UCS-2', units: 1, segments: 1 }],
    ['a'.repeat(69) + 'ž', { encoding: 'UCS-2', units: 70, segments: 1 }],
    ['a'.repeat(70) + 'ž', { encoding: 'UCS-2', units: 71, segments: 2 }],
    ['🔥'.repeat(35), { encoding: 'UCS-2', units: 70, segments: 1 }],
    ['x'.repeat(134) + '’', { encoding: 'UCS-2', units: 135, segments: 3 }],
  ])('%j is %j', (text, expected) => {
    expect(smsSize(text)).toEqual(expected);
  });
});

describe('toGsmLookAlikes', () => {
  it('replaces typographic characters with plain ones and keeps everything else', () => {
    expect(toGsmLookAlikes('‘a’ “b” c–d—e … f\u00A0g\u200Bh • ü 🔥')).toBe(`'a' "b" c-d-e ... f gh * ü 🔥`);
  });
});
