// Learners' copies of the chapter notebooks, through the Jupyter contents API: the originals in
// notebooks/ are never written; a learner works in my-notebooks/, and can reset a copy.
import type { Contents } from "@jupyterlab/services";
import { COURSE_DIR, WORK_DIR, copyPathFor, describeNotebook, type CourseEntry } from "./catalog.js";

async function exists(contents: Contents.IManager, path: string): Promise<boolean> {
  try {
    await contents.get(path, { content: false });
    return true;
  } catch {
    return false;
  }
}

/** Writes the original's cells and outputs over `target` (creating it and its folder). */
export async function copyOriginal(
  contents: Contents.IManager,
  original: string,
  target: string,
): Promise<void> {
  if (!(await exists(contents, WORK_DIR))) await contents.save(WORK_DIR, { type: "directory" });
  const model = await contents.get(original, { type: "notebook", content: true });
  await contents.save(target, { type: "notebook", format: "json", content: model.content });
}

/** The learner's copy of `original`, made from it the first time. */
export async function ensureCopy(contents: Contents.IManager, original: string): Promise<string> {
  const target = copyPathFor(original);
  if (!(await exists(contents, target))) await copyOriginal(contents, original, target);
  return target;
}

/** The chapter notebooks under COURSE_DIR, sorted by file name; empty when there is none. */
export async function loadCatalog(contents: Contents.IManager): Promise<CourseEntry[]> {
  let listing: Contents.IModel;
  try {
    listing = await contents.get(COURSE_DIR, { content: true });
  } catch {
    return [];
  }
  const files = (Array.isArray(listing.content) ? (listing.content as Contents.IModel[]) : [])
    .filter((m) => m.type === "notebook")
    .map((m) => m.path)
    .sort();
  return Promise.all(
    files.map(async (path) => {
      try {
        return describeNotebook(
          path,
          (await contents.get(path, { type: "notebook", content: true })).content,
        );
      } catch {
        return describeNotebook(path, null);
      }
    }),
  );
}
