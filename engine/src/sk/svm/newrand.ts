/**
 * The random numbers of scikit-learn's SVM solvers: a Mersenne Twister (the same MT19937 as
 * NumPy's, seeded by init_genrand) whose 32-bit words go through Lemire's bounded-integer map.
 * The seed itself is drawn as scikit-learn draws it, `RandomState(randomState).randint(2³¹ − 1)`,
 * so the coordinate order of the linear solvers and the probability folds follow the same stream.
 */
import { MT19937 } from "../../random/mt19937.js";
import { checkRandomState, MAX_INT, type RandomStateLike } from "../internal/random.js";

/** A seeded stream of bounded integers. */
export class SolverRandom {
  private readonly mt = new MT19937();
  constructor(readonly seed: number) {
    this.mt.seed(seed);
  }

  /** Restarts the stream from the seed (what each libsvm training call does). */
  reseed(): void {
    this.mt.seed(this.seed);
  }

  /** A uniform integer in [0, range) for 0 < range < 2³¹. */
  below(range: number): number {
    let x = this.mt.nextUint32();
    let lo = Math.imul(x, range) >>> 0;
    if (lo < range) {
      let t = (0x100000000 - range) >>> 0;
      if (t >= range) {
        t -= range;
        if (t >= range) t %= range;
      }
      while (lo < t) {
        x = this.mt.nextUint32();
        lo = Math.imul(x, range) >>> 0;
      }
    }
    return mulHi(x, range);
  }
}

/** The high 32 bits of the 64-bit product of two 32-bit words, exactly (doubles hold 2⁵³). */
function mulHi(x: number, range: number): number {
  const p1 = (x & 0xffff) * range;
  const p2 = (x >>> 16) * range;
  return Math.floor(p2 / 65536) + Math.floor(((p2 % 65536) * 65536 + p1) / 0x100000000);
}

/** The solver seed scikit-learn draws from `randomState` (`rnd.randint(np.iinfo("i").max)`). */
export function solverSeed(randomState: RandomStateLike): number {
  return checkRandomState(randomState).randint(0, MAX_INT);
}
