/**
 * The working register of a workbook: a small module of its own, so readers such as the first screen's due dates find
 * it without loading the appendix's layouts (appendix-plan re-exports it).
 */
import { findRegister } from "./read-register";
import type { RegisterTable, SheetText } from "./register-types";
import { isGeneratedSheetName } from "./sheet-names";

/** The working register: the core's header finding over every sheet except the ones we generate. */
export function findWorkingRegister(sheets: readonly SheetText[]): RegisterTable | null {
  return findRegister(sheets.filter((sheet) => !isGeneratedSheetName(sheet.name)));
}
