/**
 * Loads Microsoft's office.js Excel client in the browser into a hidden same-origin iframe: a fresh global scope of its
 * own, as a vm context is in Node, so the page's `Excel`/`Office` are the client's and nothing else of the page leaks in.
 * The files are the ones the build copies from @microsoft/office-js next to the page (the minified builds of the same
 * client the Node tests load in their debug form).
 */
import type { ClientBuild, ClientGlobals } from "./wire";

const BROWSER_FILES: Record<ClientBuild, string> = { win32: "excel-win32-16.01.js", web: "excel-web-16.00.js" };

export function loadClientInFrame(build: ClientBuild, baseUrl = "./"): Promise<ClientGlobals> {
  return new Promise((resolve, reject) => {
    const frame = document.createElement("iframe");
    frame.title = "office.js";
    frame.setAttribute("aria-hidden", "true");
    frame.style.display = "none";
    document.body.appendChild(frame);
    const scope = frame.contentWindow as unknown as Window & ClientGlobals;
    const script = scope.document.createElement("script");
    script.src = new URL(BROWSER_FILES[build], new URL(baseUrl, window.location.href)).toString();
    script.onload = () => {
      if (!scope.Excel || !scope.OSF) reject(new Error(`office.js (${BROWSER_FILES[build]}) loaded without Excel`));
      else resolve(scope);
    };
    script.onerror = () => reject(new Error(`office.js (${BROWSER_FILES[build]}) could not be loaded`));
    scope.document.head.appendChild(script);
  });
}
