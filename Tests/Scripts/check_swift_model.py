#!/usr/bin/env python3
"""Opens a model file in PyTorch and checks ddim-explorer's samples against diffusers' on it.

The direction "a model trained here opens in PyTorch": FILE (written by `ddim-explorer train`, or
by toy_mlp.save_model) is loaded into toy_mlp.ToyMLP with a strict state-dict load and its metadata
checked (format, version, layout, activation, prediction_type, scheduler_config, dataset,
training). Then diffusers' DDIMScheduler.from_config(the file's scheduler_config) samples it the
way DDIMPipeline does with generator=torch.manual_seed(seed): x_T = randn((count, 2)), then one
scheduler.step per timestep (one randn of the batch per step when eta > 0).

With --samples CSV (what `ddim-explorer sample --model FILE --noise torch` printed, with or
without --every, and without scheduler flags: the run here uses the file's own config) every state in the CSV is compared with diffusers' state after the same number
of steps; the exit status is 1 when the largest difference exceeds --tolerance. Without --samples
the diffusers samples are printed as the same CSV (x,y, or step,x,y with --every).

Run by hand (never in CI):
    ddim-explorer train --dataset two-moons --steps 300 --out m.safetensors
    ddim-explorer sample --model m.safetensors --noise torch --seed 7 --steps 20 --eta 0.5 \\
        --count 256 --every 5 > swift.csv
    /work/venv/bin/python Tests/Scripts/check_swift_model.py m.safetensors --samples swift.csv \\
        --seed 7 --steps 20 --eta 0.5
"""
import argparse
import csv
import os
import sys

import numpy as np
import torch
from diffusers import DDIMScheduler

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from toy_mlp import ModelFileError, load_model  # noqa: E402


def read_csv(path):
    """{step: float32 [N, 2]} from a sample CSV; a CSV without a step column is the final state (step None)."""
    with open(path, newline="") as handle:
        rows = list(csv.reader(handle))
    if not rows:
        raise SystemExit(f"{path}: empty file, expected the CSV `ddim-explorer sample` prints")
    header = rows[0]
    if header not in (["x", "y"], ["step", "x", "y"]):
        raise SystemExit(f"{path}: header {','.join(header)!r}, expected x,y or step,x,y")
    states = {}
    for number, row in enumerate(rows[1:], start=2):
        if len(row) != len(header):
            raise SystemExit(f"{path}:{number}: {len(row)} values, expected {len(header)}")
        try:
            step = int(row[0]) if header[0] == "step" else None
            point = [float(value) for value in row[-2:]]
        except ValueError:
            raise SystemExit(f"{path}:{number}: not numbers: {','.join(row)}") from None
        states.setdefault(step, []).append(point)
    return {step: np.asarray(points, dtype=np.float32) for step, points in states.items()}


def diffusers_states(model, config, seed, count, steps, eta):
    """Every state x_T, ..., x_0 of a diffusers DDIM run on `model`, noise as DDIMPipeline draws it."""
    scheduler = DDIMScheduler.from_config(config)
    scheduler.set_timesteps(steps)
    generator = torch.manual_seed(seed)
    x = torch.randn((count, 2), generator=generator, dtype=torch.float32)
    states = [x.numpy().copy()]
    with torch.no_grad():
        for t in scheduler.timesteps:
            x = scheduler.step(model(x, int(t)), t, x, eta=eta, generator=generator).prev_sample
            states.append(x.numpy().copy())
    return states


def format_float(value):
    return np.format_float_positional(np.float32(value), unique=True, trim="-")


def print_csv(states, every):
    if every is None:
        print("x,y")
        for x, y in states[-1]:
            print(f"{format_float(x)},{format_float(y)}")
        return
    steps = list(range(0, len(states), every))
    if steps[-1] != len(states) - 1:
        steps.append(len(states) - 1)
    print("step,x,y")
    for step in steps:
        for x, y in states[step]:
            print(f"{step},{format_float(x)},{format_float(y)}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", help="a ddim-explorer model file (.safetensors)")
    parser.add_argument("--samples", help="CSV printed by `ddim-explorer sample --model FILE --noise torch ...`")
    parser.add_argument("--seed", type=int, default=0, help="--seed given to sample (default 0, as sample's)")
    parser.add_argument("--steps", type=int, default=50, help="--steps given to sample (default 50, as sample's)")
    parser.add_argument("--eta", type=float, default=0.0, help="--eta given to sample (default 0, as sample's)")
    parser.add_argument("--count", type=int, help="points (default: the CSV's row count per state, else 2000)")
    parser.add_argument("--every", type=int, help="without --samples: print every K-th state as sample --every does")
    parser.add_argument("--tolerance", type=float, default=1e-3, help="largest allowed |swift - diffusers| (default 1e-3)")
    args = parser.parse_args()

    torch.set_num_threads(2)
    try:
        model, metadata = load_model(args.file)
    except ModelFileError as error:
        raise SystemExit(f"error: {error}")
    layout = model.layout
    training = metadata["training"]
    print(f"{args.file}: H {layout.hidden}, L {layout.layers}, D {layout.time_embedding}, F {layout.fourier_features}, "
          f"{metadata['prediction_type']}, dataset {metadata['dataset']}, {training['steps']} steps at batch "
          f"{training['batch']}, final loss {training['final_loss']}", file=sys.stderr)
    config = metadata["scheduler_config"]
    if config.get("prediction_type", "epsilon") != metadata["prediction_type"]:
        print(f"note: scheduler_config prediction_type {config.get('prediction_type')!r} differs from the network's "
              f"{metadata['prediction_type']!r}; diffusers reads the output as the scheduler's", file=sys.stderr)

    swift = read_csv(args.samples) if args.samples else None
    count = args.count or (len(next(iter(swift.values()))) if swift else 2000)
    states = diffusers_states(model, config, args.seed, count, args.steps, args.eta)
    if swift is None:
        print_csv(states, args.every)
        return

    worst = 0.0
    for step, points in sorted(swift.items(), key=lambda item: -1 if item[0] is None else item[0]):
        index = len(states) - 1 if step is None else step
        if not 0 <= index < len(states):
            raise SystemExit(f"{args.samples}: step {step} is outside 0...{len(states) - 1}")
        if points.shape != states[index].shape:
            raise SystemExit(f"{args.samples}: step {index} has {len(points)} points, diffusers ran {count}")
        difference = float(np.max(np.abs(points - states[index])))
        worst = max(worst, difference)
        print(f"step {index:4d}: max |swift - diffusers| = {difference:.3g}", file=sys.stderr)
    verdict = "ok" if worst <= args.tolerance else "MISMATCH"
    print(f"{verdict}: largest difference {worst:.3g} (tolerance {args.tolerance:g}) over {len(swift)} state(s) "
          f"of {count} points, seed {args.seed}, {args.steps} steps, eta {args.eta:g}", file=sys.stderr)
    sys.exit(0 if worst <= args.tolerance else 1)


if __name__ == "__main__":
    main()
