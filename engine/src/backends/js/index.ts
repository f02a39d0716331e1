// Registers every kernel of the pure-TypeScript backend (importing this module is enough).
import "./arithmetic.js";
import "./math.js";
import "./compare.js";
import "./reduce.js";
import "./view-adjoint.js";
import "./nn.js";
import "./conv.js";
import "./softmax.js";
import "./quantile.js";
import "./linalg.js";
import "./gather-scatter.js";
import "./sort.js";
import "./counting.js";
import "./gather-adjoint.js";
import "./dense.js";
