// Applies the user's settings (schema/settings.json) to the renderers, now and on every change.
import type { JupyterFrontEnd, JupyterFrontEndPlugin } from "@jupyterlab/application";
import { ISettingRegistry } from "@jupyterlab/settingregistry";
import { setLimits, type DataGridLimits, type TrainingViewLimits } from "../limits.js";

export const SETTINGS_ID = "@tensorbook/jupyterlab:settings";

export const settingsPlugin: JupyterFrontEndPlugin<void> = {
  id: SETTINGS_ID,
  description: "Limits of the training view and the data grid.",
  autoStart: true,
  requires: [ISettingRegistry],
  activate: async (_app: JupyterFrontEnd, registry: ISettingRegistry): Promise<void> => {
    const settings = await registry.load(SETTINGS_ID);
    const apply = () =>
      setLimits({
        trainingView: settings.composite.trainingView as Partial<TrainingViewLimits> | undefined,
        dataGrid: settings.composite.dataGrid as Partial<DataGridLimits> | undefined,
      });
    apply();
    settings.changed.connect(apply);
  },
};
