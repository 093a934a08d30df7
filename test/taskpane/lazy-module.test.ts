/** Code fetched on first use: a failed fetch is told apart from other errors and tried again on the next use. */
import { isChunkLoadError, lazyModule } from "../../src/taskpane/lazy-module";

function chunkLoadError(): Error {
  // What webpack's script loader rejects with when a chunk cannot be fetched.
  const error = new Error("Loading chunk 75 failed.\n(error: https://intranet.example/reestr/75.2cb873b3.js)");
  error.name = "ChunkLoadError";
  return error;
}

describe("lazy modules", () => {
  test("webpack's failed fetches are recognised, other errors are not", () => {
    expect(isChunkLoadError(chunkLoadError())).toBe(true);
    expect(isChunkLoadError(new Error("Loading chunk section-merge failed."))).toBe(true);
    expect(isChunkLoadError(new Error("Не удалось прочитать книгу"))).toBe(false);
    expect(isChunkLoadError("Loading chunk 1 failed")).toBe(false);
    expect(isChunkLoadError(null)).toBe(false);
  });

  test("a module is fetched once; after a failure the next use fetches it again", async () => {
    const outcomes: (() => Promise<{ value: number }>)[] = [() => Promise.reject(chunkLoadError()), () => Promise.resolve({ value: 7 })];
    let fetches = 0;
    const load = lazyModule(() => outcomes[fetches++]());
    await expect(load()).rejects.toThrow("Loading chunk 75 failed");
    await expect(load()).resolves.toEqual({ value: 7 });
    await expect(load()).resolves.toEqual({ value: 7 });
    expect(fetches).toBe(2);
  });
});
