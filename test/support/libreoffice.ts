/**
 * LibreOffice (Debian's libreoffice-calc-nogui + python3-uno) as an independent judge of the files we write.
 *
 * - `convertWith(files, "pdf" | "csv" | "xlsx", outDir)`: ONE `soffice --convert-to` run for many files, with a
 *   private profile (a second soffice with the user's profile would hand the job to a running instance or block).
 * - `inspectWithLibreOffice(path, request)`: what LibreOffice reports about a workbook — sheets and visibility,
 *   used area, cell texts, validations, conditional formats, named ranges, page styles, print titles, frozen panes,
 *   and formulas evaluated in scratch cells (Excel syntax with commas; after optional cell edits).
 *   One soffice is started per test file on first use (≈1.5–3 s) and reused; each inspection then takes ≈0.3–1.5 s.
 *   Call `closeLibreOffice()` in `afterAll`.
 *
 * Nothing is skipped silently: without soffice or python3-uno, `requireLibreOffice()` throws an error that says
 * what to install.
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, extname, join, resolve } from "node:path";
import { createInterface } from "node:readline";

const PYTHON = process.env.REESTR_PYTHON ?? "/usr/bin/python3";
const SOFFICE = process.env.SOFFICE ?? "soffice";
const SCRIPT = join(__dirname, "lo_inspect.py");
const INSTALL_HINT = "установите LibreOffice: apt-get install -y libreoffice-calc-nogui python3-uno (в CI он ставится)";

export function sofficeAvailable(): boolean {
  const result = spawnSync(SOFFICE, ["--version"], { encoding: "utf8", timeout: 30_000 });
  return result.status === 0 && /LibreOffice/.test(result.stdout);
}

export function pythonUnoAvailable(): boolean {
  return spawnSync(PYTHON, ["-c", "import uno"], { timeout: 30_000 }).status === 0;
}

/** Throws with an installation hint when LibreOffice or its Python bridge is missing. */
export function requireLibreOffice(options: { python?: boolean } = {}): void {
  if (!sofficeAvailable()) throw new Error(`soffice не найден (${SOFFICE}): ${INSTALL_HINT}`);
  if (options.python !== false && !pythonUnoAvailable()) throw new Error(`${PYTHON} не видит модуль uno: ${INSTALL_HINT}`);
}

export type ConvertTarget = "pdf" | "csv" | "xlsx";

export interface ConvertOptions {
  timeoutMs?: number;
  /** Overrides the filter, e.g. a CSV filter string with separator/encoding tokens. */
  filter?: string;
}

/** CSV: comma, double quotes, UTF-8 (76), first line as is; every sheet of a workbook goes to its own file ("-1"). */
const DEFAULT_FILTERS: Record<ConvertTarget, string> = {
  pdf: "pdf:calc_pdf_Export",
  csv: "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
  xlsx: "xlsx:Calc MS Excel 2007 XML",
};

/**
 * Converts all `files` with one soffice start. Returns the produced paths in `outDir`
 * (for CSV of multi-sheet workbooks: "name-Sheet.csv" per sheet).
 */
export function convertWith(files: string[], target: ConvertTarget, outDir: string, options: ConvertOptions = {}): string[] {
  if (files.length === 0) return [];
  const profile = mkdtempSync(join(tmpdir(), "reestr-lo-convert-"));
  const before = new Set(existsSync(outDir) ? readdirSync(outDir) : []);
  try {
    const result = spawnSync(
      SOFFICE,
      [
        "--headless",
        "--invisible",
        "--nologo",
        "--norestore",
        "--nolockcheck",
        `-env:UserInstallation=file://${profile}`,
        "--convert-to",
        options.filter ?? DEFAULT_FILTERS[target],
        "--outdir",
        outDir,
        ...files.map((f) => resolve(f)),
      ],
      { encoding: "utf8", timeout: options.timeoutMs ?? 180_000 },
    );
    if (result.error) {
      const reason = (result.error as NodeJS.ErrnoException).code === "ENOENT" ? INSTALL_HINT : result.error.message;
      throw new Error(`LibreOffice не смог преобразовать файлы в ${target}: ${reason}`);
    }
    if (result.status !== 0) {
      throw new Error(`LibreOffice завершился с кодом ${result.status} при преобразовании в ${target}: ${(result.stderr || result.stdout).trim()}`);
    }
    const produced = readdirSync(outDir).filter((name) => !before.has(name));
    const missing = files.filter((f) => !produced.some((p) => p.startsWith(basename(f, extname(f)))));
    if (missing.length) {
      throw new Error(`LibreOffice не создал ${target} для: ${missing.join(", ")}. Вывод: ${(result.stderr || result.stdout).trim()}`);
    }
    return produced.map((name) => join(outDir, name));
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

export interface LoValidation {
  type: string;
  /** In LibreOffice's grammar: ";" between arguments. */
  formula1: string;
  showList: number;
  errorStyle: "stop" | "warning" | "info" | "macro";
  showErrorMessage: boolean;
  errorTitle: string;
  errorMessage: string;
  showInputMessage: boolean;
  inputTitle: string;
  inputMessage: string;
  ignoreBlank: boolean;
}

export interface LoSheet {
  name: string;
  visible: boolean;
  lastRow: number;
  lastColumn: number;
  validations: (LoValidation & { ranges: string[] })[];
  conditionalFormats: { ranges: string[]; entries: { entryType: number; formula1?: string; styleName?: string; backColor?: string | null; fontColor?: string | null }[] }[];
  /** Sizes and margins in 1/100 mm (A4 = 21000 × 29700). */
  page: {
    name: string;
    landscape: boolean;
    width: number;
    height: number;
    scaleToPagesX: number;
    scaleToPagesY: number;
    scaleToPages: number;
    pageScale: number;
    margins: { top: number; bottom: number; left: number; right: number };
    footerOn: boolean;
    footer: { left: string; center: string; right: string } | null;
  };
  printTitleRows: { first: number; last: number } | null;
  printAreas: string[];
  tabColor: string | null;
  merges: string[];
}

export interface LoCell {
  text: string;
  type: "empty" | "number" | "text" | "formula";
  numberFormat: string | null;
  formula?: string;
  value?: number;
}

export interface Inspection {
  sheets: LoSheet[];
  namedRanges: Record<string, string>;
  cells: Record<string, LoCell[][]>;
  probes: Record<string, Record<string, { validation: LoValidation | null; conditionalEntries: { formula1: string; styleName: string }[] }>>;
  evaluations: { formula: string; cell: string; value: number; text: string; error: number | null }[];
  activeSheet?: string;
  frozen?: { active: boolean; splitRow: number; splitColumn: number };
  milliseconds: number;
}

export interface InspectRequest {
  /** Sheet → A1 range whose cells to report. */
  cells?: Record<string, string>;
  /** Sheet → cells whose validation and conditional entries to report as LibreOffice resolves them. */
  probeCells?: Record<string, string[]>;
  /** Cell edits applied before evaluating (the file is saved only with `saveAs`). */
  set?: { sheet: string; cell: string; value: string | number }[];
  /** After the edits: save the document as .xlsx to this path (LibreOffice's own Excel 2007-365 filter). */
  saveAs?: string;
  /** Excel-syntax formulas put into scratch cells; relative references resolve from that cell's row. */
  evaluate?: { sheet: string; cell: string; formula: string }[];
}

class InspectorSession {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly lines: AsyncIterator<string>;
  private readonly profile: string;
  private stderr = "";
  private queue: Promise<unknown> = Promise.resolve();
  readonly ready: Promise<number>;

  constructor() {
    this.profile = mkdtempSync(join(tmpdir(), "reestr-lo-inspect-"));
    this.child = spawn(PYTHON, [SCRIPT, this.profile], { env: { ...process.env, SOFFICE } });
    this.child.stderr.on("data", (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.lines = createInterface({ input: this.child.stdout })[Symbol.asyncIterator]();
    this.ready = this.nextAnswer(120_000).then((answer) => (answer as { startupMilliseconds: number }).startupMilliseconds);
  }

  private async nextAnswer(timeoutMs: number): Promise<unknown> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`LibreOffice не ответил за ${timeoutMs / 1000} с. ${this.stderr.trim()}`)), timeoutMs);
    });
    try {
      const next = await Promise.race([this.lines.next(), timeout]);
      if (next.done) throw new Error(`Процесс проверки LibreOffice завершился: ${this.stderr.trim() || INSTALL_HINT}`);
      return JSON.parse(next.value);
    } finally {
      clearTimeout(timer);
    }
  }

  inspect(path: string, request: InspectRequest, timeoutMs: number): Promise<Inspection> {
    const run = async () => {
      await this.ready;
      this.child.stdin.write(JSON.stringify({ cmd: "inspect", path: resolve(path), ...request }) + "\n");
      const answer = (await this.nextAnswer(timeoutMs)) as Inspection & { error?: string; trace?: string };
      if (answer.error) throw new Error(`LibreOffice не смог проверить ${path}: ${answer.error}\n${answer.trace ?? ""}`);
      return answer;
    };
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    return result;
  }

  async close(): Promise<void> {
    if (this.child.exitCode === null) {
      this.child.stdin.write(JSON.stringify({ cmd: "quit" }) + "\n");
      this.child.stdin.end();
      await new Promise<void>((done) => {
        const timer = setTimeout(() => {
          this.child.kill("SIGKILL");
          done();
        }, 20_000);
        this.child.once("exit", () => {
          clearTimeout(timer);
          done();
        });
      });
    }
    rmSync(this.profile, { recursive: true, force: true });
  }
}

let session: InspectorSession | undefined;

/** Inspects an .xlsx/.ods with LibreOffice; the first call in a process starts soffice, later calls reuse it. */
export async function inspectWithLibreOffice(path: string, request: InspectRequest = {}, timeoutMs = 120_000): Promise<Inspection> {
  if (!existsSync(path)) throw new Error(`Нет файла для проверки в LibreOffice: ${path}`);
  if (!session) {
    requireLibreOffice();
    session = new InspectorSession();
  }
  return session.inspect(path, request, timeoutMs);
}

/** Stops the shared soffice; call from `afterAll`. */
export async function closeLibreOffice(): Promise<void> {
  const current = session;
  session = undefined;
  if (current) await current.close();
}

/** LibreOffice writes ";" between arguments; tests compare with Excel's ",". */
export function toExcelSeparators(formula: string): string {
  let inString = false;
  let out = "";
  for (const ch of formula) {
    if (ch === '"') inString = !inString;
    out += ch === ";" && !inString ? "," : ch;
  }
  return out;
}
