// Vega draws plain text, so the book's TeX labels ($x_1$, $\theta_0$, $\hat{y}$) are turned into
// Unicode: Greek letters, common operators, sub- and superscripts where Unicode has them, and
// combining accents. What has no Unicode form keeps its letters (\mathbf{x} → x, \frac{a}{b} → a/b).

const SYMBOLS: Readonly<Record<string, string>> = {
  alpha: "α",
  beta: "β",
  gamma: "γ",
  delta: "δ",
  epsilon: "ε",
  varepsilon: "ε",
  zeta: "ζ",
  eta: "η",
  theta: "θ",
  vartheta: "ϑ",
  iota: "ι",
  kappa: "κ",
  lambda: "λ",
  mu: "μ",
  nu: "ν",
  xi: "ξ",
  pi: "π",
  rho: "ρ",
  sigma: "σ",
  tau: "τ",
  upsilon: "υ",
  phi: "φ",
  varphi: "φ",
  chi: "χ",
  psi: "ψ",
  omega: "ω",
  Gamma: "Γ",
  Delta: "Δ",
  Theta: "Θ",
  Lambda: "Λ",
  Xi: "Ξ",
  Pi: "Π",
  Sigma: "Σ",
  Phi: "Φ",
  Psi: "Ψ",
  Omega: "Ω",
  cdot: "·",
  times: "×",
  div: "÷",
  pm: "±",
  mp: "∓",
  leq: "≤",
  le: "≤",
  geq: "≥",
  ge: "≥",
  neq: "≠",
  ne: "≠",
  approx: "≈",
  sim: "∼",
  equiv: "≡",
  infty: "∞",
  partial: "∂",
  nabla: "∇",
  sum: "Σ",
  prod: "Π",
  int: "∫",
  sqrt: "√",
  in: "∈",
  notin: "∉",
  forall: "∀",
  exists: "∃",
  rightarrow: "→",
  to: "→",
  leftarrow: "←",
  Rightarrow: "⇒",
  leftrightarrow: "↔",
  log: "log",
  exp: "exp",
  min: "min",
  max: "max",
  arg: "arg",
  ldots: "…",
  cdots: "⋯",
  dots: "…",
  prime: "′",
  circ: "∘",
  ell: "ℓ",
  mathbb: "",
  langle: "⟨",
  rangle: "⟩",
  quad: " ",
  qquad: "  ",
  ",": " ",
  ";": " ",
  "!": "",
  " ": " ",
  "{": "{",
  "}": "}",
  "%": "%",
  $: "$",
  _: "_",
};

const ACCENTS: Readonly<Record<string, string>> = {
  hat: "\u0302",
  widehat: "\u0302",
  bar: "\u0304",
  overline: "\u0305",
  tilde: "\u0303",
  widetilde: "\u0303",
  vec: "\u20d7",
  dot: "\u0307",
  ddot: "\u0308",
  check: "\u030c",
};

const STRIP = new Set([
  "mathbf",
  "mathrm",
  "mathit",
  "textrm",
  "text",
  "boldsymbol",
  "mathcal",
  "operatorname",
  "left",
  "right",
  "displaystyle",
  "mathsf",
  "textbf",
  "textit",
]);

const SUB: Readonly<Record<string, string>> = {
  "0": "₀",
  "1": "₁",
  "2": "₂",
  "3": "₃",
  "4": "₄",
  "5": "₅",
  "6": "₆",
  "7": "₇",
  "8": "₈",
  "9": "₉",
  "+": "₊",
  "-": "₋",
  "=": "₌",
  "(": "₍",
  ")": "₎",
  a: "ₐ",
  e: "ₑ",
  h: "ₕ",
  i: "ᵢ",
  j: "ⱼ",
  k: "ₖ",
  l: "ₗ",
  m: "ₘ",
  n: "ₙ",
  o: "ₒ",
  p: "ₚ",
  r: "ᵣ",
  s: "ₛ",
  t: "ₜ",
  u: "ᵤ",
  v: "ᵥ",
  x: "ₓ",
  β: "ᵦ",
  γ: "ᵧ",
  θ: "θ",
};
const SUP: Readonly<Record<string, string>> = {
  "0": "⁰",
  "1": "¹",
  "2": "²",
  "3": "³",
  "4": "⁴",
  "5": "⁵",
  "6": "⁶",
  "7": "⁷",
  "8": "⁸",
  "9": "⁹",
  "+": "⁺",
  "-": "⁻",
  "=": "⁼",
  "(": "⁽",
  ")": "⁾",
  a: "ᵃ",
  b: "ᵇ",
  c: "ᶜ",
  d: "ᵈ",
  e: "ᵉ",
  f: "ᶠ",
  g: "ᵍ",
  h: "ʰ",
  i: "ⁱ",
  j: "ʲ",
  k: "ᵏ",
  l: "ˡ",
  m: "ᵐ",
  n: "ⁿ",
  o: "ᵒ",
  p: "ᵖ",
  r: "ʳ",
  s: "ˢ",
  t: "ᵗ",
  u: "ᵘ",
  v: "ᵛ",
  w: "ʷ",
  x: "ˣ",
  y: "ʸ",
  z: "ᶻ",
  T: "ᵀ",
  "′": "′",
  "*": "*",
  "−": "⁻",
};

// Reads one TeX argument: a {group} or a single (possibly escaped) token.
function readArg(s: string, i: number): [string, number] {
  while (s[i] === " ") i++;
  if (s[i] === "{") {
    let depth = 1;
    let j = i + 1;
    while (j < s.length && depth > 0) {
      if (s[j] === "{") depth++;
      else if (s[j] === "}") depth--;
      j++;
    }
    return [s.slice(i + 1, j - 1), j];
  }
  if (s[i] === "\\") {
    const m = /^\\([a-zA-Z]+|.)/.exec(s.slice(i));
    const tok = m ? m[0] : "\\";
    return [tok, i + tok.length];
  }
  return [s[i] ?? "", i + 1];
}

function script(text: string, table: Readonly<Record<string, string>>, mark: string): string {
  const chars = [...text];
  if (chars.every((c) => table[c] !== undefined)) return chars.map((c) => table[c]).join("");
  return chars.length === 1 ? `${mark}${text}` : `${mark}(${text})`;
}

function math(s: string): string {
  let out = "";
  let i = 0;
  while (i < s.length) {
    const ch = s[i];
    if (ch === "\\") {
      const m = /^\\([a-zA-Z]+|.)/.exec(s.slice(i));
      const name = m ? m[1] : "";
      i += name.length + 1;
      if (name in ACCENTS) {
        const [arg, j] = readArg(s, i);
        out += math(arg) + ACCENTS[name];
        i = j;
      } else if (name === "frac") {
        const [a, j] = readArg(s, i);
        const [b, k] = readArg(s, j);
        const wrap = (t: string): string => (t.length > 1 ? `(${t})` : t);
        out += `${wrap(math(a))}/${wrap(math(b))}`;
        i = k;
      } else if (name === "sqrt") {
        const [a, j] = readArg(s, i);
        const inner = math(a);
        out += inner.length > 1 ? `√(${inner})` : `√${inner}`;
        i = j;
      } else if (STRIP.has(name)) {
        // font switches keep their argument; \left( keeps the bracket that follows
      } else if (name in SYMBOLS) {
        out += SYMBOLS[name];
      } else {
        out += name;
      }
    } else if (ch === "_" || ch === "^") {
      const [arg, j] = readArg(s, i + 1);
      out += script(math(arg), ch === "_" ? SUB : SUP, ch);
      i = j;
    } else if (ch === "{" || ch === "}") {
      i++;
    } else if (ch === "-") {
      out += "−";
      i++;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

/**
 * Turns matplotlib mathtext (`"$\\theta_0$"`, `"$\\hat{y}$"`) into Unicode (`"θ₀"`, `"ŷ"`);
 * text outside `$…$` is kept; `\$` is a literal dollar.
 */
export function texToUnicode(text: string): string {
  if (!text.includes("$")) return text;
  const parts = text.split(/(?<!\\)\$/);
  if (parts.length % 2 === 0) return text.replace(/\\\$/g, "$"); // unbalanced: leave as written
  // NFC turns letter + combining accent into the precomposed letter where one exists (ŷ)
  return parts
    .map((p, k) => (k % 2 === 1 ? math(p) : p.replace(/\\\$/g, "$")))
    .join("")
    .normalize("NFC");
}
