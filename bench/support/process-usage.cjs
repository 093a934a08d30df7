// Preloaded into a command run by a bench: at exit, writes the process's peak resident memory (kB) and the CPU time it
// used (user + system, ms, all threads) as JSON to the file named by REESTR_BENCH_USAGE_FILE.
const fs = require("node:fs");

process.on("exit", () => {
  const file = process.env.REESTR_BENCH_USAGE_FILE;
  if (!file) return;
  const usage = process.resourceUsage();
  fs.writeFileSync(file, JSON.stringify({ maxRssKb: usage.maxRSS, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000 }));
});
