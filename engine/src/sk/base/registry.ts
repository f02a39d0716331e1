/**
 * The estimator classes `sk.load` can rebuild, by class name. Every built-in estimator registers
 * itself where it is defined; user classes call `sk.registerEstimator(MyClass)` before loading.
 * A class registered with the module that defines it can also be rebuilt in the worker threads
 * of `nJobs` (the worker imports that module first).
 */
import type { BaseEstimator, EstimatorClass } from "./estimator.js";

const registry = new Map<string, EstimatorClass>();
const modules = new Map<string, string>();

/** Options of {@link registerEstimator}. */
export interface RegisterEstimatorOptions {
  /**
   * The module that defines the class and registers it when imported (pass `import.meta.url`):
   * worker threads (`nJobs` > 1) import it, so the class can be rebuilt there.
   */
  module?: string | URL;
}

/**
 * Makes a class known to `sk.load` (and to the contract tests' list of built-ins).
 *
 * @example
 * ```ts
 * sk.registerEstimator(CombinedAttributesAdder);
 * // in a module file, so that nJobs > 1 can run it in worker threads:
 * sk.registerEstimator(CombinedAttributesAdder, { module: import.meta.url });
 * ```
 */
export function registerEstimator<T extends BaseEstimator>(
  cls: EstimatorClass<T>,
  options: RegisterEstimatorOptions = {},
): void {
  registry.set(cls.name, cls as unknown as EstimatorClass);
  if (options.module !== undefined) modules.set(cls.name, String(options.module));
}

/** The registered class of that name, or undefined. */
export function estimatorClass(name: string): EstimatorClass | undefined {
  return registry.get(name);
}

/** The module a class was registered from (`registerEstimator`'s `module`), if any. */
export function estimatorModule(name: string): string | undefined {
  return modules.get(name);
}

/** Names of every registered estimator class. */
export function registeredEstimators(): string[] {
  return [...registry.keys()].sort();
}
