/**
 * What the host Excel can do, asked at run time. The manifest requires ExcelApi 1.8 (Office 2019); anything newer is
 * feature-detected here so code paths can be skipped with a note instead of failing.
 */

import { compareApiVersions } from "../../excel-facts/api-version";

export { compareApiVersions };

/** The newest ExcelApi minor version we probe for; raise it when Microsoft publishes newer sets. */
const NEWEST_PROBED_MINOR = 20;

interface RequirementsLike {
  isSetSupported(name: string, version?: string): boolean;
}

function officeRequirements(): RequirementsLike | null {
  const office = (globalThis as { Office?: { context?: { requirements?: RequirementsLike } } }).Office;
  return office?.context?.requirements ?? null;
}

/** True when the host supports ExcelApi `version` (e.g. "1.9"); false outside Office. */
export function supportsExcelApi(version: string): boolean {
  const requirements = officeRequirements();
  if (!requirements) return false;
  try {
    return requirements.isSetSupported("ExcelApi", version) === true;
  } catch {
    return false;
  }
}

/** The highest ExcelApi 1.x the host supports, e.g. "1.8"; "" outside Excel. */
export function excelApiLevel(): string {
  let level = "";
  for (let minor = 1; minor <= NEWEST_PROBED_MINOR; minor++) {
    const version = `1.${minor}`;
    if (!supportsExcelApi(version)) break;
    level = version;
  }
  return level;
}

/** The minimum the manifest declares. */
export const MINIMUM_EXCEL_API = "1.8";

/**
 * Which ExcelApi versions to use: the caller's `supports` (tests), else everything up to `apiLevel`, else what the host
 * says, else (outside Office) the manifest's minimum.
 */
export function supportsFromOptions(options: { supports?: (version: string) => boolean; apiLevel?: string }): (version: string) => boolean {
  if (options.supports) return options.supports;
  if (options.apiLevel) {
    const level = options.apiLevel;
    return (version) => compareApiVersions(level, version) >= 0;
  }
  const requirements = officeRequirements();
  if (requirements) return (version) => requirements.isSetSupported("ExcelApi", version);
  return (version) => compareApiVersions(MINIMUM_EXCEL_API, version) >= 0;
}
