export { main } from "./cli.js";
export { startRepl } from "./repl.js";
