// The messages between the kernel process (host) and its executor process (child).
import type { JsonObject, MimeBundle } from "../protocol/messages.js";

/** One compiled piece of JavaScript with its map back to the cell. */
export interface CompiledCode {
  js: string;
  map: string;
  /** Unique script name; stack frames in it are mapped back to the cell. */
  filename: string;
}

/** One thing a cell does, in order: run code, run a magic, time steps, or time code repeatedly. */
export type Step =
  | ({ kind: "code"; declared: string[] } & CompiledCode)
  | { kind: "magic"; name: string; args: string }
  | { kind: "time"; steps: Step[] }
  | ({ kind: "timeit"; isAsync: boolean; loops: number | null; repeat: number } & CompiledCode);

/** Host → child, over the IPC channel. */
export type HostMessage =
  | {
      type: "run";
      cell: string;
      executionCount: number;
      /** The cell's source lines, to show the failing line in tracebacks. */
      source: string;
      steps: Step[];
      userExpressions: Record<string, CompiledCode>;
    }
  | {
      type: "comm";
      kind: "open" | "msg" | "close";
      commId: string;
      targetName?: string;
      data: JsonObject;
      cell: string;
    }
  | { type: "exit" };

/** Error details as the protocol carries them. */
export interface ErrorInfo {
  ename: string;
  evalue: string;
  traceback: string[];
}

/** Child → host, one JSON object per line on the event pipe. */
export type ChildEvent =
  | { type: "ready"; pid: number }
  | { type: "stream"; cell: string; name: "stdout" | "stderr"; text: string }
  | {
      type: "display";
      cell: string;
      data: MimeBundle;
      metadata: JsonObject;
      displayId?: string;
      update: boolean;
    }
  | { type: "clear"; cell: string; wait: boolean }
  | { type: "result"; cell: string; data: MimeBundle; metadata: JsonObject }
  | ({ type: "error"; cell: string } & ErrorInfo)
  | { type: "input"; cell: string; prompt: string; password: boolean }
  | {
      type: "comm";
      kind: "open" | "msg" | "close";
      cell: string;
      commId: string;
      targetName?: string;
      data: JsonObject;
    }
  | {
      type: "done";
      cell: string;
      status: "ok" | "error" | "interrupted";
      /** Names of the session's variables after the cell (for %who and completion). */
      userExpressions: Record<string, JsonObject>;
      /** True when the cell asked for the session to be reset (the language service forgets too). */
      reset: boolean;
    };

/** File descriptors of the child's extra pipes. */
export const EVENT_FD = 4;
export const CONTROL_FD = 5;
