// Preloaded by the benchmark (node -r): reports this process's peak memory when it exits.
process.on('exit', () => {
  require('node:fs').writeSync(2, `\nclaude-hooks-bench-maxrss-kb=${process.resourceUsage().maxRSS}\n`);
});
