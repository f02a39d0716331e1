// Imports in cells: `tensorbook` (and its subpaths) is always the engine bundled with this
// kernel; everything else resolves from the notebook's folder, as a file next to the notebook
// would (node_modules there or above, Node built-ins, ESM-only packages).
import { createRequire, isBuiltin } from "node:module";
import { join } from "node:path";
import vm from "node:vm";

type Namespace = Record<string, unknown>;
type Importer = (specifier: string) => Promise<Namespace>;

// An importer whose referrer is a file in `dir`: a tiny script compiled with a name in that
// folder and the main context's module loader.
function importerFor(dir: string): Importer {
  const script = new vm.Script("(specifier) => import(specifier)", {
    filename: join(dir, "[tensorbook cell]"),
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  return script.runInThisContext() as Importer;
}

const importers = new Map<string, Importer>();

// CommonJS packages arrive as `{ default: module.exports }` plus whatever names Node could detect;
// named imports of the others fall back to the properties of `module.exports`.
function withCommonJsNames(ns: Namespace): Namespace {
  const def = ns.default;
  if ((typeof def !== "object" && typeof def !== "function") || def === null) return ns;
  if (Object.keys(ns).some((k) => k !== "default" && k !== "module.exports")) return ns;
  return new Proxy(ns, {
    get: (target, key) => (key in target ? target[key as string] : (def as Namespace)[key as string]),
    has: (target, key) => key in target || key in (def as object),
  });
}

/**
 * Imports a module for a cell.
 *
 * @example
 * ```ts
 * const { np } = await importForCell("tensorbook");
 * ```
 */
export async function importForCell(specifier: string, cwd = process.cwd()): Promise<Namespace> {
  if (specifier === "tensorbook" || specifier.startsWith("tensorbook/")) {
    return (await import(specifier)) as Namespace;
  }
  if (isBuiltin(specifier)) return (await import(specifier)) as Namespace;
  let importer = importers.get(cwd);
  if (!importer) {
    importer = importerFor(cwd);
    importers.set(cwd, importer);
  }
  return withCommonJsNames(await importer(specifier));
}

/**
 * `require` for `import x = require("m")` in cells, resolving from the notebook's folder.
 *
 * @example
 * ```ts
 * const lodash = requireForCell("lodash");
 * ```
 */
export function requireForCell(specifier: string, cwd = process.cwd()): unknown {
  return createRequire(join(cwd, "[tensorbook cell]"))(specifier);
}
