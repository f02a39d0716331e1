// The language side of cells: the REPL transform, is_complete, and the language service's
// completion, inspection and diagnostics across cells.
import assert from "node:assert/strict";
import vm from "node:vm";
import { describe, test } from "node:test";
import { transpileCell } from "../../kernel/src/language/transpile.js";
import { isComplete } from "../../kernel/src/language/is-complete.js";
import { CellService } from "../../kernel/src/language/service.js";
import { CellHistory } from "../../kernel/src/language/context.js";

// Runs transpiled cells in a fresh context with a minimal runtime, as the executor does.
function session() {
  const context = vm.createContext({});
  const runtime = {
    declare: (names: string[]) => {
      for (const n of names)
        if (!(n in context))
          Object.defineProperty(context, n, { value: undefined, writable: true, configurable: true });
    },
    guard: async <T>(v: T) => await v,
    import: async (s: string) => ({ default: { fromDefault: s }, named: `named from ${s}` }),
    require: (s: string) => ({ required: s }),
  };
  // Resolves with the cell's value, inside an array so that a promise value is not awaited.
  const raw = async (code: string): Promise<[unknown] | []> => {
    const t = transpileCell(code, "cell.ts");
    assert.deepEqual(t.errors, []);
    const fn = vm.runInContext(t.js, context) as (
      rt: typeof runtime,
    ) => Promise<{ value: unknown } | undefined>;
    const r = await fn(runtime);
    return r ? [r.value] : [];
  };
  const run = async (code: string): Promise<unknown> => (await raw(code))[0];
  return Object.assign(run, { raw });
}

describe("REPL semantics", () => {
  test("declarations persist across cells and may be declared again", async () => {
    const run = session();
    assert.equal(await run("const x = 1;\nlet y = x + 1;\ny * 10"), 20);
    assert.equal(await run("const x = 'again';\nx"), "again");
    assert.equal(await run("function f(n: number) { return n + y; }\nclass C { v = f(1); }\nnew C().v"), 3);
    assert.equal(
      await run("const { a, b: [c, ...rest] } = { a: 1, b: [2, 3, 4] };\n[a, c, rest.length]").then(String),
      "1,2,2",
    );
  });

  test("functions are hoisted within their cell; let without a value starts undefined", async () => {
    const run = session();
    await run("const r = g();\nfunction g() { return 'hoisted'; }");
    assert.equal(await run("r"), "hoisted");
    await run("let z = 5;");
    assert.equal(await run("let z;\nz"), undefined);
  });

  test("top-level await, imports and the last expression's value", async () => {
    const run = session();
    assert.equal(await run("const v = await Promise.resolve(7);\nv"), 7);
    assert.equal(
      await run('import def, { named } from "pkg";\n[def.fromDefault, named].join(" / ")'),
      "pkg / named from pkg",
    );
    assert.equal(await run('import * as ns from "other";\nns.named'), "named from other");
    // A promise as the last expression is shown, not awaited (as in Node's REPL).
    const [p] = await run.raw("const p = Promise.resolve(1);\np");
    assert.equal(Object.prototype.toString.call(p), "[object Promise]");
    assert.equal(await run("const quiet = 1;"), undefined);
  });

  test("syntax errors name the cell line and column", () => {
    const t = transpileCell("const a = 1;\nconst b = ;", "cell.ts");
    assert.deepEqual(t.errors, [{ line: 2, column: 11, message: "Expression expected." }]);
  });

  test("the source map points back at the cell", () => {
    const t = transpileCell("const a = 1;\n\nthrow new Error('x');", "cell.ts");
    const map = JSON.parse(t.map) as { sources: string[] };
    assert.deepEqual(map.sources, ["cell.ts"]);
  });
});

describe("is_complete", () => {
  test("complete, incomplete (with indent) and invalid code", () => {
    assert.deepEqual(isComplete("1 + 1"), { status: "complete" });
    assert.deepEqual(isComplete("function f() {"), { status: "incomplete", indent: "  " });
    assert.deepEqual(isComplete("const a = [1, {"), { status: "incomplete", indent: "    " });
    assert.equal(isComplete("const s = `abc").status, "incomplete");
    assert.equal(isComplete("const t = `a ${1 + 1} b`").status, "complete");
    assert.equal(isComplete("}").status, "invalid");
    assert.equal(isComplete("const x = );").status, "invalid");
    assert.equal(isComplete("%who").status, "complete");
  });
});

describe("language service", () => {
  const service = new CellService(process.cwd());

  test("completes members and names declared by earlier cells", () => {
    assert.deepEqual(service.complete("Math.flo", 8).matches, ["floor"]);
    service.history.commit(
      "const learningRate = 0.1;\ninterface Opts { loss: 'mse' | 'sparse_categorical_crossentropy' | 'binary_crossentropy' }\nfunction fit(o: Opts) { return o; }",
    );
    const c = service.complete("learningR", 9);
    assert.deepEqual(c.matches, ["learningRate"]);
    assert.equal(c.cursorStart, 0);
    assert.equal(c.cursorEnd, 9);
  });

  test("completes options-object keys and string-literal unions", () => {
    const keys = service.complete("fit({ l", 7);
    assert.deepEqual(keys.matches, ["loss"]);
    const code = 'fit({ loss: "sp" })';
    const literals = service.complete(code, code.indexOf('"sp') + 3);
    assert.deepEqual(literals.matches, ["sparse_categorical_crossentropy"]);
    assert.equal(literals.cursorStart, code.indexOf('"sp') + 1);
  });

  test("inspection gives the signature and documentation", () => {
    const i = service.inspect("Math.floor", 10);
    assert.equal(i.found, true);
    assert.match(i.plain, /floor\(x: number\): number/);
    assert.match(i.plain, /greatest integer/);
  });

  test("diagnostics are positioned in the cell and know earlier cells", () => {
    assert.deepEqual(service.diagnostics("const n: number = learningRate;"), []);
    const [d] = service.diagnostics("\nconst s: string = learningRate;");
    assert.equal(d.line, 2);
    assert.equal(d.column, 7);
    assert.equal(d.code, 2322);
    // Declaring a name again is no error.
    assert.deepEqual(service.diagnostics("const learningRate = 'fast';"), []);
  });

  test("the engine's types are behind `tensorbook`", () => {
    const c = service.complete('import { datasets } from "tensorbook";\ndatasets.datasetP', 56);
    assert.deepEqual(c.matches, ["datasetPath"]);
  });
});

describe("cell history for the type checker", () => {
  test("later declarations shadow earlier ones", () => {
    const h = new CellHistory();
    h.commit("const a = 1;\nconst b = 2;\nconsole.log(a);");
    h.commit("const a = 'x';");
    const { text, offset } = h.compose("a.length");
    assert.equal(text.slice(offset), "a.length\nexport {};\n");
    assert.equal(text.slice(0, offset), "const b = 2;\nconst a = 'x';\n");
  });
});
