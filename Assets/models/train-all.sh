#!/usr/bin/env bash
# Trains the shipped models, one per built-in dataset, with the project's own `train` command and a
# release build, and measures each against the exact denoiser (NAME.json beside NAME.safetensors).
# --no-timing keeps the wall-clock time out of the model file, so on the same machine the same
# command writes the same bytes (check: run it twice and compare `sha256sum Assets/models/*.safetensors`);
# the time and the quality measurements go to NAME.json, which is a record of one run, not reproducible.
#
#   swift build -c release && Assets/models/train-all.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
binary=.build/release/ddim-explorer
for dataset in $("$binary" data --list | awk -F, 'NR > 1 { print $1 }'); do
    "$binary" train --dataset "$dataset" --out "Assets/models/$dataset.safetensors" \
        --steps 4000 --batch 512 --lr 0.002 --hidden 128 --layers 3 --fourier 8 --time-embedding 32 \
        --prediction-type epsilon --seed 0 --no-timing --measure
done
