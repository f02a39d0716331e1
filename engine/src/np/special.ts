// `np.special`: the few SciPy special functions the curriculum uses (scipy.special.expit...).
export { expit, logit, erf, erfc } from "../ops/math.js";
