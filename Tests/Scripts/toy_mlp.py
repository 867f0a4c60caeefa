#!/usr/bin/env python3
"""The ddim-explorer learned-model layout as a PyTorch module, and its safetensors file format.

Imported by the other scripts in Tests/Scripts (run by hand, never in CI). The layout (README,
"Learned models"): an input row [x, y, Fourier features, time embedding], then
Linear(2 + 4F + D, H), GELU, (Linear(H, H), GELU) x (L - 1), Linear(H, 2), float32 throughout.

- Fourier features (F = fourier_features, 0 = none): angles a[c, k] = x_c * 2^k * pi / 4 for the
  coordinates c = x, y and k = 0..F-1, flattened c-major (index c * F + k); sin of the 2F angles,
  then cos of the 2F angles.
- Time embedding (D = time_embedding, even): h = D / 2, f_i = exp(-ln(10000) * i / h) for
  i = 0..h-1; sin(t * f_i) for all i, then cos(t * f_i), t the integer timestep as a float.
  The frequencies 2^k * pi / 4 and f_i are computed in double precision and rounded once to
  float32; the products with x_c and t, and sin/cos, are float32.
- GELU is the exact erf form (torch.nn.GELU()'s default).

A file is `safetensors.torch.save_file(model.state_dict(), path, metadata=...)`: tensors
net.0.weight [H, 2 + 4F + D], net.0.bias [H], net.2.weight [H, H], ..., net.{2L}.weight [2, H],
net.{2L}.bias [2], all F32; string metadata format = ddim-explorer-mlp, version = 1, hidden,
layers, time_embedding, fourier_features, activation = gelu, prediction_type, scheduler_config
(diffusers' scheduler config JSON), dataset, training (JSON: steps, batch, learning_rate, seed,
final_loss, seconds).

    from toy_mlp import Layout, ToyMLP, save_model, load_model
    model = ToyMLP(Layout())                       # H 128, L 3, D 32, F 8
    save_model(model, "m.safetensors", prediction_type="epsilon",
               scheduler_config=DDIMScheduler(clip_sample=False).to_json_string(),
               dataset="two-moons", training={...})
    model, metadata = load_model("m.safetensors")  # strict: every tensor, shape, dtype and key checked
"""
import json
import math
from dataclasses import dataclass

import numpy as np
import torch
from safetensors import SafetensorError, safe_open
from safetensors.torch import save_file

FORMAT = "ddim-explorer-mlp"
VERSION = "1"
ACTIVATION = "gelu"
PREDICTION_TYPES = ("epsilon", "sample", "v_prediction")
TRAINING_KEYS = ("steps", "batch", "learning_rate", "seed", "final_loss", "seconds")


@dataclass(frozen=True)
class Layout:
    """H = hidden, L = layers (hidden layers, each Linear + GELU), D = time_embedding, F = fourier_features."""
    hidden: int = 128
    layers: int = 3
    time_embedding: int = 32
    fourier_features: int = 8

    @property
    def input_width(self):
        return 2 + 4 * self.fourier_features + self.time_embedding

    def check(self):
        if self.hidden < 1:
            raise ValueError(f"hidden must be at least 1, got {self.hidden}")
        if self.layers < 1:
            raise ValueError(f"layers must be at least 1, got {self.layers}")
        if self.time_embedding < 0 or self.time_embedding % 2:
            raise ValueError(f"time_embedding must be even and >= 0, got {self.time_embedding}")
        if self.fourier_features < 0:
            raise ValueError(f"fourier_features must be >= 0, got {self.fourier_features}")


class ToyMLP(torch.nn.Module):
    """The documented layout; state-dict names net.0.weight ... net.{2L}.bias."""

    def __init__(self, layout=Layout()):
        super().__init__()
        layout.check()
        self.layout = layout
        modules = [torch.nn.Linear(layout.input_width, layout.hidden), torch.nn.GELU()]
        for _ in range(layout.layers - 1):
            modules += [torch.nn.Linear(layout.hidden, layout.hidden), torch.nn.GELU()]
        modules.append(torch.nn.Linear(layout.hidden, 2))
        self.net = torch.nn.Sequential(*modules)
        # Not persistent: the file holds only the linear layers.
        fourier = [2.0 ** k * math.pi / 4 for k in range(layout.fourier_features)]
        half = layout.time_embedding // 2
        time = [math.exp(-math.log(10000.0) * i / half) for i in range(half)]
        self.register_buffer("fourier_frequencies", torch.tensor(fourier, dtype=torch.float32), persistent=False)
        self.register_buffer("time_frequencies", torch.tensor(time, dtype=torch.float32), persistent=False)

    def features(self, x, timestep):
        """The input rows [x, y, Fourier features, time embedding] for points x [N, 2] at integer timestep(s)."""
        x = x.to(torch.float32)
        parts = [x]
        if self.layout.fourier_features:
            angles = (x[:, :, None] * self.fourier_frequencies).reshape(x.shape[0], -1)  # c-major
            parts += [torch.sin(angles), torch.cos(angles)]
        if self.layout.time_embedding:
            t = torch.as_tensor(timestep).to(torch.float32).reshape(-1, 1).expand(x.shape[0], 1)
            angles = t * self.time_frequencies
            parts += [torch.sin(angles), torch.cos(angles)]
        return torch.cat(parts, dim=1)

    def forward(self, x, timestep):
        """The network output (what prediction_type says) for points x [N, 2] at integer timestep(s)."""
        return self.net(self.features(x, timestep))


def metadata_for(model, prediction_type, scheduler_config, dataset, training):
    """The file's string metadata; scheduler_config is a JSON string, training a dict."""
    if prediction_type not in PREDICTION_TYPES:
        raise ValueError(f"prediction_type must be one of {PREDICTION_TYPES}, got {prediction_type!r}")
    missing = [key for key in TRAINING_KEYS if key not in training]
    if missing:
        raise ValueError(f"training lacks {missing}")
    layout = model.layout
    return {
        "format": FORMAT, "version": VERSION,
        "hidden": str(layout.hidden), "layers": str(layout.layers),
        "time_embedding": str(layout.time_embedding), "fourier_features": str(layout.fourier_features),
        "activation": ACTIVATION, "prediction_type": prediction_type,
        "scheduler_config": scheduler_config, "dataset": dataset,
        "training": json.dumps({key: training[key] for key in TRAINING_KEYS}),
    }


def save_model(model, path, prediction_type, scheduler_config, dataset, training):
    """Writes the model exactly as the issue's recipe: save_file(state_dict(), path, metadata)."""
    save_file(model.state_dict(), path, metadata=metadata_for(model, prediction_type, scheduler_config, dataset, training))


class ModelFileError(ValueError):
    pass


def _integer(metadata, key, path):
    value = metadata.get(key)
    if value is None:
        raise ModelFileError(f"{path}: metadata lacks {key!r}")
    try:
        return int(value)
    except ValueError:
        raise ModelFileError(f"{path}: metadata {key} = {value!r} is not an integer") from None


def load_model(path):
    """Reads a file into a ToyMLP with a strict state-dict load; returns (model, metadata).

    metadata is the file's string metadata with scheduler_config and training parsed from JSON.
    Raises ModelFileError naming the file and the problem."""
    try:
        with safe_open(path, framework="pt") as handle:
            metadata = dict(handle.metadata() or {})
            tensors = {name: handle.get_tensor(name) for name in handle.keys()}
    except (OSError, SafetensorError) as error:
        raise ModelFileError(f"{path}: not a readable safetensors file ({error})") from None
    for key, expected in (("format", FORMAT), ("version", VERSION), ("activation", ACTIVATION)):
        if metadata.get(key) != expected:
            raise ModelFileError(f"{path}: metadata {key} = {metadata.get(key)!r}, expected {expected!r}")
    if metadata.get("prediction_type") not in PREDICTION_TYPES:
        raise ModelFileError(f"{path}: prediction_type {metadata.get('prediction_type')!r} is not one of {PREDICTION_TYPES}")
    layout = Layout(hidden=_integer(metadata, "hidden", path), layers=_integer(metadata, "layers", path),
                    time_embedding=_integer(metadata, "time_embedding", path),
                    fourier_features=_integer(metadata, "fourier_features", path))
    try:
        layout.check()
    except ValueError as error:
        raise ModelFileError(f"{path}: {error}") from None
    for name, tensor in tensors.items():
        if tensor.dtype != torch.float32:
            raise ModelFileError(f"{path}: tensor {name} has dtype {tensor.dtype}, expected float32")
    model = ToyMLP(layout)
    expected = {name: tuple(value.shape) for name, value in model.state_dict().items()}
    found = {name: tuple(value.shape) for name, value in tensors.items()}
    problems = [f"missing {name} {list(shape)}" for name, shape in expected.items() if name not in found]
    problems += [f"unexpected {name}" for name in found if name not in expected]
    problems += [f"{name} is {list(found[name])}, the layout needs {list(shape)}"
                 for name, shape in expected.items() if name in found and found[name] != shape]
    if problems:
        raise ModelFileError(f"{path}: tensors do not fit the layout {layout}: {'; '.join(problems)}")
    model.load_state_dict(tensors, strict=True)
    parsed = dict(metadata)
    for key in ("scheduler_config", "training"):
        try:
            parsed[key] = json.loads(metadata.get(key, ""))
        except json.JSONDecodeError as error:
            raise ModelFileError(f"{path}: metadata {key} is not JSON ({error})") from None
    missing = [key for key in TRAINING_KEYS if key not in parsed["training"]]
    if missing:
        raise ModelFileError(f"{path}: training JSON lacks {missing}")
    if "dataset" not in metadata:
        raise ModelFileError(f"{path}: metadata lacks 'dataset'")
    return model.eval(), parsed


def two_moons(count, rng, noise=0.06):
    """ddim-explorer's two-moons shape (PointShape.twoMoons) drawn with numpy: float32 [count, 2].

    Two interleaved half circles, shifted by (-0.5, -0.25), scaled by 1.2, plus Gaussian noise."""
    u = rng.random(count)
    upper = u < 0.5
    angle = np.where(upper, 2 * u, 2 * u - 1) * np.pi
    x = np.where(upper, np.cos(angle), 1 - np.cos(angle))
    y = np.where(upper, np.sin(angle), 0.5 - np.sin(angle))
    points = np.stack([(x - 0.5) * 1.2, (y - 0.25) * 1.2], axis=1)
    return (points + noise * rng.standard_normal((count, 2))).astype(np.float32)


def ddpm_loss(model, scheduler, x0, prediction_type, generator=None):
    """The DDPM objective: uniform integer t, Gaussian noise, x_t from diffusers' add_noise, and the
    mean squared error against the target the prediction type names (noise, x0, or diffusers'
    get_velocity)."""
    count = x0.shape[0]
    timesteps = torch.randint(0, scheduler.config.num_train_timesteps, (count,), generator=generator)
    noise = torch.randn(x0.shape, generator=generator, dtype=torch.float32)
    noisy = scheduler.add_noise(x0, noise, timesteps)
    if prediction_type == "epsilon":
        target = noise
    elif prediction_type == "sample":
        target = x0
    else:
        target = scheduler.get_velocity(x0, noise, timesteps)
    return torch.nn.functional.mse_loss(model(noisy, timesteps), target)
