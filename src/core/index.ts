/** The public API of the register core (pure TypeScript: no Office.js, no DOM, no Node). */
export type * from "./register-types";
export type * from "./layout/types";
export * from "./text";
export * from "./columns";
export * from "./typical-list";
export * from "./vocabularies";
export * from "./settings";
export * from "./catalog";
export * from "./read-register";
export * from "./rules";
export * from "./issue-views";
export * from "./fixes";
export * from "./check-marks";
export * from "./collection/stamp";
export * from "./collection/distribute";
export * from "./collection/round";
