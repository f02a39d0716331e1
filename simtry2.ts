import { np, tf, setDevice, cudaFallbackOps } from "tensorbook";
setDevice("cuda");
const a = np.arange(12).reshape(3, 4).astype("float32");
const b = np.arange(8).reshape(4, 2).astype("float32");
const c = a.matmul(b);
console.log(c.device, c.toArray(), np.exp(a).sum(1).toArray(), a.T.matmul(np.ones([3,2],{dtype:"float32"})).toArray());
console.log(cudaFallbackOps(), tf.memory());
