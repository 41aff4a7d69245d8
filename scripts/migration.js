#!/usr/bin/env node
// Thin wrapper over the TypeORM CLI:
//   npm run migration:generate -- AddThing   (writes migrations/<timestamp>-AddThing.ts)
//   npm run migration:run | migration:revert
// DATABASE_URL must point at a database migrated to the latest migration.
// After generating, add the class to migrations/index.ts and read the SQL.
const { spawnSync } = require('node:child_process');
const [cmd, name] = process.argv.slice(2);
const cli = ['-r', 'ts-node/register/transpile-only', require.resolve('typeorm/cli.js')];
const ds = ['-d', 'src/database/data-source.ts'];
let args;
if (cmd === 'generate') {
  if (!name) {
    console.error('usage: npm run migration:generate -- <PascalName>');
    process.exit(2);
  }
  args = [...cli, 'migration:generate', `migrations/${name}`, ...ds, '--pretty'];
} else if (cmd === 'run') {
  args = [...cli, 'migration:run', ...ds];
} else if (cmd === 'revert') {
  args = [...cli, 'migration:revert', ...ds];
} else {
  console.error('usage: migration.js generate <Name> | run | revert');
  process.exit(2);
}
const r = spawnSync(process.execPath, args, { stdio: 'inherit' });
process.exit(r.status ?? 1);
