// Debian's Chromium driven by playwright-core (no browser download), with a fresh profile, and
// numbered screenshots under test-results/e2e/ for people to look at.
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type BrowserContext, type Page } from "playwright-core";

export const CHROMIUM = process.env.TENSORBOOK_CHROMIUM ?? "/usr/bin/chromium";
const results = fileURLToPath(new URL("../../test-results/e2e/", import.meta.url));

export interface Browser {
  page: Page;
  /** Console errors and page errors seen so far. */
  errors: string[];
  /** Saves test-results/e2e/NN-name.png. */
  shot(name: string): Promise<void>;
  close(): Promise<void>;
}

export async function openBrowser(): Promise<Browser> {
  rmSync(results, { recursive: true, force: true });
  mkdirSync(results, { recursive: true });
  const profile = mkdtempSync(join(tmpdir(), "tb-chromium-"));
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1400, height: 1000 },
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    // Debian's jupyter_server 1.23 lacks the events and identity APIs JupyterLab 4 polls (404s).
    if (m.type() === "error" && !/api\/events\/subscribe|status of 404/.test(m.text())) errors.push(m.text());
  });
  let n = 0;
  return {
    page,
    errors,
    shot: async (name) => {
      n++;
      await page.screenshot({ path: join(results, `${String(n).padStart(2, "0")}-${name}.png`) });
    },
    close: () => context.close(),
  };
}
