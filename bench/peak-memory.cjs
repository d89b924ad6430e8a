// Preloaded by `npm run bench` (node --require): reports the Node process's peak resident memory
// (not Chromium's) on exit, on stderr, in a line the bench reads.
process.on('exit', () => {
  process.stderr.write(`\nbench-peak-rss-kib=${process.resourceUsage().maxRSS}\n`);
});
