// Finding a Python that has the Jupyter server, and saying how to get one when there is none.
// Debian's packages are enough (jupyter_server 1.23 + jupyterlab_server 2.16); so is a
// pip-installed JupyterLab 4.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

/** The Debian packages that provide what `tensorbook lab` needs. */
export const DEBIAN_PACKAGES = ["python3-jupyter-server", "python3-jupyterlab-server"] as const;

const CHECK =
  "import jupyter_server, jupyterlab_server; print(jupyter_server.__version__, jupyterlab_server.__version__)";

/** A Python interpreter and the versions of its Jupyter server pieces. */
export interface JupyterPython {
  python: string;
  versions: string;
}

// Debian's /usr/bin/python3 first: a python3 earlier on PATH may be a bare interpreter.
function candidates(env: NodeJS.ProcessEnv): string[] {
  const list = [env.TENSORBOOK_PYTHON, "/usr/bin/python3", "python3", "python"];
  return list.filter((p): p is string => !!p && (!p.startsWith("/") || existsSync(p)));
}

/** The first Python that imports jupyter_server and jupyterlab_server, or null. */
export function findJupyterPython(env: NodeJS.ProcessEnv = process.env): JupyterPython | null {
  for (const python of candidates(env)) {
    const r = spawnSync(python, ["-c", CHECK], { encoding: "utf8" });
    if (r.status === 0) return { python, versions: r.stdout.trim() };
  }
  return null;
}

/** What to install, in words, for this machine. */
export function installAdvice(): string {
  return [
    "Tensorbook's JupyterLab runs on the Jupyter server (Python), which was not found.",
    `  Debian/Ubuntu:  sudo apt-get install ${DEBIAN_PACKAGES.join(" ")}`,
    '  elsewhere:      python3 -m pip install "jupyter_server>=1.23" "jupyterlab_server>=2.16"',
    "                  (a pip-installed JupyterLab 4 brings both)",
    "  then run `npm start` again. Set TENSORBOOK_PYTHON to use a particular interpreter.",
  ].join("\n");
}

/** Whether this is Debian-like, as root, with apt-get: then we may install the packages. */
export function canAptInstall(): boolean {
  return (
    process.platform === "linux" &&
    existsSync("/etc/debian_version") &&
    typeof process.getuid === "function" &&
    process.getuid() === 0 &&
    existsSync("/usr/bin/apt-get")
  );
}

/** Installs the Debian packages with apt-get (output shown); true when it worked. */
export function aptInstall(): boolean {
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const install = () =>
    spawnSync("apt-get", ["install", "-y", "--no-install-recommends", ...DEBIAN_PACKAGES], {
      stdio: "inherit",
      env,
    }).status === 0;
  if (install()) return true;
  // A fresh machine may have no package lists yet.
  return spawnSync("apt-get", ["update"], { stdio: "inherit", env }).status === 0 && install();
}
