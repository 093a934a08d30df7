/**
 * The documents that close the cycle: templates checked, `reestr notices` and `reestr order` writing .docx, and
 * LibreOffice converting them to PDF with the text read back (pdftotext).
 */
import { execFileSync } from "child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "fs";
import { join } from "path";
import { cliRunner } from "../support/cli-runner";
import { REGISTER_COLUMNS } from "../../src/core/columns";
import { checkTemplate, DEFAULT_TEMPLATES, fillTemplate } from "../../src/core/documents/templates";
import { buildWorkbook, validRows, writeWorkbook } from "../fixtures/register-data";
import { registerSheetRows, settingsSheetRows, tempDir } from "../appendix/helpers";
import { convertWith, sofficeAvailable } from "../support/libreoffice";

const dir = tempDir("reestr-documents-");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = cliRunner(dir);

const AGENCY = "Архивной службы Республики Северная Осетия-Алания";
const rows = validRows(3);
const LOG = [
  ["Журнал обращений"],
  ["№ п/п", "Инициатор", "Номер служебной записки", "Дата служебной записки", "Дата поступления", "Основание", "Идентификаторы процессов", "Содержание обращения", "Срок рассмотрения", "Статус", "Дата решения", "Дата информирования инициатора", "Причина отклонения"],
  ["1", "Отдел кадров", "12", "25.04.2025", "28.04.2025", "б", rows[0][0], "Уточнить результат", "", "учтено", "12.05.2025", "", ""],
  ["2", "Юридический отдел", "13", "", "28.04.2025", "в", rows[1][0], "", "", "отклонено", "13.05.2025", "", "процесс выполняется"],
  ["3", "Отдел информатизации", "14", "", "28.04.2025", "а", rows[2][0], "", "", "учтено", "12.05.2025", "13.05.2025", ""],
];

async function writeCycleWorkbook(name: string, options: { approved?: boolean; settings?: string[][] } = {}) {
  const approved = [["Утвержденный реестр процессов"], ["Номер приказа", "7"], ["Дата приказа", "15.05.2025"], ["Строк в реестре", "3"], [], REGISTER_COLUMNS.map((column) => column.title), ...rows];
  await writeWorkbook(
    buildWorkbook([
      { name: "Реестр процессов", rows: registerSheetRows(rows) },
      { name: "Справочники", rows: [...settingsSheetRows({ agencyGenitive: AGENCY, coordinator: "заместитель руководителя Иванова А. А.", appendixPaper: "A3" }), ["Место публикации реестра", "https://arhiv.example.ru/reestr"], ...(options.settings ?? [])] },
      { name: "Журнал обращений", rows: LOG },
      ...(options.approved === false ? [] : [{ name: "_Утвержденный реестр", rows: approved }]),
    ]),
    join(dir, name),
  );
}

describe("templates", () => {
  it("the default templates use only known placeholders; an unknown one is named with the allowed ones", () => {
    for (const kind of ["notice", "reply", "order"] as const) expect(checkTemplate(kind, DEFAULT_TEMPLATES[kind])).toEqual([]);
    expect(checkTemplate("notice", "Приказ {оргн} от {дата_приказа}")[0]).toMatch(/^неизвестная подстановка «\{оргн\}»; допустимы: \{орган\}/);
    expect(fillTemplate("А {орган}\n\nБ {номер_приказа}", { орган: "службы" })).toEqual(["А службы", "Б ____"]);
  });
});

describe("reestr notices and reestr order", () => {
  beforeAll(async () => {
    await writeCycleWorkbook("cycle.xlsx");
  });

  test("notices: the notice to units and a reply to each initiator decided and not yet informed", async () => {
    const result = await run("notices", "cycle.xlsx", "-o", "out");
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(readdirSync(join(dir, "out")).sort()).toEqual([
      "Извещение подразделениям об утверждении реестра.docx",
      "Ответ инициатору — Отдел кадров (строка 3).docx",
      "Ответ инициатору — Юридический отдел (строка 4).docx",
    ]);
  });

  test("order: the draft with the register as its appendix", async () => {
    const result = await run("order", "cycle.xlsx", "-o", "order/Проект приказа.docx");
    expect(result.code).toBe(0);
    expect(existsSync(join(dir, "order", "Проект приказа.docx"))).toBe(true);
  });

  test("bad input is one line and exit 2: no approved register, an unknown placeholder in a template", async () => {
    await writeCycleWorkbook("unapproved.xlsx", { approved: false });
    const unapproved = await run("notices", "unapproved.xlsx", "-o", "x");
    expect([unapproved.code, unapproved.stderr]).toEqual([2, "reestr notices: unapproved.xlsx: в книге нет утвержденного реестра: сначала сформируйте приложение к приказу окончательно (с номером и датой приказа)\n"]);
    await writeCycleWorkbook("typo.xlsx", { settings: [["Шаблон приказа", "Об утверждении реестра {оргaн}"]] });
    const typo = await run("order", "typo.xlsx", "-o", "typo.docx");
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/^reestr order: typo\.xlsx: шаблон приказа в настройках: неизвестная подстановка «\{оргaн\}»/);
    expect(typo.stderr.split("\n").filter(Boolean)).toHaveLength(1);
    expect(existsSync(join(dir, "typo.docx"))).toBe(false);
  });

  test("the register is never written over, and a write that cannot be done is one Russian line", async () => {
    await writeCycleWorkbook("own.xlsx");
    const before = readFileSync(join(dir, "own.xlsx"));
    const over = await run("order", "own.xlsx", "-o", "./own.xlsx");
    expect([over.code, over.stderr]).toEqual([2, "reestr order: ./own.xlsx: файл результата совпадает с входным файлом own.xlsx: запись уничтожила бы его; укажите другое имя (-o)\n"]);
    expect(readFileSync(join(dir, "own.xlsx")).equals(before)).toBe(true);
    mkdirSync(join(dir, "folder.docx"));
    const folder = await run("order", "own.xlsx", "-o", "folder.docx");
    expect([folder.code, folder.stderr]).toEqual([2, "reestr order: folder.docx: это папка: укажите имя файла результата (-o)\n"]);
    writeFileSync(join(dir, "plain"), "");
    const underFile = await run("order", "own.xlsx", "-o", "plain/order.docx");
    expect([underFile.code, underFile.stderr]).toEqual([2, "reestr order: plain/order.docx: не удалось записать файл: на месте папки для него лежит файл\n"]);
    const notices = await run("notices", "own.xlsx", "-o", "plain");
    expect([notices.code, notices.stderr]).toEqual([2, "reestr notices: plain: папку не удалось создать: на ее месте или на пути к ней лежит файл, а не папка\n"]);
    expect(readFileSync(join(dir, "plain"), "utf8")).toBe("");
  });

  (sofficeAvailable() ? test : test.skip)("LibreOffice opens every .docx: converted to PDF, the text read back", async () => {
    const pdfDir = join(dir, "pdf");
    const files = [...readdirSync(join(dir, "out")).map((name) => join(dir, "out", name)), join(dir, "order", "Проект приказа.docx")];
    const pdfs = convertWith(files, "pdf", pdfDir, { filter: "pdf:writer_pdf_Export" });
    const text = (name: string) => execFileSync("pdftotext", ["-layout", pdfs.find((pdf) => pdf.includes(name))!, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
    const notice = text("Извещение");
    expect(notice).toContain("Об утверждении реестра процессов");
    expect(notice).toContain("от 15.05.2025 № 7");
    expect(notice).toContain("https://arhiv.example.ru/reestr");
    const rejected = text("Юридический");
    expect(rejected).toContain("служебная записка № 13");
    expect(rejected).toContain("обращение отклонено");
    expect(rejected).toContain("Причина: процесс выполняется.");
    const order = text("Проект приказа");
    expect(order).toContain(`Об утверждении реестра межведомственных и внутриведомственных процессов ${AGENCY}`);
    expect(order).toContain("Контроль за исполнением настоящего приказа оставляю за собой");
    expect(order).toContain("Приложение 1 к приказу");
    for (const row of rows) expect(order).toContain(row[0]);
    // The letter on portrait A4, the appendix table on landscape A3 (the paper from the settings).
    const pages = execFileSync("pdfinfo", ["-f", "1", "-l", "2", pdfs.find((pdf) => pdf.includes("Проект приказа"))!], { encoding: "utf8" });
    const sizes = [...pages.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)].map((match) => [Math.round(Number(match[1])), Math.round(Number(match[2]))]);
    expect(sizes).toEqual([[595, 842], [1191, 842]]);
  });
});
