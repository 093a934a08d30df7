/**
 * Checks of the task pane as drawn in the playground, shared by the 320 px tests and the guide's screenshot script:
 * what overflows its box or the pane, what axe-core finds, which Latin words the visible text holds.
 */
import fs from "node:fs";
import type { Page } from "playwright-core";
import { PANE_LATIN_WORDS, foreignWords } from "../support/latin-words";

export const PANE = '[data-testid="taskpane"]';

/** The pane's sections: their id (data-section) and full title (the tab's accessible name). */
export const PANE_SECTIONS = [
  { id: "due", title: "Сроки" },
  { id: "template", title: "Шаблон" },
  { id: "validation", title: "Проверка" },
  { id: "merge", title: "Сведение файлов" },
  { id: "appendix", title: "Приложение к приказу" },
  { id: "requests", title: "Обращения" },
  { id: "settings", title: "Настройки" },
] as const;

export type PaneSectionId = (typeof PANE_SECTIONS)[number]["id"];

/** Opens a section by its tab and waits until it is shown and has stopped loading. */
export async function openSection(page: Page, section: (typeof PANE_SECTIONS)[number]): Promise<void> {
  await page.locator(PANE).getByRole("tab", { name: section.title, exact: true }).click();
  await page.locator(`[data-section="${section.id}"]:not([hidden])`).waitFor();
  // The open tab grows to show its word with a transition; measure once it has its final width (a tab that never fits
  // is still reported by paneOverflows).
  await page
    .waitForFunction(
      (pane) => {
        const tab = document.querySelector(`${pane} [role="tab"][aria-selected="true"]`) as HTMLElement | null;
        return Boolean(tab) && tab!.scrollWidth <= tab!.clientWidth + 1 && tab!.getAnimations({ subtree: true }).length === 0;
      },
      PANE,
      { timeout: 3_000 },
    )
    .catch(() => undefined);
  await settle(page);
}

/** Waits until no spinner is shown in the pane and the layout has had two frames to settle. */
export async function settle(page: Page): Promise<void> {
  await page.waitForFunction(
    (pane) => {
      const root = document.querySelector(pane);
      return Boolean(root) && [...root!.querySelectorAll('[role="progressbar"]')].every((el) => !(el as HTMLElement).offsetParent);
    },
    PANE,
    { timeout: 30_000 },
  );
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

export interface Overflow {
  element: string;
  problem: string;
}

/**
 * Visible elements of the pane whose content is wider than their box (text cut, a row pushed out) or that reach past
 * the pane's left or right edge. Scroll containers that scroll horizontally on purpose are reported too: the pane has
 * none at 320 px.
 */
export async function paneOverflows(page: Page): Promise<Overflow[]> {
  return page.evaluate((pane) => {
    const root = document.querySelector(pane) as HTMLElement | null;
    if (!root) return [{ element: pane, problem: "no pane" }];
    const paneBox = root.getBoundingClientRect();
    const describe = (el: Element) => {
      const id = el.id ? `#${el.id}` : "";
      const testId = el.getAttribute("data-testid") ? `[data-testid=${el.getAttribute("data-testid")}]` : "";
      const text = ((el as HTMLElement).innerText ?? "").replace(/\s+/g, " ").trim().slice(0, 40);
      return `${el.tagName.toLowerCase()}${id}${testId}${text ? ` «${text}»` : ""}`;
    };
    const shown = (el: Element): boolean => {
      const style = getComputedStyle(el);
      if (style.visibility === "hidden" || style.display === "none" || Number(style.opacity) === 0) return false;
      // Fluent's screen-reader-only and reserved-space helpers are clipped to nothing on purpose.
      if (style.clipPath !== "none" && style.clipPath !== "") return false;
      if (style.clip && style.clip !== "auto") return false;
      return (el as HTMLElement).offsetParent !== null || style.position === "fixed";
    };
    const found: { element: string; problem: string }[] = [];
    for (const el of root.querySelectorAll("*")) {
      if (!(el instanceof HTMLElement) && !(el instanceof SVGElement)) continue;
      if (el.closest("[hidden]") || !shown(el)) continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      if (box.right > paneBox.right + 1 || box.left < paneBox.left - 1) {
        found.push({ element: describe(el), problem: `reaches ${Math.round(box.left - paneBox.left)}…${Math.round(box.right - paneBox.left)} px of a ${Math.round(paneBox.width)} px pane` });
        continue;
      }
      // A field's own text scrolls inside it by design (its value is never cut, the caret reaches it).
      const field = el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement;
      if (el instanceof HTMLElement && !field && el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1) {
        const display = getComputedStyle(el).display;
        if (display === "inline") continue;
        found.push({ element: describe(el), problem: `content ${el.scrollWidth} px in a ${el.clientWidth} px box` });
      }
    }
    // An element past the edge also makes every ancestor report; the innermost ones say where the problem is.
    return found.filter((item, index) => found.findIndex((other) => other.element === item.element) === index);
  }, PANE);
}

/** Scrolling areas inside the pane other than the one main area. */
export async function nestedScrollAreas(page: Page): Promise<string[]> {
  return page.evaluate((pane) => {
    const root = document.querySelector(pane);
    if (!root) return ["no pane"];
    const areas: string[] = [];
    for (const el of root.querySelectorAll("*")) {
      if (!(el instanceof HTMLElement) || el.closest("[hidden]") || el.offsetParent === null) continue;
      // A multi-line field scrolls its own text by design.
      if (el instanceof HTMLTextAreaElement) continue;
      const style = getComputedStyle(el);
      const scrolls = (["auto", "scroll"].includes(style.overflowY) && el.scrollHeight > el.clientHeight + 1) ||
        (["auto", "scroll"].includes(style.overflowX) && el.scrollWidth > el.clientWidth + 1);
      if (scrolls) areas.push(`${el.tagName.toLowerCase()}${el.getAttribute("data-testid") ? `[data-testid=${el.getAttribute("data-testid")}]` : ""}${el.tagName === "MAIN" ? " (main)" : ""}`);
    }
    return areas.filter((area) => !area.endsWith("(main)"));
  }, PANE);
}

export interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/**
 * axe-core's serious and critical violations inside the pane. Tabster's focus sentinels (`<i tabindex=0 aria-hidden>`
 * with data-tabster-dummy, which Fluent places around lists and cards to steer focus) are Fluent's own machinery, not
 * our markup, and are left out.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => typeof (window as any).axe !== "undefined");
  if (!loaded) await page.addScriptTag({ content: fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8") });
  return page.evaluate(async (pane) => {
    const axe = (window as any).axe;
    const result = await axe.run({ include: [[pane]], exclude: [["[data-tabster-dummy]"]] }, { resultTypes: ["violations"] });
    return (result.violations as any[])
      .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
      .map((violation) => ({
        id: violation.id,
        impact: violation.impact,
        help: violation.help,
        targets: (violation.nodes as any[]).slice(0, 5).map((node) => `${node.target.join(" ")}: ${String(node.failureSummary ?? "").split("\n")[1] ?? ""}`),
      }));
  }, PANE);
}

/** Latin words in the pane's visible text outside the allowed list, with the line they stand in. */
export async function latinWords(page: Page): Promise<string[]> {
  const text = await page.locator(PANE).innerText();
  const offenders: string[] = [];
  for (const line of text.split("\n")) {
    const words = foreignWords(line, PANE_LATIN_WORDS, { cells: true, everyText: true });
    if (words.length) offenders.push(`«${line.trim().slice(0, 80)}»: ${[...new Set(words)].join(", ")}`);
  }
  return offenders;
}

/** Saves the pane alone (not the grid beside it) as a PNG. */
export async function paneScreenshot(page: Page, file: string): Promise<void> {
  await page.locator(PANE).screenshot({ path: file, animations: "disabled", caret: "hide" });
}
