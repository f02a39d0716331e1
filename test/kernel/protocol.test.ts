// The kernel driven by a Node zeromq client: interrupts, heartbeats while busy, executor crashes,
// badly signed messages, and the order of outputs. Every wait is for a message, with a timeout.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { JupyterMessage, LaunchedKernel } from "@tensorbook/kernel";
import { ensureBuilt } from "./helpers.js";

let kernel: LaunchedKernel;

const outputs = (iopub: JupyterMessage[]) =>
  iopub.filter((m) => !["status", "execute_input"].includes(m.header.msg_type));
const resultText = (iopub: JupyterMessage[]) =>
  (
    iopub.find((m) => m.header.msg_type === "execute_result")?.content.data as
      Record<string, string> | undefined
  )?.["text/plain"];

// Starts a cell and resolves once the kernel has begun it.
async function startCell(code: string): Promise<{ id: string; since: number }> {
  const since = kernel.client.iopubLog.length;
  const id = kernel.client.startExecute(code);
  await kernel.client.waitIopub(
    (m) => m.parent_header.msg_id === id && m.header.msg_type === "execute_input",
    30_000,
    since,
  );
  return { id, since };
}

// Waits for the first stream text a cell prints (the sign that its code is running).
function firstOutput(id: string, since: number) {
  return kernel.client.waitIopub(
    (m) => m.parent_header.msg_id === id && m.header.msg_type === "stream",
    30_000,
    since,
  );
}

describe("the kernel over zeromq", () => {
  before(async () => {
    ensureBuilt();
    const { launchKernel } = await import("@tensorbook/kernel");
    kernel = await launchKernel();
  });
  after(async () => {
    if (process.env.TENSORBOOK_KERNEL_LOG) console.error(kernel?.log());
    await kernel?.stop();
  });

  test("kernel_info describes a TypeScript kernel speaking protocol 5.3", async () => {
    const reply = await kernel.client.request("shell", "kernel_info_request");
    assert.equal(reply.content.protocol_version, "5.3");
    const info = reply.content.language_info as Record<string, unknown>;
    assert.equal(info.name, "typescript");
    assert.equal(info.file_extension, ".ts");
  });

  test("the heartbeat and control answer while a cell busy-loops; an interrupt stops it and keeps the variables", async () => {
    await kernel.client.execute("let kept = 41;");
    const { id, since } = await startCell('console.log("looping"); let spins = 0; while (true) { spins++; }');
    await firstOutput(id, since);
    for (let i = 0; i < 3; i++) assert.ok((await kernel.client.ping()) >= 0);
    const info = await kernel.client.request("control", "kernel_info_request");
    assert.equal(info.content.status, "ok");
    const interrupt = await kernel.client.request("control", "interrupt_request");
    assert.equal(interrupt.content.status, "ok");
    const { reply, iopub } = await kernel.client.finishExecute(id, 30_000, since);
    assert.equal(reply.content.status, "error");
    assert.equal(reply.content.ename, "KeyboardInterrupt");
    assert.equal(outputs(iopub).filter((m) => m.header.msg_type === "error").length, 1);
    const after = await kernel.client.execute("[kept + 1, spins > 0]");
    assert.equal(resultText(after.iopub), "[ 42, true ]");
  });

  test("an interrupt stops a busy loop that runs after an await", async () => {
    const { id, since } = await startCell('await Promise.resolve(); console.log("go"); while (true) {}');
    await firstOutput(id, since);
    await kernel.client.request("control", "interrupt_request");
    const { reply } = await kernel.client.finishExecute(id, 30_000, since);
    assert.equal(reply.content.ename, "KeyboardInterrupt");
  });

  test("an interrupt stops an awaited async loop, which then stays stopped", async () => {
    const { id, since } = await startCell(
      'let ticks = 0; console.log("go"); while (true) { await new Promise((r) => setTimeout(r, 5)); ticks++; }',
    );
    await firstOutput(id, since);
    await kernel.client.request("control", "interrupt_request");
    const { reply } = await kernel.client.finishExecute(id, 30_000, since);
    assert.equal(reply.content.ename, "KeyboardInterrupt");
    // The loop's next await threw: ticks no longer move.
    const check = await kernel.client.execute(
      "const before = ticks; await new Promise((r) => setTimeout(r, 50)); ticks === before",
    );
    assert.equal(resultText(check.iopub), "true");
  });

  test("SIGINT to the kernel process interrupts the running cell (interrupt_mode signal)", async () => {
    const { id, since } = await startCell('console.log("go"); while (true) {}');
    await firstOutput(id, since);
    kernel.process.kill("SIGINT");
    const { reply } = await kernel.client.finishExecute(id, 30_000, since);
    assert.equal(reply.content.ename, "KeyboardInterrupt");
  });

  test("outputs arrive in the order they were written, streams attributed to their cell", async () => {
    const { reply, iopub } = await kernel.client.execute(
      'console.log("a"); display("b"); console.error("c"); console.log("d"); "e"',
    );
    assert.equal(reply.content.status, "ok");
    const seen = outputs(iopub).map((m) => {
      const c = m.content as Record<string, unknown>;
      return m.header.msg_type === "stream"
        ? `${c.name}:${c.text}`
        : `${m.header.msg_type}:${(c.data as Record<string, string>)["text/plain"]}`;
    });
    assert.deepEqual(seen, [
      "stdout:a\n",
      "display_data:'b'",
      "stderr:c\n",
      "stdout:d\n",
      "execute_result:'e'",
    ]);
    const busy = iopub[0];
    assert.equal(busy.content.execution_state, "busy");
    assert.equal(iopub.at(-1)?.content.execution_state, "idle");

    // A timer set by one cell writes into that cell even after the next cell has started.
    const first = await kernel.client.execute('setTimeout(() => console.log("late"), 20); "scheduled"');
    const firstId = first.reply.parent_header.msg_id as string;
    await kernel.client.execute("await new Promise((r) => setTimeout(r, 100));");
    const late = await kernel.client.waitIopub(
      (m) => m.header.msg_type === "stream" && m.content.text === "late\n",
      30_000,
      0,
    );
    assert.equal(late.parent_header.msg_id, firstId);
  });

  test("display ids update outputs in place and clearOutput clears", async () => {
    const { iopub } = await kernel.client.execute(
      'const h = display("0%", { displayId: true }); h.update("100%"); clearOutput(true);',
    );
    const [shown, updated, cleared] = outputs(iopub);
    assert.equal(shown.header.msg_type, "display_data");
    assert.equal(updated.header.msg_type, "update_display_data");
    const id = (shown.content.transient as Record<string, string>).display_id;
    assert.ok(id);
    assert.equal((updated.content.transient as Record<string, string>).display_id, id);
    assert.equal((updated.content.data as Record<string, string>)["text/plain"], "'100%'");
    assert.deepEqual(cleared.content, { wait: true });
  });

  test("prompt() asks the front end with input_request", async () => {
    kernel.client.onInput = (prompt) => `answer to ${prompt}`;
    const { iopub } = await kernel.client.execute('prompt("q?")');
    assert.equal(resultText(iopub), "'answer to q?'");
  });

  test("a failing cell with stop_on_error aborts the cells queued behind it", async () => {
    const since = kernel.client.iopubLog.length;
    const failing = kernel.client.startExecute('throw new Error("stop here")');
    const queued = kernel.client.startExecute('"should not run"');
    const first = await kernel.client.finishExecute(failing, 30_000, since);
    assert.equal(first.reply.content.status, "error");
    const second = await kernel.client.finishExecute(queued, 30_000, since);
    assert.equal(second.reply.content.status, "aborted");
    assert.equal(resultText(second.iopub), undefined);
  });

  test("user_expressions are evaluated after the cell", async () => {
    const { reply } = await kernel.client.execute("const ux = 6;", {
      user_expressions: { double: "ux * 2", broken: "ux +" },
    });
    const ue = reply.content.user_expressions as Record<string, Record<string, unknown>>;
    assert.deepEqual(ue.double, { status: "ok", data: { "text/plain": "12" }, metadata: {} });
    assert.equal(ue.broken.status, "error");
  });

  test("messages with a bad or missing signature are dropped and logged, never executed", async () => {
    const client = kernel.client;
    const bad = client.frames(
      "execute_request",
      {
        code: "globalThis.forged = 1",
        silent: false,
        store_history: true,
        user_expressions: {},
        allow_stdin: false,
        stop_on_error: true,
      },
      "wrong key",
    );
    await client.sendFrames("shell", bad.frames);
    const unsigned = client.frames("kernel_info_request", {});
    unsigned.frames[unsigned.frames.findIndex((f) => f.toString() === "<IDS|MSG>") + 1] = Buffer.from("");
    await client.sendFrames("shell", unsigned.frames);
    // Shell requests are handled in order: once this answers, the two above were dealt with.
    const { iopub } = await client.execute("typeof globalThis.forged");
    assert.equal(resultText(iopub), "'undefined'");
    assert.equal(
      client.iopubLog.some(
        (m) => m.parent_header.msg_id === bad.msgId || m.parent_header.msg_id === unsigned.msgId,
      ),
      false,
    );
    assert.match(kernel.log(), /dropped a message on shell: bad signature/);
    assert.match(kernel.log(), /dropped a message on shell: missing signature/);
  });

  test("tracebacks point at the cell's own lines, with the kernel's frames left out", async () => {
    const { reply } = await kernel.client.execute("function f(a: any) {\n  return a.b.c;\n}\nf({});");
    const tb = (reply.content.traceback as string[]).join("\n");
    assert.match(tb, /Cell In\[\d+\], line 2, column \d+, in f/);
    assert.match(tb, /Cell In\[\d+\], line 4, column 1/);
    assert.doesNotMatch(tb, /executor|node:internal/);
  });

  test("magics: %env, %who, %reset, %timeit, %%time", async () => {
    const text = async (code: string) =>
      outputs((await kernel.client.execute(code)).iopub)
        .map((m) =>
          String(
            m.content.text ?? (m.content.data as Record<string, string> | undefined)?.["text/plain"] ?? "",
          ),
        )
        .join("");
    assert.equal(await text("%env TB_MAGIC=yes"), "env: TB_MAGIC=yes\n");
    assert.equal(await text("process.env.TB_MAGIC"), "'yes'");
    await kernel.client.execute("%reset");
    await kernel.client.execute("const alpha = 1;\nfunction beta() {}");
    assert.equal(await text("%who"), "alpha\tbeta\n");
    assert.match(await text("%reset"), /^Deleted 2 variables\.\n$/);
    assert.equal(await text("%who"), "Interactive namespace is empty.\n");
    assert.match(
      await text("%timeit -n 5 -r 2 Math.sqrt(2)"),
      /(?:^|\n)\S+ .?s ± \S+ .?s per loop \(mean ± std\. dev\. of 2 runs, 5 loops each\)\n$/,
    );
    assert.match(
      await text("%%time\nconst t = 6 * 7;\nt"),
      /^CPU times: user .+, sys: .+, total: .+\nWall time: .+\n42$/,
    );
  });

  test("%strict on makes type errors stop cells; otherwise they are warnings", async () => {
    const warned = await kernel.client.execute('const w: number = "x";');
    assert.equal(warned.reply.content.status, "ok");
    assert.ok(
      outputs(warned.iopub).some(
        (m) => m.content.name === "stderr" && /warning TS2322/.test(String(m.content.text)),
      ),
    );
    await kernel.client.execute("%strict on");
    const stopped = await kernel.client.execute("const s: string = 1;\nglobalThis.strictRan = true;");
    assert.equal(stopped.reply.content.status, "error");
    assert.equal(stopped.reply.content.ename, "TS2322");
    await kernel.client.execute("%strict off");
    assert.equal(
      resultText((await kernel.client.execute("typeof (globalThis as any).strictRan")).iopub),
      "'undefined'",
    );
  });

  test("end-of-cell callbacks (the hook plt uses) display into the cell that just ran", async () => {
    await kernel.client.execute(
      'const hooks = (globalThis as any)[Symbol.for("tensorbook.kernel")];\nconst show = () => { hooks.display("open figure"); };\nhooks.cellEnd.add(show);',
    );
    const { iopub } = await kernel.client.execute("1");
    const types = outputs(iopub).map((m) => m.header.msg_type);
    assert.deepEqual(types.slice(0, 2), ["execute_result", "display_data"]);
    await kernel.client.execute("hooks.cellEnd.delete(show);");
  });

  test("an open plt figure is shown as Vega-Lite with an SVG fallback when its cell ends, once", async () => {
    const { iopub } = await kernel.client.execute(
      'import { plt, np } from "tensorbook";\nplt.plot(np.linspace(0, 1, 5), np.linspace(0, 2, 5), "b.");\nplt.xlabel("x");',
    );
    const shown = outputs(iopub).filter((m) => m.header.msg_type === "display_data");
    assert.equal(shown.length, 1);
    const data = shown[0].content.data as Record<string, unknown>;
    assert.ok(data["application/vnd.vegalite.v5+json"], "a Vega-Lite spec");
    assert.match(String(data["image/svg+xml"]), /<svg/);
    assert.match(String(data["text/plain"]), /<Figure size \d+x\d+ with 1 Axes>/);
    const next = await kernel.client.execute("1");
    assert.equal(outputs(next.iopub).filter((m) => m.header.msg_type === "display_data").length, 0);
  });

  test("a crash of the executor is reported in the cell, and a fresh executor takes over", async () => {
    await kernel.client.execute("const lost = 1;");
    const { reply, iopub } = await kernel.client.execute('console.log("before"); process.abort();');
    assert.equal(reply.content.status, "error");
    assert.equal(reply.content.ename, "ExecutorDied");
    assert.match(String(reply.content.evalue), /SIGABRT/);
    assert.ok(outputs(iopub).some((m) => m.header.msg_type === "stream" && m.content.text === "before\n"));
    const next = await kernel.client.execute("typeof lost");
    assert.equal(resultText(next.iopub), "'undefined'");
    const exit = await kernel.client.execute("process.exit(3)");
    assert.match(String(exit.reply.content.evalue), /exit code 3/);
    assert.equal(resultText((await kernel.client.execute("1 + 1")).iopub), "2");
  });
});
