/**
 * How much one read request may carry on this host: a leaf module, so readers that only need the budget (the first
 * screen's read) do not load the check's reader with it.
 */
export type HostPlatform = "PC" | "OfficeOnline" | "Mac" | string;

/** Excel returns at most this many cells per request (desktop and web). */
export const READ_CELLS_PER_REQUEST = 5_000_000;
/** Excel on the web answers at most 5 MB per request; this leaves room for the envelope and a first guess. */
export const WEB_REQUEST_BYTES = 4_000_000;
/** Text per chunk read after the first window on the web, with bytes per cell measured: 90 % of 5 MB. */
export const WEB_CHUNK_BYTES = 4_700_000;

/** "OfficeOnline", "PC", "Mac"… as Office reports it; "" outside Office. */
export function hostPlatform(): HostPlatform {
  const office = (globalThis as { Office?: { context?: { platform?: unknown; diagnostics?: { platform?: unknown } } } }).Office;
  const platform = office?.context?.platform ?? office?.context?.diagnostics?.platform;
  return typeof platform === "string" ? platform : "";
}

export interface ReadBudget {
  /** Cells per request. */
  cells: number;
  /** Response bytes per request; Infinity where Excel does not limit them (desktop). */
  bytes: number;
  /** Response bytes per chunk once bytes per cell are measured; Infinity on the desktop. */
  chunkBytes: number;
}

/** Desktop Excel limits cells per read only; the web (and an unknown host, to be safe) also limits bytes. */
export function readBudget(platform: HostPlatform, maxRequestBytes?: number): ReadBudget {
  const desktop = platform === "PC" || platform === "Mac";
  return {
    cells: READ_CELLS_PER_REQUEST,
    bytes: maxRequestBytes ?? (desktop ? Infinity : WEB_REQUEST_BYTES),
    chunkBytes: maxRequestBytes ?? (desktop ? Infinity : WEB_CHUNK_BYTES),
  };
}
