/**
 * Builds the task pane (taskpane.html + office.js served from our own origin), the playground (the same pane on the
 * Excel simulator) and the help page. `env.outputPath` redirects the output (the browser tests build into a temp dir).
 * Dev server: https://localhost:3000 with office-addin-dev-certs, or plain http when certificates cannot be made.
 */
const path = require("node:path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const DEV_PORT = 3000;
const SCHEDULER_DIR = path.dirname(require.resolve("scheduler/package.json", { paths: [path.dirname(require.resolve("react-dom/package.json"))] }));
const OFFICE_DIST = path.dirname(require.resolve("@microsoft/office-js/dist/office.js"));
// office.js loads its Excel host scripts and locale strings from its own folder; other hosts are left out.
const OFFICE_IGNORED = [
  "**/*.debug.js",
  "**/*.d.ts",
  "**/office-vsdoc.js",
  "**/{access,onenote,outlook,outlookwebapp,powerpoint,powerpointios,project,visio,word,wordios}*",
];

/** The generated certificate even when its CA could not be installed (no sudo): https works once the CA is trusted. */
function generatedCertificate() {
  try {
    const fs = require("node:fs");
    const defaults = require("office-addin-dev-certs/lib/defaults");
    const read = (file) => fs.readFileSync(file);
    return {
      options: { ca: read(defaults.caCertificatePath), cert: read(defaults.localhostCertificatePath), key: read(defaults.localhostKeyPath) },
      caPath: defaults.caCertificatePath,
    };
  } catch {
    return null;
  }
}

async function devServerHttps() {
  if (process.env.REESTR_HTTP === "1") return null;
  try {
    const devCerts = require("office-addin-dev-certs");
    return await devCerts.getHttpsServerOptions();
  } catch (error) {
    const reason = error && error.message ? error.message.split("\n")[0] : String(error);
    const generated = generatedCertificate();
    if (generated) {
      console.warn(
        `\n[reestr] Сертификат создан, но корневой сертификат не установлен в систему (${reason}).\n` +
          `[reestr] Чтобы браузер и Excel в браузере доверяли https://localhost:3000, импортируйте ${generated.caPath} как доверенный корневой.\n` +
          `[reestr] The certificate was made but its CA is not trusted yet; import ${generated.caPath} as a trusted root (or set REESTR_HTTP=1 for plain http).\n`,
      );
      return generated.options;
    }
    console.warn(
      "\n[reestr] Не удалось создать сертификат разработчика — сервер запущен по HTTP (Excel требует HTTPS, песочница работает).\n" +
        `[reestr] Could not create a developer certificate (${reason}); serving over HTTP.\n`,
    );
    return null;
  }
}

module.exports = async (env = {}, argv = {}) => {
  const mode = argv.mode || (env.production ? "production" : "development");
  const production = mode === "production";
  const outputPath = path.resolve(env.outputPath || path.join(__dirname, "dist"));
  const serving = process.env.WEBPACK_SERVE === "true";
  const https = serving ? await devServerHttps() : null;

  return {
    mode,
    context: __dirname,
    devtool: production ? "source-map" : env.e2e ? false : "eval-cheap-module-source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      playground: "./src/playground/index.tsx",
    },
    output: {
      path: outputPath,
      filename: "[name].[contenthash:8].js",
      chunkFilename: "[name].[contenthash:8].js",
      clean: true,
      publicPath: "auto",
    },
    resolve: {
      // Fluent's context selector needs `scheduler`, which npm (legacy peer deps) left nested under react-dom.
      // The Node loader of office.js (fs, vm) stays out of the browser bundle; the playground loads it into an iframe.
      alias: { scheduler: SCHEDULER_DIR, [path.resolve(__dirname, "src/simulator/client/node.ts")]: false },
      extensions: [".ts", ".tsx", ".js", ".mjs", ".json"],
      // ExcelJS and friends reach for Node built-ins the browser build never uses.
      fallback: { fs: false, path: false, os: false, crypto: false, stream: false, zlib: false, buffer: false, util: false },
    },
    module: {
      rules: [
        {
          // Our modules only declare things, so one whose exports go unused is left out of the bundle (a section's
          // imports do not drag the whole core into the first load). The simulator registers classes on import.
          test: /\.tsx?$/,
          include: path.resolve(__dirname, "src"),
          exclude: path.resolve(__dirname, "src/simulator"),
          sideEffects: false,
        },
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          // Loaders run last to first: TypeScript to JavaScript, then Griffel's build-time transform turns our makeStyles
          // into precomputed classes (as Fluent ships its own), so the pane carries no CSS-in-JS compiler at run time.
          use: [
            { loader: "@griffel/webpack-loader" },
            { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { module: "esnext", noEmit: false } } },
          ],
        },
      ],
    },
    performance: { hints: false },
    stats: "errors-warnings",
    optimization: {
      splitChunks: {
        // The playground (the pane beside a simulated workbook) is left whole: split together with the pane, what it
        // shares with the sections was put into the pane's start chunks.
        chunks: (chunk) => chunk.name !== "playground",
        name: false,
        cacheGroups: {
          // Fluent's controls used by two sections or more in one chunk: split by the sets of sections using them,
          // the parts under webpack's minimum size were copied into each section's chunk instead.
          sectionControls: {
            test: /[\\/]node_modules[\\/]/,
            chunks: (chunk) => /^section-/.test(chunk.name ?? ""),
            minChunks: 2,
            name: "section-controls",
            priority: 5,
            enforce: true,
          },
          // Our modules shared by lazy chunks get a chunk of their own however small (a copy per chunk cost more).
          default: { minChunks: 2, priority: -20, reuseExistingChunk: true, minSize: 0 },
        },
      },
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
        scriptLoading: "defer",
      }),
      new HtmlWebpackPlugin({
        filename: "playground.html",
        template: "./src/playground/playground.html",
        chunks: ["playground"],
        scriptLoading: "defer",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/taskpane/help.html", to: "help.html" },
          { from: "manifest.xml", to: "manifest.xml" },
          // Already minified by Microsoft: copied as they are, never re-minified.
          { from: "**/*", context: OFFICE_DIST, globOptions: { ignore: OFFICE_IGNORED }, info: { minimized: true } },
        ],
      }),
    ],
    devServer: {
      port: DEV_PORT,
      host: "localhost",
      hot: false,
      liveReload: true,
      headers: { "Access-Control-Allow-Origin": "*" },
      server: https ? { type: "https", options: https } : { type: "http" },
      static: false,
      client: { overlay: { errors: true, warnings: false, runtimeErrors: false } },
    },
  };
};
