#!/usr/bin/env python3
"""Checks the hub scheduler configs in Tests/DDIMTests/Fixtures/hub_configs/ against real diffusers
and writes Tests/DDIMTests/Fixtures/hub_configs_expected.json for the Swift tests.

Run by hand (never in CI), after `swift build`, with a Python that has torch and diffusers:

    /work/venv/bin/python Tests/Scripts/check_hub_configs.py [path/to/ddim-explorer]

For every config it records what diffusers' DDIMScheduler.from_config gives (alphas_cumprod,
final_alpha_cumprod, timesteps for several step counts and spacings, sigma at eta = 1). It then has
our binary read and re-write each config (`ddim-explorer inspect FILE --save-config OUT`) and asserts
that diffusers loads the written file as DDIMScheduler and as the config's original class with the
same config values and the same alphas_cumprod as the original file. Last, it records diffusers' own
behaviour for each `inspect` warning and for the fix the warning advises.
"""
import glob
import json
import math
import os
import subprocess
import sys
import tempfile

import numpy as np
import torch
import diffusers
from diffusers import DDIMScheduler

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
FIXTURES = os.path.join(ROOT, "Tests", "DDIMTests", "Fixtures")
CONFIGS = os.path.join(FIXTURES, "hub_configs")
BINARY = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build", "debug", "ddim-explorer")
COUNTS = [1, 10, 25, 50, 100]


def floats(t):
    """float32 values as JSON numbers that parse back to the same float32."""
    a = np.asarray(t, dtype=np.float32).reshape(-1)
    return [float(np.format_float_positional(x, unique=True, trim="-")) for x in a]


def load(path):
    with open(path) as f:
        return json.load(f)  # Python's json reads NaN, Infinity, -Infinity


def ddim(config, **overrides):
    return DDIMScheduler.from_config(config, **overrides)


def same(a, b):
    """Config values equal, NaN equal to NaN, arrays and lists compared by value."""
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True
    if isinstance(a, (list, tuple, np.ndarray)) or isinstance(b, (list, tuple, np.ndarray)):
        return a is not None and b is not None and len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    return a == b


def compare_configs(a, b, label):
    keys = (set(a) | set(b)) - {"_diffusers_version", "_use_default_values"}
    differing = [k for k in sorted(keys) if not same(a.get(k), b.get(k))]
    assert not differing, f"{label}: config values differ in {differing}"


def reference(name, config):
    s = ddim(config)
    own = s.config.timestep_spacing
    timesteps = []
    for spacing in dict.fromkeys([own, "leading", "trailing", "linspace"]):
        for n in COUNTS:
            t = ddim(config, timestep_spacing=spacing)
            t.set_timesteps(n)
            timesteps.append({"spacing": spacing, "steps": n, "timesteps": [int(x) for x in t.timesteps]})
    s.set_timesteps(50)
    ratio = s.config.num_train_timesteps // 50
    sigma = [float(s._get_variance(t, t - ratio).sqrt()) for t in s.timesteps.tolist()]
    init_dict, _, _ = DDIMScheduler.extract_init_dict(dict(config))
    ignored = sorted(k for k in config if not k.startswith("_") and k not in init_dict)  # keys DDIM does not take
    return {"file": name, "class_name": config.get("_class_name"), "spacing": own, "ignored_keys": ignored,
            "final_alpha_cumprod": float(s.final_alpha_cumprod),
            "alphas_cumprod": floats(s.alphas_cumprod), "timesteps": timesteps,
            "sigma_steps": 50, "sigma_eta_1": floats(sigma)}


def round_trip(path, config, flags, overrides, out_dir):
    out = os.path.join(out_dir, os.path.basename(path))
    subprocess.run([BINARY, "inspect", path, "--steps", "1", "--save-config", out, *flags],
                   check=True, capture_output=True)
    written = load(out)
    for key, value in config.items():
        if key not in overrides:
            assert key in written and same(written[key], value), f"{path}: {key} changed to {written.get(key)}"
    label = f"{os.path.basename(path)} {flags}"
    a, b = ddim(config, **overrides), ddim(written)
    compare_configs(dict(a.config), dict(b.config), label + " as DDIMScheduler")
    assert torch.equal(a.alphas_cumprod, b.alphas_cumprod), label
    original_class = getattr(diffusers, config["_class_name"])
    a, b = original_class.from_config(config, **overrides), original_class.from_config(written)
    compare_configs(dict(a.config), dict(b.config), label + f" as {config['_class_name']}")
    return out


# ------------------------------------------------------------------ inspect warnings vs diffusers
def behaviour(config, steps, eta):
    """What diffusers does with this config at `steps` and `eta`: the facts each warning is about."""
    s = ddim(config)
    facts = {"config": config, "steps": steps, "eta": eta}
    if "prediction_type" in config and config.get("rescale_betas_zero_snr"):
        facts["min_direction_term"] = min(direction_terms(config, steps, eta))
    try:
        s.set_timesteps(steps)
    except Exception as error:  # noqa: BLE001 -- any refusal counts
        facts["error"] = type(error).__name__
        return facts
    ts = [int(t) for t in s.timesteps]
    T = s.config.num_train_timesteps
    facts["timestep_count"] = len(ts)
    if ts[0] >= T:
        facts["error"] = f"timestep {ts[0]} indexes past alphas_cumprod"
        return facts
    facts["first_timestep"] = ts[0]
    facts["first_alpha_cumprod"] = float(s.alphas_cumprod[ts[0]])
    facts["last_alpha_cumprod"] = float(s.alphas_cumprod[T - 1])
    last_prev = ts[-1] - T // steps
    facts["final_level"] = float(s.alphas_cumprod[last_prev]) if last_prev >= 0 else float(s.final_alpha_cumprod)
    generator = torch.manual_seed(0)
    x = torch.randn(4, 2, generator=generator)
    model = torch.randn(4, 2, generator=generator) * 0.1
    try:
        for t in s.timesteps:
            x = s.step(model, t, x, eta=eta, generator=generator).prev_sample
        facts["output_has_nan"] = bool(torch.isnan(x).any())
    except IndexError:
        facts["error"] = "IndexError"
    return facts


def direction_terms(config, steps, eta):
    """diffusers' 1 - alpha_prod_t_prev - std_dev_t ** 2 at each step, with its own tensors."""
    s = ddim(config)
    s.set_timesteps(steps)
    terms = []
    for t in s.timesteps.tolist():
        prev = t - s.config.num_train_timesteps // steps
        alpha_prev = s.alphas_cumprod[prev] if prev >= 0 else s.final_alpha_cumprod
        std = eta * s._get_variance(t, prev) ** 0.5
        terms.append(float(1 - alpha_prev - std ** 2))
    return terms


def largest_safe_eta(config, steps, eta):
    """The largest eta of 4 significant digits at which no direction term is negative (what inspect advises)."""
    low, high = 0.0, eta
    for _ in range(48):
        middle = (low + high) / 2
        if min(direction_terms(config, steps, middle)) >= 0:
            low = middle
        else:
            high = middle
    unit = 10 ** (math.floor(math.log10(low)) - 3)
    largest = math.floor(low / unit) * unit
    while min(direction_terms(config, steps, largest)) < 0:
        largest -= unit
    return float(np.float32(largest))


def inspect_cases():
    sd = load(os.path.join(CONFIGS, "stable-diffusion-v1-5.json"))
    zero = load(os.path.join(CONFIGS, "zero-snr-trailing-v.json"))
    linear = {"beta_schedule": "linear"}
    zero = {**linear, "rescale_betas_zero_snr": True, "timestep_spacing": "trailing", "prediction_type": "v_prediction"}
    sd_alpha_one = {**sd, "set_alpha_to_one": True}
    cases = [
        ("offset1-alpha-one-600", sd_alpha_one, 600, 0.0),   # residual noise: the last step lands on alpha-bar(0)
        ("offset1-alpha-one-500", sd_alpha_one, 500, 0.0),   # the advised fix
        ("sd15-leading-offset1-600", sd, 600, 0.0),          # the same with set_alpha_to_one false
        ("sd15-leading-offset1-500", sd, 500, 0.0),          # fewer steps alone do not fix it ...
        ("sd15-leading-offset1-500-alpha-one", sd_alpha_one, 500, 0.0),   # ... with set_alpha_to_one true they do
        ("sd15-leading-offset1-1000", sd, 1000, 0.0),     # steps_offset past the schedule
        ("sd15-leading-offset1-999", sd, 999, 0.0),       # the advised fix (fewer steps)
        ("linspace-1-step", {**linear, "timestep_spacing": "linspace"}, 1, 0.0),
        ("trailing-1-step", {**linear, "timestep_spacing": "trailing"}, 1, 0.0),
        ("trailing-61", {**linear, "timestep_spacing": "trailing"}, 61, 0.0),
        ("trailing-60", {**linear, "timestep_spacing": "trailing"}, 60, 0.0),
        ("trailing-62", {**linear, "timestep_spacing": "trailing"}, 62, 0.0),
        ("trailing-58", {**linear, "timestep_spacing": "trailing"}, 58, 0.0),
        ("trailing-100", {**linear, "timestep_spacing": "trailing"}, 100, 0.0),
        ("trailing-106", {**linear, "timestep_spacing": "trailing"}, 106, 0.0),
        ("trailing-103", {**linear, "timestep_spacing": "trailing"}, 103, 0.0),
        ("trailing-6", {**linear, "timestep_spacing": "trailing"}, 6, 0.0),
        ("zero-snr-eta-1", zero, 10, 1.0),
        ("zero-snr-largest-safe-eta", zero, 10, largest_safe_eta(zero, 10, 1.0)),
        ("degenerate-t100000", {**linear, "num_train_timesteps": 100000}, 50, 1.0),
        ("degenerate-beta-start-0.5", {**linear, "beta_start": 0.5, "beta_end": 0.9}, 50, 1.0),
        ("degenerate-tiny-trained-betas", {"num_train_timesteps": 10, "trained_betas": [1e-40] * 10}, 5, 1.0),
        ("set-alpha-to-one-false", {**linear, "set_alpha_to_one": False, "timestep_spacing": "trailing"}, 10, 0.0),
        ("set-alpha-to-one-true", {**linear, "set_alpha_to_one": True, "timestep_spacing": "trailing"}, 10, 0.0),
    ]
    return [{"name": name, **behaviour(config, steps, eta)} for name, config, steps, eta in cases]


def measure_zero_snr():
    """Prints how far our zero-SNR alpha-bar (all 1000 timesteps, from `inspect`) is from diffusers' (the README figures)."""
    for schedule, flags in [("linear", []), ("scaled_linear", ["--beta-start", "0.00085", "--beta-end", "0.012"]),
                            ("squaredcos_cap_v2", [])]:
        out = subprocess.run([BINARY, "inspect", "--zero-snr", "--schedule", schedule, *flags, "--spacing", "trailing",
                              "--steps", "1000", "--eta", "0", "--prediction-type", "v_prediction", "--format", "json"],
                             check=True, capture_output=True, text=True).stdout
        table = json.loads(out)
        column = table["columns"].index("alpha_bar")
        ours = {row[1]: np.float32(row[column]) for row in table["data"]}
        kwargs = {"beta_start": 0.00085, "beta_end": 0.012} if schedule == "scaled_linear" else {}
        theirs = DDIMScheduler(beta_schedule=schedule, rescale_betas_zero_snr=True, **kwargs).alphas_cumprod.numpy()
        a = np.array([ours[t] for t in range(1000)], dtype=np.float32)
        nonzero = theirs != 0
        relative = np.max(np.abs(a - theirs)[nonzero] / theirs[nonzero])
        print(f"zero-SNR {schedule}: {(a != theirs).sum()} of 1000 alpha-bar differ, at most {relative:.2g} relative, "
              f"{np.max(np.abs(a - theirs)):.2g} absolute")


def main():
    assert diffusers.__version__ == "0.42.1", diffusers.__version__
    assert os.path.exists(BINARY), f"build first: {BINARY} is missing"
    paths = sorted(glob.glob(os.path.join(CONFIGS, "*.json")))
    results = []
    with tempfile.TemporaryDirectory() as out_dir:
        for path in paths:
            config = load(path)
            results.append(reference(os.path.basename(path), config))
            round_trip(path, config, [], {}, out_dir)
        sd = os.path.join(CONFIGS, "stable-diffusion-v1-5.json")
        round_trip(sd, load(sd), ["--spacing", "trailing"], {"timestep_spacing": "trailing"}, out_dir)
        cosine = os.path.join(CONFIGS, "cosine-trained-betas.json")
        written = load(round_trip(cosine, load(cosine), [], {}, out_dir))
        assert written["trained_betas"] == load(cosine)["trained_betas"], "trained_betas doubles changed"
    payload = {"generator": "Tests/Scripts/check_hub_configs.py", "diffusers": diffusers.__version__,
               "torch": torch.__version__, "configs": results, "inspect_cases": inspect_cases()}
    with open(os.path.join(FIXTURES, "hub_configs_expected.json"), "w") as f:
        json.dump(payload, f, separators=(",", ":"))
        f.write("\n")
    measure_zero_snr()
    print(f"{len(paths)} configs: diffusers loads each written file as DDIMScheduler and as its own class "
          f"with the same config values; fixture written")


if __name__ == "__main__":
    main()
