// Preloaded into a command run by a bench: at exit, writes the process's CPU time (user + system, ms) to the file named
// by REESTR_BENCH_CPU_FILE. CPU time moves much less than wall time when other work shares the cores.
const fs = require("node:fs");

process.on("exit", () => {
  const file = process.env.REESTR_BENCH_CPU_FILE;
  if (!file) return;
  const { user, system } = process.cpuUsage();
  fs.writeFileSync(file, String((user + system) / 1000));
});
