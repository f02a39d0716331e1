import { checkChoice } from "./options.js";

/** matplotlib marker codes plt understands. */
export const MARKERS = [
  ".",
  ",",
  "o",
  "v",
  "^",
  "<",
  ">",
  "s",
  "p",
  "*",
  "h",
  "H",
  "+",
  "x",
  "X",
  "D",
  "d",
  "|",
  "_",
  "P",
  "8",
  "1",
  "2",
  "3",
  "4",
] as const;
/** A matplotlib marker code. */
export type Marker = (typeof MARKERS)[number];

/** How a marker is drawn by Vega: a symbol shape (name or SVG path in a unit box), filled or stroked. */
export interface MarkerShape {
  shape: string;
  filled: boolean;
  /** Size factor relative to the nominal marker size (the "." point is smaller, as in matplotlib). */
  scale: number;
}

// Regular polygon path in Vega's unit symbol box ([-1, 1] squared).
function polygon(n: number, rotate = -Math.PI / 2): string {
  const pts = Array.from({ length: n }, (_, i) => {
    const a = rotate + (2 * Math.PI * i) / n;
    return `${+Math.cos(a).toFixed(4)},${+Math.sin(a).toFixed(4)}`;
  });
  return `M${pts.join("L")}Z`;
}

function star(): string {
  const pts = Array.from({ length: 10 }, (_, i) => {
    const a = -Math.PI / 2 + (Math.PI * i) / 5;
    const r = i % 2 === 0 ? 1 : 0.4;
    return `${+(r * Math.cos(a)).toFixed(4)},${+(r * Math.sin(a)).toFixed(4)}`;
  });
  return `M${pts.join("L")}Z`;
}

const SHAPES: Record<Marker, MarkerShape> = {
  ".": { shape: "circle", filled: true, scale: 0.5 },
  ",": { shape: "square", filled: true, scale: 0.2 },
  o: { shape: "circle", filled: true, scale: 1 },
  v: { shape: "triangle-down", filled: true, scale: 1 },
  "^": { shape: "triangle-up", filled: true, scale: 1 },
  "<": { shape: "triangle-left", filled: true, scale: 1 },
  ">": { shape: "triangle-right", filled: true, scale: 1 },
  s: { shape: "square", filled: true, scale: 1 },
  p: { shape: polygon(5), filled: true, scale: 1 },
  "8": { shape: polygon(8), filled: true, scale: 1 },
  "*": { shape: star(), filled: true, scale: 1.3 },
  h: { shape: polygon(6), filled: true, scale: 1 },
  H: { shape: polygon(6, 0), filled: true, scale: 1 },
  "+": { shape: "M-1,0L1,0M0,-1L0,1", filled: false, scale: 1 },
  x: { shape: "M-1,-1L1,1M-1,1L1,-1", filled: false, scale: 0.8 },
  X: { shape: "cross", filled: true, scale: 1 },
  P: {
    shape:
      "M-0.33,-1L0.33,-1L0.33,-0.33L1,-0.33L1,0.33L0.33,0.33L0.33,1L-0.33,1L-0.33,0.33L-1,0.33L-1,-0.33L-0.33,-0.33Z",
    filled: true,
    scale: 1,
  },
  D: { shape: "diamond", filled: true, scale: 0.9 },
  d: { shape: "M0,-1L0.6,0L0,1L-0.6,0Z", filled: true, scale: 0.9 },
  "|": { shape: "M0,-1L0,1", filled: false, scale: 1 },
  _: { shape: "M-1,0L1,0", filled: false, scale: 1 },
  "1": { shape: "M0,0L0,1M0,0L-0.87,-0.5M0,0L0.87,-0.5", filled: false, scale: 1 },
  "2": { shape: "M0,0L0,-1M0,0L-0.87,0.5M0,0L0.87,0.5", filled: false, scale: 1 },
  "3": { shape: "M0,0L-1,0M0,0L0.5,-0.87M0,0L0.5,0.87", filled: false, scale: 1 },
  "4": { shape: "M0,0L1,0M0,0L-0.5,-0.87M0,0L-0.5,0.87", filled: false, scale: 1 },
};

/** Marker code → Vega symbol; unknown codes fail naming the argument and listing the codes. */
export function markerShape(m: string, fn: string, arg = "marker"): MarkerShape {
  return SHAPES[checkChoice(fn, arg, m, MARKERS)];
}
