import type { TopLevelSpec } from "vega-lite";
import type { Spec, View } from "vega";
import type { LoggerInterface } from "vega-util";
import type { JsonObject } from "../json.js";
import { collectingLogger, vegaLibs, type Diagnostics } from "./vega-libs.js";

/** A compiled spec and what the compiler said about it. */
export interface Compiled {
  vega: Spec;
  diagnostics: Diagnostics;
}

/** Compiles a Vega-Lite spec to Vega, collecting warnings (tests assert there are none). */
export function compileSpec(spec: JsonObject): Compiled {
  const diagnostics: Diagnostics = { warnings: [], errors: [] };
  const { vl } = vegaLibs();
  const logger = collectingLogger(diagnostics) as unknown as NonNullable<
    Parameters<typeof vl.compile>[1]
  >["logger"];
  const out = vl.compile(spec as unknown as TopLevelSpec, { logger });
  return { vega: out.spec, diagnostics };
}

function makeView(spec: JsonObject, diagnostics: Diagnostics): View {
  const { vega } = vegaLibs();
  const compiled = compileSpec(spec);
  diagnostics.warnings.push(...compiled.diagnostics.warnings);
  diagnostics.errors.push(...compiled.diagnostics.errors);
  const view = new vega.View(vega.parse(compiled.vega), { renderer: "none" });
  view.logger(collectingLogger(diagnostics) as unknown as LoggerInterface);
  return view;
}

// The parts of Vega's View and scenegraph the synchronous path reads. They are internal to
// vega-view 5 (what view.toSVG() itself uses); the tests render every gallery figure both ways
// and require identical SVG, so an upgrade that changes them fails loudly.
interface ViewInternals {
  _pulse: unknown;
  _viewWidth: number;
  _viewHeight: number;
  _origin: [number, number];
  padding(): { top: number; bottom: number; left: number; right: number };
  background(): string | null;
  loader(): unknown;
  scenegraph(): { root: SceneMark };
}
interface SceneMark {
  marktype: string;
  items: SceneItem[];
}
interface SceneItem {
  url?: string;
  image?: unknown;
  items?: SceneMark[];
}
interface HeadlessSvg {
  initialize(el: null, w: number, h: number, origin: [number, number], scale: number): HeadlessSvg;
  background(c: string | null): HeadlessSvg;
  render(scene: SceneMark): HeadlessSvg;
  svg(): string;
}

// Image marks normally load their URL asynchronously before drawing; plt's images are data
// URLs with explicit sizes, so the renderer can be handed them as already "loaded".
function preloadImages(mark: SceneMark): void {
  for (const item of mark.items ?? []) {
    if (mark.marktype === "image" && item.url)
      item.image = { complete: true, width: 0, height: 0, src: item.url, url: item.url };
    for (const child of item.items ?? []) preloadImages(child);
  }
}

/**
 * Renders a Vega-Lite spec to an SVG string synchronously. Vega's dataflow runs synchronously
 * when every dataset is inline (plt's always are), so `view.run()` completes before returning;
 * the scenegraph is then drawn with Vega's own headless SVG renderer, exactly as `toSVG` does.
 */
export function renderSvgSync(
  spec: JsonObject,
  diagnostics: Diagnostics = { warnings: [], errors: [] },
): string {
  const { vega } = vegaLibs();
  const view = makeView(spec, diagnostics);
  view.run();
  const v = view as unknown as ViewInternals;
  if (v._pulse)
    throw new Error(
      "plt: Vega did not finish rendering synchronously; use the async display (tensorbook.displayAsync) or savefig",
    );
  const pad = v.padding();
  const width = Math.max(0, v._viewWidth + pad.left + pad.right);
  const height = Math.max(0, v._viewHeight + pad.top + pad.bottom);
  const origin: [number, number] = [pad.left + v._origin[0], pad.top + v._origin[1]];
  const renderModule = vega.renderModule as unknown as (name: string) => {
    headless: new (loader: unknown) => HeadlessSvg;
  };
  const Renderer = renderModule("svg").headless;
  const root = v.scenegraph().root;
  preloadImages(root);
  const r = new Renderer(v.loader()).initialize(null, width, height, origin, 1).background(v.background());
  const svg = r.render(root).svg();
  view.finalize();
  return svg;
}

/** Renders a Vega-Lite spec to an SVG string with Vega's public asynchronous API. */
export async function renderSvgAsync(
  spec: JsonObject,
  diagnostics: Diagnostics = { warnings: [], errors: [] },
): Promise<string> {
  const view = makeView(spec, diagnostics);
  await view.runAsync();
  const svg = await view.toSVG();
  view.finalize();
  return svg;
}
