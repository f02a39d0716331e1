// execute_request, from busy to idle: magics and compilation (language thread), type diagnostics
// in parallel with the run, the run in the executor with its outputs relayed to iopub, and the
// reply.
import type { ChildEvent, CompiledCode, ErrorInfo, Step } from "../executor/events.js";
import { cellFrame, errorHeader, YELLOW, RESET } from "../executor/frames.js";
import type { ExecutorHost } from "../executor/host.js";
import type { LanguageClient } from "../language/client.js";
import type { CellDiagnostic } from "../language/service.js";
import { MagicError, parseCell, type ParsedCell } from "../magics/parse.js";
import type { JsonObject, MessageHeader } from "../protocol/messages.js";
import type { KernelSockets } from "../protocol/kernel-sockets.js";
import type { Received } from "../protocol/wire.js";
import type { History } from "./history.js";
import { StreamBuffer } from "./streams.js";

/** What an execution needs from the kernel. */
export interface ExecuteContext {
  sockets: KernelSockets;
  executor: ExecutorHost;
  language: LanguageClient;
  history: History;
  /** Type errors stop cells (`%strict on`). */
  strict: boolean;
  /** The last execution count given out. */
  executionCount: number;
  /** Unique per execution, for script names. */
  serial: number;
  /** The parent headers of recent executions, for output their callbacks write later. */
  recentCells: Map<string, MessageHeader>;
  /** Where the executor currently waits for input, if it does. */
  pendingInput: Received | undefined;
}

/** How an execution ended. */
export interface ExecuteOutcome {
  status: "ok" | "error";
}

function problemError(
  ename: string,
  message: string,
  count: number,
  line: number,
  column: number,
  source: string,
): ErrorInfo {
  return {
    ename,
    evalue: message,
    traceback: [errorHeader(ename, message), cellFrame(count, line, column, undefined, source.split("\n"))],
  };
}

function formatDiagnostics(diags: readonly CellDiagnostic[], count: number, source: string): string {
  const lines = source.split("\n");
  return diags
    .map(
      (d) =>
        `${YELLOW}warning TS${d.code}${RESET}: ${d.message}\n${cellFrame(count, d.line, d.column, undefined, lines)}\n`,
    )
    .join("");
}

function hasCode(steps: readonly Step[]): boolean {
  return steps.some(
    (s) => s.kind === "code" || s.kind === "timeit" || (s.kind === "time" && hasCode(s.steps)),
  );
}

/**
 * Publishes output written by an earlier cell's callbacks (a timer, a promise) under that cell's
 * request, so front ends show it in the cell that started it.
 */
export function publishLateEvent(ctx: ExecuteContext, e: ChildEvent): void {
  const parent = "cell" in e ? ctx.recentCells.get(e.cell) : undefined;
  if (!parent) return;
  if (e.type === "stream") void ctx.sockets.publish("stream", { name: e.name, text: e.text }, parent);
  else if (e.type === "display") {
    const transient: JsonObject = e.displayId ? { display_id: e.displayId } : {};
    void ctx.sockets.publish(
      e.update ? "update_display_data" : "display_data",
      { data: e.data, metadata: e.metadata, transient },
      parent,
    );
  } else if (e.type === "clear") void ctx.sockets.publish("clear_output", { wait: e.wait }, parent);
}

/**
 * Runs one execute_request to its reply (busy/idle are published by the caller).
 *
 * @example
 * ```ts
 * const { status } = await execute(ctx, request);
 * ```
 */
export async function execute(ctx: ExecuteContext, request: Received): Promise<ExecuteOutcome> {
  const { sockets } = ctx;
  const parent = request.message.header as MessageHeader;
  const content = request.message.content;
  const code = typeof content.code === "string" ? content.code : "";
  const silent = content.silent === true;
  const storeHistory = !silent && content.store_history !== false;
  const allowStdin = content.allow_stdin !== false;
  const userExpressions = (content.user_expressions ?? {}) as Record<string, string>;
  if (storeHistory) ctx.executionCount++;
  const count = ctx.executionCount;
  const serial = ++ctx.serial;
  ctx.executor.prepare();
  ctx.recentCells.set(parent.msg_id, parent);
  if (ctx.recentCells.size > 200) ctx.recentCells.delete(ctx.recentCells.keys().next().value as string);

  const publish = (type: string, c: JsonObject) => {
    if (!silent) void sockets.publish(type, c, parent);
  };
  const streams = new StreamBuffer((name, text) => publish("stream", { name, text }));
  publish("execute_input", { code, execution_count: count });
  if (storeHistory) ctx.history.add(count, code);

  const reply = (c: JsonObject) =>
    sockets.reply("shell", request, "execute_reply", { execution_count: count, ...c });
  const fail = async (err: ErrorInfo): Promise<ExecuteOutcome> => {
    streams.flush();
    publish("error", { ...err });
    await reply({ status: "error", ...err, user_expressions: {}, payload: [] });
    return { status: "error" };
  };

  let parsed: ParsedCell;
  try {
    parsed = parseCell(code);
  } catch (e) {
    if (!(e instanceof MagicError)) throw e;
    return fail(problemError("UsageError", e.message, count, e.line, 1, code));
  }

  const prefix = `${process.cwd()}/tensorbook-cell-${serial}`;
  const compiled = await ctx.language.request({ method: "compile", pieces: parsed.pieces, prefix });
  if (!compiled.ok) {
    const p = compiled.problem;
    return fail(problemError("SyntaxError", p.message, count, p.line, p.column, code));
  }
  if (compiled.strict !== null) {
    ctx.strict = compiled.strict;
    publish("stream", {
      name: "stdout",
      text: `Type errors ${ctx.strict ? "now stop cells" : "are now warnings"}.\n`,
    });
  }
  const checks = hasCode(compiled.steps)
    ? ctx.language.request({ method: "diagnostics", text: parsed.serviceText })
    : Promise.resolve([] as CellDiagnostic[]);
  if (ctx.strict) {
    const diags = await checks;
    if (diags.length) {
      const first = diags[0];
      const err = problemError(`TS${first.code}`, first.message, count, first.line, first.column, code);
      err.traceback = [...err.traceback, ...diags.slice(1).map((d) => formatDiagnostics([d], count, code))];
      return fail(err);
    }
  }

  const expressions: Record<string, CompiledCode> = {};
  const expressionErrors: Record<string, JsonObject> = {};
  for (const [key, expr] of Object.entries(userExpressions)) {
    const c = await ctx.language.request({
      method: "expression",
      expression: String(expr),
      filename: `${prefix}-expr-${key}.js`,
    });
    if ("js" in c) expressions[key] = c;
    else
      expressionErrors[key] = {
        status: "error",
        ...problemError("SyntaxError", c.message, count, c.line, c.column, String(expr)),
      };
  }

  let error: ErrorInfo | undefined;
  const onEvent = (e: ChildEvent) => {
    if (e.type === "stream") {
      streams.write(e.name, e.text);
      return;
    }
    streams.flush();
    switch (e.type) {
      case "display": {
        const transient: JsonObject = e.displayId ? { display_id: e.displayId } : {};
        publish(e.update ? "update_display_data" : "display_data", {
          data: e.data,
          metadata: e.metadata,
          transient,
        });
        break;
      }
      case "clear":
        publish("clear_output", { wait: e.wait });
        break;
      case "result":
        publish("execute_result", { execution_count: count, data: e.data, metadata: e.metadata });
        if (storeHistory && typeof e.data["text/plain"] === "string")
          ctx.history.setOutput(count, e.data["text/plain"]);
        break;
      case "error":
        error = { ename: e.ename, evalue: e.evalue, traceback: e.traceback };
        publish("error", { ...error });
        break;
      case "input":
        if (!allowStdin) {
          ctx.executor.answerInput(null);
          break;
        }
        ctx.pendingInput = request;
        void sockets.sendStdin(
          request.identities,
          "input_request",
          { prompt: e.prompt, password: e.password },
          parent,
        );
        break;
      case "comm":
        void sockets.publish(
          `comm_${e.kind}`,
          { comm_id: e.commId, data: e.data, ...(e.targetName ? { target_name: e.targetName } : {}) },
          parent,
        );
        break;
    }
  };
  const done = await ctx.executor.run(
    {
      type: "run",
      cell: parent.msg_id,
      executionCount: count,
      source: code,
      steps: compiled.steps,
      userExpressions: expressions,
    },
    onEvent,
  );
  ctx.pendingInput = undefined;
  streams.flush();

  if (done.reset) await ctx.language.request({ method: "reset" });
  else await ctx.language.request({ method: "commit", text: parsed.serviceText });
  if (!ctx.strict) {
    const diags = await checks;
    if (diags.length) publish("stream", { name: "stderr", text: formatDiagnostics(diags, count, code) });
  }

  const user_expressions = { ...done.userExpressions, ...expressionErrors };
  if (error) {
    await reply({ status: "error", ...error, user_expressions, payload: [] });
    return { status: "error" };
  }
  await reply({ status: "ok", user_expressions, payload: [] });
  return { status: "ok" };
}
