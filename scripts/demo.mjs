// `npm run demo`: the main job on the embedded demo account. Draws the diagram to
// out/demo-diagram.html and prints the findings. The demo account is broken on purpose (the two
// stories of DOMAIN.md), so `check` exiting 1 is the expected outcome here, not a failure.
import { spawnSync } from 'node:child_process';

const cli = ['dist/cli.js'];
const run = (args) => spawnSync(process.execPath, [...cli, ...args], { stdio: 'inherit' }).status;

const drawn = run(['diagram', '--demo', '--out', 'out/demo-diagram.html']);
if (drawn !== 0) process.exit(drawn ?? 2);
run(['diagram', '--demo', '--out', 'out/demo-diagram.svg']);
console.log('');
const checked = run(['check', '--demo']);
if (checked === 1) {
  console.log('\n(check exits 1 because the demo account has broken paths on purpose.)');
  console.log('Open out/demo-diagram.html in a browser to see them on the map.');
  process.exit(0);
}
process.exit(checked ?? 2);
