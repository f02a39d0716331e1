import { ValueError } from "../core/errors.js";

/** A colour as red, green, blue, alpha in [0, 1]. */
export type Rgba = readonly [number, number, number, number];

/** What plt accepts as a colour: a name, a hex string, "C0"…"C9", a grey level string or an RGB(A) tuple. */
export type ColorSpec =
  string | readonly [number, number, number] | readonly [number, number, number, number];

/** matplotlib's default property cycle ("tab10"), used when no colour is given. */
export const DEFAULT_CYCLE: readonly string[] = [
  "#1f77b4",
  "#ff7f0e",
  "#2ca02c",
  "#d62728",
  "#9467bd",
  "#8c564b",
  "#e377c2",
  "#7f7f7f",
  "#bcbd22",
  "#17becf",
];

// The one-letter colours of format strings, with matplotlib's values (green is dark, cyan,
// magenta and yellow are 75 % saturated), so "g--" looks like it does in the book.
export const LETTER_COLORS: Readonly<Record<string, string>> = {
  b: "#0000ff",
  g: "#008000",
  r: "#ff0000",
  c: "#00bfbf",
  m: "#bf00bf",
  y: "#bfbf00",
  k: "#000000",
  w: "#ffffff",
};

// A working set of CSS colour names (the ones the book and common tutorials use); the full CSS
// list is long and rarely needed, and an unknown name fails with a message listing these.
const NAMED: Readonly<Record<string, string>> = {
  black: "#000000",
  white: "#ffffff",
  red: "#ff0000",
  green: "#008000",
  blue: "#0000ff",
  cyan: "#00ffff",
  magenta: "#ff00ff",
  yellow: "#ffff00",
  orange: "#ffa500",
  purple: "#800080",
  brown: "#a52a2a",
  pink: "#ffc0cb",
  gray: "#808080",
  grey: "#808080",
  lightgray: "#d3d3d3",
  lightgrey: "#d3d3d3",
  darkgray: "#a9a9a9",
  darkgrey: "#a9a9a9",
  silver: "#c0c0c0",
  navy: "#000080",
  teal: "#008080",
  olive: "#808000",
  maroon: "#800000",
  lime: "#00ff00",
  gold: "#ffd700",
  orchid: "#da70d6",
  salmon: "#fa8072",
  coral: "#ff7f50",
  tomato: "#ff6347",
  crimson: "#dc143c",
  indigo: "#4b0082",
  violet: "#ee82ee",
  turquoise: "#40e0d0",
  skyblue: "#87ceeb",
  steelblue: "#4682b4",
  royalblue: "#4169e1",
  lightblue: "#add8e6",
  darkblue: "#00008b",
  darkgreen: "#006400",
  lightgreen: "#90ee90",
  darkred: "#8b0000",
  darkorange: "#ff8c00",
  khaki: "#f0e68c",
  beige: "#f5f5dc",
  tan: "#d2b48c",
  chocolate: "#d2691e",
  firebrick: "#b22222",
  forestgreen: "#228b22",
  seagreen: "#2e8b57",
  limegreen: "#32cd32",
  yellowgreen: "#9acd32",
  slategray: "#708090",
  dodgerblue: "#1e90ff",
  deepskyblue: "#00bfff",
  hotpink: "#ff69b4",
  plum: "#dda0dd",
  lavender: "#e6e6fa",
  wheat: "#f5deb3",
  ivory: "#fffff0",
  "tab:blue": DEFAULT_CYCLE[0],
  "tab:orange": DEFAULT_CYCLE[1],
  "tab:green": DEFAULT_CYCLE[2],
  "tab:red": DEFAULT_CYCLE[3],
  "tab:purple": DEFAULT_CYCLE[4],
  "tab:brown": DEFAULT_CYCLE[5],
  "tab:pink": DEFAULT_CYCLE[6],
  "tab:gray": DEFAULT_CYCLE[7],
  "tab:olive": DEFAULT_CYCLE[8],
  "tab:cyan": DEFAULT_CYCLE[9],
};

function hexByte(h: string): number {
  return parseInt(h, 16) / 255;
}

function parseHex(s: string): Rgba | undefined {
  const m = /^#([0-9a-f]+)$/i.exec(s);
  if (!m) return undefined;
  const h = m[1];
  if (h.length === 3 || h.length === 4) {
    const parts = [...h].map((c) => hexByte(c + c));
    return [parts[0], parts[1], parts[2], parts[3] ?? 1];
  }
  if (h.length === 6 || h.length === 8) {
    return [
      hexByte(h.slice(0, 2)),
      hexByte(h.slice(2, 4)),
      hexByte(h.slice(4, 6)),
      h.length === 8 ? hexByte(h.slice(6, 8)) : 1,
    ];
  }
  return undefined;
}

/** Whether `s` names a colour (used to tell a colour from a format string). */
export function isColorString(s: string): boolean {
  try {
    parseColor(s, "isColor", "color");
    return true;
  } catch {
    return false;
  }
}

/**
 * Parses any colour plt accepts into RGBA; the error names the argument and the accepted forms.
 */
export function parseColor(c: ColorSpec, fn: string, arg: string): Rgba {
  if (typeof c !== "string") {
    if (Array.isArray(c) && (c.length === 3 || c.length === 4) && c.every((v) => typeof v === "number")) {
      const [r, g, b, a = 1] = c as readonly number[];
      return [r, g, b, a];
    }
    throw new ValueError(
      `plt.${fn}: ${arg} must be a colour string or an [r, g, b(, a)] array of numbers in [0, 1]`,
    );
  }
  const s = c.trim().toLowerCase();
  const hex = LETTER_COLORS[s] ?? NAMED[s];
  if (hex !== undefined) return parseHex(hex) as Rgba;
  const fromHex = parseHex(s);
  if (fromHex) return fromHex;
  const cycle = /^c(\d)$/.exec(s);
  if (cycle) return parseHex(DEFAULT_CYCLE[Number(cycle[1])]) as Rgba;
  if (/^(0(\.\d*)?|1(\.0*)?|\.\d+)$/.test(s)) {
    const g = Number(s);
    return [g, g, g, 1];
  }
  throw new ValueError(
    `plt.${fn}: unknown ${arg} ${JSON.stringify(c)}; accepted: one of the letters ${Object.keys(LETTER_COLORS).join(" ")}, ` +
      `"C0"…"C9", a hex string like "#1f77b4", a grey level like "0.5", an [r, g, b] array, or a name (${Object.keys(NAMED).join(", ")})`,
  );
}

function byte(v: number): string {
  return Math.round(Math.min(1, Math.max(0, v)) * 255)
    .toString(16)
    .padStart(2, "0");
}

/** "#rrggbb" of a colour (alpha is carried separately as opacity in the specs). */
export function toHex(c: Rgba): string {
  return `#${byte(c[0])}${byte(c[1])}${byte(c[2])}`;
}

/** Parses a colour and returns its hex and alpha. */
export function colorAndAlpha(c: ColorSpec, fn: string, arg: string): { hex: string; alpha: number } {
  const rgba = parseColor(c, fn, arg);
  return { hex: toHex(rgba), alpha: rgba[3] };
}
