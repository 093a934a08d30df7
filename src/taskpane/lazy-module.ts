/**
 * Code the pane fetches from the add-in's server only when it is first needed. A failed fetch (no network, a server
 * updated while the pane was open) is told apart from other errors so the user reads what happened, and it is not
 * remembered: the next use fetches again.
 */

/** webpack rejects a failed script fetch with a ChunkLoadError («Loading chunk N failed»). */
export function isChunkLoadError(error: unknown): boolean {
  return error instanceof Error && (error.name === "ChunkLoadError" || /^Loading (CSS )?chunk \S+ failed/.test(error.message));
}

/** `load` (a dynamic import) run once; after a failure the next call runs it again. */
export function lazyModule<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | null = null;
  return () => {
    loading ??= load().catch((error: unknown) => {
      loading = null;
      throw error;
    });
    return loading;
  };
}
