/**
 * Entry of taskpane.html. office.js is loaded before this bundle from the add-in's own origin; we wait for
 * Office.onReady, then render the pane inside Excel or a Russian explanation elsewhere.
 */
import { excelApiLevel } from "../adapters/office/host";
import type { PaneEnvironment } from "./environment";
import { mountMessage, mountPane } from "./mount";
import { common } from "./strings";

/** office.js may never call back when the page is opened outside Office in some browsers; don't wait forever. */
const OFFICE_READY_TIMEOUT_MS = 10_000;

async function detectEnvironment(): Promise<PaneEnvironment | null> {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") return null;
  const info = await Promise.race([
    Office.onReady(),
    new Promise<null>((resolve) => setTimeout(() => resolve(null), OFFICE_READY_TIMEOUT_MS)),
  ]);
  const host = info?.host ?? null;
  if (host !== Office.HostType.Excel) return { kind: "outside", apiLevel: "", platform: "" };
  return { kind: "excel", apiLevel: excelApiLevel(), platform: String(info?.platform ?? "") };
}

function start(): void {
  const container = document.getElementById("root");
  if (!container) return;
  detectEnvironment().then(
    (environment) => {
      if (environment) mountPane(container, environment);
      else mountMessage(container, common.officeNotLoaded);
    },
    () => mountMessage(container, common.officeNotLoaded),
  );
}

start();
