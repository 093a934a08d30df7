/** Node-only: reads a workbook from disk, checking its size before loading a byte. */
import { promises as fs } from "fs";
import { inflateRaw } from "zlib";
import { DEFAULT_READ_LIMITS, failure, formatMegabytes, oneLine, readWorkbookData, type ReadLimits, type ReadWorkbookResult } from "./read-workbook";

export async function readWorkbookFile(filePath: string, limits: ReadLimits = DEFAULT_READ_LIMITS): Promise<ReadWorkbookResult> {
  let data: Uint8Array;
  try {
    const stat = await fs.stat(filePath);
    if (stat.isDirectory()) return failure("unreadable", "это папка, а не файл");
    if (stat.size > limits.maxFileBytes) {
      return failure("too-large", `файл слишком большой: ${formatMegabytes(stat.size)} при пределе ${formatMegabytes(limits.maxFileBytes)}`);
    }
    data = await fs.readFile(filePath);
  } catch (error) {
    return fileSystemFailure(error);
  }
  return readWorkbookData(data, filePath, limits, inflateWithZlib);
}

/** zlib in the thread pool: inflating one part overlaps with parsing another; stops past `maxBytes`. */
function inflateWithZlib(compressed: Uint8Array, maxBytes: number): Promise<Uint8Array | null> {
  return new Promise((resolve) => {
    inflateRaw(compressed, { maxOutputLength: Math.max(1, maxBytes) }, (error, result) => resolve(error ? null : result));
  });
}

function fileSystemFailure(error: unknown): ReadWorkbookResult {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case "ENOENT":
    case "ENOTDIR":
      return failure("not-found", "файл не найден");
    case "EACCES":
    case "EPERM":
      return failure("unreadable", "нет прав на чтение файла");
    case "EISDIR":
      return failure("unreadable", "это папка, а не файл");
    case "EBUSY":
      return failure("unreadable", "файл занят другой программой (закройте его и повторите)");
    default:
      return failure("unreadable", `не удалось открыть файл: ${oneLine(error)}`);
  }
}
