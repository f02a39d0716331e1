/**
 * Every estimator the contract suite (contract.test.ts) checks. Append a case for each new
 * estimator: `make` builds it with typical options; `kind` picks the default data and the method
 * whose output must be deterministic and survive `sk.dump`/`sk.load`.
 */
import { sk } from "../../../engine/src/index.js";

/** Data a case fits on; defaults come from `kind`. */
export interface CaseData {
  X: sk.ArrayInput;
  y?: sk.TargetInput;
}

/** One estimator under contract. */
export interface ContractCase {
  /** Shown in test names; usually the class name plus distinguishing options. */
  name: string;
  /** A fresh, unfitted estimator. */
  make: () => sk.BaseEstimator;
  /** Which default data to use and which method to compare (`transform` or `predict`). */
  kind: "transformer" | "classifier" | "regressor";
  /** Custom training data (e.g. strings for encoders, labels for label encoders). */
  data?: () => CaseData;
  /** Whether NaN in X is accepted (imputers, encoders). */
  acceptsNaN?: boolean;
  /** Checks to skip, with the reason in a comment: "shape", "nan", "persist", "features". */
  skip?: readonly string[];
}

/** The list: the core branch's estimators first, models appended by the models branch. */
export const ESTIMATORS: ContractCase[] = [
  { name: "StandardScaler", make: () => new sk.StandardScaler(), kind: "transformer", acceptsNaN: true },
  {
    name: "StandardScaler(withMean=false)",
    make: () => new sk.StandardScaler({ withMean: false }),
    kind: "transformer",
    acceptsNaN: true,
  },
];
