import { createRequire } from "node:module";
import type * as Resvg from "@resvg/resvg-js";
import { rcParams } from "../rc.js";

const require = createRequire(import.meta.url);
let resvg: typeof Resvg | undefined;

/** Options of PNG output. */
export interface PngOptions {
  /** Dots per inch; the SVG is drawn at dpi / figure.dpi times its pixel size (default savefig.dpi). */
  dpi?: number;
  /** Background (default white; "transparent" keeps alpha). */
  background?: string;
}

/**
 * Rasterises an SVG with resvg (a Rust SVG renderer shipped as prebuilt npm binaries: no
 * browser, canvas or download). Text uses the system's fonts, DejaVu Sans first (matplotlib's
 * face), so PNGs can differ slightly between machines with different fonts.
 */
export function svgToPng(svg: string, opts: PngOptions = {}): Uint8Array {
  resvg ??= require("@resvg/resvg-js") as typeof Resvg;
  const zoom = (opts.dpi ?? rcParams["savefig.dpi"]) / rcParams["figure.dpi"];
  const bg = opts.background ?? "white";
  const r = new resvg.Resvg(svg, {
    background: bg === "transparent" ? undefined : bg,
    fitTo: { mode: "zoom", value: zoom },
    font: { loadSystemFonts: true, defaultFontFamily: "DejaVu Sans", sansSerifFamily: "DejaVu Sans" },
  });
  return new Uint8Array(r.render().asPng());
}
