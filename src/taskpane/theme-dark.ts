/** Fluent's dark theme, a chunk of its own: most panes are light, and its colour tokens would weigh on every start. */
export { webDarkTheme } from "@fluentui/react-components";
