// The front-end plugins (JupyterLab's `extension` entry of this package).
import type { JupyterFrontEndPlugin } from "@jupyterlab/application";
import { coursePlugin } from "./course/plugin.js";
import { settingsPlugin } from "./settings/plugin.js";
import { statusPlugin } from "./status/plugin.js";
import { interruptPlugin } from "./training/interrupt-plugin.js";

const plugins: JupyterFrontEndPlugin<void>[] = [settingsPlugin, interruptPlugin, statusPlugin, coursePlugin];
export default plugins;
