/**
 * `reestr template -o FILE [--agency NAME] [--agency-genitive TEXT] [--agency-code CODE] [--units "A; B; C"]` (docs/cli.md):
 * a blank register workbook with the same dropdowns and marks as the add-in makes, for LibreOffice, R7-Офис, МойОфис or
 * Excel without the add-in.
 */
import { writeLayoutLean } from "../../adapters/xlsx/lean-writer";
import { REGISTER_SHEET_NAME, buildTemplateLayout, templateGeometry } from "../../core/layout/template";
import { DEFAULT_SETTINGS, LIST_SEPARATOR, type Settings } from "../../core/settings";
import { applyAgencyFlags, type AgencyFlags } from "../settings-flags";
import { parseArgs } from "../args";
import { checkOutput, writeOutput } from "../file-safety";
import { EXIT_FAILURE, EXIT_OK, UsageError, type CliCommand } from "../io";

const USAGE = [
  'reestr template -o FILE [--agency NAME] [--agency-genitive TEXT] [--agency-code CODE] [--units "A; B; C"]',
  "",
  "Создает пустой реестр процессов (.xlsx) по форме приложения 1: 15 граф с нумерацией, обязательные графы отмечены «*»,",
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

export function settingsFromTemplateFlags(flags: AgencyFlags): Settings {
  return applyAgencyFlags({ ...DEFAULT_SETTINGS }, flags);
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
    if (!(await checkOutput("template", out, [], io))) return EXIT_FAILURE;
    if (!(await writeOutput("template", out, (await writeLayoutLean(layout)).bytes, io))) return EXIT_FAILURE;
    const geometry = templateGeometry();
    const lines = [
      `Шаблон реестра записан: ${out}, лист «${REGISTER_SHEET_NAME}», строки ${geometry.firstDataRow}–${geometry.lastDataRow} с выпадающими списками.`,
      settings.agencyName ? `Орган: ${settings.agencyName}.` : "Орган не указан: в названиях процессов — «органа власти» (задайте --agency-genitive).",
      settings.units.length
        ? `Подразделения (${settings.units.length}): ${settings.units.join(LIST_SEPARATOR)}.`
        : "Подразделения не указаны: в графе 7 можно вписать свое (задайте --units).",
    ];
    io.stdout(lines.join("\n") + "\n");
    return EXIT_OK;
  },
};
