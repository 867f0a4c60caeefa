#!/usr/bin/env python3
"""Rewrites every ```text block that follows a ```sh block in README.md with what the first
`ddim-explorer` command of that shell block prints today (the check ReadmeExamplesTests makes).

Usage (from the repository root, after `swift build -c release --product ddim-explorer`):
    python3 Tests/Scripts/update_readme_outputs.py
The commands run in a scratch directory holding an `Assets` link and the `mine.csv` the examples read.
"""
import os
import re
import shlex
import subprocess
import sys
import tempfile

root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
binary = os.path.join(root, ".build", "release", "ddim-explorer")


def run(command, cwd):
    words = shlex.split(command)[1:]
    result = subprocess.run([binary] + words, cwd=cwd, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"`{command}` failed ({result.returncode}):\n{result.stderr}")
    return result.stdout


def main():
    readme = os.path.join(root, "README.md")
    lines = open(readme, encoding="utf-8").read().split("\n")
    with tempfile.TemporaryDirectory() as scratch:
        os.symlink(os.path.join(root, "Assets"), os.path.join(scratch, "Assets"))
        with open(os.path.join(scratch, "mine.csv"), "w") as f:
            f.write(run("ddim-explorer data --dataset two-moons --count 300 --seed 7", scratch))
        out, i, previous = [], 0, None  # previous: (language, lines) of the last fenced block
        while i < len(lines):
            line = lines[i]
            if not line.startswith("```"):
                out.append(line)
                i += 1
                continue
            language, end = line[3:], i + 1
            while not lines[end].startswith("```"):
                end += 1
            body = lines[i + 1:end]
            if language == "text" and previous is not None and previous[0] == "sh":
                commands = [l for l in previous[1] if l.startswith("ddim-explorer ")]
                if commands:
                    command = re.sub(r" #.*$", "", commands[0]).strip()
                    body = [l.rstrip() for l in run(command, scratch).rstrip("\n").split("\n")]
                    print(f"updated the output of `{command}`")
            out += [line] + body + [lines[end]]
            previous = (language, body)
            i = end + 1
    open(readme, "w", encoding="utf-8").write("\n".join(out))


if __name__ == "__main__":
    main()
