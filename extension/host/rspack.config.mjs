// The rspack configuration of the host application: JupyterLab's core plugins in one federated
// container (CORE_FEDERATION) that shares JupyterLab's packages with prebuilt extensions.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const rspack = require("@rspack/core");
// The loaders JupyterLab's packages need (CSS, raw SVG, fonts), as @jupyter/builder sets them
// for extensions; the host must load the same files the same way.
const base = require("@jupyter/builder/lib/webpack.config.base");

export const hostDir = dirname(fileURLToPath(import.meta.url));
export const staticDir = join(hostDir, "static");
export const genDir = join(hostDir, "build");

// What prebuilt extensions may take from the host: every package JupyterLab's core lists, at the
// version range it lists, single copies for its singletons. Extensions built with
// `--core-package-file` consume exactly these.
function sharedPackages() {
  const core = require("@jupyterlab/core-meta/core.package.json");
  const singletons = new Set(core.jupyterlab.singletonPackages);
  const shared = {};
  for (const [name, range] of Object.entries(core.resolutions)) {
    try {
      require.resolve(`${name}/package.json`);
    } catch {
      continue; // not part of this host (e.g. the debugger); extensions then bundle their own
    }
    shared[name] = { requiredVersion: range, singleton: singletons.has(name) };
  }
  return shared;
}

/** The host bundle's configuration; `themes` are @jupyter/builder's theme configurations. */
export function hostConfig({ mode = "production" } = {}) {
  return {
    ...base,
    mode,
    context: hostDir,
    devtool: false,
    entry: { bundle: "./src/bootstrap.js" },
    output: {
      path: staticDir,
      filename: "[name].js",
      chunkFilename: "[name].[contenthash:12].js",
      hashFunction: "xxhash64",
      library: { type: "var", name: ["_JUPYTERLAB", "CORE_OUTPUT"] },
    },
    // Readable stack traces for learners reporting bugs; minifying 20 MB costs minutes on 2 cores.
    optimization: { minimize: false, moduleIds: "deterministic" },
    performance: { hints: false },
    stats: "errors-warnings",
    plugins: [
      ...base.plugins,
      // V1 (webpack's semantics): a shared package whose version does not satisfy an
      // extension's range warns and is used, as in JupyterLab, instead of failing the page.
      new rspack.container.ModuleFederationPluginV1({
        name: "CORE_FEDERATION",
        library: { type: "var", name: ["_JUPYTERLAB", "CORE_LIBRARY_FEDERATION"] },
        shared: sharedPackages(),
      }),
    ],
  };
}

export { rspack };
