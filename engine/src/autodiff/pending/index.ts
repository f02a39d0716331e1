// TEMPORARY (see README.md here): registers the op gradients that will live in the op files.
import "./arithmetic-grads.js";
import "./math-grads.js";
import "./compare-grads.js";
import "./reduce-grads.js";
