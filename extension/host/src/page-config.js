// Reads the page configuration the server embeds in index.html. bootstrap.js needs it before
// @jupyterlab/coreutils (which has PageConfig) may be loaded, hence this small reader.

/* global document */
let data = null;

/** The option `name` of the page config, or `fallback` when absent. */
export function pageOption(name, fallback) {
  if (data === null) {
    const el = document.getElementById("jupyter-config-data");
    data = el ? JSON.parse(el.textContent || "{}") : {};
  }
  return name in data ? data[name] : fallback;
}
