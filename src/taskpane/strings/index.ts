/** Every user-facing string of the task pane, one module per section. */
import { appendix } from "./appendix";
import { common } from "./common";
import { merge } from "./merge";
import { settings } from "./settings";
import { template } from "./template";
import { validation } from "./validation";
import { due, requests } from "./requests";

export { appendix, common, due, merge, requests, settings, template, validation };

export const strings = { common, template, validation, merge, appendix, settings, due, requests } as const;
