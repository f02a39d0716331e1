import { plt } from "tensorbook";

/** Compiles a figure's spec and returns it with the compiler's warnings and errors. */
export function compiled(fig: plt.Figure): { spec: plt.JsonObject; warnings: string[]; errors: string[] } {
  const spec = fig.toSpec();
  const { diagnostics } = plt.compileSpec(spec);
  return { spec, ...diagnostics };
}

/** The mark groups of a Vega SVG with how many items each draws (`<path>`, `<text>`, `<line>`, `<image>`). */
export function markGroups(svg: string): { type: string; items: number }[] {
  const out: { type: string; items: number }[] = [];
  const re = /<g class="mark-(\w+) role-mark[^"]*"[^>]*>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(svg))) {
    const type = m[1];
    if (type === "group") continue;
    const end = svg.indexOf("</g>", re.lastIndex);
    const body = svg.slice(re.lastIndex, end);
    out.push({ type, items: (body.match(/<(path|text|line|image|rect)\b/g) ?? []).length });
  }
  return out;
}

/** Total items drawn by marks of a type. */
export function countItems(svg: string, type: string): number {
  return markGroups(svg)
    .filter((g) => g.type === type)
    .reduce((s, g) => s + g.items, 0);
}

/** The texts of an SVG. */
export function texts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
}

/** SVG with Vega's global clip-path and gradient counters renumbered, for comparing two renderings. */
export function normaliseClipIds(svg: string): string {
  const ids = new Map<string, string>();
  return svg.replace(/clip\d+|gradient_\d+/g, (id) => {
    if (!ids.has(id)) ids.set(id, `clip_${ids.size}`);
    return ids.get(id)!;
  });
}
