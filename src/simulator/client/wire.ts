/**
 * Connects a loaded office.js client to the simulated host at the boundary Excel itself uses:
 * `OSF.DDA.RichApi.executeRichApiRequestAsync` (one call per `context.sync()` that carries actions) and the
 * RichApi message channel the host raises events through. Everything above that boundary — proxies, load/sync,
 * requirement-set checks, chunking of large writes, `OfficeExtension.Error` — is Microsoft's own code.
 *
 * What is shimmed besides: `Office.context` (host, platform, requirement sets, through `OSF._OfficeAppFactory.getContext`) and `Office.onReady`, which in a real
 * pane come from the host handshake; and a hook on the client's event dispatch so tests can wait for onChanged
 * handlers (office.js fires them without keeping the promises).
 */
export type ClientBuild = "win32" | "web";

/** The office.js debug builds: Excel for Windows, and Excel on the web. */
export const CLIENT_FILES: Record<ClientBuild, string> = {
  win32: "excel-win32-16.01.debug.js",
  web: "excel-web-16.00.debug.js",
};

/** The globals an office.js client defines. */
export interface ClientGlobals {
  Excel: any;
  Office: any;
  OfficeExtension: any;
  OSF: any;
}

/** The host's answer to one request: a response body, or a refusal of the whole message (an Office.js error code). */
export type HostReply = { status: "succeeded"; body: string } | { status: "failed"; code: number; message: string };

export interface ClientBridge {
  /** One request message (its JSON text), as the client sends it. */
  handle(requestText: string): HostReply;
  isSetSupported(name: string, minVersion?: string | number): boolean;
  platform: string;
  /** A handler office.js fired for an event: resolves when it finished (or with its error). */
  track(run: Promise<unknown>): void;
}

export interface WiredClient {
  /** Raises RichApi event messages (Worksheet.onChanged …) in the client, as the host does. */
  raise(entries: { messageType: number; targetId: string; message: unknown }[]): void;
}

/** Office.js error codes the host uses to refuse a whole message (`RichApiMessageUtility.OfficeJsErrorCode_*`). */
export const OfficeJsErrorCode = { requestPayloadSizeLimitExceeded: 5103, responsePayloadSizeLimitExceeded: 5104 } as const;

const EVENT_MESSAGE_CATEGORY = 65536;

export function wireClient(client: ClientGlobals, bridge: ClientBridge): WiredClient {
  const { OSF, Office, OfficeExtension } = client;
  OSF.DDA.RichApi = OSF.DDA.RichApi ?? {};
  OSF.DDA.RichApi.executeRichApiRequestAsync = (message: unknown[], callback: (result: unknown) => void) => {
    const reply = bridge.handle(String(message[4]));
    // Excel answers asynchronously; the client must not depend on a synchronous reply.
    queueMicrotask(() =>
      callback(
        reply.status === "succeeded"
          ? { status: "succeeded", value: { data: [200, [], reply.body] } }
          : { status: "failed", error: { code: reply.code, message: reply.message } },
      ),
    );
  };

  const listeners = new Set<(args: unknown) => void>();
  OSF.DDA.RichApi.richApiMessageManager = {
    register(handler: (args: unknown) => void) {
      listeners.add(handler);
      return Promise.resolve();
    },
    removeHandlerAsync(_type: string, options: { handler?: (args: unknown) => void }, callback?: (result: unknown) => void) {
      if (options?.handler) listeners.delete(options.handler);
      callback?.({ status: "succeeded" });
    },
  };

  const platform = bridge.platform;
  const context = {
    host: "Excel",
    platform,
    displayLanguage: "ru-RU",
    contentLanguage: "ru-RU",
    requirements: { isSetSupported: (name: string, minVersion?: string | number) => bridge.isSetSupported(name, minVersion) },
    diagnostics: { host: "Excel", platform, version: "16.0.0.0" },
  };
  // `Office.context` is a getter over the app factory, which the host handshake fills in a real pane.
  OSF._OfficeAppFactory = OSF._OfficeAppFactory ?? {};
  OSF._OfficeAppFactory.getContext = () => context;
  const info = { host: "Excel", platform };
  Office.onReady = (callback?: (value: typeof info) => void) => {
    callback?.(info);
    return Promise.resolve(info);
  };

  const handlers = OfficeExtension.EventHandlers?.prototype;
  if (handlers?.createFireOneEventHandlerFunc) {
    const original = handlers.createFireOneEventHandlerFunc;
    handlers.createFireOneEventHandlerFunc = function (this: unknown, handler: unknown, args: unknown) {
      const fire = original.call(this, handler, args) as () => unknown;
      return () => {
        const run = Promise.resolve().then(fire);
        bridge.track(run);
        return run;
      };
    };
  }

  return {
    raise(entries) {
      const message = {
        entries: entries.map((entry) => ({ messageCategory: EVENT_MESSAGE_CATEGORY, messageType: entry.messageType, targetId: entry.targetId, message: JSON.stringify(entry.message) })),
      };
      for (const listener of listeners) listener(message);
    },
  };
}

/** Node's Buffer where there is one (the simulator also runs in the browser, where the loop below counts). */
const nodeBuffer = (globalThis as { Buffer?: { byteLength(text: string, encoding: "utf8"): number } }).Buffer;

/**
 * UTF-8 length of a string, what the payload limits measure. Counted without encoding: a 50,000-row read answers
 * with ~46 MB of JSON, and encoding it only to take its length cost ~400 ms and as many bytes of garbage.
 */
export function utf8Length(text: string): number {
  if (nodeBuffer) return nodeBuffer.byteLength(text, "utf8");
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x80) {
      if (code < 0x800) bytes += 1;
      else if (code >= 0xd800 && code <= 0xdbff) {
        bytes += 2;
        i++;
      } else bytes += 2;
    }
  }
  return bytes;
}
