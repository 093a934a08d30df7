/**
 * The in-memory workbook behind the host: synchronous, no Office semantics beyond Excel's own rules (names, limits,
 * coercion). Split along Excel's objects: model-types (data and limits), model-sheet, model-workbook, model-formulas.
 */
export * from "./model-types";
export * from "./model-sheet";
export * from "./model-workbook";
export * from "./model-formulas";
export { sameBox } from "./address";
