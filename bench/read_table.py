"""Benchmark: ``read_table`` on a 1,000,000-row ``rx_monthly`` CSV against ``pandas.read_csv``.

Run ``python bench/read_table.py``. It writes the file into a temporary folder (1,000 regions ×
250 months × 4 products, numbers like the sample's), then measures, each in a fresh Python
process so that one run's memory cannot hide in another's:

* wall time of the read (best of three runs);
* peak memory, two ways: the growth of the process's peak resident set size
  (``resource.getrusage``, ``ru_maxrss``) over its size just before the read, and the peak of
  Python-tracked allocations (``tracemalloc``; pandas' and NumPy's buffers are tracked, the C
  parser's own scratch space is not).

``read_table`` is given the 1,000 region IDs so that the reference check runs too. It prints
both absolute figures and the ratios over ``read_csv``; the goal is at most 2× time and 2× memory.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

N_REGIONS, N_MONTHS = 1000, 250
PRODUCTS = (
    ("glyvora", "sglt2"),
    ("renaflo", "sglt2"),
    ("gliptara", "dpp4"),
    ("metformin_generic", "metformin"),
)

_CHILD = r"""
import json, resource, sys, time, tracemalloc
import pandas as pd
from workshop_lib.data import read_table
path, how, trace = sys.argv[1], sys.argv[2], sys.argv[3] == "1"
n_regions, n_rows = int(sys.argv[4]), int(sys.argv[5])
regions = {f"R{i:04d}" for i in range(1, n_regions + 1)}
def run():
    if how == "pandas":
        return pd.read_csv(path)
    return read_table(path, "rx_monthly", regions=regions)
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
if trace:
    tracemalloc.start()
start = time.perf_counter()
frame = run()
seconds = time.perf_counter() - start
traced = tracemalloc.get_traced_memory()[1] if trace else 0
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
assert len(frame) == n_rows, len(frame)
print(json.dumps({"seconds": seconds, "rss_kib": after - before, "traced": traced}))
"""


def write_file(path: Path) -> int:
    """Write the benchmark CSV; return its size in bytes."""
    import numpy as np
    import pandas as pd

    rng = np.random.default_rng(0)
    months = pd.period_range("2000-01", periods=N_MONTHS, freq="M").strftime("%Y-%m")
    regions = [f"R{i:04d}" for i in range(1, N_REGIONS + 1)]
    index = pd.MultiIndex.from_product(
        [months, regions, [p for p, _ in PRODUCTS]], names=["month", "region_id", "product"]
    )
    frame = index.to_frame(index=False)
    frame["drug_class"] = frame["product"].map(dict(PRODUCTS))
    n = len(frame)
    trx = rng.integers(500, 200_000, n)
    frame["trx"] = trx
    frame["nbrx"] = (trx * rng.uniform(0.01, 0.1, n)).astype(int)
    frame["units"] = (trx * rng.uniform(1.05, 1.25, n)).astype(int)
    frame["value_rmb"] = np.round(frame["units"] * rng.uniform(15, 150, n), 2)
    frame.to_csv(path, index=False)
    return path.stat().st_size


def measure(path: Path, how: str, trace: bool) -> dict[str, float]:
    """Run one read in a fresh interpreter and return its figures."""
    rows = N_REGIONS * N_MONTHS * len(PRODUCTS)
    command = [
        sys.executable,
        "-c",
        _CHILD,
        str(path),
        how,
        "1" if trace else "0",
        str(N_REGIONS),
        str(rows),
    ]
    out = subprocess.run(command, check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "rx_monthly.csv"
        size = write_file(path)
        print(f"file: {N_REGIONS * N_MONTHS * len(PRODUCTS):,} rows, {size / 2**20:.1f} MiB")
        results = {}
        for how in ("pandas", "read_table"):
            runs = [measure(path, how, trace=False) for _ in range(3)]
            traced = measure(path, how, trace=True)["traced"]
            results[how] = {
                "seconds": min(r["seconds"] for r in runs),
                "rss_mib": min(r["rss_kib"] for r in runs) / 1024,
                "traced_mib": traced / 2**20,
            }
    base, ours = results["pandas"], results["read_table"]
    print(f"{'':22}{'read_csv':>12}{'read_table':>12}{'ratio':>8}")
    for key, label in (
        ("seconds", "wall time (s)"),
        ("rss_mib", "peak RSS growth (MiB)"),
        ("traced_mib", "tracemalloc peak (MiB)"),
    ):
        ratio = ours[key] / base[key] if base[key] else float("nan")
        print(f"{label:22}{base[key]:12.2f}{ours[key]:12.2f}{ratio:7.2f}x")
    print("goal: time ratio <= 2x, memory ratio <= 2x")


if __name__ == "__main__":
    main()
