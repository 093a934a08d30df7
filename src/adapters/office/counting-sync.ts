/**
 * `context.sync()` that counts its round trips: every adapter reports `syncs`, and the tests and the bench hold them to
 * the formula in the adapter's header comment. Round trips made elsewhere (a helper's own) are added to `count`.
 */
export interface CountingSync {
  (): Promise<void>;
  count: number;
}

export function countingSync(context: Excel.RequestContext): CountingSync {
  const sync = (async () => {
    sync.count++;
    await context.sync();
  }) as CountingSync;
  sync.count = 0;
  return sync;
}
