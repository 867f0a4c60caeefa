"""Checks ddim-explorer's safetensors files against the reference library (run by hand, never in CI).

    /work/venv/bin/python Tests/Scripts/safetensors_interop.py write   # writes the reader fixture
    /work/venv/bin/python Tests/Scripts/safetensors_interop.py check FILE.safetensors ...

`write` saves Tests/LearnedTests/Fixtures/reference-written.safetensors with safetensors.torch.save_file:
float32 tensors of several shapes (a scalar and an empty one among them), one float16 tensor and string
metadata; and reference-written-f32.safetensors, the same without the float16 tensor.
LearnedTests/SafeTensorsReferenceTests reads both, checks the values below and that SafeTensorsWriter
writes the second one byte for byte.

`check` loads each file with safetensors.torch.load_file and safe_open, prints every tensor's name, dtype
and shape and the metadata keys, and fails unless every tensor is a contiguous float32 tensor.
"""
import pathlib
import sys

import torch
from safetensors import safe_open
from safetensors.torch import load_file, save_file

FIXTURES = pathlib.Path(__file__).resolve().parents[1] / "LearnedTests" / "Fixtures"
FIXTURE = FIXTURES / "reference-written.safetensors"
FIXTURE_F32 = FIXTURES / "reference-written-f32.safetensors"


def write():
    tensors = {
        "net.0.weight": torch.arange(12, dtype=torch.float32).reshape(3, 4) / 8 - 0.75,
        "net.0.bias": torch.tensor([1.5, -2.25, 3.0e-8], dtype=torch.float32),
        "scalar": torch.tensor(7.0, dtype=torch.float32),
        "empty": torch.zeros(0, 5, dtype=torch.float32),
        "half": torch.tensor([1.0, 2.0], dtype=torch.float16),
    }
    metadata = {"format": "pt", "note": "caf\u00e9 \"quoted\""}
    save_file(tensors, str(FIXTURE), metadata=metadata)
    del tensors["half"]
    save_file(tensors, str(FIXTURE_F32), metadata=metadata)
    for path in (FIXTURE, FIXTURE_F32):
        print(f"wrote {path} ({path.stat().st_size} bytes)")


def check(paths):
    for path in paths:
        tensors = load_file(path)
        with safe_open(path, framework="pt") as handle:
            metadata = handle.metadata() or {}
        for name, tensor in sorted(tensors.items()):
            print(f"{path}: {name} {tensor.dtype} {list(tensor.shape)}")
            assert tensor.dtype == torch.float32 and tensor.is_contiguous(), name
        print(f"{path}: metadata keys {sorted(metadata)}")


if __name__ == "__main__":
    if sys.argv[1:2] == ["write"]:
        write()
    elif sys.argv[1:2] == ["check"] and len(sys.argv) > 2:
        check(sys.argv[2:])
    else:
        sys.exit(__doc__)
