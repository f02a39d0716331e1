import { ValueError } from "../core/errors.js";
import { LETTER_COLORS } from "./colors.js";
import { MARKERS, type Marker } from "./markers.js";

/** A line style: matplotlib's codes and names. */
export type LineStyle =
  "-" | "--" | "-." | ":" | "" | "None" | "solid" | "dashed" | "dashdot" | "dotted" | "none";

/** Line style codes and names plt accepts. */
export const LINE_STYLES: readonly LineStyle[] = [
  "-",
  "--",
  "-.",
  ":",
  "",
  "None",
  "none",
  "solid",
  "dashed",
  "dashdot",
  "dotted",
];

/** What a format string such as `"r--"` or `"bs"` asks for; absent parts are undefined. */
export interface ParsedFormat {
  color?: string;
  marker?: Marker;
  lineStyle?: "-" | "--" | "-." | ":";
}

/**
 * Parses a matplotlib format string `[color][marker][line]` in any order (`"b."`, `"r-+"`,
 * `"k:"`, `"C1o"`, `"g--"`). A format with a marker but no line style draws markers only, as in
 * matplotlib.
 *
 * @example
 * ```ts
 * parseFormat("r--", "plot"); // { color: "#ff0000", lineStyle: "--" }
 * ```
 */
export function parseFormat(fmt: string, fn: string): ParsedFormat {
  const out: ParsedFormat = {};
  const fail = (why: string): never => {
    throw new ValueError(
      `plt.${fn}: unrecognised format string ${JSON.stringify(fmt)} (${why}); a format string is [color][marker][line] with ` +
        `colors ${Object.keys(LETTER_COLORS).join(" ")} or C0…C9, markers ${MARKERS.join(" ")}, lines - -- -. :`,
    );
  };
  let i = 0;
  while (i < fmt.length) {
    const two = fmt.slice(i, i + 2);
    const ch = fmt[i];
    if (two === "--" || two === "-.") {
      if (out.lineStyle) fail("two line styles");
      out.lineStyle = two;
      i += 2;
    } else if (ch === "-" || ch === ":") {
      if (out.lineStyle) fail("two line styles");
      out.lineStyle = ch;
      i += 1;
    } else if (ch === "C" && /\d/.test(fmt[i + 1] ?? "")) {
      if (out.color) fail("two colours");
      out.color = `C${fmt[i + 1]}`;
      i += 2;
    } else if (ch in LETTER_COLORS) {
      if (out.color) fail("two colours");
      out.color = ch;
      i += 1;
    } else if ((MARKERS as readonly string[]).includes(ch)) {
      if (out.marker) fail("two markers");
      out.marker = ch as Marker;
      i += 1;
    } else {
      fail(`${JSON.stringify(ch)} is not a colour, marker or line style`);
    }
  }
  return out;
}

/** Normalises a line style code or name into a dash array (empty for solid, null for none). */
export function dashArray(style: string, lineWidth: number): number[] | null {
  switch (style) {
    case "-":
    case "solid":
      return [];
    case "--":
    case "dashed":
      return [3.7 * lineWidth, 1.6 * lineWidth];
    case "-.":
    case "dashdot":
      return [6.4 * lineWidth, 1.6 * lineWidth, 1 * lineWidth, 1.6 * lineWidth];
    case ":":
    case "dotted":
      return [1 * lineWidth, 1.65 * lineWidth];
    default:
      return null;
  }
}
