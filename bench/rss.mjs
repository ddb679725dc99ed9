// Preloaded with `node --import`: prints the process's peak resident set size at exit, for the benchmark.
process.on('exit', () => {
  process.stderr.write(`\npeak-rss-kb ${process.resourceUsage().maxRSS}\n`);
});
