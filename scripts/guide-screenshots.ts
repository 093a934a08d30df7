/**
 * `npm run guide:screenshots`: the user guide's pictures (docs/guide/*.png), taken in the playground at Excel's default
 * pane width (320 px) through the e2e harness, then help.html remade from the guide. The pictures are never edited by
 * hand: change the pane or this script and run it again.
 */
import fs from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { processLabel, typicalProcesses } from "../src/core/typical-list";
import { PROJECT_ROOT, startPlayground, type Playground } from "../test/e2e/harness";
import { PANE, PANE_SECTIONS, openSection, paneScreenshot, settle } from "../test/e2e/pane-checks";

const OUT = path.join(PROJECT_ROOT, "docs", "guide");
const REGISTER = "Реестр процессов";
const WAIT = { timeout: 60_000 };
const VIEWPORT = { width: 1000, height: 760 };

const section = (id: (typeof PANE_SECTIONS)[number]["id"]) => PANE_SECTIONS.find((s) => s.id === id)!;

async function shot(playground: Playground, name: string): Promise<void> {
  await settle(playground.page);
  // The pictures show the section, not a focus ring left by the last click.
  await playground.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const file = path.join(OUT, `${name}.png`);
  await paneScreenshot(playground.page, file);
  console.log(`docs/guide/${name}.png`);
}

function registerRow(values: Partial<Record<number, string>>): string[] {
  return Array.from({ length: 15 }, (_, i) => values[i + 1] ?? "");
}

async function lightTour(): Promise<void> {
  const playground = await startPlayground({ query: { pane: "320" }, viewport: VIEWPORT });
  const { page } = playground;
  try {
    await page.locator(PANE).getByTestId("first-run").waitFor(WAIT);
    await shot(playground, "start");

    await openSection(page, section("settings"));
    await page.locator(PANE).getByLabel("Код органа для идентификаторов").fill("АС");
    await page.locator(PANE).getByRole("button", { name: "Сохранить в книгу" }).click();
    await page.locator(PANE).getByText("Настройки сохранены", { exact: false }).first().waitFor(WAIT);
    await shot(playground, "settings");

    await openSection(page, section("template"));
    await page.locator(PANE).getByRole("button", { name: "Создать реестр по шаблону" }).click();
    await page.locator(PANE).getByText(`Лист «${REGISTER}» создан по шаблону.`).waitFor(WAIT);
    await shot(playground, "template");

    const process31 = processLabel(typicalProcesses().find((p) => p.code === "3.1")!);
    const rows = [
      registerRow({ 1: "АС-3.1-01", 2: "Рассмотрение обращений граждан", 3: "Рассмотрение обращений граждан", 6: process31, 7: "Отдел использования", 8: "Неизвестный статус", 9: "Внешний", 14: "Не цифровой" }),
      registerRow({ 3: "Прием запросов", 6: process31, 7: "Отдел использования", 9: "Внешний", 14: "Не цифровой" }),
    ];
    await playground.sim((sim, arg: { sheet: string; rows: string[][] }) => sim.userEdit(arg.sheet, "A5:O6", arg.rows, { paste: true }), { sheet: REGISTER, rows });
    await openSection(page, section("validation"));
    await page.locator(PANE).getByRole("button", { name: "Проверить реестр" }).click();
    await page.locator(PANE).getByTestId("validation-issue").first().waitFor(WAIT);
    await shot(playground, "validation");

    for (const id of ["merge", "appendix", "requests", "due"] as const) {
      await openSection(page, section(id));
      await shot(playground, id);
    }
  } finally {
    await playground.close();
  }
}

async function darkTour(): Promise<void> {
  const playground = await startPlayground({ query: { pane: "320", theme: "dark" }, viewport: VIEWPORT });
  try {
    await openSection(playground.page, section("settings"));
    await shot(playground, "settings-dark");
  } finally {
    await playground.close();
  }
}

async function main(): Promise<void> {
  fs.mkdirSync(OUT, { recursive: true });
  await lightTour();
  await darkTour();
  const help = spawnSync(process.execPath, [path.join(PROJECT_ROOT, "scripts", "guide-help.mjs")], { stdio: "inherit" });
  if (help.status !== 0) process.exit(help.status ?? 1);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack ?? error.message : String(error));
  process.exit(1);
});
