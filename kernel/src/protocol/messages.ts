// The shapes of Jupyter messages (messaging protocol 5.3) as Tensorbook sends and receives them.

/** Any JSON value, the content type of every message part. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** A JSON object (message content, metadata, MIME bundles). */
export type JsonObject = { [key: string]: JsonValue };

/** The protocol version Tensorbook speaks. */
export const PROTOCOL_VERSION = "5.3";

/**
 * A message header.
 *
 * @example
 * ```ts
 * const h: MessageHeader = makeHeader("kernel_info_request", "session-1");
 * ```
 */
export interface MessageHeader {
  msg_id: string;
  session: string;
  username: string;
  date: string;
  msg_type: string;
  version: string;
}

/**
 * A decoded Jupyter message. `parent_header` is `{}` when the message answers nothing.
 *
 * @example
 * ```ts
 * const m: JupyterMessage = { header, parent_header: {}, metadata: {}, content: {}, buffers: [] };
 * ```
 */
export interface JupyterMessage<C extends JsonObject = JsonObject> {
  header: MessageHeader;
  parent_header: MessageHeader | Record<string, never>;
  metadata: JsonObject;
  content: C;
  buffers: Buffer[];
}

/**
 * A MIME bundle: MIME type → representation (`text/plain` always present in what the kernel
 * sends).
 *
 * @example
 * ```ts
 * const b: MimeBundle = { "text/plain": "3", "text/html": "<b>3</b>" };
 * ```
 */
export type MimeBundle = { [mime: string]: JsonValue };

/**
 * Makes a fresh header for a message of the given type.
 *
 * @example
 * ```ts
 * makeHeader("status", "3f2a").msg_type; // "status"
 * ```
 */
export function makeHeader(msgType: string, session: string, username = "tensorbook"): MessageHeader {
  return {
    msg_id: crypto.randomUUID(),
    session,
    username,
    date: new Date().toISOString(),
    msg_type: msgType,
    version: PROTOCOL_VERSION,
  };
}

/** True when `value` is a plain JSON object (not an array, not null). */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
