// Preloaded into a command run by a bench: at exit, writes the process's peak resident memory (kB) to the file named
// by REESTR_BENCH_RSS_FILE.
const fs = require("node:fs");

process.on("exit", () => {
  const file = process.env.REESTR_BENCH_RSS_FILE;
  if (file) fs.writeFileSync(file, String(process.resourceUsage().maxRSS));
});
