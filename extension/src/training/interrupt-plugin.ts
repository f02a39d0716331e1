// Handles the stop button of training views: interrupts the kernel of the notebook or console
// whose output the button sits in (see interrupt.ts for the event).
import type { JupyterFrontEnd, JupyterFrontEndPlugin } from "@jupyterlab/application";
import type { ISessionContext } from "@jupyterlab/apputils";
import { IConsoleTracker } from "@jupyterlab/console";
import { INotebookTracker } from "@jupyterlab/notebook";
import { INTERRUPT_EVENT } from "./interrupt.js";

interface SessionWidget {
  node: HTMLElement;
  sessionContext: ISessionContext;
}

export const interruptPlugin: JupyterFrontEndPlugin<void> = {
  id: "@tensorbook/jupyterlab:interrupt",
  description: "Lets the training view's stop button interrupt the kernel.",
  autoStart: true,
  optional: [INotebookTracker, IConsoleTracker],
  activate: (
    _app: JupyterFrontEnd,
    notebooks: INotebookTracker | null,
    consoles: IConsoleTracker | null,
  ): void => {
    document.addEventListener(INTERRUPT_EVENT, (event) => {
      const target = event.target;
      if (!(target instanceof Node)) return;
      const owners: SessionWidget[] = [];
      notebooks?.forEach((w) => owners.push(w));
      consoles?.forEach((w) => owners.push(w));
      const owner = owners.find((w) => w.node.contains(target));
      const kernel = owner?.sessionContext.session?.kernel;
      if (!kernel) return;
      event.preventDefault();
      void kernel.interrupt();
    });
  },
};
