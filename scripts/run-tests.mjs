// Runs every *.test.ts below one folder with Node's own test runner (TypeScript through tsx).
// A folder with no test files is a failure: a tier that runs nothing must not pass silently.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

// --serial runs the files one after another: the vscode tier's files each start a code-server, and
// two at once on a 2-core machine make every UI wait flaky.
const serial = process.argv.includes('--serial');
const root = process.argv.slice(2).find((arg) => !arg.startsWith('--'));
if (!root) {
  console.error('usage: node scripts/run-tests.mjs <folder> [--serial]');
  process.exit(2);
}
const files = [];
(function walk(dir) {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (name.endsWith('.test.ts')) files.push(path);
  }
})(root);
if (files.length === 0) {
  console.error(`no *.test.ts files under ${root}`);
  process.exit(1);
}
const extra = serial ? ['--test-concurrency=1'] : [];
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...extra, ...files], {
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
