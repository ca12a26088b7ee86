"""Import time of ``workshop_lib`` as a ratio over importing its heavy dependencies alone.

Each measurement runs in a fresh interpreter (so nothing is cached in ``sys.modules``) and
times only the imports, not interpreter start-up. The baseline imports numpy, pandas,
matplotlib (pyplot), seaborn and ipywidgets; the candidate imports the same and then every
module of ``workshop_lib``. Goal: ratio <= 1.1 (the library does no heavy work at import).

Run: ``python bench/import_time.py [--repeat N]``
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys

HEAVY = "import numpy, pandas, matplotlib, matplotlib.pyplot, seaborn, ipywidgets"
EVERY_MODULE = (
    "import pkgutil, importlib, workshop_lib\n"
    "for m in pkgutil.walk_packages(workshop_lib.__path__, 'workshop_lib.'):\n"
    "    if not m.name.endswith('__main__'):\n"
    "        importlib.import_module(m.name)\n"
)


def timed(code: str) -> float:
    """Seconds that ``code`` takes to run in a fresh interpreter (imports only)."""
    script = f"import time\nt0 = time.perf_counter()\n{code}\nprint(time.perf_counter() - t0)\n"
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    return float(out.stdout.strip().splitlines()[-1])


def median_of(code: str, repeat: int) -> float:
    return statistics.median(timed(code) for _ in range(repeat))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    repeat = parser.parse_args().repeat

    timed(HEAVY + "\n" + EVERY_MODULE)  # warm the file-system cache and .pyc files
    baseline = median_of(HEAVY, repeat)
    bare = median_of("import workshop_lib", repeat)
    full = median_of(HEAVY + "\n" + EVERY_MODULE, repeat)
    ratio = full / baseline
    print(f"heavy dependencies alone        {baseline * 1000:8.1f} ms (median of {repeat})")
    print(f"import workshop_lib (lazy)      {bare * 1000:8.1f} ms")
    print(f"dependencies + every module     {full * 1000:8.1f} ms")
    print(f"ratio over dependencies alone   {ratio:8.2f}x  (goal <= 1.10x)")


if __name__ == "__main__":
    main()
