#!/usr/bin/env node
/**
 * Makes sure a real Prometheus Alertmanager is installed, for the test that
 * drives Klaxon's Opsgenie API with Alertmanager's own opsgenie receiver
 * (test/ingest/opsgenie-alertmanager.spec.ts). Prints the binary's path.
 * ALERTMANAGER_BIN, else the Debian package's /usr/bin/prometheus-alertmanager
 * or `prometheus-alertmanager` / `alertmanager` on PATH, else `apt-get install
 * prometheus-alertmanager` as root (scripts/ensure-debian-tool.js).
 */
const { debianTool } = require('./ensure-debian-tool');

const PACKAGE = 'prometheus-alertmanager';
const alertmanager = debianTool({
  title: 'Prometheus Alertmanager',
  envVar: 'ALERTMANAGER_BIN',
  debianBin: '/usr/bin/prometheus-alertmanager',
  names: ['prometheus-alertmanager', 'alertmanager'],
  pkg: PACKAGE,
  aptTimeoutMs: 10 * 60 * 1000,
  howToInstall: `Install it (Debian/Ubuntu: sudo apt-get install -y ${PACKAGE}) or set ALERTMANAGER_BIN to an alertmanager binary (0.25 or later).`,
});

module.exports = { ensureAlertmanager: alertmanager.ensure, findAlertmanager: alertmanager.find };

if (require.main === module) alertmanager.main();
