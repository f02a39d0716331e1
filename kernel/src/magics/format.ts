// Time formatting exactly as IPython prints it for %time and %timeit, so learners see the output
// they know from the book.

// Python's "%.*g" formatting.
function formatG(x: number, precision: number): string {
  if (x === 0) return "0";
  if (!Number.isFinite(x)) return String(x);
  const exp = Math.floor(Math.log10(Math.abs(Number(x.toPrecision(precision)))));
  if (exp < -4 || exp >= precision) {
    const [mant, e] = x.toExponential(precision - 1).split("e");
    const m = mant.includes(".") ? mant.replace(/0+$/, "").replace(/\.$/, "") : mant;
    const n = Number(e);
    return `${m}e${n < 0 ? "-" : "+"}${String(Math.abs(n)).padStart(2, "0")}`;
  }
  const fixed = x.toFixed(Math.max(0, precision - 1 - exp));
  return fixed.includes(".") ? fixed.replace(/0+$/, "").replace(/\.$/, "") : fixed;
}

/**
 * Formats a duration in seconds as IPython's `_format_time` does: `"1.23 ms"`, `"456 ns"`,
 * `"1min 5s"`.
 *
 * @example
 * ```ts
 * formatTime(0.00123); // "1.23 ms"
 * ```
 */
export function formatTime(seconds: number, precision = 3): string {
  if (seconds >= 60) {
    const parts: [string, number][] = [
      ["d", 86400],
      ["h", 3600],
      ["min", 60],
      ["s", 1],
    ];
    const out: string[] = [];
    let left = seconds;
    for (const [suffix, length] of parts) {
      const value = Math.trunc(left / length);
      if (value > 0) {
        left = left % length;
        out.push(`${value}${suffix}`);
      }
      if (left < 1) break;
    }
    return out.join(" ");
  }
  const units = ["s", "ms", "\u00b5s", "ns"];
  const scaling = [1, 1e3, 1e6, 1e9];
  const order = seconds > 0 ? Math.min(-Math.floor(Math.floor(Math.log10(seconds)) / 3), 3) : 3;
  return `${formatG(seconds * scaling[order], precision)} ${units[order]}`;
}

/**
 * The two lines `%time` prints, given CPU user/system and wall seconds.
 *
 * @example
 * ```ts
 * formatCpuTimes(0.001, 0, 0.0012); // "CPU times: user 1 ms, sys: 0 ns, total: 1 ms\nWall time: 1.2 ms\n"
 * ```
 */
export function formatCpuTimes(user: number, sys: number, wall: number): string {
  return (
    `CPU times: user ${formatTime(user)}, sys: ${formatTime(sys)}, total: ${formatTime(user + sys)}\n` +
    `Wall time: ${formatTime(wall)}\n`
  );
}

/**
 * What `%timeit` prints for per-run totals `runs` (seconds) of `loops` loops each, including
 * IPython's warning when the slowest run was much slower than the fastest.
 *
 * @example
 * ```ts
 * formatTimeit([0.2, 0.21], 1000); // "205 µs ± 5 µs per loop (mean ± std. dev. of 2 runs, 1,000 loops each)\n"
 * ```
 */
export function formatTimeit(runs: readonly number[], loops: number): string {
  const timings = runs.map((r) => r / loops);
  const mean = timings.reduce((a, b) => a + b, 0) / timings.length;
  const std = Math.sqrt(timings.reduce((a, t) => a + (t - mean) ** 2, 0) / timings.length);
  const best = Math.min(...timings);
  const worst = Math.max(...timings);
  let warning = "";
  if (worst > 4 * best && best > 0 && worst > 1e-6) {
    warning =
      `The slowest run took ${formatG(worst / best, 2)} times longer than the fastest. ` +
      "This could mean that an intermediate result is being cached.\n";
  }
  const r = runs.length;
  return (
    warning +
    `${formatTime(mean)} \u00b1 ${formatTime(std)} per loop (mean \u00b1 std. dev. of ${r} run${r === 1 ? "" : "s"}, ` +
    `${loops.toLocaleString("en-US")} loop${loops === 1 ? "" : "s"} each)\n`
  );
}
