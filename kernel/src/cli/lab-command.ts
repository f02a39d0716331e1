// `tensorbook lab` (and `start`): serves Tensorbook's JupyterLab application with the Jupyter
// server, after installing the kernelspec and the extension into a project-local Jupyter data
// directory (`.tensorbook/`). Loopback only, a fresh token each run, XSRF checks on.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { dirname, join, resolve } from "node:path";
import { installKernelspec } from "./install.js";
import {
  aptInstall,
  canAptInstall,
  findJupyterPython,
  installAdvice,
  DEBIAN_PACKAGES,
} from "./jupyter-server.js";
import { openBrowser } from "./open-browser.js";
import { parseLabArgs, LAB_USAGE } from "./lab-options.js";

const say = (msg: string) => console.log(`\x1b[1m[tensorbook]\x1b[0m ${msg}`);

// The host application's directory (extension/host in the checkout), or null when not built.
function hostDir(): string | null {
  try {
    const dir = dirname(createRequire(import.meta.url).resolve("@tensorbook/lab-host/package.json"));
    return existsSync(join(dir, "static", "index.html")) ? dir : null;
  } catch {
    return null;
  }
}

function freePort(start: number, host: string): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once("error", (e: NodeJS.ErrnoException) => {
      if (e.code === "EADDRINUSE" && start < 65535) done(freePort(start + 1, host));
      else fail(e);
    });
    server.listen(start, host, () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : start;
      server.close(() => done(port));
    });
  });
}

async function waitUntilUp(base: string, token: string, child: { exitCode: number | null }): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the Jupyter server exited (code ${child.exitCode})`);
    try {
      const r = await fetch(`${base}/api/status`, { headers: { Authorization: `token ${token}` } });
      if (r.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("the Jupyter server did not answer within 90 s");
}

/** `tensorbook lab [--port N] [--no-browser] [--ip ADDR] [--root DIR] [--state-dir DIR]`. */
export async function labCommand(args: readonly string[]): Promise<number> {
  const parsed = parseLabArgs(args);
  if ("error" in parsed) {
    console.error(`tensorbook lab: ${parsed.error}\n\n${LAB_USAGE}`);
    return 2;
  }
  if (parsed.help) {
    console.log(LAB_USAGE);
    return 0;
  }
  const root = resolve(parsed.root);
  const state = resolve(parsed.stateDir ?? join(root, ".tensorbook"));

  let jupyter = findJupyterPython();
  if (!jupyter) {
    console.error(installAdvice());
    if (!canAptInstall()) return 1;
    say(`installing ${DEBIAN_PACKAGES.join(" ")} with apt-get (Debian, running as root)`);
    if (!aptInstall() || !(jupyter = findJupyterPython())) return 1;
  }
  say(`Jupyter server ${jupyter.versions.replace(" ", ", jupyterlab_server ")} (${jupyter.python})`);

  const host = hostDir();
  if (!host) {
    console.error("tensorbook lab: the JupyterLab application is not built; run `npm run build` first");
    return 1;
  }
  const installed = installKernelspec({ prefix: state });
  say(`kernelspec in ${installed.kernelspec}`);
  if (installed.labextension) say(`JupyterLab extension in ${installed.labextension}`);
  else say("the JupyterLab extension is not built; continuing without it");

  const port = parsed.port ? parsed.port : await freePort(parsed.port ?? 8888, parsed.ip);
  const token = randomBytes(24).toString("hex");
  const lab = join(state, "lab");
  for (const d of ["user-settings", "workspaces"]) mkdirSync(join(lab, d), { recursive: true });
  const startPath = existsSync(join(root, parsed.open)) ? parsed.open : "";
  const serverArgs = [
    join(host, "tensorbook_lab.py"),
    `--ServerApp.ip=${parsed.ip}`,
    `--ServerApp.port=${port}`,
    "--ServerApp.port_retries=0",
    `--ServerApp.root_dir=${root}`,
    "--ServerApp.open_browser=False",
    `--TensorbookLab.user_settings_dir=${join(lab, "user-settings")}`,
    `--TensorbookLab.workspaces_dir=${join(lab, "workspaces")}`,
  ];
  const child = spawn(jupyter.python, serverArgs, {
    cwd: root,
    stdio: ["ignore", "inherit", parsed.verbose ? "inherit" : "pipe"],
    env: {
      ...process.env,
      // Our kernelspec and extension first; the user's Jupyter config stays out of the way.
      JUPYTER_PATH: [join(state, "share", "jupyter"), process.env.JUPYTER_PATH].filter(Boolean).join(":"),
      JUPYTER_CONFIG_DIR: join(state, "config"),
      JUPYTER_RUNTIME_DIR: join(state, "runtime"),
      TENSORBOOK_TOKEN: token,
    },
  });
  // Server logs are kept (and shown if it fails) unless --verbose shows them as they come.
  let log = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000);
  });
  const stop = () => child.kill("SIGTERM");
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);

  const base = `http://${parsed.ip.includes(":") ? `[${parsed.ip}]` : parsed.ip}:${port}`;
  try {
    await waitUntilUp(base, token, child);
  } catch (e) {
    console.error(`tensorbook lab: ${(e as Error).message}\n${log}`);
    stop();
    return 1;
  }
  const url = `${base}/lab${startPath ? `/tree/${startPath}` : ""}?token=${token}`;
  say(`Tensorbook is running at\n\n    ${url}\n`);
  say("press Ctrl+C to stop it (kernels are shut down with it)");
  if (parsed.browser && !openBrowser(url)) say("(could not open a browser; open the address above)");

  const code = await new Promise<number>((done) => child.once("exit", (c) => done(c ?? 0)));
  if (code !== 0 && !parsed.verbose) console.error(log);
  return code;
}
