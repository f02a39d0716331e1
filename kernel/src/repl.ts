import { start, type REPLServer } from "node:repl";
import * as tb from "tensorbook";

/**
 * Starts an interactive session in the terminal with every engine namespace in scope: the
 * headless way into Tensorbook, without Jupyter.
 *
 * @example
 * ```ts
 * startRepl(); // tensorbook> datasets.datasetPath("housing/housing.csv")
 * ```
 */
export function startRepl(): REPLServer {
  console.log("Tensorbook REPL: the engine's namespaces are in scope as", Object.keys(tb).join(", "));
  console.log("Type .help for commands, .exit (or Ctrl+D) to leave.");
  const server = start({ prompt: "tensorbook> ", useGlobal: false });
  Object.assign(server.context, tb, { tb });
  return server;
}
