/**
 * The pane at Excel's default task-pane width (320 px), in Office's light and dark themes, section by section: nothing
 * overflows its box or the pane, the open section's heading takes the focus, only one area scrolls, axe-core finds no
 * serious or critical violation, and the visible text holds no Latin words but formats and program names.
 * A fresh workbook (no settings) opens on «С чего начать», whose steps open their sections.
 */
import { startPlayground, type Playground } from "./harness";
import {
  PANE,
  PANE_SECTIONS,
  axeViolations,
  latinWords,
  nestedScrollAreas,
  openSection,
  paneOverflows,
  settle,
} from "./pane-checks";

jest.setTimeout(240_000);

for (const theme of ["light", "dark"] as const) {
  describe(`the pane at 320 px, ${theme} theme`, () => {
    let playground: Playground;

    beforeAll(async () => {
      playground = await startPlayground({ query: { pane: "320", theme }, viewport: { width: 1100, height: 800 } });
      await playground.page.locator(PANE).getByRole("heading", { level: 1 }).waitFor();
    });

    afterAll(async () => {
      await playground?.close();
    });

    test("the pane is 320 px wide and drawn in the chosen theme", async () => {
      const { page } = playground;
      const width = await page.locator(PANE).evaluate((el) => Math.round(el.getBoundingClientRect().width));
      expect(width).toBeLessThanOrEqual(321);
      // The pane's own background: dark themes paint it near black, light ones near white.
      const lightness = await page.locator(`${PANE} main`).evaluate((el) => {
        let node: Element | null = el;
        while (node) {
          const color = getComputedStyle(node).backgroundColor;
          const match = /rgba?\((\d+), (\d+), (\d+)(?:, ([\d.]+))?\)/.exec(color);
          if (match && (match[4] === undefined || Number(match[4]) > 0)) return (Number(match[1]) + Number(match[2]) + Number(match[3])) / 3;
          node = node.parentElement;
        }
        return 255;
      });
      if (theme === "dark") expect(lightness).toBeLessThan(80);
      else expect(lightness).toBeGreaterThan(200);
    });

    test("a workbook without settings opens on «С чего начать», and its first step opens «Настройки»", async () => {
      const { page } = playground;
      const card = page.locator(PANE).getByTestId("first-run");
      await card.getByRole("heading", { name: "С чего начать" }).waitFor();
      await settle(page);
      expect(await paneOverflows(page)).toEqual([]);
      expect(await axeViolations(page)).toEqual([]);
      expect(await latinWords(page)).toEqual([]);
      await card.getByRole("button", { name: "Настройки" }).click();
      await page.locator('[data-section="settings"]:not([hidden])').waitFor();
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("H2");
    });

    for (const section of PANE_SECTIONS) {
      test(`«${section.title}»: fits 320 px, focus on its heading, one scroll area, axe clean, no Latin words`, async () => {
        const { page } = playground;
        await openSection(page, section);
        const focused = await page.evaluate(() => ({
          tag: document.activeElement?.tagName ?? "",
          text: (document.activeElement as HTMLElement | null)?.innerText ?? "",
          section: document.activeElement?.closest("[data-section]")?.getAttribute("data-section") ?? "",
        }));
        expect(focused).toEqual({ tag: "H2", text: expect.stringContaining(section.title), section: section.id });
        // Headings in order: the pane's h1, then h2 before any h3.
        const levels = await page.locator(`${PANE} h1, ${PANE} [data-section="${section.id}"] :is(h2, h3, h4)`).evaluateAll((els) =>
          els.filter((el) => (el as HTMLElement).offsetParent !== null).map((el) => Number(el.tagName.slice(1))),
        );
        expect(levels[0]).toBe(1);
        for (let i = 1; i < levels.length; i++) expect(levels[i] - levels[i - 1]).toBeLessThanOrEqual(1);
        expect(await paneOverflows(page)).toEqual([]);
        expect(await nestedScrollAreas(page)).toEqual([]);
        expect(await axeViolations(page)).toEqual([]);
        expect(await latinWords(page)).toEqual([]);
        await playground.screenshot(`pane-320-${theme}-${section.id}`);
        expect(playground.pageErrors.filter((message) => !/favicon/.test(message))).toEqual([]);
      });
    }
  });
}
