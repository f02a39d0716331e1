// The language thread of the kernel process: TypeScript (compiling cells, completion,
// inspection, diagnostics) runs here so the protocol thread stays free to answer heartbeats and
// control messages.
import { parentPort, workerData } from "node:worker_threads";
import { compileExpression, compilePieces } from "./compile.js";
import { isComplete } from "./is-complete.js";
import { CellService } from "./service.js";
import type { LanguageRequest } from "./requests.js";

const WARM_UP = 'import * as tb from "tensorbook";\nMath.';
const service = new CellService((workerData as { cwd: string }).cwd);

function handle(req: LanguageRequest): unknown {
  switch (req.method) {
    case "compile":
      return compilePieces(req.pieces, req.prefix);
    case "expression":
      return compileExpression(req.expression, req.filename);
    case "diagnostics":
      return service.diagnostics(req.text);
    case "complete":
      return service.complete(req.text, req.cursor);
    case "inspect":
      return service.inspect(req.text, req.cursor);
    case "isComplete":
      return isComplete(req.text);
    case "commit":
      service.history.commit(req.text);
      return null;
    case "reset":
      service.history.clear();
      return null;
    case "warmUp":
      // Loads the standard library and the engine's types before the first real request.
      service.complete(WARM_UP, WARM_UP.length);
      service.diagnostics("const warm: number = 1;");
      return null;
  }
}

parentPort?.on("message", (msg: { id: number; req: LanguageRequest }) => {
  try {
    parentPort?.postMessage({ id: msg.id, ok: true, result: handle(msg.req) });
  } catch (e) {
    parentPort?.postMessage({ id: msg.id, ok: false, error: (e as Error).stack ?? String(e) });
  }
});
