"""Notebook execution time as a ratio over the floor: kernel start, imports and one figure.

The floor is a notebook that only imports pandas, seaborn, ipywidgets and matplotlib and draws
one figure, executed the same way (a fresh kernel through nbclient) in the same run. Each
course notebook's wall time is divided by the floor's median. Goal: median ratio <= 1.5x.

Run: ``python bench/notebooks.py [--edition notebooks|exercises|solutions] [--repeat N]``
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
FLOOR = """\
import pandas as pd
import seaborn as sns
import ipywidgets as widgets
import matplotlib.pyplot as plt

fig, ax = plt.subplots()
ax.plot([1, 2, 3], [2, 1, 3])
plt.show()
"""


def run(notebook: nbformat.NotebookNode, folder: Path) -> float:
    """Seconds to execute ``notebook`` in a fresh kernel."""
    start = time.perf_counter()
    NotebookClient(
        notebook, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(folder)}}
    ).execute()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--edition", default="notebooks", choices=["notebooks", "exercises", "solutions"]
    )
    parser.add_argument("--repeat", type=int, default=3, help="runs of the floor notebook")
    args = parser.parse_args()
    os.environ["WORKSHOP_HOME"] = tempfile.mkdtemp(prefix="bench-notebooks-")

    floor_nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(FLOOR)])
    floor = statistics.median(run(floor_nb, ROOT) for _ in range(args.repeat))
    print(f"floor (imports + one figure): {floor:.2f} s (median of {args.repeat})")
    ratios = []
    for path in sorted((ROOT / args.edition).glob("*/*.ipynb")):
        seconds = run(nbformat.read(path, as_version=4), path.parent)
        ratios.append(seconds / floor)
        print(f"{path.relative_to(ROOT)!s:<45}{seconds:6.2f} s {seconds / floor:6.2f}x")
    print(
        f"median ratio {statistics.median(ratios):.2f}x over {len(ratios)} notebooks (goal <= 1.5x)"
    )


if __name__ == "__main__":
    main()
