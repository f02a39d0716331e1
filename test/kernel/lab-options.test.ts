import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseLabArgs } from "../../kernel/src/cli/lab-options.js";
import { installAdvice } from "../../kernel/src/cli/jupyter-server.js";

describe("tensorbook lab options", () => {
  it("defaults to loopback, a browser and the notebooks folder", () => {
    const o = parseLabArgs([], "/repo");
    assert.deepEqual(o, {
      port: null,
      ip: "127.0.0.1",
      browser: true,
      root: "/repo",
      open: "notebooks",
      stateDir: null,
      verbose: false,
      help: false,
    });
  });

  it("reads --port N, --port=N, --no-browser and paths", () => {
    const o = parseLabArgs([
      "--port",
      "8890",
      "--no-browser",
      "--root=/x",
      "--state-dir",
      "/s",
      "--open",
      "a.ipynb",
    ]);
    assert.ok(!("error" in o));
    assert.equal(o.port, 8890);
    assert.equal(o.browser, false);
    assert.equal(o.root, "/x");
    assert.equal(o.stateDir, "/s");
    assert.equal(o.open, "a.ipynb");
    assert.equal((parseLabArgs(["--port=0"]) as { port: number }).port, 0);
  });

  it("names what is wrong", () => {
    assert.deepEqual(parseLabArgs(["--port", "x"]), { error: '--port needs a port number, got "x"' });
    assert.deepEqual(parseLabArgs(["--bogus"]), { error: 'unknown option "--bogus"' });
    assert.deepEqual(parseLabArgs(["--root"]), { error: "--root needs a value" });
  });

  it("says which Debian packages to install", () => {
    assert.match(installAdvice(), /apt-get install python3-jupyter-server python3-jupyterlab-server/);
  });
});
