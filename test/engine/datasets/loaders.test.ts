import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { datasets, keras, pd, sk, type Tensor } from "tensorbook";

interface Summary {
  shape: number[];
  dtype: string;
  target_shape: number[];
  target_dtype: string;
  first_row: number[];
  last_row: number[];
  data_sum: number;
  target_sum: number;
  target_head: number[];
  feature_names: string[];
  target_names: string[];
  descr_start: string;
  images_shape?: number[];
  frame_columns: string[];
  column_sums?: number[];
}

const fx = JSON.parse(
  readFileSync(join(dirname(fileURLToPath(import.meta.url)), "..", "..", "fixtures", "datasets", "datasets.json"), "utf8"),
) as Record<string, Summary> & Record<string, Record<string, unknown>>;

const sum = (t: Tensor): number => Array.from(t.dataSync()).reduce((a, b) => a + b, 0);
const row = (t: Tensor, i: number): number[] => {
  const k = t.size / t.shape[0];
  return Array.from(t.dataSync().slice(i * k, (i + 1) * k));
};
const near = (a: number, b: number, rtol: number, what: string): void =>
  assert.ok(Math.abs(a - b) <= rtol * Math.max(1, Math.abs(b)), `${what}: ${a} vs ${b}`);

describe("sk.datasets toy loaders, against scikit-learn", () => {
  const loaders = {
    iris: sk.datasets.loadIris,
    wine: sk.datasets.loadWine,
    breast_cancer: sk.datasets.loadBreastCancer,
    diabetes: sk.datasets.loadDiabetes,
    digits: sk.datasets.loadDigits,
  };
  for (const [name, load] of Object.entries(loaders)) {
    it(`${name}: shapes, dtypes, values, names, DESCR and the returnXy/asFrame forms`, () => {
      const want = fx[name] as Summary;
      const b = load();
      assert.deepEqual(b.data.shape, want.shape);
      assert.equal(b.data.dtype, "float64");
      assert.deepEqual(b.target.shape, want.target_shape);
      assert.equal(b.target.dtype, want.target_dtype === "int64" ? "int32" : "float64");
      row(b.data, 0).forEach((v, j) => near(v, want.first_row[j], 1e-12, `first row [${j}]`));
      row(b.data, b.data.shape[0] - 1).forEach((v, j) => near(v, want.last_row[j], 1e-12, `last row [${j}]`));
      near(sum(b.data), want.data_sum, 1e-9, "data sum");
      near(sum(b.target), want.target_sum, 1e-12, "target sum");
      assert.deepEqual(b.featureNames, want.feature_names);
      assert.deepEqual(b.targetNames, want.target_names);
      assert.ok(b.DESCR.startsWith(want.descr_start));
      if (want.images_shape) assert.deepEqual(b.images?.shape, want.images_shape);
      const [X, y] = load({ returnXy: true });
      assert.deepEqual([X.shape, y.shape], [want.shape, want.target_shape]);
      const f = load({ asFrame: true });
      assert.deepEqual(f.frame.columns, want.frame_columns);
      assert.deepEqual(f.data.shape, want.shape);
      const [Xf, yf] = load({ returnXy: true, asFrame: true });
      assert.ok(Xf instanceof pd.DataFrame && yf instanceof pd.Series);
    });
  }

  it("fetchCaliforniaHousing derives scikit-learn's 8 features from housing.csv", () => {
    const want = fx.california as Summary;
    const b = sk.datasets.fetchCaliforniaHousing();
    assert.deepEqual(b.data.shape, want.shape);
    assert.deepEqual(b.featureNames, ["MedInc", "HouseAge", "AveRooms", "AveBedrms", "Population", "AveOccup", "Latitude", "Longitude"]);
    // scikit-learn's own first sample (fetch_california_housing().data[0]).
    const sklearnFirst = [8.3252, 41, 6.984126984126984, 1.0238095238095237, 322, 2.5555555555555554, 37.88, -122.23];
    row(b.data, 0).forEach((v, j) => near(v, sklearnFirst[j], 1e-15, `first row [${j}]`));
    near(b.target.item(0) as number, 4.526, 1e-15, "first target");
    near(sum(b.data), want.data_sum, 1e-12, "data sum");
    near(sum(b.target), want.target_sum, 1e-12, "target sum");
    const nan = sk.datasets.fetchCaliforniaHousing({ keepNan: true });
    assert.equal(Array.from(nan.data.dataSync()).filter(Number.isNaN).length, 207);
    assert.match(b.DESCR, /derives the same eight features/);
  });

  it("fetchOpenml('mnist_784') has scikit-learn's shapes, dtypes and string labels", () => {
    const want = fx.mnist as Record<string, number[] | string[] | number>;
    const mnist = sk.datasets.fetchOpenml("mnist_784", { version: 1 });
    assert.deepEqual(mnist.data.shape, [70000, 784]);
    assert.equal(mnist.data.dtype, "float64");
    assert.equal(mnist.target.length, 70000);
    assert.deepEqual(mnist.target.slice(0, 10), want.first_labels);
    assert.equal(sum(mnist.data), (want.train_sum as number) + (want.test_sum as number));
    assert.equal(mnist.featureNames[0], "pixel1");
    assert.throws(() => sk.datasets.fetchOpenml("olivetti"), /"olivetti" is not shipped/);
  });

  it("loads the sample images (decoding within a level of scikit-learn's)", () => {
    for (const name of ["china.jpg", "flower.jpg"]) {
      const want = fx[name] as unknown as { shape: number[]; mean: number; pixel_100_200: number[] };
      const img = sk.datasets.loadSampleImage(name);
      assert.deepEqual(img.shape, want.shape);
      assert.equal(img.dtype, "uint8");
      near(sum(img) / img.size, want.mean, 0.01, `${name} mean`);
      const k = (100 * 640 + 200) * 3;
      const px = Array.from(img.dataSync().slice(k, k + 3));
      px.forEach((v, c) => assert.ok(Math.abs(v - want.pixel_100_200[c]) <= 3, `${name} pixel ${v} vs ${want.pixel_100_200[c]}`));
    }
    assert.equal(sk.datasets.loadSampleImages().images.length, 2);
    assert.throws(() => sk.datasets.loadSampleImage("ladybug.png"), /the sample images are china\.jpg, flower\.jpg/);
  });
});

describe("keras.datasets", () => {
  it("mnist.loadData gives Keras' uint8 arrays", () => {
    const want = fx.mnist as Record<string, number[]>;
    const [[xTrain, yTrain], [xTest, yTest]] = keras.datasets.mnist.loadData();
    assert.deepEqual([xTrain.shape, yTrain.shape, xTest.shape, yTest.shape], [[60000, 28, 28], [60000], [10000, 28, 28], [10000]]);
    assert.equal(xTrain.dtype, "uint8");
    assert.equal(sum(xTest), want.test_sum as unknown as number);
    const counts = new Array<number>(10).fill(0);
    for (const l of yTrain.dataSync()) counts[l]++;
    assert.deepEqual(counts, want.train_label_counts);
    assert.deepEqual(Array.from(xTrain.dataSync().slice(14 * 28, 15 * 28)), want.image_0_row_14);
  });

  it("fashionMnist.loadData says the training images are not shipped, and splits the test set on request", () => {
    assert.throws(() => keras.datasets.fashionMnist.loadData(), (e: Error) => {
      assert.equal(e.name, "DatasetError");
      assert.match(e.message, /fashion_mnist\/train-images-idx3-ubyte\.gz is not shipped/);
      assert.match(e.message, /fromTestSet: true/);
      return true;
    });
    const want = fx.fashion_mnist as Record<string, number[] | number>;
    const [[xTrain, yTrain], [xTest, yTest]] = keras.datasets.fashionMnist.loadData({ fromTestSet: true });
    assert.deepEqual([xTrain.shape, xTest.shape, yTrain.shape, yTest.shape], [[8000, 28, 28], [2000, 28, 28], [8000], [2000]]);
    assert.equal(sum(xTrain) + sum(xTest), want.test_sum);
    assert.deepEqual(Array.from(yTrain.dataSync().slice(0, 10)), want.first_labels);
    assert.equal(keras.datasets.fashionMnist.classNames[9], "Ankle boot");
  });

  it("imdb.loadData and getWordIndex follow Keras' conventions", () => {
    const index = keras.datasets.imdb.getWordIndex();
    assert.equal(index["the"], 1);
    assert.ok(index["br"] < 20, "HTML line breaks leave the word 'br', as in Keras' index");
    const [[xTrain, yTrain], [xTest, yTest]] = keras.datasets.imdb.loadData({ numWords: 10000 });
    assert.equal(xTrain.length, 25000);
    assert.equal(xTest.length, 25000);
    assert.equal(sum(yTrain), 12500);
    assert.equal(sum(yTest), 12500);
    assert.ok(xTrain.every((x) => x[0] === 1 && x.every((w) => w >= 1 && w < 10000)));
    const reverse = new Map(Object.entries(index).map(([w, i]) => [i + 3, w]));
    const words = xTrain[0].slice(1, 6).map((i) => reverse.get(i) ?? "?");
    assert.ok(words.every((w) => typeof w === "string"));
    const [[again]] = keras.datasets.imdb.loadData({ numWords: 10000 });
    assert.deepEqual(again[0], xTrain[0], "the seeded shuffle is reproducible");
    const [[short]] = keras.datasets.imdb.loadData({ maxlen: 100 });
    assert.ok(short.length < 25000 && short.every((x) => x.length < 100));
  });
});

describe("other shipped datasets", () => {
  it("loads housing, lifesat and titanic with the book's read options", () => {
    assert.deepEqual(datasets.loadHousing().shape, [20640, 10]);
    const { oecdBli, gdpPerCapita } = datasets.loadLifesat();
    assert.deepEqual(oecdBli.shape, [3292, 17]);
    assert.equal(gdpPerCapita.col("2015").dtype, "float64");
    const { train, test } = datasets.loadTitanic();
    assert.deepEqual([train.shape, test.shape], [
      [891, 12],
      [418, 11],
    ]);
  });

  it("loads the JSB chorales from the tgz, one int32 tensor per chorale", () => {
    const want = fx.jsb as Record<string, { count: number; first_shape: number[]; first_row: number[]; steps: number }>;
    const ch = datasets.loadJsbChorales();
    for (const split of ["train", "valid", "test"] as const) {
      assert.equal(ch[split].length, want[split].count);
      assert.deepEqual(ch[split][0].shape, want[split].first_shape);
      assert.deepEqual(row(ch[split][0], 0), want[split].first_row);
      assert.equal(ch[split].reduce((s, c) => s + c.shape[0], 0), want[split].steps);
      assert.equal(ch[split][0].dtype, "int32");
    }
  });

  it("loads Shakespeare and the notebook images", () => {
    const text = datasets.loadShakespeare();
    const want = fx.shakespeare as Record<string, number>;
    assert.equal(text.length, want.length);
    assert.equal(new Set(text).size, want.distinct);
    assert.deepEqual(datasets.loadImage("notebook_images/ladybug.png").shape, [533, 800, 3]);
    assert.equal(datasets.loadImage("sample_images/soccer.jpg").shape[1], 640);
  });
});

describe("sk.datasets generators, against scikit-learn with the same seeds", () => {
  const gens = fx.generators as unknown as Record<string, { X: number[][]; y: number[] }>;
  const check = (got: [Tensor, Tensor], want: { X: number[][]; y: number[] }, what: string): void => {
    const [X, y] = got;
    assert.deepEqual(X.shape, [want.X.length, want.X[0].length], `${what} shape`);
    want.X.forEach((r, i) => r.forEach((v, j) => near(row(X, i)[j], v, 1e-13, `${what} X[${i}, ${j}]`)));
    Array.from(y.dataSync()).forEach((v, i) => near(v, want.y[i], 1e-13, `${what} y[${i}]`));
  };
  it("makeMoons, makeCircles, makeBlobs and makeSwissRoll reproduce scikit-learn's samples", () => {
    check(sk.datasets.makeMoons(10, { noise: 0.15, randomState: 42 }), gens.moons, "moons");
    check(sk.datasets.makeMoons(7, { shuffle: false }), gens.moons_plain, "moons unshuffled");
    check(sk.datasets.makeCircles(9, { factor: 0.5, noise: 0.05, randomState: 0 }), gens.circles, "circles");
    check(sk.datasets.makeBlobs(11, { centers: 3, randomState: 7 }), gens.blobs, "blobs");
    const centers = [
      [0.2, 2.3],
      [-1.5, 2.3],
    ];
    check(sk.datasets.makeBlobs([3, 4], { centers, clusterStd: [0.4, 0.3], randomState: 7 }), gens.blobs_given, "blobs with centres");
    check(sk.datasets.makeSwissRoll(6, { noise: 0.2, randomState: 42 }), gens.swiss_roll, "swiss roll");
  });
});
