// Placeholder entry; the commands land with the register core.
process.stderr.write("reestr: команды ещё не реализованы\n");
process.exit(2);
