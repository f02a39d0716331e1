// `tensorbook install`: writes the kernelspec (and the JupyterLab extension, when it is built)
// into a Jupyter data directory.
import { cpSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { prefixDataDir, userDataDir } from "./jupyter-paths.js";
import { logoPng, logoSvg } from "./logo.js";

/** What `install` does. */
export interface InstallOptions {
  /** Install under `<prefix>/share/jupyter` instead of the user's data directory. */
  prefix?: string;
  /** The kernelspec's name (the folder, and what notebooks' metadata name). */
  name?: string;
  /** The name front ends show. */
  displayName?: string;
}

/** Where things were installed. */
export interface Installed {
  kernelspec: string;
  labextension: string | null;
}

const binPath = fileURLToPath(new URL("../../bin/tensorbook.mjs", import.meta.url));

/**
 * Installs the kernelspec.
 *
 * @example
 * ```ts
 * installKernelspec({ prefix: "/tmp/jupyter-test" }).kernelspec;
 * // "/tmp/jupyter-test/share/jupyter/kernels/tensorbook"
 * ```
 */
export function installKernelspec(options: InstallOptions = {}): Installed {
  const dataDir = options.prefix ? prefixDataDir(options.prefix) : userDataDir();
  const name = options.name ?? "tensorbook";
  if (!/^[a-zA-Z0-9._-]+$/.test(name)) {
    throw new Error(`kernel name "${name}" is not allowed; expected letters, digits, ".", "_" or "-"`);
  }
  const dir = join(dataDir, "kernels", name);
  mkdirSync(dir, { recursive: true });
  const spec = {
    argv: [process.execPath, binPath, "kernel", "{connection_file}"],
    display_name: options.displayName ?? "TypeScript (Tensorbook)",
    language: "typescript",
    interrupt_mode: "message",
    // Large arrays cost mostly page faults; glibc (2.35+) then asks for transparent huge pages
    // for its large allocations, where V8's array buffers come from (as NumPy does for its own).
    env: process.platform === "linux" ? { GLIBC_TUNABLES: "glibc.malloc.hugetlb=1" } : {},
    metadata: { debugger: false },
  };
  writeFileSync(join(dir, "kernel.json"), JSON.stringify(spec, null, 2) + "\n");
  writeFileSync(join(dir, "logo-32x32.png"), logoPng(32));
  writeFileSync(join(dir, "logo-64x64.png"), logoPng(64));
  writeFileSync(join(dir, "logo-svg.svg"), logoSvg());
  return { kernelspec: dir, labextension: installLabextension(dataDir) };
}

// The prebuilt JupyterLab extension, when the extension workspace has built one.
function installLabextension(dataDir: string): string | null {
  let pkgDir: string;
  try {
    pkgDir = dirname(createRequire(import.meta.url).resolve("@tensorbook/jupyterlab/package.json"));
  } catch {
    return null;
  }
  const built = join(pkgDir, "labextension");
  if (!existsSync(join(built, "package.json"))) return null;
  const target = join(dataDir, "labextensions", "@tensorbook", "jupyterlab");
  mkdirSync(dirname(target), { recursive: true });
  cpSync(built, target, { recursive: true });
  return target;
}

/** `tensorbook install [--user | --prefix P] [--name N] [--display-name D]`. */
export function installCommand(args: readonly string[]): number {
  const options: InstallOptions = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = () => {
      const v = args[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === "--user") delete options.prefix;
    else if (a === "--prefix") options.prefix = value();
    else if (a === "--name") options.name = value();
    else if (a === "--display-name") options.displayName = value();
    else {
      console.error(
        `tensorbook install: unknown option "${a}"; expected --user, --prefix P, --name N or --display-name D`,
      );
      return 2;
    }
  }
  const done = installKernelspec(options);
  console.log(`installed the kernelspec in ${done.kernelspec}`);
  console.log(
    done.labextension
      ? `installed the JupyterLab extension in ${done.labextension}`
      : "the JupyterLab extension is not built yet; skipped it",
  );
  return 0;
}
