#!/usr/bin/env python3
"""Writes Tests/DDIMTests/Fixtures/torch_randn_large.json: torch.randn(8192) after torch.manual_seed(0),
one call large enough for torch's vectorized transform to reach its largest difference from ours.

Run by hand (never in CI):  /work/venv/bin/python Tests/Scripts/generate_torch_randn_large.py
"""
import json
import os

import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(os.path.dirname(os.path.dirname(HERE)), "Tests", "DDIMTests", "Fixtures", "torch_randn_large.json")

torch.manual_seed(0)
values = torch.randn(8192).numpy()
payload = {"generator": "Tests/Scripts/generate_torch_randn_large.py", "torch": torch.__version__, "seed": 0,
           "values": [float(np.format_float_positional(x, unique=True, trim="-")) for x in values]}
with open(OUT, "w") as f:
    json.dump(payload, f, separators=(",", ":"))
    f.write("\n")
print(f"wrote {OUT}")
