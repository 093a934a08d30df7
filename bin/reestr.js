#!/usr/bin/env node
// Entry of `npx reestr`: runs the bundled CLI, bundling it first when it is missing.
const fs = require("fs");
const { buildSync, outfile } = require("../scripts/build-cli.cjs");

if (!fs.existsSync(outfile)) buildSync();
require(outfile);
