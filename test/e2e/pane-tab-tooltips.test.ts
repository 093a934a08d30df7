/**
 * The tabs' tooltips are fetched when the pointer or focus first reaches the tab row, not with the pane: a tab that had
 * the keyboard focus when they arrived keeps it, and hovering a tab then shows its full title.
 */
import { startPlayground, type Playground } from "./harness";
import { PANE } from "./pane-checks";

jest.setTimeout(240_000);

describe("the tabs' tooltips", () => {
  let playground: Playground;

  beforeAll(async () => {
    playground = await startPlayground({ query: { pane: "320" }, viewport: { width: 1100, height: 800 } });
    await playground.page.locator(PANE).getByRole("heading", { level: 1 }).waitFor();
  });

  afterAll(async () => {
    await playground?.close();
  });

  test("a tab focused from the keyboard keeps the focus when the tooltips arrive, and a hovered tab shows its full title", async () => {
    const { page } = playground;
    const tooltipChunks: string[] = [];
    page.on("response", (response) => {
      if (/tab-tooltip\.[0-9a-f]+\.js$/.test(new URL(response.url()).pathname)) tooltipChunks.push(response.url());
    });
    const mergeTab = page.locator(PANE).getByTestId("tab-merge");
    await mergeTab.focus();
    await page.waitForResponse((response) => /tab-tooltip\./.test(response.url())).catch(() => undefined);
    // The tab is remounted inside its tooltip: the focus must come back to it.
    await page.waitForFunction(() => document.activeElement?.getAttribute("data-testid") === "tab-merge");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("role"))).toBe("tab");

    await page.locator(PANE).getByTestId("tab-settings").hover();
    const tooltip = page.getByRole("tooltip").filter({ hasText: "Настройки" });
    await tooltip.waitFor({ state: "visible" });
    expect(tooltipChunks.length).toBeLessThanOrEqual(1);
  });
});
