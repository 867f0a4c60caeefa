#!/usr/bin/env python3
"""Writes the DDIM fixtures in Tests/DDIMTests/Fixtures/ from real diffusers + torch.

Run by hand (never in CI), with a Python that has torch and diffusers installed:

    /work/venv/bin/python Tests/Scripts/generate_ddim_fixtures.py

Every expected number in the fixtures comes from diffusers' own DDIMScheduler /
DDIMInverseScheduler. Inputs are float32 values drawn from a fixed numpy seed and stored
in the fixture, so the Swift tests feed exactly the same inputs.
"""
import json
import os
import sys

import numpy as np
import torch
import diffusers
from diffusers import DDIMInverseScheduler, DDIMScheduler

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
OUT = os.path.join(ROOT, "Tests", "DDIMTests", "Fixtures")
ASSETS = os.path.join(ROOT, "Assets", "schedulers")

rng = np.random.default_rng(20201006)


def floats(t):
    """float32 values as JSON numbers that parse back to the same float32."""
    a = np.asarray(t, dtype=np.float32).reshape(-1)
    return [float(np.format_float_positional(x, unique=True, trim="-")) if np.isfinite(x) else None for x in a]


def ints(t):
    return [int(x) for x in np.asarray(t).reshape(-1)]


def write(name, payload):
    payload = {"generator": "Tests/Scripts/generate_ddim_fixtures.py",
               "diffusers": diffusers.__version__, "torch": torch.__version__, **payload}
    path = os.path.join(OUT, name)
    with open(path, "w") as f:
        json.dump(payload, f, separators=(",", ":"))
        f.write("\n")
    print(f"wrote {path} ({os.path.getsize(path)} bytes)")


def randn(shape, scale=1.0):
    return torch.from_numpy((rng.standard_normal(shape) * scale).astype(np.float32))


# ---------------------------------------------------------------- schedules
def schedules():
    cases = []
    configs = [
        {"beta_schedule": "linear"},
        {"beta_schedule": "scaled_linear", "beta_start": 0.00085, "beta_end": 0.012},
        {"beta_schedule": "squaredcos_cap_v2"},
        {"beta_schedule": "linear", "rescale_betas_zero_snr": True},
        {"beta_schedule": "scaled_linear", "beta_start": 0.00085, "beta_end": 0.012, "rescale_betas_zero_snr": True},
        {"beta_schedule": "squaredcos_cap_v2", "rescale_betas_zero_snr": True},
        {"beta_schedule": "linear", "num_train_timesteps": 37, "beta_start": 0.001, "beta_end": 0.2},
        {"beta_schedule": "scaled_linear", "num_train_timesteps": 100, "beta_start": 0.0001, "beta_end": 0.03},
        {"beta_schedule": "linear", "num_train_timesteps": 2000},
        {"trained_betas": [0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 0.7], "num_train_timesteps": 8},
    ]
    for config in configs:
        s = DDIMScheduler(**config)
        cases.append({"config": config, "betas": floats(s.betas), "alphas_cumprod": floats(s.alphas_cumprod)})
    write("ddim_schedules.json", {"cases": cases})


# ---------------------------------------------------------------- timesteps
def timesteps():
    cases = []
    counts = list(range(1, 61)) + [61, 64, 99, 100, 103, 127, 128, 250, 333, 500, 999, 1000]
    for spacing in ["leading", "trailing", "linspace"]:
        for offset in [0, 1]:
            if spacing != "leading" and offset == 1:
                counts_here = [1, 7, 10, 50]
            else:
                counts_here = counts
            for n in counts_here:
                s = DDIMScheduler(timestep_spacing=spacing, steps_offset=offset)
                s.set_timesteps(n)
                cases.append({"spacing": spacing, "steps_offset": offset, "num_train_timesteps": 1000,
                              "n": n, "timesteps": ints(s.timesteps)})
    for train in [10, 37, 100]:
        for spacing in ["leading", "trailing", "linspace"]:
            for n in [1, 3, 7, 10] if train >= 10 else [1, 3]:
                if n > train:
                    continue
                s = DDIMScheduler(num_train_timesteps=train, timestep_spacing=spacing)
                s.set_timesteps(n)
                cases.append({"spacing": spacing, "steps_offset": 0, "num_train_timesteps": train,
                              "n": n, "timesteps": ints(s.timesteps)})
    inverse = []
    for spacing in ["leading", "trailing"]:
        for offset in [0, 1]:
            for n in [1, 5, 10, 50, 64, 100]:
                s = DDIMInverseScheduler(timestep_spacing=spacing, steps_offset=offset)
                s.set_timesteps(n)
                inverse.append({"spacing": spacing, "steps_offset": offset, "num_train_timesteps": 1000,
                                "n": n, "timesteps": ints(s.timesteps)})
    write("ddim_timesteps.json", {"cases": cases, "inverse": inverse})


# ---------------------------------------------------------------- steps
def step_cases():
    base = {}
    variants = []
    for pt in ["epsilon", "sample", "v_prediction"]:
        variants += [
            {"prediction_type": pt},
            {"prediction_type": pt, "clip_sample": False},
            {"prediction_type": pt, "clip_sample_range": 0.5},
            {"prediction_type": pt, "thresholding": True},
            {"prediction_type": pt, "thresholding": True, "sample_max_value": 2.5, "dynamic_thresholding_ratio": 0.6},
            {"prediction_type": pt, "thresholding": True, "sample_max_value": 0.5},
            {"prediction_type": pt, "timestep_spacing": "trailing", "clip_sample": False},
            {"prediction_type": pt, "timestep_spacing": "linspace", "set_alpha_to_one": False},
        ]
    variants += [
        {"beta_schedule": "scaled_linear", "beta_start": 0.00085, "beta_end": 0.012, "clip_sample": False,
         "set_alpha_to_one": False, "steps_offset": 1},
        {"beta_schedule": "squaredcos_cap_v2", "clip_sample": False},
        {"beta_schedule": "scaled_linear", "beta_start": 0.00085, "beta_end": 0.012, "rescale_betas_zero_snr": True,
         "prediction_type": "v_prediction", "timestep_spacing": "trailing", "clip_sample": False},
        {"beta_schedule": "linear", "rescale_betas_zero_snr": True, "prediction_type": "sample",
         "timestep_spacing": "trailing"},
        {"trained_betas": list(np.linspace(0.001, 0.05, 20)), "num_train_timesteps": 20, "clip_sample": False},
        {"num_train_timesteps": 100, "beta_end": 0.05},
    ]
    shapes = [(4, 2, 1, 1), (2, 3, 2, 2)]
    cases = []
    for vi, config in enumerate(variants):
        s = DDIMScheduler(**config)
        n = 10 if s.config.num_train_timesteps >= 100 else 5
        s.set_timesteps(n)
        ts = ints(s.timesteps)
        shape = shapes[1] if config.get("thresholding") and vi % 2 == 0 else shapes[0]
        for eta, clipped in [(0.0, False), (0.5, True), (1.0, False)]:
            for ti in [0, len(ts) // 2, len(ts) - 1]:
                t = ts[ti]
                sample = randn(shape, 1.3)
                model_output = randn(shape, 1.2)
                noise = randn(shape)
                out = s.step(model_output, t, sample, eta=eta, use_clipped_model_output=clipped,
                             variance_noise=noise if eta > 0 else None)
                prev_t = t - s.config.num_train_timesteps // s.num_inference_steps
                variance = s._get_variance(t, prev_t).item()
                cases.append({
                    "config": config, "n": n, "timestep": t, "eta": eta, "use_clipped_model_output": clipped,
                    "shape": list(shape), "sample": floats(sample), "model_output": floats(model_output),
                    "variance_noise": floats(noise) if eta > 0 else None,
                    "variance": variance,
                    "prev_sample": floats(out.prev_sample), "pred_original_sample": floats(out.pred_original_sample),
                })
    write("ddim_steps.json", {"cases": cases})


# ---------------------------------------------------------------- add_noise / velocity
def forward_process():
    cases = []
    for config in [{}, {"beta_schedule": "scaled_linear", "beta_start": 0.00085, "beta_end": 0.012},
                   {"beta_schedule": "squaredcos_cap_v2", "rescale_betas_zero_snr": True}]:
        s = DDIMScheduler(**config)
        x = randn((5, 2))
        z = randn((5, 2))
        for ts in [[999], [0], [500], [0, 1, 250, 998, 999]]:
            t = torch.tensor(ts, dtype=torch.long)
            if len(ts) == 1:
                noisy = s.add_noise(x, z, t)
                vel = s.get_velocity(x, z, t)
            else:
                noisy = s.add_noise(x, z, t)
                vel = s.get_velocity(x, z, t)
            cases.append({"config": config, "shape": [5, 2], "sample": floats(x), "noise": floats(z), "timesteps": ts,
                          "noisy": floats(noisy), "velocity": floats(vel)})
    write("ddim_forward.json", {"cases": cases})


# ---------------------------------------------------------------- inverse steps
def inverse_steps():
    cases = []
    for config in [{}, {"clip_sample": False, "prediction_type": "v_prediction"},
                   {"set_alpha_to_one": False, "prediction_type": "sample", "clip_sample": False},
                   {"timestep_spacing": "trailing", "clip_sample": False},
                   {"steps_offset": 1, "beta_schedule": "scaled_linear", "beta_start": 0.00085, "beta_end": 0.012,
                    "clip_sample": False}]:
        s = DDIMInverseScheduler(**config)
        s.set_timesteps(10)
        ts = ints(s.timesteps)
        for t in [ts[0], ts[5], ts[-1]]:
            sample = randn((4, 2), 1.3)
            model_output = randn((4, 2), 1.2)
            out = s.step(model_output, t, sample)
            cases.append({"config": config, "n": 10, "timestep": t, "shape": [4, 2], "sample": floats(sample),
                          "model_output": floats(model_output), "prev_sample": floats(out.prev_sample),
                          "pred_original_sample": floats(out.pred_original_sample)})
    write("ddim_inverse.json", {"cases": cases})


# ---------------------------------------------------------------- diffusers' own tests
def dummy_sample_deter():
    batch_size, num_channels, height, width = 4, 3, 8, 8
    num_elems = batch_size * num_channels * height * width
    sample = torch.arange(num_elems).flip(-1)
    sample = sample.reshape(num_channels, height, width, batch_size)
    sample = sample / num_elems
    return sample.permute(3, 0, 1, 2)


def dummy_model(sample, t):
    return sample * t / (t + 1)


def full_loop(cls, **kw):
    config = {"num_train_timesteps": 1000, "beta_start": 0.0001, "beta_end": 0.02, "beta_schedule": "linear",
              "clip_sample": True}
    config.update(kw)
    s = cls(**config)
    sample = dummy_sample_deter()
    s.set_timesteps(10)
    for t in s.timesteps:
        sample = s.step(dummy_model(sample, t), t, sample, 0.0).prev_sample if cls is DDIMScheduler else \
            s.step(dummy_model(sample, t), t, sample).prev_sample
    return {"config": kw, "sum": torch.sum(torch.abs(sample)).item(), "mean": torch.mean(torch.abs(sample)).item()}


def reference_tests():
    sample = dummy_sample_deter().contiguous()
    s = DDIMScheduler()
    variances = [[a, b, s._get_variance(a, b).item()] for a, b in [(0, 0), (420, 400), (980, 960), (487, 486), (999, 998)]]
    s = DDIMScheduler(steps_offset=1)
    s.set_timesteps(5)
    write("ddim_reference.json", {
        "dummy_sample_deter": floats(sample), "shape": list(sample.shape),
        "forward": [full_loop(DDIMScheduler), full_loop(DDIMScheduler, prediction_type="v_prediction"),
                    full_loop(DDIMScheduler, set_alpha_to_one=True, beta_start=0.01),
                    full_loop(DDIMScheduler, set_alpha_to_one=False, beta_start=0.01)],
        "inverse": [full_loop(DDIMInverseScheduler), full_loop(DDIMInverseScheduler, prediction_type="v_prediction"),
                    full_loop(DDIMInverseScheduler, set_alpha_to_one=True, beta_start=0.01),
                    full_loop(DDIMInverseScheduler, set_alpha_to_one=False, beta_start=0.01)],
        "variances": variances,
        "steps_offset_timesteps": ints(s.timesteps),
        "default_config_json": DDIMScheduler().to_json_string(),
    })


# ---------------------------------------------------------------- eta > 0 with a torch generator
def torch_generator_runs():
    """diffusers' sampling loop with generator=torch.manual_seed(seed): initial latents, then one
    randn of the batch's shape per step. 21 x 2 = 42 values exercises torch's tail rule."""
    runs = []
    for seed, rows, eta, steps in [(0, 21, 1.0, 10), (42, 8, 0.5, 5), (7, 3, 1.0, 4)]:
        s = DDIMScheduler(clip_sample=False)
        s.set_timesteps(steps)
        generator = torch.manual_seed(seed)
        sample = torch.randn((rows, 2), generator=generator)
        initial = sample.clone()
        for t in s.timesteps:
            model_output = sample * 0.5 * t / (t + 1)
            sample = s.step(model_output, t, sample, eta=eta, generator=generator).prev_sample
        runs.append({"seed": seed, "rows": rows, "eta": eta, "steps": steps, "initial": floats(initial),
                     "final": floats(sample)})
    write("ddim_torch_generator.json", {"runs": runs})


# ---------------------------------------------------------------- shipped assets, as diffusers loads them
def assets():
    results = []
    for name in sorted(os.listdir(ASSETS)):
        if not name.endswith(".json"):
            continue
        with open(os.path.join(ASSETS, name)) as f:
            config = json.load(f)
        s = DDIMScheduler.from_config(config)
        s.set_timesteps(50)
        results.append({"file": name, "timesteps": ints(s.timesteps),
                        "alphas_cumprod_sum": float(s.alphas_cumprod.double().sum()),
                        "prediction_type": s.config.prediction_type})
    write("ddim_assets.json", {"assets": results})


if __name__ == "__main__":
    torch.set_num_threads(1)
    schedules()
    timesteps()
    step_cases()
    forward_process()
    inverse_steps()
    reference_tests()
    torch_generator_runs()
    if os.path.isdir(ASSETS):
        assets()
    sys.exit(0)
