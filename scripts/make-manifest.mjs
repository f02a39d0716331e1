#!/usr/bin/env node
// Writes datasets/manifest.json from the files under datasets/: path, bytes, sha256 and what each
// holds. Descriptions and the expected checksums come from datasets/README.md, so a file whose
// bytes disagree with the README stops the script instead of being blessed.
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../datasets/", import.meta.url));

function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
  );
}

// README table rows: | folder | file | bytes | sha256 | contents | source | licence |
function readmeRows() {
  const rows = new Map();
  let folder = "";
  for (const line of readFileSync(join(root, "README.md"), "utf8").split("\n")) {
    const cells = line.split("|").map((c) => c.trim());
    if (cells.length < 9 || !/^[0-9a-f]{64}$/.test(cells[4].replaceAll("`", ""))) continue;
    const f = cells[1].replaceAll("`", "");
    if (f && f !== "(top)") folder = f;
    else if (f === "(top)") folder = "";
    const file = cells[2].replaceAll("`", "").replaceAll("*", "");
    rows.set(folder + file, {
      bytes: Number(cells[3].replaceAll(",", "")),
      sha256: cells[4].replaceAll("`", ""),
      holds: cells[5].replaceAll("`", "").replaceAll("**", ""),
    });
  }
  return rows;
}

const known = readmeRows();
const files = walk(root)
  .map((p) => relative(root, p).split("\\").join("/"))
  .filter((p) => p !== "manifest.json" && p !== "README.md")
  .sort();

const entries = files.map((path) => {
  const data = readFileSync(join(root, path));
  const sha256 = createHash("sha256").update(data).digest("hex");
  const row = known.get(path);
  if (row && (row.sha256 !== sha256 || row.bytes !== data.length)) {
    throw new Error(`datasets/${path}: bytes or sha256 differ from datasets/README.md`);
  }
  const holds = row?.holds || (/readme|license|\.rst$/i.test(path) ? "description and licence notes" : "");
  return { path, bytes: statSync(join(root, path)).size, sha256, holds };
});

const missing = [...known.keys()].filter((k) => !files.includes(k));
const manifest = {
  description: "Tensorbook's shipped datasets; sources and licences in datasets/README.md.",
  files: entries,
  missing: missing.length ? missing : undefined,
};
writeFileSync(join(root, "manifest.json"), JSON.stringify(manifest, null, 2) + "\n");
console.log(
  `datasets/manifest.json: ${entries.length} files, ${entries.reduce((s, e) => s + e.bytes, 0)} bytes`,
);
