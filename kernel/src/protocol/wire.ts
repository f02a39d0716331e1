// The zeromq wire format: routing ids, the "<IDS|MSG>" delimiter, an HMAC-SHA256 signature and
// four JSON frames, then binary buffers. Every incoming message is verified before it is parsed.
import { createHmac, timingSafeEqual } from "node:crypto";
import { isJsonObject, type JsonObject, type JupyterMessage, type MessageHeader } from "./messages.js";

const DELIMITER = Buffer.from("<IDS|MSG>");

/**
 * Signs and verifies message frames with the connection file's key (HMAC-SHA256). An empty key
 * means "no signing", as the protocol allows for trusted local use.
 *
 * @example
 * ```ts
 * const s = new Signer("secret");
 * s.sign([header, parent, metadata, content]); // "a3f…" (hex)
 * ```
 */
export class Signer {
  readonly #key: string;

  constructor(key: string, scheme = "hmac-sha256") {
    if (key !== "" && scheme !== "hmac-sha256") {
      throw new Error(`unsupported signature scheme "${scheme}"; expected "hmac-sha256"`);
    }
    this.#key = key;
  }

  /** The hex signature of the four JSON frames. */
  sign(frames: readonly Buffer[]): string {
    if (this.#key === "") return "";
    const hmac = createHmac("sha256", this.#key);
    for (const f of frames) hmac.update(f);
    return hmac.digest("hex");
  }

  /** True when `signature` is the right signature of `frames` (constant-time comparison). */
  verify(signature: string, frames: readonly Buffer[]): boolean {
    if (this.#key === "") return true;
    const expected = Buffer.from(this.sign(frames), "utf8");
    const given = Buffer.from(signature, "utf8");
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}

/** A message as received on a ROUTER socket: who sent it, and the message. */
export interface Received {
  identities: Buffer[];
  message: JupyterMessage;
}

/** Why a multipart message was refused. */
export class WireError extends Error {
  override name = "WireError";
}

/**
 * Encodes a message into frames (`identities` first, for ROUTER sockets).
 *
 * @example
 * ```ts
 * await socket.send(encode(signer, message, identities));
 * ```
 */
export function encode(
  signer: Signer,
  message: JupyterMessage,
  identities: readonly Buffer[] = [],
): Buffer[] {
  const parts = [message.header, message.parent_header, message.metadata, message.content].map((p) =>
    Buffer.from(JSON.stringify(p), "utf8"),
  );
  return [...identities, DELIMITER, Buffer.from(signer.sign(parts), "utf8"), ...parts, ...message.buffers];
}

/**
 * Decodes frames into a message, checking the signature first. Throws a {@link WireError}
 * naming what was wrong when the frames are malformed or the signature does not match.
 *
 * @example
 * ```ts
 * const { identities, message } = decode(signer, frames);
 * ```
 */
export function decode(signer: Signer, frames: readonly Buffer[]): Received {
  const at = frames.findIndex((f) => f.equals(DELIMITER));
  if (at < 0) throw new WireError('no "<IDS|MSG>" delimiter frame');
  if (frames.length < at + 6) {
    throw new WireError(
      `expected a signature and 4 JSON frames after the delimiter, got ${frames.length - at - 1}`,
    );
  }
  const signature = frames[at + 1].toString("utf8");
  const parts = frames.slice(at + 2, at + 6);
  if (!signer.verify(signature, parts)) {
    throw new WireError(signature === "" ? "missing signature" : "bad signature");
  }
  const [header, parent, metadata, content] = parts.map((p, i) => {
    let v: unknown;
    try {
      v = JSON.parse(p.toString("utf8"));
    } catch {
      throw new WireError(`frame ${i + 1} after the signature is not JSON`);
    }
    if (!isJsonObject(v)) throw new WireError(`frame ${i + 1} after the signature is not a JSON object`);
    return v;
  });
  if (typeof header.msg_type !== "string" || typeof header.msg_id !== "string") {
    throw new WireError("the header has no msg_type or msg_id string");
  }
  return {
    identities: frames.slice(0, at).map((f) => Buffer.from(f)),
    message: {
      header: header as unknown as MessageHeader,
      parent_header: parent as unknown as MessageHeader,
      metadata: metadata as JsonObject,
      content: content as JsonObject,
      buffers: frames.slice(at + 6).map((f) => Buffer.from(f)),
    },
  };
}
