/**
 * The estimator classes `sk.load` can rebuild, by class name. Every built-in estimator registers
 * itself where it is defined; user classes call `sk.registerEstimator(MyClass)` before loading.
 */
import type { BaseEstimator, EstimatorClass } from "./estimator.js";

const registry = new Map<string, EstimatorClass>();

/**
 * Makes a class known to `sk.load` (and to the contract tests' list of built-ins).
 *
 * @example
 * ```ts
 * sk.registerEstimator(CombinedAttributesAdder);
 * ```
 */
export function registerEstimator<T extends BaseEstimator>(cls: EstimatorClass<T>): void {
  registry.set(cls.name, cls as unknown as EstimatorClass);
}

/** The registered class of that name, or undefined. */
export function estimatorClass(name: string): EstimatorClass | undefined {
  return registry.get(name);
}

/** Names of every registered estimator class. */
export function registeredEstimators(): string[] {
  return [...registry.keys()].sort();
}
