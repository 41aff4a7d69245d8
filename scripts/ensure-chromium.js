#!/usr/bin/env node
/**
 * Makes sure a real Chromium is installed, for the web console's browser tests
 * (test/console/), which drive it with playwright-core. Prints the binary's
 * path. CHROMIUM_BIN, else Debian's /usr/bin/chromium or `chromium` /
 * `chromium-browser` on PATH, else `apt-get install chromium` as root
 * (scripts/ensure-debian-tool.js). Playwright's own browser download is never
 * used: the browser comes from the distribution's packages.
 */
const { debianTool } = require('./ensure-debian-tool');

const PACKAGE = 'chromium';
const chromium = debianTool({
  title: 'Chromium',
  envVar: 'CHROMIUM_BIN',
  debianBin: '/usr/bin/chromium',
  names: ['chromium', 'chromium-browser'],
  pkg: PACKAGE,
  aptTimeoutMs: 15 * 60 * 1000,
  howToInstall: `Install it (Debian: sudo apt-get install -y ${PACKAGE}; Ubuntu: a chromium package or snap) or set CHROMIUM_BIN to a Chromium or Chrome binary.`,
});

module.exports = { ensureChromium: chromium.ensure, findChromium: chromium.find };

if (require.main === module) chromium.main();
