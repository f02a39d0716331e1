// The course catalogue: which chapter notebooks exist, their titles and descriptions, and where a
// learner's own copy of each lives. Titles and descriptions come from the notebook's metadata
// (`metadata.tensorbook.title` / `.description`), else from its first Markdown heading and the
// paragraph after it, else from the file name.

/** Folder of the original chapter notebooks (kept pristine). */
export const COURSE_DIR = "notebooks";
/** Folder of the learners' own copies (git-ignored in the checkout). */
export const WORK_DIR = "my-notebooks";

export interface CourseEntry {
  /** Path of the original, e.g. `notebooks/01_the_machine_learning_landscape.ipynb`. */
  path: string;
  title: string;
  description: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

function cellText(cell: Record<string, unknown>): string {
  const src = cell.source;
  return Array.isArray(src) ? src.join("") : typeof src === "string" ? src : "";
}

function fromFileName(path: string): string {
  const base = path.split("/").pop() ?? path;
  return base
    .replace(/\.ipynb$/, "")
    .replace(/[_-]+/g, " ")
    .replace(/^\s*(\d+)\s*/, "$1 · ")
    .trim();
}

function plain(markdown: string): string {
  return markdown
    .replace(/!\[[^\]]*\]\([^)]*\)/g, "")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[*_`>#]/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** Cuts `s` at a word boundary to about `max` characters. */
export function shorten(s: string, max = 160): string {
  if (s.length <= max) return s;
  const cut = s.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), max * 0.6))}…`;
}

/** The entry of the notebook at `path` whose JSON is `notebook`. */
export function describeNotebook(path: string, notebook: unknown): CourseEntry {
  let title = "";
  let description = "";
  if (isRecord(notebook)) {
    const meta =
      isRecord(notebook.metadata) && isRecord(notebook.metadata.tensorbook)
        ? notebook.metadata.tensorbook
        : {};
    if (typeof meta.title === "string") title = meta.title;
    if (typeof meta.description === "string") description = meta.description;
    const cells = Array.isArray(notebook.cells) ? notebook.cells.filter(isRecord) : [];
    const markdown = cells.filter((c) => c.cell_type === "markdown").map(cellText);
    if (!title || !description) {
      for (const text of markdown) {
        const lines = text.split("\n");
        const h = lines.findIndex((l) => /^#{1,2}\s/.test(l));
        if (!title && h >= 0) title = plain(lines[h]);
        const rest = plain(lines.filter((l, i) => i !== h && !/^#/.test(l)).join(" "));
        if (!description && rest) description = rest;
        if (title && description) break;
      }
    }
  }
  return { path, title: title || fromFileName(path), description: shorten(description) };
}

/** Where the learner's copy of `original` lives: same file name under WORK_DIR. */
export function copyPathFor(original: string): string {
  return `${WORK_DIR}/${original.split("/").pop()}`;
}

/** The original a learner's copy came from, or null when `path` is not a copy. */
export function originalPathFor(path: string): string | null {
  return path.startsWith(`${WORK_DIR}/`) && path.endsWith(".ipynb")
    ? `${COURSE_DIR}/${path.slice(WORK_DIR.length + 1)}`
    : null;
}
