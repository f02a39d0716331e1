// The wire format's signatures, connection files, and the history store.
import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { decode, encode, Signer, WireError } from "../../kernel/src/protocol/wire.js";
import { makeHeader, type JupyterMessage } from "../../kernel/src/protocol/messages.js";
import { endpoint, newConnectionInfo, readConnectionFile } from "../../kernel/src/protocol/connection.js";
import { History } from "../../kernel/src/server/history.js";

const message = (): JupyterMessage => ({
  header: makeHeader("execute_request", "s1"),
  parent_header: {},
  metadata: {},
  content: { code: "1 + 1" },
  buffers: [],
});

test("messages round-trip with HMAC-SHA256 signatures, and tampering is refused", () => {
  const signer = new Signer("secret");
  const m = message();
  const frames = encode(signer, m, [Buffer.from("client-id")]);
  const { identities, message: back } = decode(signer, frames);
  assert.deepEqual(identities.map(String), ["client-id"]);
  assert.deepEqual(back.content, m.content);

  const tampered = [...frames];
  tampered[tampered.length - 1] = Buffer.from(JSON.stringify({ code: "evil()" }));
  assert.throws(
    () => decode(signer, tampered),
    (e: unknown) => e instanceof WireError && e.message === "bad signature",
  );
  assert.throws(() => decode(new Signer("other key"), frames), /bad signature/);
  const unsigned = [...frames];
  unsigned[2] = Buffer.from("");
  assert.throws(() => decode(signer, unsigned), /missing signature/);
  assert.throws(() => decode(signer, [Buffer.from("x")]), /no "<IDS\|MSG>" delimiter/);
});

test("connection files are written and read back, with clear errors", async () => {
  const dir = mkdtempSync(join(tmpdir(), "tensorbook-conn-"));
  const info = await newConnectionInfo(join(dir, "k.json"));
  const back = readConnectionFile(join(dir, "k.json"));
  assert.deepEqual(back, info);
  assert.equal(endpoint(info, "hb"), `tcp://127.0.0.1:${info.hb_port}`);
  assert.throws(() => readConnectionFile(join(dir, "missing.json")), /cannot read the connection file/);
});

test("history answers tail, range and glob search", () => {
  const h = new History();
  h.add(1, "1 + 2");
  h.add(2, "const a = 1;");
  h.add(3, "1 + 2");
  h.setOutput(3, "3");
  assert.deepEqual(h.query({ hist_access_type: "tail", output: false, n: 2 }), [
    [1, 2, "const a = 1;"],
    [1, 3, "1 + 2"],
  ]);
  assert.deepEqual(h.query({ hist_access_type: "range", output: true, session: 1, start: 3, stop: 4 }), [
    [1, 3, ["1 + 2", "3"]],
  ]);
  assert.equal(h.query({ hist_access_type: "search", output: false, pattern: "1 +*" }).length, 2);
  assert.deepEqual(h.query({ hist_access_type: "search", output: false, pattern: "1 +*", unique: true }), [
    [1, 3, "1 + 2"],
  ]);
  assert.equal(h.query({ hist_access_type: "search", output: false, pattern: "const?a*" }).length, 1);
});
