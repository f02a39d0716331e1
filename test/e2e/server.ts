// Starts Tensorbook's JupyterLab the way `npm start` does (`tensorbook lab`), on a free loopback
// port with fresh state, for the browser tests; parses the URL it prints.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const repo = fileURLToPath(new URL("../..", import.meta.url));

export interface LabServer {
  /** Origin, e.g. http://127.0.0.1:40123 */
  base: string;
  token: string;
  /** The folder the server shows. */
  root: string;
  /** Everything the launcher printed, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

/** Runs `tensorbook lab --no-browser` over `root` (a fresh folder when omitted). */
export async function startLab(root = mkdtempSync(join(tmpdir(), "tb-e2e-"))): Promise<LabServer> {
  const state = join(root, ".tensorbook");
  const child: ChildProcess = spawn(
    process.execPath,
    [
      join(repo, "kernel", "bin", "tensorbook.mjs"),
      "lab",
      "--no-browser",
      "--root",
      root,
      "--state-dir",
      state,
      "--port",
      "0",
    ],
    { cwd: root, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, TENSORBOOK_TESTING: "1" } },
  );
  let out = "";
  const collect = (chunk: Buffer) => (out += chunk.toString());
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  const url = await new Promise<URL>((done, fail) => {
    const timer = setTimeout(
      () => fail(new Error(`tensorbook lab did not print its URL in 120 s:\n${out}`)),
      120_000,
    );
    const check = () => {
      const m = /(http:\/\/127\.0\.0\.1:\d+\/lab\S*\?token=[0-9a-f]+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        done(new URL(m[1]));
      }
    };
    child.stdout?.on("data", check);
    child.once("exit", (code) => {
      clearTimeout(timer);
      fail(new Error(`tensorbook lab exited (${code}):\n${out}`));
    });
  });
  return {
    base: url.origin,
    token: url.searchParams.get("token") ?? "",
    root,
    output: () => out,
    stop: () =>
      new Promise((done) => {
        if (child.exitCode !== null) return done();
        child.once("exit", () => done());
        child.kill("SIGTERM");
      }),
  };
}
