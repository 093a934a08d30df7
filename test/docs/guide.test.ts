/**
 * The user guide: every picture it shows exists (taken by `npm run guide:screenshots`), it covers the clerk's and the
 * coordinator's paths, and help.html — what the pane's «Справка» opens — is exactly what the guide makes.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const ROOT = path.join(__dirname, "..", "..");
const GUIDE = fs.readFileSync(path.join(ROOT, "docs", "guide-ru.md"), "utf8");

describe("docs/guide-ru.md", () => {
  test("every picture it links exists in docs/guide, and every section of the pane has one", () => {
    const pictures = [...GUIDE.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((match) => match[1]);
    expect(pictures.filter((picture) => !fs.existsSync(path.join(ROOT, "docs", picture)))).toEqual([]);
    for (const name of ["start", "template", "validation", "merge", "appendix", "requests", "due", "settings", "settings-dark"]) {
      expect(pictures).toContain(`guide/${name}.png`);
    }
  });

  test("it walks the clerk (fill, check, fix, send) and the coordinator (settings to notices)", () => {
    const headings = [...GUIDE.matchAll(/^#{2,3} (.*)$/gm)].map((match) => match[1]);
    expect(headings).toEqual(
      expect.arrayContaining([
        "Сотруднику подразделения",
        "1. Заполнить реестр",
        "2. Проверить",
        "3. Исправить",
        "4. Отправить",
        "Ответственному за ведение реестра",
        "Настройки",
        "Сбор сведений от подразделений",
        "Сведение файлов",
        "Изменения и их основания",
        "Обращения и сроки",
        "Приложение к приказу: проект и утверждение",
        "Публикация",
        "Извещения и приказ",
      ]),
    );
  });

  test("src/taskpane/help.html is made from the guide, not edited by hand", () => {
    const check = spawnSync(process.execPath, [path.join(ROOT, "scripts", "guide-help.mjs"), "--check"], { encoding: "utf8" });
    expect(check.stderr).toBe("");
    expect(check.status).toBe(0);
    const help = fs.readFileSync(path.join(ROOT, "src", "taskpane", "help.html"), "utf8");
    expect(help).toContain('<h2 id="сотруднику-подразделения">Сотруднику подразделения</h2>');
    // Pictures travel inside the page: help.html fetches nothing.
    expect(help).not.toMatch(/<img src="(?!data:image\/png;base64,)/);
    expect(help).not.toMatch(/https?:\/\//);
  });
});
