"""PyTorch side of bench/cuda/keras.bench.ts, on the same GPU in the same run.

Prints one JSON object: {"device": name, "cnn": {"32": seconds, ...}, "mlp_epoch": seconds}:
the chapter 14 CNN's full training step (forward, loss, backward, Adam update) per batch size,
best of several after a warm-up, and one epoch of the chapter 10 MLP (n examples, batch 32, SGD)
with the data already on the GPU, the loss read back each step as Keras' progress bar does.
float32, TF32 off on both sides.
"""
import json
import sys
import time

import torch

torch.backends.cuda.matmul.allow_tf32 = False
torch.backends.cudnn.allow_tf32 = False
dev = torch.device("cuda")


def sync_time(fn):
    torch.cuda.synchronize()
    t = time.perf_counter()
    fn()
    torch.cuda.synchronize()
    return time.perf_counter() - t


def cnn():
    def conv(i, o, k):
        return [torch.nn.Conv2d(i, o, k, padding=k // 2), torch.nn.ReLU()]

    return torch.nn.Sequential(
        *conv(1, 64, 7), torch.nn.MaxPool2d(2), *conv(64, 128, 3), *conv(128, 128, 3), torch.nn.MaxPool2d(2),
        *conv(128, 256, 3), *conv(256, 256, 3), torch.nn.MaxPool2d(2), torch.nn.Flatten(),
        torch.nn.Linear(2304, 128), torch.nn.ReLU(), torch.nn.Linear(128, 64), torch.nn.ReLU(), torch.nn.Linear(64, 10),
    ).to(dev)


def main():
    batches = [int(s) for s in sys.argv[1].split(",")]
    n = int(sys.argv[2])
    out = {"device": torch.cuda.get_device_name(0), "cnn": {}}
    loss_fn = torch.nn.CrossEntropyLoss()
    for bs in batches:
        net = cnn()
        opt = torch.optim.Adam(net.parameters())
        x = torch.rand(bs, 1, 28, 28, device=dev)
        y = torch.randint(0, 10, (bs,), device=dev)

        def step():
            opt.zero_grad(set_to_none=True)
            loss = loss_fn(net(x), y)
            loss.backward()
            opt.step()
            loss.item()

        step()
        out["cnn"][str(bs)] = min(sync_time(step) for _ in range(10))
    mlp = torch.nn.Sequential(
        torch.nn.Flatten(), torch.nn.Linear(784, 300), torch.nn.ReLU(), torch.nn.Linear(300, 100), torch.nn.ReLU(),
        torch.nn.Linear(100, 10),
    ).to(dev)
    opt = torch.optim.SGD(mlp.parameters(), lr=0.01)
    X = torch.rand(n, 28, 28, device=dev)
    Y = torch.randint(0, 10, (n,), device=dev)

    def epoch():
        perm = torch.randperm(n, device=dev)
        for s in range(0, n, 32):
            idx = perm[s : s + 32]
            opt.zero_grad(set_to_none=True)
            loss = loss_fn(mlp(X[idx]), Y[idx])
            loss.backward()
            opt.step()
            loss.item()

    epoch()
    out["mlp_epoch"] = min(sync_time(epoch) for _ in range(3))
    print(json.dumps(out))


main()
