#!/usr/bin/env python3
"""Times diffusers' DDIMScheduler.step on torch CPU for the sizes `ddim-explorer bench` uses.

For N in 1e3, 1e4, 1e5, 1e6 two-dimensional points and eta in {0, 1}: the median over
repetitions of one scheduler.step(model_output, t, sample, eta=eta, generator=g) on float32
CPU tensors with torch.set_num_threads(2) (eta = 1 draws its noise from the torch.Generator g).
Prints JSON for `ddim-explorer bench --diffusers FILE`.

Reproduce (never in CI; needs torch and diffusers, e.g. pip install torch diffusers):
    /work/venv/bin/python Tests/Scripts/bench_diffusers.py > diffusers.json
    swift run -c release ddim-explorer bench --diffusers diffusers.json
"""
import argparse
import json
import os
import statistics
import time

import diffusers
import torch
from diffusers import DDIMScheduler

SIZES = [1_000, 10_000, 100_000, 1_000_000]


def time_step(scheduler, timestep, sample, model_output, eta, generator, samples, minimum_seconds):
    def run():
        out = scheduler.step(model_output, timestep, sample, eta=eta, generator=generator)
        return float(out.prev_sample[0, 0])

    checksum = run()  # warm-up
    start = time.perf_counter()
    checksum += run()
    first = time.perf_counter() - start
    runs = max(1, int(-(-minimum_seconds // max(first, 1e-9))))
    per_run, cpu_per_run = [], []
    for _ in range(samples):
        start, cpu_start = time.perf_counter(), time.process_time()
        for _ in range(runs):
            checksum += run()
        per_run.append((time.perf_counter() - start) / runs)
        cpu_per_run.append((time.process_time() - cpu_start) / runs)
    return statistics.median(per_run), min(per_run), statistics.median(cpu_per_run), runs, checksum


def measure(sizes, samples):
    """(the timestep, one result per size and eta) for DDIMScheduler.step; the caller sets torch's threads."""
    scheduler = DDIMScheduler()
    scheduler.set_timesteps(50)
    timestep = int(scheduler.timesteps[len(scheduler.timesteps) // 2])
    results = []
    for n in sizes:
        inputs = torch.Generator().manual_seed(1)
        sample = torch.randn((n, 2), generator=inputs, dtype=torch.float32)
        model_output = torch.randn((n, 2), generator=inputs, dtype=torch.float32)
        for eta in [0.0, 1.0]:
            generator = torch.Generator().manual_seed(2)
            median, fastest, cpu, runs, checksum = time_step(
                scheduler, timestep, sample, model_output, eta, generator, samples, 0.01)
            results.append({"n": n, "eta": eta, "median_ms": median * 1e3, "min_ms": fastest * 1e3,
                            "median_cpu_ms": cpu * 1e3,
                            "runs_per_sample": runs, "samples": samples, "checksum": checksum})
    return timestep, results


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--samples", type=int, default=15)
    parser.add_argument("--sizes", type=int, nargs="*", default=SIZES)
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    torch.set_flush_denormal(True)
    load = os.getloadavg() if hasattr(os, "getloadavg") else None
    timestep, results = measure(args.sizes, args.samples)
    print(json.dumps({"torch": torch.__version__, "diffusers": diffusers.__version__,
                      "threads": args.threads, "timestep": timestep, "load_average": load,
                      "results": results}, indent=2))


if __name__ == "__main__":
    main()
