// The status bar item showing the compute backend of the current notebook's kernel. It asks the
// kernel (probe.ts) when a Tensorbook kernel becomes ready, after each restart, and after each run
// of user code (schedule.ts), so `tb.setDevice("cuda")` in a cell shows as the GPU.
import type { JupyterFrontEnd, JupyterFrontEndPlugin } from "@jupyterlab/application";
import type { ISessionContext } from "@jupyterlab/apputils";
import { INotebookTracker } from "@jupyterlab/notebook";
import type { Kernel } from "@jupyterlab/services";
import { IStatusBar } from "@jupyterlab/statusbar";
import { Signal } from "@lumino/signaling";
import { Widget } from "@lumino/widgets";
import { PROBE_CODE, PROBE_EXPRESSION, summarise } from "./probe.js";
import { ProbeSchedule } from "./schedule.js";

const isTensorbook = (
  kernel: Kernel.IKernelConnection | null | undefined,
): kernel is Kernel.IKernelConnection => !!kernel && /tensorbook/i.test(kernel.name);

async function probe(kernel: Kernel.IKernelConnection): Promise<ReturnType<typeof summarise>> {
  const future = kernel.requestExecute({
    code: PROBE_CODE,
    silent: true,
    store_history: false,
    user_expressions: { backend: PROBE_EXPRESSION },
    allow_stdin: false,
  });
  const reply = await future.done;
  const content = reply.content as { status: string; user_expressions?: Record<string, unknown> };
  return content.status === "ok" ? summarise(content.user_expressions?.backend) : null;
}

export const statusPlugin: JupyterFrontEndPlugin<void> = {
  id: "@tensorbook/jupyterlab:backend-status",
  description: "Shows the Tensorbook kernel's compute backend (CPU or GPU) in the status bar.",
  autoStart: true,
  requires: [INotebookTracker],
  optional: [IStatusBar],
  activate: (_app: JupyterFrontEnd, notebooks: INotebookTracker, statusBar: IStatusBar | null): void => {
    if (!statusBar) return;
    const item = new Widget();
    item.addClass("tb-BackendStatus");
    item.node.textContent = "";
    const cache = new Map<string, ReturnType<typeof summarise>>();
    const pending = new Set<string>();
    const schedule = new ProbeSchedule();
    // Kernels to ask again; their last answer stays shown meanwhile.
    const stale = new Set<string>();
    const changed = new Signal<Widget, void>(item);
    let shown: ISessionContext | null = null;

    const show = (kernel: Kernel.IKernelConnection | null | undefined) => {
      const s = kernel ? cache.get(kernel.id) : undefined;
      // undefined: not asked yet; null: the kernel did not say (an older engine, or an error).
      const label = s === undefined ? "backend: …" : s === null ? "backend: unknown" : s.label;
      item.node.textContent = isTensorbook(kernel) ? label : "";
      item.node.title = s ? s.detail : s === null ? "The kernel did not report its compute backend" : "";
    };
    const refresh = async (ctx: ISessionContext) => {
      const kernel = ctx.session?.kernel;
      show(kernel);
      if (!isTensorbook(kernel) || (cache.has(kernel.id) && !stale.has(kernel.id)) || pending.has(kernel.id))
        return;
      stale.delete(kernel.id);
      pending.add(kernel.id);
      schedule.started(kernel.id);
      try {
        cache.set(kernel.id, await probe(kernel));
      } catch {
        cache.set(kernel.id, null);
      } finally {
        pending.delete(kernel.id);
        schedule.finished(kernel.id);
      }
      if (ctx === shown) show(ctx.session?.kernel);
    };
    const onStatus = (ctx: ISessionContext) => {
      const kernel = ctx.session?.kernel;
      if (!kernel) return;
      // A restart keeps the kernel id but loses the engine state, and user code may have moved
      // work to another device: ask again once the kernel is idle (the old label stays shown).
      if (schedule.onStatus(kernel.id, kernel.status)) {
        stale.add(kernel.id);
        void refresh(ctx);
      } else if (kernel.status === "idle") void refresh(ctx);
    };
    const track = (ctx: ISessionContext | null) => {
      if (shown) {
        shown.kernelChanged.disconnect(refreshSlot);
        shown.statusChanged.disconnect(onStatus);
      }
      shown = ctx;
      changed.emit();
      if (!ctx) return show(null);
      ctx.kernelChanged.connect(refreshSlot);
      ctx.statusChanged.connect(onStatus);
      void ctx.ready.then(() => refresh(ctx));
    };
    const refreshSlot = (ctx: ISessionContext) => {
      changed.emit();
      void refresh(ctx);
    };

    notebooks.currentChanged.connect((_, panel) => track(panel?.sessionContext ?? null));
    track(notebooks.currentWidget?.sessionContext ?? null);
    statusBar.registerStatusItem("@tensorbook/jupyterlab:backend-status", {
      item,
      align: "left",
      rank: 4,
      isActive: () => isTensorbook(shown?.session?.kernel),
      activeStateChanged: changed,
    });
  },
};
