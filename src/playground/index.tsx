/**
 * playground.html: the real task pane (left, 350 px; ?pane=320 for Excel's default width, ?theme=dark for Office's dark
 * themes, also switchable above the grid) running on Microsoft's office.js client (its Excel-on-the-web build,
 * loaded into a hidden iframe) against the simulated Excel host, and the simulated workbook drawn as a grid (right).
 * The client's Excel, Office and OfficeExtension become the page's globals before the pane renders.
 * `window.__sim` is the simulator, for browser tests and curious developers.
 */
import { FluentProvider, makeStyles, tokens, webLightTheme } from "@fluentui/react-components";
import { useState } from "react";
import { createRoot } from "react-dom/client";
import { excelApiLevel } from "../adapters/office/host";
import { createExcelSimulator } from "../simulator";
import { loadClientInFrame } from "../simulator/client/browser";
import { App } from "../taskpane/App";
import { playgroundStrings as t } from "./strings";
import { WorkbookView } from "./WorkbookView";
import type { PlaygroundSimulator } from "./workbook-model";

type Simulator = ReturnType<typeof createExcelSimulator>;

declare global {
  interface Window {
    __sim?: Simulator;
  }
}

/** ?api=1.8 imitates Office 2019; anything else the newest level the simulator knows. */
function apiChoiceFromUrl(): string {
  return new URLSearchParams(window.location.search).get("api") === "1.8" ? "1.8" : "newest";
}

/** ?pane=N sets the pane's width (240–600 px); Excel's default is 320. */
function paneWidthFromUrl(): number {
  const asked = Number(new URLSearchParams(window.location.search).get("pane"));
  return Number.isFinite(asked) && asked >= 240 && asked <= 600 ? asked : 350;
}

function darkFromUrl(): boolean {
  return new URLSearchParams(window.location.search).get("theme") === "dark";
}

function changeApiChoice(choice: string): void {
  const url = new URL(window.location.href);
  if (choice === "1.8") url.searchParams.set("api", "1.8");
  else url.searchParams.delete("api");
  window.location.assign(url.toString());
}

const useStyles = makeStyles({
  pane: {
    flexShrink: 0,
    height: "100%",
    borderRight: `1px solid ${tokens.colorNeutralStroke1}`,
    boxShadow: tokens.shadow4,
    zIndex: 1,
  },
  workbook: { flex: 1, minWidth: 0, height: "100%" },
});

function PlaygroundPage({ sim, apiChoice }: { sim: Simulator; apiChoice: string }) {
  const styles = useStyles();
  const [environment] = useState(() => ({ kind: "playground" as const, apiLevel: excelApiLevel(), platform: "Simulator" }));
  const [dark, setDark] = useState(darkFromUrl);
  return (
    // Layout in `style`: the provider's classes are copied onto portal mount nodes.
    <FluentProvider theme={webLightTheme} style={{ display: "flex", height: "100vh", overflow: "hidden" }}>
      <aside className={styles.pane} style={{ width: `${paneWidthFromUrl()}px` }} data-testid="taskpane">
        <App environment={environment} theme={dark ? "dark" : "light"} />
      </aside>
      <main className={styles.workbook}>
        <WorkbookView
          sim={sim as unknown as PlaygroundSimulator}
          apiChoice={apiChoice}
          onApiChoice={changeApiChoice}
          darkPane={dark}
          onDarkPane={setDark}
          syncCount={() => sim.stats.syncs}
        />
      </main>
    </FluentProvider>
  );
}

async function start(): Promise<void> {
  document.title = t.pageTitle;
  const apiChoice = apiChoiceFromUrl();
  const client = await loadClientInFrame("web");
  const sim = createExcelSimulator({ ...(apiChoice === "1.8" ? { apiVersion: "1.8" } : {}), client: "web", loadClient: () => client });
  sim.install(window);
  window.__sim = sim;
  const container = document.getElementById("root");
  if (container) createRoot(container).render(<PlaygroundPage sim={sim} apiChoice={apiChoice} />);
}

void start().catch((error: unknown) => {
  const container = document.getElementById("root");
  if (container) container.textContent = `${t.pageTitle}: ${error instanceof Error ? error.message : String(error)}`;
  throw error;
});
