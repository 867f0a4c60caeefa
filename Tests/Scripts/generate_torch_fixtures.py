#!/usr/bin/env python3
"""Writes Tests/DDIMTests/Fixtures/torch_randn.json and torch_diffusers_runs.json from real
torch (CPU, float32) and diffusers.

Each case seeds a fresh generator with torch.manual_seed(seed) and then makes a sequence of
torch.randn(size) calls on it; the fixture records every value of every call, so the Swift
TorchGenerator can be checked call by call (the n < 16 scalar path, its cached second value,
the 16-wide vectorized path and its tail rule for n % 16 != 0).

torch_diffusers_runs.json: whole stochastic DDIM runs in diffusers with
generator=torch.manual_seed(seed): latents randn((N, 2)), then for each timestep a toy model
eps = 0.3 * x + 0.1 and scheduler.step(eps, t, x, eta, generator=generator), recording x after
every step, so a Swift run with TorchGenerator(seed:) can be compared step by step.

Run (never in CI):  /work/venv/bin/python Tests/Scripts/generate_torch_fixtures.py
"""
import json
import os

import diffusers
import numpy
import torch

SIZES = [1, 2, 7, 15, 16, 17, 31, 32, 100, 1000, 4096 + 5]


def case(name, seed, calls):
    generator = torch.Generator(device="cpu")
    generator.manual_seed(seed)
    values = []
    for shape in calls:
        tensor = torch.randn(shape, generator=generator, dtype=torch.float32)
        # The shortest decimal that reads back as the same float32.
        values.append([float(str(v)) for v in tensor.reshape(-1).numpy().astype(numpy.float32)])
    sizes = [int(torch.Size(shape if isinstance(shape, tuple) else (shape,)).numel()) for shape in calls]
    return {"name": name, "seed": seed, "sizes": sizes, "values": values}


def main():
    torch.set_num_threads(1)
    cases = []
    # One call per fresh generator, every size class (scalar path, exact blocks, tails).
    for size in SIZES:
        cases.append(case(f"single seed 0 n {size}", 0, [size]))
    for size in [size for size in SIZES if size <= 100]:
        cases.append(case(f"single seed 42 n {size}", 42, [size]))
    # Other seeds, including ones above 32 bits (torch keeps only the low 32 bits for MT19937).
    for seed in [1, 2024, 2**32 + 7, 123456789012, 2**63 - 1]:
        cases.append(case(f"single seed {seed} n 33", seed, [33]))
    # Sequences on one generator: the scalar cache survives vector calls in between.
    cases.append(case("sequence mixed", 42, [3, 5, 16, 1, 17, 2, 40, 7]))
    cases.append(case("sequence scalar only", 9, [1, 1, 1, 2, 3, 15]))
    cases.append(case("sequence vector only", 11, [16, 33, 64, 100]))
    # What a diffusers run with generator=torch.manual_seed(seed) draws for 2-D points:
    # randn((N, 2)) for the initial latents, then one randn((N, 2)) per step with eta > 0.
    for count in [5, 10, 100]:
        cases.append(case(f"diffusers run N {count} x 2, 4 steps", 7, [(count, 2)] * 5))

    here = os.path.dirname(os.path.abspath(__file__))
    path = os.path.join(here, "..", "DDIMTests", "Fixtures", "torch_randn.json")
    document = {
        "generator": "torch.manual_seed(seed); torch.randn(size) on CPU, float32",
        "torch": torch.__version__,
        "cases": cases,
    }
    with open(path, "w") as handle:
        json.dump(document, handle, separators=(",", ":"))
        handle.write("\n")
    print(f"wrote {len(cases)} cases to {os.path.normpath(path)}")

    runs = [diffusers_run(seed, count, steps, eta)
            for seed, count, steps, eta in [(0, 5, 10, 1.0), (42, 8, 10, 1.0), (7, 50, 20, 0.5), (3, 200, 5, 1.0)]]
    path = os.path.join(here, "..", "DDIMTests", "Fixtures", "torch_diffusers_runs.json")
    with open(path, "w") as handle:
        json.dump({"generator": "diffusers DDIMScheduler() with generator=torch.manual_seed(seed)",
                   "torch": torch.__version__, "diffusers": diffusers.__version__, "runs": runs},
                  handle, separators=(",", ":"))
        handle.write("\n")
    print(f"wrote {len(runs)} runs to {os.path.normpath(path)}")


def diffusers_run(seed, count, steps, eta):
    scheduler = diffusers.DDIMScheduler()
    scheduler.set_timesteps(steps)
    generator = torch.manual_seed(seed)
    x = torch.randn((count, 2), generator=generator, dtype=torch.float32)
    states = [x.reshape(-1).tolist()]
    for t in scheduler.timesteps:
        eps = 0.3 * x + 0.1
        x = scheduler.step(eps, t, x, eta=eta, generator=generator).prev_sample
        states.append(x.reshape(-1).tolist())
    return {"seed": seed, "count": count, "steps": steps, "eta": eta,
            "timesteps": [int(t) for t in scheduler.timesteps],
            "states": [[float(str(numpy.float32(v))) for v in state] for state in states]}


if __name__ == "__main__":
    main()
