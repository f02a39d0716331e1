import { Tensor } from "../../core/tensor.js";
import { readTarGz } from "../../datasets/archive.js";
import { DatasetError } from "../../datasets/verify.js";
import { RandomState } from "../../np/random.js";

/** Options of `imdb.loadData`, Keras' keywords in camelCase. */
export interface ImdbOptions {
  /** Keep only the `numWords` most frequent words; rarer ones become `oovChar`. */
  numWords?: number;
  /** Also treat the `skipTop` most frequent words as out of vocabulary. */
  skipTop?: number;
  /** Drop reviews longer than this (counting the start marker). */
  maxlen?: number;
  /** Seed of the shuffle (NumPy's RandomState, as Keras; default 113). */
  seed?: number;
  /** Marker put at the start of every review (default 1; null for none). */
  startChar?: number | null;
  /** Stands for out-of-vocabulary words (default 2; null drops them). */
  oovChar?: number | null;
  /** Word ids are offset by this (default 3: 0 pads, 1 starts, 2 is out of vocabulary). */
  indexFrom?: number;
}

interface Corpus {
  /** Token ids by frequency rank (1 = most frequent), per review; train then test. */
  readonly reviews: Int32Array[];
  readonly labels: Uint8Array;
  readonly trainCount: number;
  readonly words: string[];
}

let cached: Corpus | undefined;

// Words as the Keras index spells them: lower-case letters and digits, with inner apostrophes
// ("it's"); HTML line breaks in the reviews ("<br />") leave the word "br", as in Keras' index.
const WORD = /[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*/gu;

function corpus(): Corpus {
  if (cached) return cached;
  const files = readTarGz("imdb/aclImdb_train_test.tar.gz", (p) => /\/(train|test)\/(pos|neg)\/\d+_\d+\.txt$/.test(p));
  if (files.size !== 50000) {
    throw new DatasetError(`datasets/imdb/aclImdb_train_test.tar.gz: expected 50,000 reviews, found ${files.size}`);
  }
  // A fixed base order: per split, positive reviews by id, then negative ones by id.
  const id = (p: string): number => Number(/\/(\d+)_\d+\.txt$/.exec(p)?.[1] ?? 0);
  const ordered: { path: string; label: number }[] = [];
  for (const split of ["train", "test"]) {
    for (const [kind, label] of [
      ["pos", 1],
      ["neg", 0],
    ] as const) {
      const list = [...files.keys()].filter((p) => p.includes(`/${split}/${kind}/`)).sort((a, b) => id(a) - id(b));
      for (const p of list) ordered.push({ path: p, label });
    }
  }
  const intern = new Map<string, number>();
  const counts: number[] = [];
  const words: string[] = [];
  const raw: Int32Array[] = [];
  for (const { path } of ordered) {
    const text = (files.get(path) as Buffer).toString("utf8").toLowerCase();
    const ids: number[] = [];
    for (const m of text.matchAll(WORD)) {
      const w = m[0];
      let k = intern.get(w);
      if (k === undefined) {
        k = words.length;
        intern.set(w, k);
        words.push(w);
        counts.push(0);
      }
      counts[k]++;
      ids.push(k);
    }
    raw.push(Int32Array.from(ids));
  }
  // Rank words by frequency over all 50,000 reviews, ties alphabetically.
  const order = words.map((_, k) => k).sort((a, b) => counts[b] - counts[a] || (words[a] < words[b] ? -1 : 1));
  const rank = new Int32Array(words.length);
  order.forEach((k, r) => (rank[k] = r + 1));
  const reviews = raw.map((ids) => ids.map((k) => rank[k]));
  cached = {
    reviews,
    labels: Uint8Array.from(ordered, (o) => o.label),
    trainCount: 25000,
    words: order.map((k) => words[k]),
  };
  return cached;
}

/**
 * The word index: word → frequency rank (1 = most frequent), like Keras' `get_word_index()`.
 * Ids in `loadData` sequences are these ranks plus `indexFrom` (3).
 *
 * @example
 * ```ts
 * const index = keras.datasets.imdb.getWordIndex();
 * index["the"]; // 1
 * ```
 */
export function getWordIndex(): Record<string, number> {
  const out: Record<string, number> = Object.create(null) as Record<string, number>;
  corpus().words.forEach((w, i) => (out[w] = i + 1));
  return out;
}

/**
 * IMDb movie reviews as Keras' `imdb.load_data()` returns them: 25,000 training and 25,000
 * test reviews as lists of word ids (ragged arrays) and int32 labels (1 positive, 0 negative),
 * built from the shipped review texts (see docs/datasets.md for how they are tokenised).
 * Each split is shuffled with NumPy's RandomState(seed), as Keras does.
 *
 * @example
 * ```ts
 * const [[xTrain, yTrain], [xTest, yTest]] = keras.datasets.imdb.loadData({ numWords: 10000 });
 * xTrain[0].slice(0, 5); // [1, …]
 * ```
 */
export function loadData(options: ImdbOptions = {}): [[number[][], Tensor], [number[][], Tensor]] {
  const c = corpus();
  const start = options.startChar === undefined ? 1 : options.startChar;
  const oov = options.oovChar === undefined ? 2 : options.oovChar;
  const from = options.indexFrom ?? 3;
  const skipTop = options.skipTop ?? 0;
  const rng = new RandomState(options.seed ?? 113);
  const split = (lo: number, hi: number): [number[][], Tensor] => {
    const perm = Array.from(rng.permutation(hi - lo).dataSync(), (p) => p + lo);
    let xs = perm.map((i) => {
      const ids = Array.from(c.reviews[i], (w) => w + from);
      return start === null ? ids : [start, ...ids];
    });
    let ys = perm.map((i) => c.labels[i]);
    if (options.maxlen !== undefined) {
      const keep = xs.map((x) => x.length < (options.maxlen as number));
      xs = xs.filter((_, i) => keep[i]);
      ys = ys.filter((_, i) => keep[i]);
    }
    const numWords = options.numWords ?? c.words.length + from;
    const inVocab = (w: number): boolean => w >= skipTop && w < numWords;
    xs = xs.map((x) => (oov === null ? x.filter(inVocab) : x.map((w) => (inVocab(w) ? w : oov))));
    return [xs, Tensor.fromTypedArray(Int32Array.from(ys), [ys.length], "int32")];
  };
  return [split(0, c.trainCount), split(c.trainCount, c.reviews.length)];
}
