// The course launcher: a "Tensorbook" launcher section and a side panel with the chapter
// notebooks, commands to open a learner's copy and to reset it to the original.
import { ILabShell, type JupyterFrontEnd, type JupyterFrontEndPlugin } from "@jupyterlab/application";
import { Dialog, ICommandPalette, showDialog, showErrorMessage } from "@jupyterlab/apputils";
import { ILauncher } from "@jupyterlab/launcher";
import { INotebookTracker } from "@jupyterlab/notebook";
import { LabIcon } from "@jupyterlab/ui-components";
import { originalPathFor, type CourseEntry } from "./catalog.js";
import { copyOriginal, ensureCopy, loadCatalog } from "./copies.js";
import { CoursePanel } from "./panel.js";

export const COMMANDS = {
  open: "tensorbook:open-chapter",
  reset: "tensorbook:reset-notebook",
  show: "tensorbook:show-course",
} as const;

const icon = new LabIcon({
  name: "tensorbook:logo",
  svgstr:
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><rect class="jp-icon3" fill="#616161" x="2" y="2" width="20" height="20" rx="4"/><path fill="#fff" d="M6 7h12v2.5h-4.7V18h-2.6V9.5H6z"/></svg>',
});

export const coursePlugin: JupyterFrontEndPlugin<void> = {
  id: "@tensorbook/jupyterlab:course",
  description: "The chapter notebooks in the launcher and a side panel; learners work on their own copies.",
  autoStart: true,
  optional: [ILabShell, ILauncher, ICommandPalette, INotebookTracker],
  activate: (
    app: JupyterFrontEnd,
    shell: ILabShell | null,
    launcher: ILauncher | null,
    palette: ICommandPalette | null,
    notebooks: INotebookTracker | null,
  ): void => {
    const contents = app.serviceManager.contents;

    app.commands.addCommand(COMMANDS.open, {
      label: (args) => (typeof args.title === "string" ? args.title : "Open a course notebook"),
      caption: (args) =>
        typeof args.description === "string" ? args.description : "Open your copy of a chapter notebook",
      icon,
      execute: async (args) => {
        const path = String(args.path ?? "");
        try {
          const copy = await ensureCopy(contents, path);
          return await app.commands.execute("docmanager:open", { path: copy, factory: "Notebook" });
        } catch (e) {
          await showErrorMessage("Cannot open the notebook", e as Error);
        }
      },
    });

    app.commands.addCommand(COMMANDS.reset, {
      label: "Reset this notebook to the course original",
      caption: "Replace your copy with the original chapter notebook (your edits are lost)",
      isEnabled: () =>
        !!notebooks?.currentWidget && originalPathFor(notebooks.currentWidget.context.path) !== null,
      execute: async () => {
        const panel = notebooks?.currentWidget;
        const original = panel ? originalPathFor(panel.context.path) : null;
        if (!panel || !original) return;
        const answer = await showDialog({
          title: "Reset this notebook?",
          body: `Your copy ${panel.context.path} will be replaced by ${original}. Your changes are lost.`,
          buttons: [Dialog.cancelButton(), Dialog.warnButton({ label: "Reset" })],
        });
        if (!answer.button.accept) return;
        try {
          await copyOriginal(contents, original, panel.context.path);
          await panel.context.revert();
          // The outputs are gone, so the old scroll position may lie past the end: go to the top.
          panel.content.activeCellIndex = 0;
          const first = panel.content.widgets[0];
          if (first) await panel.content.scrollToCell(first, "start");
        } catch (e) {
          await showErrorMessage("Cannot reset the notebook", e as Error);
        }
      },
    });
    palette?.addItem({ command: COMMANDS.reset, category: "Tensorbook" });

    const open = (entry: CourseEntry) =>
      void app.commands.execute(COMMANDS.open, {
        path: entry.path,
        title: entry.title,
        description: entry.description,
      });
    const panel = new CoursePanel(open);
    panel.title.icon = icon;
    if (shell) {
      shell.add(panel, "left", { rank: 150 });
      app.commands.addCommand(COMMANDS.show, {
        label: "Show the Tensorbook course",
        execute: () => shell.activateById(panel.id),
      });
      palette?.addItem({ command: COMMANDS.show, category: "Tensorbook" });
    }

    void app.restored
      .then(() => loadCatalog(contents))
      .then((entries) => {
        panel.setEntries(entries);
        entries.forEach((entry, rank) =>
          launcher?.add({
            command: COMMANDS.open,
            args: { path: entry.path, title: entry.title, description: entry.description },
            category: "Tensorbook",
            rank,
          }),
        );
      });
  },
};
