/**
 * What every command checks about its files before it reads or writes: the output is never one of the inputs (also
 * through "../", symbolic or hard links), is not a folder or a pipe, and a failed write is said in Russian.
 */
import { promises as fs, realpathSync, statSync } from "fs";
import * as path from "path";
import { fileSystemMessage } from "../adapters/xlsx/read-workbook-file";
import { resolvePath, type CliIO } from "./io";

/** A file that is there, by its device and inode (links and "../" lead to the same); one not there yet, by its real path. */
type FileIdentity =
  | { dev: number; ino: number; real?: undefined; kind: "file" | "folder" | "pipe" }
  | { real: string; dev?: undefined; ino?: undefined; kind?: undefined };

/**
 * Synchronous: a merge checks each of hundreds of inputs, and a promise call per file was a round trip to the thread
 * pool each (tens of milliseconds in all, the command waiting).
 */
function identify(absolute: string): FileIdentity | null {
  try {
    const stat = statSync(absolute);
    const kind = stat.isDirectory() ? "folder" : stat.isFIFO() || stat.isSocket() ? "pipe" : "file";
    return { dev: stat.dev, ino: stat.ino, kind };
  } catch {
    // Not there yet: its folder may still be reached through a link.
    try {
      return { real: path.join(realpathSync.native(path.dirname(absolute)), path.basename(absolute)) };
    } catch {
      return null;
    }
  }
}

/** A file that is there and one that is not are never the same. */
function sameFile(a: FileIdentity, b: FileIdentity): boolean {
  if (a.real !== undefined || b.real !== undefined) return a.real === b.real;
  return a.dev === b.dev && a.ino === b.ino;
}

/**
 * The problem with writing `out` (as given on the command line), or null. `inputs` as given; a missing input is not
 * this check's business (the reader says so).
 */
export async function outputProblem(out: string, inputs: readonly string[], io: CliIO): Promise<string | null> {
  const target = identify(resolvePath(io, out));
  if (!target) return null;
  for (const input of inputs) {
    const source = identify(resolvePath(io, input));
    if (source && sameFile(source, target)) {
      return `файл результата совпадает с входным файлом ${input}: запись уничтожила бы его; укажите другое имя (-o)`;
    }
  }
  // Its kind from the same stat (a file not there yet is written below).
  if (target.kind === "folder") return "это папка: укажите имя файла результата (-o)";
  if (target.kind === "pipe") return "это канал, а не файл: укажите обычный файл результата (-o)";
  return null;
}

/** Checks `out` against the inputs; prints the command's one line and gives false when it must not be written. */
export async function checkOutput(command: string, out: string, inputs: readonly string[], io: CliIO): Promise<boolean> {
  const problem = await outputProblem(out, inputs, io);
  if (problem) io.stderr(`reestr ${command}: ${out}: ${problem}\n`);
  return problem === null;
}

/** Writes OUT; on failure prints the command's one line (where and why, in Russian) and gives false. */
export async function writeOutput(command: string, out: string, data: Uint8Array | string, io: CliIO): Promise<boolean> {
  try {
    await fs.writeFile(resolvePath(io, out), data);
    return true;
  } catch (error) {
    io.stderr(`reestr ${command}: ${out}: ${writeFailureMessage(error)}\n`);
    return false;
  }
}

/**
 * Writes OUT beside it (a temporary name in its folder) and renames it over OUT: a failed or interrupted write leaves
 * no half-written OUT, and an OUT that was there stays as it was. On failure prints the command's one line and gives false.
 */
export async function writeOutputBeside(command: string, out: string, data: Uint8Array | readonly Uint8Array[], io: CliIO): Promise<boolean> {
  try {
    await writeBeside(resolvePath(io, out), data);
    return true;
  } catch (error) {
    io.stderr(`reestr ${command}: ${out}: ${writeFailureMessage(error)}\n`);
    return false;
  }
}

/** `writeOutputBeside` without the message: throws what failed, for a command that reports it its own way. */
export async function writeBeside(target: string, data: Uint8Array | readonly Uint8Array[]): Promise<void> {
  // A link is followed: the file it leads to is replaced, the link stays a link.
  const real = realPathOrItself(target);
  if (isSpecialFile(real)) {
    // A device (/dev/null, a terminal) is written into: renamed over, it would be replaced by a plain file.
    await writeData(real, data);
    return;
  }
  const temporary = path.join(path.dirname(real), `.${path.basename(real)}.${process.pid}.tmp`);
  try {
    await writeData(temporary, data);
    await fs.rename(temporary, real);
  } catch (error) {
    await fs.rm(temporary, { force: true }).catch(() => undefined);
    throw error;
  }
}

function realPathOrItself(file: string): string {
  try {
    return realpathSync.native(file);
  } catch {
    return file;
  }
}

/** Whether the file is there and is not a regular file (folders and pipes are refused before: see outputProblem). */
function isSpecialFile(file: string): boolean {
  try {
    return !statSync(file).isFile();
  } catch {
    return false;
  }
}

function writeData(file: string, data: Uint8Array | readonly Uint8Array[]): Promise<void> {
  return data instanceof Uint8Array ? fs.writeFile(file, data) : writeChunks(file, data);
}

/** Most buffers one writev takes (Linux's IOV_MAX). */
const WRITEV_BATCH = 1024;

/** `chunks` written one after another into a new `file`, a batch of them per system call. */
async function writeChunks(file: string, chunks: readonly Uint8Array[]): Promise<void> {
  const handle = await fs.open(file, "w");
  try {
    for (let first = 0; first < chunks.length; first += WRITEV_BATCH) {
      const batch = chunks.slice(first, first + WRITEV_BATCH);
      let written = (await handle.writev(batch)).bytesWritten;
      // A short write goes on where it stopped.
      for (const chunk of batch) {
        if (written >= chunk.length) {
          written -= chunk.length;
          continue;
        }
        let offset = written;
        written = 0;
        while (offset < chunk.length) offset += (await handle.write(chunk, offset)).bytesWritten;
      }
    }
  } finally {
    await handle.close();
  }
}

/**
 * Makes the output folder DIR (and the folders on its way); on failure prints the command's one line and gives false.
 * A file standing where the folder should be is the usual case, said as such, never as Node's «EEXIST … mkdir».
 */
export async function makeOutputFolder(command: string, dir: string, io: CliIO): Promise<boolean> {
  try {
    await fs.mkdir(resolvePath(io, dir), { recursive: true });
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    const reason =
      code === "EEXIST" || code === "ENOTDIR" ? "на ее месте или на пути к ней лежит файл, а не папка" : code === "EACCES" || code === "EPERM" ? "нет прав на запись" : fileSystemMessage(error);
    io.stderr(`reestr ${command}: ${dir}: папку не удалось создать: ${reason}\n`);
    return false;
  }
}

export function writeFailureMessage(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const reason =
    code === "EACCES" || code === "EPERM"
      ? "нет прав на запись"
      : code === "ENOENT" || code === "ENOTDIR"
        ? "папка для него не найдена"
        : code === "EEXIST"
          ? "на месте папки для него лежит файл"
          : fileSystemMessage(error);
  return `не удалось записать файл: ${reason}`;
}
