import fc from 'fast-check';
import type { PageContent } from '../notification-channel';

/** Text an alert may carry: Markdown, HTML, emoji, newlines, control characters, very long runs. */
const alertText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 400 }),
  fc.constantFrom('*bold* _it_ [x](https://evil.example)', '<b>&amp;</b> | a | b |', '- item\n1. two\n# head', '{{DATE(2017-02-14T06:08:00Z, SHORT)}}', '\\*', 'x'.repeat(5000)),
);

/** Any page the dispatcher could hand a chat channel: optional parts present or not, details unbounded. */
export const pageContentArbitrary: fc.Arbitrary<PageContent> = fc.record(
  {
    incidentId: fc.uuid(),
    incidentNumber: fc.integer({ min: 1, max: 10_000_000 }),
    status: fc.constantFrom('triggered' as const, 'acknowledged' as const, 'resolved' as const),
    title: alertText,
    severity: fc.constantFrom('critical', 'error', 'warning', 'info'),
    serviceName: alertText,
    source: alertText,
    integration: fc.constantFrom('Events v2', 'Alertmanager'),
    details: fc.array(fc.tuple(alertText, alertText).map(([k, v]) => [k, v] as const), { maxLength: 30 }),
    detailsOmitted: fc.nat(50),
    links: fc.array(fc.record({ href: fc.oneof(fc.webUrl(), fc.constant('javascript:alert(1)')), text: alertText }), { maxLength: 8 }),
    paged: fc.array(alertText, { maxLength: 5 }),
    shortLink: fc.constant('https://klaxon.example.test/i/abcdefghijklmnopqrstuv'),
    moreIncidents: fc.nat(20),
    maintenanceReleasedAt: fc.constant('2026-12-01T23:00:00.000Z'),
  },
  { requiredKeys: ['incidentId', 'incidentNumber', 'status', 'title', 'severity', 'serviceName'] },
);
