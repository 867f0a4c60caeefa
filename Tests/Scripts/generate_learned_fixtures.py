#!/usr/bin/env python3
"""Writes the learned-model fixtures in Tests/LearnedTests/Fixtures/ from real torch + diffusers.

Run by hand (never in CI), with a Python that has torch, diffusers, safetensors and numpy:

    /work/venv/bin/python Tests/Scripts/generate_learned_fixtures.py

- torch_two_moons.safetensors: the default layout (H 128, L 3, D 32, F 8), epsilon prediction,
  trained briefly (AdamW, DDPM objective, diffusers' add_noise) on numpy two-moons points with the
  toy default scheduler config (diffusers' default, clip_sample false).
- torch_small_v.safetensors: a non-default layout (H 16, L 2, D 8, F 0), v_prediction, cosine
  betas with trailing spacing, trained for fewer steps, so the Swift reader meets other shapes.
- torch_mlp_forward.json: for each file, float32 input rows and integer timesteps (0, 1, 10, 250,
  500, 999) with the module's outputs.
- torch_ddim_run.json: whole diffusers DDIM runs on the files as diffusers' pipelines draw the
  noise: generator = torch.manual_seed(seed), x_T = randn((count, 2)), then for each timestep
  scheduler.step(model(x, t), t, x, eta=eta, generator=generator) (one randn of the batch per step
  when eta > 0). Every state x_T ... x_0 is recorded.

Floats are written as the shortest decimals that read back as the same float32.
"""
import json
import os
import sys
import time

import diffusers
import numpy as np
import torch
from diffusers import DDIMScheduler

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from toy_mlp import Layout, ToyMLP, ddpm_loss, load_model, save_model, two_moons  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
OUT = os.path.join(ROOT, "Tests", "LearnedTests", "Fixtures")
TIMESTEPS = [0, 1, 10, 250, 500, 999]


def floats(t):
    """float32 values as JSON numbers that parse back to the same float32."""
    a = np.asarray(t, dtype=np.float32).reshape(-1)
    return [float(np.format_float_positional(x, unique=True, trim="-")) for x in a]


def write_json(name, payload):
    payload = {"generator": "Tests/Scripts/generate_learned_fixtures.py",
               "diffusers": diffusers.__version__, "torch": torch.__version__, **payload}
    path = os.path.join(OUT, name)
    with open(path, "w") as f:
        json.dump(payload, f, separators=(",", ":"))
        f.write("\n")
    print(f"wrote {path} ({os.path.getsize(path)} bytes)")


def train(layout, config, steps, batch, learning_rate, seed):
    """A model of `layout` trained with AdamW (gradient norm clipped at 1) on fresh two-moons batches."""
    torch.manual_seed(seed)
    model = ToyMLP(layout)
    scheduler = DDIMScheduler.from_config(config)
    prediction_type = scheduler.config.prediction_type
    optimizer = torch.optim.AdamW(model.parameters(), lr=learning_rate)
    generator = torch.Generator().manual_seed(seed)
    rng = np.random.default_rng(seed)
    start = time.perf_counter()
    recent = []
    for _ in range(steps):
        x0 = torch.from_numpy(two_moons(batch, rng))
        loss = ddpm_loss(model, scheduler, x0, prediction_type, generator)
        optimizer.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()
        recent = (recent + [loss.item()])[-100:]
    seconds = time.perf_counter() - start
    final_loss = float(np.float32(sum(recent) / len(recent)))
    training = {"steps": steps, "batch": batch, "learning_rate": learning_rate, "seed": seed,
                "final_loss": final_loss, "seconds": round(seconds, 3)}
    print(f"trained {layout} ({prediction_type}) for {steps} steps in {seconds:.1f} s, loss {final_loss:.4f}")
    return model.eval(), prediction_type, training


def make_model(name, layout, config, steps, batch, learning_rate, seed):
    scheduler = DDIMScheduler.from_config(config)
    model, prediction_type, training = train(layout, config, steps, batch, learning_rate, seed)
    path = os.path.join(OUT, name)
    save_model(model, path, prediction_type=prediction_type, scheduler_config=scheduler.to_json_string(),
               dataset="two-moons", training=training)
    print(f"wrote {path} ({os.path.getsize(path)} bytes)")
    # Everything below uses the file as read back, exactly what a user of the file gets.
    return load_model(path)


def forward_case(name, model, metadata, rng):
    points = np.concatenate([
        np.array([[0, 0], [2.5, -2.5], [-3.25, 1.0], [1e-3, -7e-4]], dtype=np.float32),
        two_moons(6, rng),
        (1.5 * rng.standard_normal((6, 2))).astype(np.float32),
    ]).astype(np.float32)
    x = torch.from_numpy(points)
    cases = []
    with torch.no_grad():
        for t in TIMESTEPS:
            cases.append({"timestep": t, "output": floats(model(x, t))})
    return {"file": name, "prediction_type": metadata["prediction_type"],
            "hidden": model.layout.hidden, "layers": model.layout.layers,
            "time_embedding": model.layout.time_embedding, "fourier_features": model.layout.fourier_features,
            "count": len(points), "points": floats(points), "cases": cases}


def ddim_run(name, model, metadata, seed, count, steps, eta):
    """A diffusers DDIM sampling loop the way DDIMPipeline draws its noise."""
    scheduler = DDIMScheduler.from_config(metadata["scheduler_config"])
    scheduler.set_timesteps(steps)
    generator = torch.manual_seed(seed)
    x = torch.randn((count, 2), generator=generator, dtype=torch.float32)
    states = [floats(x)]
    with torch.no_grad():
        for t in scheduler.timesteps:
            output = model(x, int(t))
            x = scheduler.step(output, t, x, eta=eta, generator=generator).prev_sample
            states.append(floats(x))
    return {"file": name, "seed": seed, "count": count, "steps": steps, "eta": eta,
            "timesteps": [int(t) for t in scheduler.timesteps], "states": states}


def main():
    torch.set_num_threads(2)
    os.makedirs(OUT, exist_ok=True)
    toy_default = dict(DDIMScheduler(clip_sample=False).config)
    small_config = dict(DDIMScheduler(clip_sample=False, beta_schedule="squaredcos_cap_v2",
                                      prediction_type="v_prediction", timestep_spacing="trailing").config)
    moons, moons_meta = make_model("torch_two_moons.safetensors", Layout(), toy_default,
                                   steps=800, batch=512, learning_rate=1e-3, seed=9)
    small, small_meta = make_model("torch_small_v.safetensors", Layout(hidden=16, layers=2, time_embedding=8,
                                                                       fourier_features=0),
                                   small_config, steps=300, batch=256, learning_rate=3e-3, seed=10)
    rng = np.random.default_rng(20251128)
    write_json("torch_mlp_forward.json", {"models": [
        forward_case("torch_two_moons.safetensors", moons, moons_meta, rng),
        forward_case("torch_small_v.safetensors", small, small_meta, rng),
    ]})
    write_json("torch_ddim_run.json", {"runs": [
        ddim_run("torch_two_moons.safetensors", moons, moons_meta, seed=7, count=64, steps=20, eta=0.5),
        ddim_run("torch_two_moons.safetensors", moons, moons_meta, seed=7, count=64, steps=20, eta=0.0),
        ddim_run("torch_small_v.safetensors", small, small_meta, seed=3, count=40, steps=10, eta=1.0),
    ]})


if __name__ == "__main__":
    main()
