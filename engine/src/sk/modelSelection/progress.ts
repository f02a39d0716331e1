/**
 * Live progress of long searches: in a notebook (a `display` hook is installed by the kernel as
 * `globalThis.__tensorbook_display__`) one output updated in place; elsewhere a line per tenth.
 */
interface DisplayHook {
  display(bundle: Record<string, string>, id: string): void;
  update(bundle: Record<string, string>, id: string): void;
}

/** A progress line with `update(done)` and `done()`. */
export interface Progress {
  update(done: number, detail?: string): void;
  done(): void;
}

let counter = 0;

/** Starts a progress display for `total` steps, announced by `title`. */
export function progress(title: string, total: number): Progress {
  const hook = (globalThis as { __tensorbook_display__?: DisplayHook }).__tensorbook_display__;
  const id = `tb-sk-progress-${++counter}`;
  const t0 = performance.now();
  const text = (done: number): string => {
    const width = 30;
    const filled = Math.round((done / total) * width);
    const secs = (performance.now() - t0) / 1000;
    return `${title}\n[${"=".repeat(filled)}${" ".repeat(width - filled)}] ${done}/${total} fits, ${secs.toFixed(1)}s`;
  };
  if (hook) hook.display({ "text/plain": text(0) }, id);
  else console.log(title);
  let lastTenth = 0;
  return {
    update(done, detail) {
      if (detail) console.log(detail);
      if (hook) hook.update({ "text/plain": text(done) }, id);
      else {
        const tenth = Math.floor((done * 10) / total);
        if (tenth > lastTenth) {
          lastTenth = tenth;
          console.log(text(done).split("\n")[1]);
        }
      }
    },
    done() {
      if (hook) hook.update({ "text/plain": text(total) }, id);
    },
  };
}
