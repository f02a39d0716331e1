// Python's str.format for checkpoint paths: `{epoch:02d}`, `{val_loss:.2f}`, `{loss}`, with
// the fill/width/precision/type parts of the format spec a path needs.

const FIELD = /\{([A-Za-z_][A-Za-z0-9_]*)(?::([^}]*))?\}/g;
const SPEC = /^(?:(.)?([<>^=]))?([+\- ]?)(0?)(\d*)(?:\.(\d+))?([deEfFgG%s]?)$/;

/**
 * Fills `{name}` and `{name:spec}` fields from `values`, as Python's `str.format`.
 *
 * @example
 * ```ts
 * formatPath("ckpt_{epoch:02d}_{val_loss:.2f}.h5", { epoch: 3, val_loss: 0.4567 }); // "ckpt_03_0.46.h5"
 * ```
 */
export function formatPath(template: string, values: Readonly<Record<string, number>>): string {
  return template.replace(FIELD, (whole, name: string, spec: string | undefined) => {
    if (!(name in values)) {
      throw new RangeError(
        `Failed to format this callback filepath: "${template}". Reason: the key '${name}' is not in the logs (${Object.keys(values).join(", ")})`,
      );
    }
    return spec === undefined ? pyStr(values[name]) : applySpec(values[name], spec, whole);
  });
}

function pyStr(v: number): string {
  if (Number.isInteger(v)) return String(v);
  return String(v);
}

function applySpec(v: number, spec: string, field: string): string {
  const m = SPEC.exec(spec);
  if (!m) throw new RangeError(`Unsupported format spec in ${field}`);
  const [, fillChar, align, sign, zero, widthText, precText, type] = m;
  const prec = precText === undefined ? undefined : Number(precText);
  let body: string;
  switch (type) {
    case "d":
      body = Math.round(v).toString();
      break;
    case "f":
    case "F":
      body = v.toFixed(prec ?? 6);
      break;
    case "e":
    case "E":
      body = pyExp(v, prec ?? 6);
      if (type === "E") body = body.toUpperCase();
      break;
    case "%":
      body = (v * 100).toFixed(prec ?? 6) + "%";
      break;
    case "g":
    case "G":
      body = String(Number(v.toPrecision(prec ?? 6)));
      break;
    default:
      body = prec === undefined ? pyStr(v) : String(Number(v.toPrecision(prec)));
  }
  if (sign === "+" && v >= 0) body = "+" + body;
  const width = widthText ? Number(widthText) : 0;
  if (body.length >= width) return body;
  if (zero && !align) {
    const neg = body.startsWith("-") || body.startsWith("+");
    const head = neg ? body[0] : "";
    return head + body.slice(head.length).padStart(width - head.length, "0");
  }
  const fill = fillChar ?? " ";
  const pad = fill.repeat(width - body.length);
  if (align === "<") return body + pad;
  if (align === "^") {
    const left = Math.floor(pad.length / 2);
    return pad.slice(0, left) + body + pad.slice(left);
  }
  return pad + body;
}

// Python writes exponents with at least two digits: 1.5e-05.
function pyExp(v: number, prec: number): string {
  return v.toExponential(prec).replace(/e([+-])(\d)$/, "e$10$2");
}
