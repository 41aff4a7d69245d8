/**
 * Klaxon's module layers (docs/architecture.md, "Layers"), checked in `npm test`
 * by `npm run lint:deps`. Imports point down; no cycles between modules; the
 * pure cores import nothing that does I/O. Each rule names its reason.
 */
const L0 = '^src/(config|common|database)/';
const L1 = '^src/(auth|health)/';
const L2 = '^src/(users|teams|schedules|services|routing|maintenance|incidents|audit)/';
const L3 = '^src/(ingest|escalation|notifications|sessions|live|console-site)/';
const L4 = '^src/(worker/|app\\.module\\.ts|app\\.setup\\.ts|bootstrap\\.ts|main\\.ts)';
const above = (...layers) => `(${layers.join('|')})`;

/**
 * Imports that break the layers today, each listed with its reason in
 * docs/architecture.md ("Layers"). Nothing may be added here without a line there.
 */
const KNOWN_EXCEPTIONS = [
  // services -> escalation: the Service entity's relation to its policy exists for the foreign key's metadata only.
  '^src/escalation/escalation-policy\\.entity\\.ts$',
  // incidents and services -> ingest: NormalisedEvent, the type adapters produce and incidents consume, still lives in ingest/sources.
  '^src/ingest/sources/normalised-event\\.ts$',
  // services -> incidents: the heartbeat check opens incidents; it moves up with the engine's heartbeat timer kind.
  '^src/incidents/(incidents\\.repository|incident-commands|incidents\\.module)\\.ts$',
].join('|');

const PURE_CORES = '^src/(incidents/domain|escalation/planner|schedules/resolution|ingest/sources|routing/rules)/';

/**
 * Siblings of one layer may import each other in one direction only, so that
 * modules never form a cycle: each module may import those listed before it.
 */
const SIBLING_ORDER = [
  ['users', 'teams', 'schedules', 'services', 'routing', 'maintenance', 'incidents', 'audit'],
  ['notifications', 'escalation', 'sessions', 'live', 'console-site'],
  ['ingest'],
];
const siblingRules = SIBLING_ORDER.flatMap((order) =>
  order.slice(0, -1).map((module, i) => ({
    name: `sibling-order-${module}`,
    comment: `${module} may not import the siblings listed after it (${order.slice(i + 1).join(', ')}): no cycles between modules.`,
    severity: 'error',
    from: { path: `^src/${module}/` },
    to: { path: `^src/(${order.slice(i + 1).join('|')})/`, pathNot: KNOWN_EXCEPTIONS },
  })),
);
/** ingest and the paging modules of layer 3 do not import each other. */
const independentRules = [
  { from: '^src/ingest/', to: '^src/(escalation|notifications|sessions|live|console-site)/' },
  { from: '^src/(escalation|notifications|sessions|live|console-site)/', to: '^src/ingest/' },
].map(({ from, to }, i) => ({
  name: `ingest-and-paging-are-independent-${i + 1}`,
  comment: 'ingest and the other modules of layer 3 (escalation, notifications, the console modules) do not import each other.',
  severity: 'error',
  from: { path: from },
  to: { path: to },
}));

module.exports = {
  forbidden: [
    ...siblingRules,
    ...independentRules,
    {
      name: 'layer-0-imports-up',
      comment: 'config, common and database are the bottom layer: they import no module above them.',
      severity: 'error',
      from: { path: L0 },
      to: { path: above(L1, L2, L3, L4) },
    },
    {
      name: 'layer-1-imports-up',
      comment: 'auth and health (metrics) sit under every domain module: they import none of them.',
      severity: 'error',
      from: { path: L1 },
      to: { path: above(L2, L3, L4) },
    },
    {
      name: 'layer-2-imports-up',
      comment: 'users, teams, schedules, services, routing, maintenance, incidents and audit import neither ingest, escalation, notifications nor the app.',
      severity: 'error',
      from: { path: L2 },
      to: { path: above(L3, L4), pathNot: KNOWN_EXCEPTIONS },
    },
    {
      name: 'layer-3-imports-up',
      comment: 'ingest, escalation, notifications and the console modules (sessions, live, console-site) do not import the worker runtime or the app.',
      severity: 'error',
      from: { path: L3 },
      to: { path: L4 },
    },
    {
      name: 'no-cycles-between-modules',
      comment: 'No cycle, not even between sibling modules. TypeORM entities of one module may refer to each other (relations).',
      severity: 'error',
      from: { path: '^src/', pathNot: '\\.entity\\.ts$' },
      to: { circular: true },
    },
    {
      name: 'pure-cores-do-no-io',
      comment: 'The resolver, the planner, the incident state machine, the webhook adapters and the router rules are pure: no framework, database, network or file system.',
      severity: 'error',
      from: { path: PURE_CORES, pathNot: '\\.(spec|test-helper|bench)\\.ts$|/fixtures/' },
      to: {
        path: '(^|/)node_modules/(typeorm|pg|@nestjs|twilio|@slack|nodemailer|express|fastify)/|^(fs|net|http|https|child_process|dgram|worker_threads)$',
      },
    },
    {
      name: 'pure-cores-import-only-pure-code',
      comment: 'A pure core may use other pure cores and the pure helpers of common (errors), nothing else of src.',
      severity: 'error',
      from: { path: PURE_CORES, pathNot: '\\.(spec|test-helper|bench)\\.ts$|/fixtures/' },
      to: { path: '^src/', pathNot: `${PURE_CORES}|^src/common/errors\\.ts$` },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.spec\\.ts$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
