#!/usr/bin/env python3
"""Times the learned-model layout in PyTorch on the CPU, the reference for `ddim-explorer bench`.

With torch.set_num_threads(2) and torch.set_flush_denormal(True), on toy_mlp.ToyMLP with the
default layout (H 128, L 3, D 32, F 8):
- training: steps per second at batch 512 of the DDPM objective (uniform t, Gaussian noise,
  diffusers' add_noise, epsilon MSE) with AdamW and gradient-norm clipping at 1, on fresh
  two-moons batches; after a warm-up, the median over --samples timed blocks of --train-steps
  steps each;
- inference: one forward pass over 100,000 points at one timestep under torch.no_grad(); the
  median over --samples repeats after a warm-up.
Each also reports the median process CPU time (over both threads), which a busy machine distorts less.
Prints JSON in the conventions of bench_diffusers.py (torch, diffusers, threads, load_average,
results) with the MLP under the key "mlp"; "results" holds DDIMScheduler.step timings only with
--scheduler (the same measurement as bench_diffusers.py), so the document also serves
`ddim-explorer bench --diffusers FILE`.

Reproduce (never in CI):
    /work/venv/bin/python Tests/Scripts/bench_torch_mlp.py > torch_mlp.json
"""
import argparse
import json
import os
import statistics
import sys
import time

import diffusers
import numpy as np
import torch
from diffusers import DDIMScheduler

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from toy_mlp import Layout, ToyMLP, ddpm_loss, two_moons  # noqa: E402

BATCH = 512
INFERENCE_POINTS = 100_000


def time_training(layout, batch, steps_per_block, blocks, warmup_steps):
    torch.manual_seed(0)
    model = ToyMLP(layout)
    scheduler = DDIMScheduler(clip_sample=False)
    optimizer = torch.optim.AdamW(model.parameters(), lr=1e-3)
    generator = torch.Generator().manual_seed(0)
    rng = np.random.default_rng(0)
    data = [torch.from_numpy(two_moons(batch, rng)) for _ in range(16)]

    def step(i):
        loss = ddpm_loss(model, scheduler, data[i % len(data)], "epsilon", generator)
        optimizer.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()
        return loss.item()

    for i in range(warmup_steps):
        step(i)
    per_step, cpu_per_step, loss = [], [], 0.0
    for _ in range(blocks):
        start, cpu_start = time.perf_counter(), time.process_time()
        for i in range(steps_per_block):
            loss = step(i)
        per_step.append((time.perf_counter() - start) / steps_per_block)
        cpu_per_step.append((time.process_time() - cpu_start) / steps_per_block)
    median = statistics.median(per_step)
    return {"batch": batch, "steps_per_second": 1 / median, "median_step_ms": median * 1e3,
            "min_step_ms": min(per_step) * 1e3, "median_cpu_step_ms": statistics.median(cpu_per_step) * 1e3,
            "steps_per_block": steps_per_block, "blocks": blocks,
            "warmup_steps": warmup_steps, "final_loss": loss}


def time_inference(layout, count, samples, timestep):
    torch.manual_seed(0)
    model = ToyMLP(layout).eval()
    x = torch.randn((count, 2), generator=torch.Generator().manual_seed(1), dtype=torch.float32)
    times, cpu_times, checksum = [], [], 0.0
    with torch.no_grad():
        for _ in range(2):
            checksum += float(model(x, timestep)[0, 0])
        for _ in range(samples):
            start, cpu_start = time.perf_counter(), time.process_time()
            checksum += float(model(x, timestep)[0, 0])
            times.append(time.perf_counter() - start)
            cpu_times.append(time.process_time() - cpu_start)
    return {"n": count, "timestep": timestep, "median_ms": statistics.median(times) * 1e3,
            "min_ms": min(times) * 1e3, "median_cpu_ms": statistics.median(cpu_times) * 1e3,
            "samples": samples, "checksum": checksum}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--samples", type=int, default=9, help="timed blocks / repeats (median reported)")
    parser.add_argument("--train-steps", type=int, default=50, help="training steps per timed block")
    parser.add_argument("--warmup", type=int, default=20, help="training steps before timing")
    parser.add_argument("--scheduler", action="store_true",
                        help="also time DDIMScheduler.step as bench_diffusers.py does, into results")
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    torch.set_flush_denormal(True)
    layout = Layout()
    mlp = {"layout": {"hidden": layout.hidden, "layers": layout.layers, "time_embedding": layout.time_embedding,
                      "fourier_features": layout.fourier_features},
           "train": time_training(layout, BATCH, args.train_steps, args.samples, args.warmup),
           "inference": time_inference(layout, INFERENCE_POINTS, args.samples, 500)}
    document = {"torch": torch.__version__, "diffusers": diffusers.__version__, "threads": args.threads}
    results = []
    if args.scheduler:
        import bench_diffusers
        document["timestep"], results = bench_diffusers.measure(bench_diffusers.SIZES, 15)
    document["load_average"] = os.getloadavg() if hasattr(os, "getloadavg") else None
    document.update({"results": results, "mlp": mlp})
    print(json.dumps(document, indent=2))


if __name__ == "__main__":
    main()
