/**
 * Instantiates assembled modules where WebAssembly SIMD is available. Every caller keeps a
 * plain-JavaScript path for when it is not (old engines, or `TENSORBOOK_NO_WASM=1`, which the
 * tests use to exercise those paths).
 */
import { assemble, type WasmModule } from "./assembler.js";

// The few WebAssembly JS-API members used here: the compiler's ES2023 lib has no WebAssembly
// declarations (they live in the DOM lib), so they are declared structurally.
/** An instance's linear memory. */
export interface WasmMemory {
  readonly buffer: ArrayBuffer;
}
interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
}

/** Whether the caller asked for the JavaScript paths (`TENSORBOOK_NO_WASM` set and not "0"). */
export function wasmDisabled(): boolean {
  const v = typeof process !== "undefined" ? process.env.TENSORBOOK_NO_WASM : undefined;
  return v !== undefined && v !== "" && v !== "0";
}

/**
 * Assembles and instantiates a module: its exports (functions by name, `mem` its memory), or null
 * where WebAssembly or its SIMD instructions are missing, or WebAssembly is disabled.
 */
export function instantiate(mod: WasmModule): Record<string, unknown> | null {
  const wa = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
  if (!wa || wasmDisabled()) return null;
  try {
    const bytes = assemble(mod);
    // An engine without SIMD rejects the module at validation rather than throwing.
    if (!wa.validate(bytes)) return null;
    return new wa.Instance(new wa.Module(bytes), {}).exports;
  } catch {
    return null;
  }
}
