/**
 * `reestr template -o FILE [--agency NAME] [--agency-genitive TEXT] [--agency-code CODE] [--units "A; B; C"]` — issue 4:
 * a blank register workbook with the same dropdowns and marks as the add-in makes, for LibreOffice, R7-Офис, МойОфис or
 * Excel without the add-in.
 */
import { promises as fs } from "fs";
import { writeLayoutToBuffer } from "../../adapters/xlsx/render-layout";
import { REGISTER_SHEET_NAME, buildTemplateLayout, templateGeometry } from "../../core/layout/template";
import { DEFAULT_SETTINGS, LIST_SEPARATOR, SettingsSchema, type Settings } from "../../core/settings";
import { cleanText } from "../../core/text";
import { parseArgs } from "../args";
import { EXIT_FAILURE, EXIT_OK, oneLineMessage, resolvePath, UsageError, type CliCommand } from "../io";

const USAGE = [
  'reestr template -o FILE [--agency NAME] [--agency-genitive TEXT] [--agency-code CODE] [--units "A; B; C"]',
  "",
  "Создаёт пустой реестр процессов (.xlsx) по форме приложения 1: 15 граф с нумерацией, обязательные графы отмечены «*»,",
  "выпадающие списки (группа процессов, процесс — только процессы выбранного направления, ответственное подразделение,",
  "статус, клиент, вид процесса, точка размещения), подсветка незаполненных обязательных граф. Списки и настройки — на",
  "скрытом листе «Справочники». Файл работает без надстройки: в Excel, LibreOffice, Р7-Офис, МойОфис.",
  "",
  "  -o, --output FILE          куда записать книгу (.xlsx)",
  "  --agency NAME              наименование органа",
  "  --agency-genitive TEXT     наименование органа в родительном падеже (входит в названия процессов 2.4–2.6, 4.1, 4.2)",
  "  --agency-code CODE         код органа для идентификаторов процессов",
  '  --units "A; B; C"          структурные подразделения через «;» (список для графы 7)',
  "",
  "Код выхода: 0 — файл записан; 2 — неверный вызов или файл не удалось записать.",
].join("\n");

/** Units typed as «A; B; C» (or one per line). */
export function splitUnits(text: string): string[] {
  return text
    .split(/[;\n]/)
    .map(cleanText)
    .filter((unit) => unit !== "");
}

export function settingsFromTemplateFlags(flags: { agency?: string; "agency-genitive"?: string; "agency-code"?: string; units?: string }): Settings {
  const settings: Settings = {
    ...DEFAULT_SETTINGS,
    agencyName: cleanText(flags.agency ?? ""),
    agencyGenitive: cleanText(flags["agency-genitive"] ?? ""),
    agencyCode: cleanText(flags["agency-code"] ?? ""),
    units: splitUnits(flags.units ?? ""),
  };
  const parsed = SettingsSchema.safeParse(settings);
  if (!parsed.success) throw new UsageError(`неверные настройки: ${parsed.error.issues[0]?.message ?? "ошибка"}`);
  return parsed.data;
}

export const templateCommand: CliCommand = {
  name: "template",
  summary: "создать пустой реестр с выпадающими списками и подсветкой обязательных граф",
  usage: USAGE,

  async run(argv, io) {
    const { flags } = parseArgs(argv, {
      flags: {
        output: { type: "string", short: "o" },
        agency: { type: "string" },
        "agency-genitive": { type: "string" },
        "agency-code": { type: "string" },
        units: { type: "string" },
      },
      positionals: { name: "FILE", min: 0, max: 0 },
    });
    const out = flags.output;
    if (!out?.trim()) throw new UsageError("не указан файл результата -o FILE");
    if (!/\.xlsx$/i.test(out)) throw new UsageError(`файл результата «${out}» должен иметь расширение .xlsx`);
    const settings = settingsFromTemplateFlags(flags);
    const layout = buildTemplateLayout(settings, { title: true });
    try {
      await fs.writeFile(resolvePath(io, out), await writeLayoutToBuffer(layout));
    } catch (error) {
      io.stderr(`reestr template: ${out}: не удалось записать файл: ${oneLineMessage(error)}\n`);
      return EXIT_FAILURE;
    }
    const geometry = templateGeometry();
    const lines = [
      `Шаблон реестра записан: ${out}, лист «${REGISTER_SHEET_NAME}», строки ${geometry.firstDataRow}–${geometry.lastDataRow} с выпадающими списками.`,
      settings.agencyName ? `Орган: ${settings.agencyName}.` : "Орган не указан: в названиях процессов — «органа власти» (задайте --agency-genitive).",
      settings.units.length
        ? `Подразделения (${settings.units.length}): ${settings.units.join(LIST_SEPARATOR)}.`
        : "Подразделения не указаны: в графе 7 можно вписать своё (задайте --units).",
    ];
    io.stdout(lines.join("\n") + "\n");
    return EXIT_OK;
  },
};
