/** `sk.stats`: scipy.stats distributions for hyperparameter search. */
export {
  randint,
  uniform,
  expon,
  loguniform,
  reciprocal,
  geom,
  Distribution,
  type RvsOptions,
  type LocScale,
} from "./distributions.js";
