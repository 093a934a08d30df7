/** Where a worksheet method's address argument points: shared by the worksheet, its page layout and its charts. */
import { type Box, MAX_COLUMNS, MAX_ROWS, parseBox, splitSheet } from "./address";
import { ErrorCodes, officeError } from "./errors";
import type { SimSheet } from "./model";

/** A range on `sheet` from an address, a sheet-qualified address or a defined name. */
export function resolveAddress(sheet: SimSheet, address: string | undefined, location: string): Box {
  if (address === undefined || address === "") return { r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: MAX_COLUMNS - 1 };
  const { sheet: sheetName, reference } = splitSheet(address);
  if (sheetName !== undefined && sheetName.toLocaleLowerCase() !== sheet.name.toLocaleLowerCase()) {
    throw officeError(ErrorCodes.invalidArgument, `«${address}» is not on the worksheet «${sheet.name}».`, location);
  }
  const box = parseBox(reference);
  if (box) return box;
  const named = sheet.workbook.resolveReference(reference, sheet);
  if (named && named.sheet === sheet) return named.box;
  throw officeError(ErrorCodes.invalidArgument, `«${address}» is not a valid address on «${sheet.name}».`, location);
}
