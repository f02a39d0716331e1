// The host's entry point. Runs before any shared package is loaded, because module federation
// must first see every prebuilt extension's container: only then can it pick one copy of each
// shared package (the host's, or a newer compatible one) for everybody.

/* global document, __webpack_init_sharing__, __webpack_share_scopes__ */
import { pageOption } from "./page-config.js";

// Chunks load from wherever the server mounted our static files (base_url may be non-root).
// eslint-disable-next-line no-undef -- a bundler variable, read by its chunk loader
__webpack_public_path__ = `${pageOption("fullStaticUrl", "")}/`;

function loadScript(url) {
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.onload = resolve;
    script.onerror = () => reject(new Error(`could not load ${url}`));
    script.async = true;
    script.src = url;
    document.head.appendChild(script);
  });
}

// Loads one prebuilt extension's remoteEntry and hands it the shared-module scope.
async function initContainer(base, ext) {
  await loadScript(`${base}/${ext.name}/${ext.load}`);
  await __webpack_init_sharing__("default");
  const container = globalThis._JUPYTERLAB?.[ext.name];
  if (!container) throw new Error(`${ext.name}: its remoteEntry defined no container`);
  await container.init(__webpack_share_scopes__.default);
}

async function bootstrap() {
  const federated = pageOption("federated_extensions", []);
  const base = pageOption("fullLabextensionsUrl", "");
  const results = await Promise.allSettled(federated.map((ext) => initContainer(base, ext)));
  for (const r of results) if (r.status === "rejected") console.error(r.reason);
  const { main } = await import("./main.js");
  await main(federated);
}

void bootstrap();
