/** Renders the pane (or the "not in Excel" page) into a DOM element; shared by taskpane.html and the playground. */
import { Body1, FluentProvider, Link, MessageBar, MessageBarBody, MessageBarTitle, webLightTheme } from "@fluentui/react-components";
import { createRoot, type Root } from "react-dom/client";
import { App } from "./App";
import type { PaneEnvironment } from "./environment";
import { common } from "./strings";

export function mountPane(container: HTMLElement, environment: PaneEnvironment): Root {
  const root = createRoot(container);
  root.render(environment.kind === "outside" ? <OutsideExcel /> : <App environment={environment} />);
  return root;
}

export function mountMessage(container: HTMLElement, text: string): Root {
  const root = createRoot(container);
  root.render(
    <FluentProvider theme={webLightTheme} style={{ padding: 16 }}>
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{common.appName}</MessageBarTitle>
          {text}
        </MessageBarBody>
      </MessageBar>
    </FluentProvider>,
  );
  return root;
}

function OutsideExcel() {
  return (
    <FluentProvider theme={webLightTheme} style={{ padding: 16, display: "flex", flexDirection: "column", gap: 12 }}>
      <h1 style={{ margin: 0, fontSize: 20 }}>{common.appName}</h1>
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{common.notInExcelTitle}</MessageBarTitle>
          {common.notInExcelText}
        </MessageBarBody>
      </MessageBar>
      <Body1>
        <Link href="playground.html">{common.playgroundLink}</Link>
      </Body1>
    </FluentProvider>
  );
}
