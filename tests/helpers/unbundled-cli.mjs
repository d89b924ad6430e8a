// The compiled CLI run from its ES modules (dist/cli/main.js) rather than from the bundle that
// bin/profile-report.js loads (src/cli/load-cli.ts): for tests that watch which modules a run
// loads, which a bundle hides.
import { main } from '../../dist/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
