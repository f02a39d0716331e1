// Creates and starts the JupyterLab application: the core plugins bundled in this host plus the
// plugins of every prebuilt (federated) extension the server found, minus disabled ones.

/* global window */
import { PageConfig } from "@jupyterlab/coreutils";
import { PluginRegistry } from "@lumino/coreutils";
import { coreExtensions, coreMimeExtensions, excludedPlugins } from "../build/extensions.js";
import "../build/style.js";

// A federated module (`./extension`, `./mimeExtension`, `./style`) of a loaded container.
async function federatedModule(scope, module) {
  const factory = await globalThis._JUPYTERLAB[scope].get(module);
  return factory();
}

// An extension module exports one plugin or an array of them, as ES or CommonJS default.
function pluginsOf(mod) {
  const exported = mod && Object.prototype.hasOwnProperty.call(mod, "__esModule") ? mod.default : mod;
  return Array.isArray(exported) ? exported : [exported];
}

function matchesAny(id, list) {
  const pkg = id.includes(":") ? id.slice(0, id.indexOf(":")) : "";
  return list.some((entry) => entry === id || (pkg !== "" && entry === pkg));
}

export async function main(federated) {
  const disabledIds = PageConfig.Extension.disabled;
  const deferredIds = PageConfig.Extension.deferred;
  const disabled = [];
  const deferred = [];
  const available = [];

  // Every plugin is listed (the plugin manager shows them); enabled ones are returned.
  const accept = (plugins, scope) =>
    plugins.filter((plugin) => {
      if (excludedPlugins.includes(plugin.id)) return false;
      const off = matchesAny(plugin.id, disabledIds);
      available.push({
        id: plugin.id,
        description: plugin.description,
        requires: plugin.requires ?? [],
        optional: plugin.optional ?? [],
        provides: plugin.provides ?? null,
        autoStart: plugin.autoStart,
        enabled: !off,
        extension: scope,
      });
      if (off) disabled.push(plugin.id);
      else if (matchesAny(plugin.id, deferredIds)) deferred.push(plugin.id);
      return !off;
    });

  // A federated extension replaces a core one of the same name (as in JupyterLab).
  const federatedNames = new Set(federated.map((e) => e.name));
  const load = async (table, kind) => {
    const out = [];
    for (const [name, importer] of Object.entries(table)) {
      if (federatedNames.has(name)) continue;
      try {
        out.push(...accept(pluginsOf(await importer()), name));
      } catch (e) {
        console.error(`could not load ${name}`, e);
      }
    }
    const remote = await Promise.allSettled(
      federated.filter((e) => e[kind]).map(async (e) => [e.name, await federatedModule(e.name, e[kind])]),
    );
    for (const r of remote) {
      if (r.status === "fulfilled") out.push(...accept(pluginsOf(r.value[1]), r.value[0]));
      else console.error(r.reason);
    }
    return out;
  };

  const mimeExtensions = await load(coreMimeExtensions, "mimeExtension");
  const plugins = await load(coreExtensions, "extension");
  const styles = federated
    .filter((e) => e.style && !matchesAny(e.name, disabledIds))
    .map((e) => federatedModule(e.name, e.style));
  for (const r of await Promise.allSettled(styles)) if (r.status === "rejected") console.error(r.reason);

  const registry = new PluginRegistry();
  registry.registerPlugins(plugins);
  const { IConnectionStatus, IServiceManager } = await import("@jupyterlab/services");
  const { JupyterLab } = await import("@jupyterlab/application");
  const lab = new JupyterLab({
    pluginRegistry: registry,
    serviceManager: await registry.resolveRequiredService(IServiceManager),
    connectionStatus: await registry.resolveOptionalService(IConnectionStatus),
    mimeExtensions,
    disabled: { matches: disabled, patterns: disabledIds },
    deferred: { matches: deferred, patterns: deferredIds },
    availablePlugins: available,
  });
  await lab.start({ ignorePlugins: deferred, bubblingKeydown: true });
  // Tests and power users reach the application object as in JupyterLab's dev mode.
  if (PageConfig.getOption("exposeAppInBrowser").toLowerCase() === "true") window.jupyterapp = lab;
}
