/**
 * `@tensorbook/kernel`: the Jupyter kernel for TypeScript that runs Tensorbook notebooks, the
 * `tensorbook` CLI, and a zeromq Jupyter client for driving kernels from Node.
 *
 * @example
 * ```ts
 * import { launchKernel } from "@tensorbook/kernel";
 * const k = await launchKernel();
 * const { reply } = await k.client.execute("1 + 1");
 * await k.stop();
 * ```
 */
export { main } from "./cli.js";
export { startRepl } from "./repl.js";
export { Kernel } from "./server/kernel.js";
export { KernelClient, TimeoutError, type Execution } from "./protocol/client.js";
export { newConnectionInfo, readConnectionFile, type ConnectionInfo } from "./protocol/connection.js";
export type {
  JsonObject,
  JsonValue,
  JupyterMessage,
  MessageHeader,
  MimeBundle,
} from "./protocol/messages.js";
export { Signer } from "./protocol/wire.js";
export { launchKernel, type LaunchedKernel } from "./cli/launch.js";
export { installKernelspec, type InstallOptions, type Installed } from "./cli/install.js";
export { runNotebook, type RunOptions, type RunResult } from "./cli/run-command.js";
export {
  KERNEL_HOOKS,
  KeyboardInterrupt,
  type CellEndCallback,
  type DisplayHandle,
  type DisplayOptions,
  type KernelHooks,
} from "./executor/hooks.js";
export { DISPLAY_METHOD } from "./executor/display.js";
