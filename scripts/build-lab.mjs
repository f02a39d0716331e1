// Builds the JupyterLab pieces when their outputs are missing or older than their inputs: the
// prebuilt extension (extension/labextension, by @jupyter/builder) and the host application
// (extension/host/static). scripts/ensure.mjs runs this after `tsc -b` has compiled extension/lib.
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const newest = (path) => {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(s.mtimeMs, ...readdirSync(path).map((e) => newest(join(path, e))));
};

/** Builds what is stale; `say` prints progress, `run(cmd, args, what)` runs a step or exits. */
export function buildLab(root, say, run) {
  const ext = join(root, "extension");
  const extOut = join(ext, "labextension", "package.json");
  const extIn = Math.max(
    ...["lib", "style", "schema", "package.json"].map((p) => newest(join(ext, p))),
    newest(join(root, "package-lock.json")),
  );
  if (newest(extOut) < extIn) {
    run(
      process.execPath,
      [
        join(root, "node_modules", "@jupyter", "builder", "lib", "build-labextension.js"),
        "--core-package-file",
        join(root, "node_modules", "@jupyterlab", "core-meta", "core.package.json"),
        ext,
      ],
      "building the JupyterLab extension (@jupyter/builder)",
    );
  } else {
    say("the JupyterLab extension is built");
  }

  const host = join(ext, "host");
  const hostOut = join(host, "static", "index.html");
  const hostIn = Math.max(
    ...["src", "settings", "package.json", "build.mjs", "rspack.config.mjs"].map((p) =>
      newest(join(host, p)),
    ),
    newest(join(root, "package-lock.json")),
  );
  if (newest(hostOut) < hostIn) {
    run(process.execPath, [join(host, "build.mjs")], "building the JupyterLab application (extension/host)");
  } else {
    say("the JupyterLab application is built");
  }
}
