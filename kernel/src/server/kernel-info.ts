// The kernel_info_reply content: who this kernel is and what language it runs.
import { createRequire } from "node:module";
import { PROTOCOL_VERSION, type JsonObject } from "../protocol/messages.js";

const require = createRequire(import.meta.url);
const pkg = require("../../package.json") as { version: string };
// Read from its package.json: loading the compiler itself here would slow the kernel's start.
const tsVersion = (require("typescript/package.json") as { version: string }).version;

/** The kernel's version (its package's). */
export const KERNEL_VERSION = pkg.version;

/**
 * The content of kernel_info_reply.
 *
 * @example
 * ```ts
 * kernelInfo().language_info; // { name: "typescript", file_extension: ".ts", … }
 * ```
 */
export function kernelInfo(): JsonObject {
  return {
    status: "ok",
    protocol_version: PROTOCOL_VERSION,
    implementation: "tensorbook",
    implementation_version: KERNEL_VERSION,
    language_info: {
      name: "typescript",
      version: tsVersion,
      mimetype: "text/typescript",
      file_extension: ".ts",
      codemirror_mode: { name: "typescript" },
      pygments_lexer: "typescript",
    },
    banner: `Tensorbook ${KERNEL_VERSION}: TypeScript ${tsVersion} on Node ${process.version}. import { np, tf, keras, sk, pd, plt } from "tensorbook"`,
    help_links: [
      { text: "TypeScript handbook", url: "https://www.typescriptlang.org/docs/handbook/intro.html" },
      { text: "Node.js API", url: "https://nodejs.org/api/" },
    ],
    debugger: false,
  };
}
