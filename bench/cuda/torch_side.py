"""PyTorch side of bench/cuda/gemm.bench.ts, on the same GPU in the same run.

Prints one JSON object: {"gemm": {"1024": seconds, ...}, "cnn": {"32": seconds, ...}}, best of
several timed runs after a warm-up, with torch.cuda.synchronize() around each, float32, TF32 off
(torch.backends.cuda.matmul.allow_tf32 = False) to match Tensorbook's default.
"""
import json
import sys
import time

import torch

torch.backends.cuda.matmul.allow_tf32 = False
torch.backends.cudnn.allow_tf32 = False
dev = torch.device("cuda")


def best(fn, reps):
    fn()
    torch.cuda.synchronize()
    times = []
    for _ in range(reps):
        t = time.perf_counter()
        fn()
        torch.cuda.synchronize()
        times.append(time.perf_counter() - t)
    return min(times)


def main():
    sizes = [int(s) for s in sys.argv[1].split(",")]
    batches = [int(s) for s in sys.argv[2].split(",")]
    out = {"gemm": {}, "cnn": {}, "device": torch.cuda.get_device_name(0)}
    for n in sizes:
        a = torch.randn(n, n, device=dev)
        b = torch.randn(n, n, device=dev)
        out["gemm"][str(n)] = best(lambda: a @ b, 10 if n <= 4096 else 3)
    # The chapter 14 Fashion-MNIST CNN's conv/pool stack, NHWC data as channels-last.
    net = torch.nn.Sequential(
        torch.nn.Conv2d(1, 64, 7, padding=3, bias=False), torch.nn.ReLU(), torch.nn.MaxPool2d(2),
        torch.nn.Conv2d(64, 128, 3, padding=1, bias=False), torch.nn.ReLU(),
        torch.nn.Conv2d(128, 128, 3, padding=1, bias=False), torch.nn.ReLU(), torch.nn.MaxPool2d(2),
        torch.nn.Conv2d(128, 256, 3, padding=1, bias=False), torch.nn.ReLU(),
        torch.nn.Conv2d(256, 256, 3, padding=1, bias=False), torch.nn.ReLU(), torch.nn.MaxPool2d(2),
    ).to(dev).to(memory_format=torch.channels_last)
    for bs in batches:
        x = torch.randn(bs, 1, 28, 28, device=dev).to(memory_format=torch.channels_last)

        def step():
            net.zero_grad(set_to_none=True)
            net(x).sum().backward()

        out["cnn"][str(bs)] = best(step, 10)
    print(json.dumps(out))


main()
