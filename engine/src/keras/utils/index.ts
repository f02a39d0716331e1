/**
 * `keras.utils`: the custom-object registry used by saving.
 *
 * @example
 * ```ts
 * keras.utils.registerKerasSerializable({ package: "my" })(MyLayer);
 * ```
 */
export {
  registerKerasSerializable,
  getRegisteredName,
  findCustomObject,
  serializeObject as serializeKerasObject,
  type CustomObjects,
  type RegisterOptions,
  type Registrable,
} from "../common/registry.js";
export type { Config, ConfigValue, Serialized } from "../common/config.js";
