#!/usr/bin/env node
// Entry of `npx reestr`: runs the bundled CLI, bundling it first when it is missing.
const fs = require("fs");
const { pathToFileURL } = require("url");
const { buildSync, outfile } = require("../scripts/build-cli.cjs");

if (!fs.existsSync(outfile)) buildSync();
import(pathToFileURL(outfile).href);
