import { tensorHooks } from "../core/tensor.js";
import { arrayRepr, arrayStr } from "./repr.js";
import { arrayHtml } from "./html.js";
import { ARROW_GRID_MIME } from "../display/grid.js";
import { tensorGridBundle } from "./grid.js";

// Installs NumPy-style printing on every tensor: `toString()` is NumPy's str (what `print`
// shows), the display bundle's text/plain is NumPy's repr (what a cell's last expression shows).
tensorHooks.repr = arrayRepr;
tensorHooks.str = arrayStr;
tensorHooks.html = arrayHtml;
tensorHooks.extra = (t) => {
  const grid = tensorGridBundle(t);
  return grid ? { [ARROW_GRID_MIME]: grid } : {};
};

export { arrayRepr, arrayStr } from "./repr.js";
export { setPrintoptions, getPrintoptions, type PrintOptions, type FloatMode } from "./options.js";
