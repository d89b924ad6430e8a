#!/usr/bin/env node
// The compiled CLI; `npm run build` (or the README's set-up) produces dist/.
import { main } from '../dist/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
