// The side panel listing the course: one entry per chapter notebook, title and description;
// clicking opens the learner's own copy.
import { Widget } from "@lumino/widgets";
import { el } from "../dom.js";
import { WORK_DIR, type CourseEntry } from "./catalog.js";

export class CoursePanel extends Widget {
  private readonly list = el("ul", "tb-Course-list");

  constructor(private readonly open: (entry: CourseEntry) => void) {
    super();
    this.id = "tensorbook-course";
    this.addClass("tb-Course");
    this.title.caption = "Tensorbook course";
    const head = el("div", "tb-Course-head");
    head.append(
      el("h2", "", "Tensorbook course"),
      el(
        "p",
        "tb-Course-note",
        `Chapters open as your own copy in ${WORK_DIR}/; the originals stay untouched.`,
      ),
    );
    this.node.append(head, this.list);
    this.list.append(el("li", "tb-Course-empty", "Loading…"));
  }

  /** Shows `entries` (the catalogue). */
  setEntries(entries: CourseEntry[]): void {
    if (entries.length === 0) {
      this.list.replaceChildren(el("li", "tb-Course-empty", "No notebooks found in notebooks/."));
      return;
    }
    this.list.replaceChildren(
      ...entries.map((entry) => {
        const item = el("li", "tb-Course-item");
        const button = el("button", "tb-Course-open");
        button.dataset.path = entry.path;
        button.append(
          el("span", "tb-Course-title", entry.title),
          el("span", "tb-Course-desc", entry.description),
        );
        button.title = `Open your copy of ${entry.path}`;
        button.addEventListener("click", () => this.open(entry));
        item.append(button);
        return item;
      }),
    );
  }
}
