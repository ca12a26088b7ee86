"""KPI speed: checked, vectorised KPIs against the bare NumPy formula, and ``unit_kpis`` per unit.

Part 1 times each KPI of :mod:`workshop_lib.kpi` on 1,000,000 rows and prints the ratio over the
bare NumPy expression of its formula (no checks, no NaN handling), measured in the same run on the
same arrays. Goal: the median ratio over the KPIs <= 1.3; a KPI above 1.3 is marked. A KPI whose
formula is a single pass over its inputs pays most for its checks, which must read them again. On
inputs this large the KPIs check on a helper thread beside the arithmetic; the "in line" column
gives the ratio with every check run on the caller's thread first, as on small inputs (what a
machine with a single free core would see).

glibc is asked to keep freed memory (``mallopt``): otherwise a million-row result may land in
fresh pages that fault in on first write, and how many do depends on the order of earlier
allocations rather than on the code timed, a noise larger than the checks being measured.

Part 2 times :func:`workshop_lib.analysis.unit_kpis` for each of the five units on the built-in
sample scenario (tables loaded once beforehand). Goal: <= 50 ms per unit.

Times are the best of several repeats. Run: ``python bench/kpi.py [--repeat N]``
"""

from __future__ import annotations

import argparse
import ctypes
import math
import timeit

import numpy as np
import pandas as pd

from workshop_lib import analysis, data, kpi
from workshop_lib.kpi import _beside

ROWS = 1_000_000
RATIO_GOAL = 1.3
UNIT_GOAL_MS = 50.0
STAGES = ["unaware", "aware", "trial", "adopter", "advocate"]


def keep_freed_memory() -> bool:
    """Ask glibc to reuse freed blocks instead of unmapping them; False where that is unknown."""
    m_trim_threshold, m_mmap_threshold = -1, -3  # from glibc's malloc.h
    try:
        libc = ctypes.CDLL("libc.so.6")
    except OSError:
        return False
    return bool(libc.mallopt(m_mmap_threshold, 32 * 2**20)) and bool(
        libc.mallopt(m_trim_threshold, 2**30)
    )


def gmean(ratios: list[float]) -> float:
    """Geometric mean: the typical factor over ratios."""
    return float(np.exp(np.mean(np.log(ratios))))


def best(func, repeat: int) -> float:
    """Best wall-clock seconds of ``repeat`` calls of ``func``."""
    return min(timeit.repeat(func, number=1, repeat=repeat))


def best_of_each(funcs, repeat: int) -> list[float]:
    """Best seconds of each function, timed in turn so that all see the same load."""
    times = [[best(func, 1) for func in funcs] for _ in range(repeat)]
    return [min(column) for column in zip(*times, strict=True)]


def in_line(func):
    """``func`` with every check run on the caller's thread before the arithmetic."""

    def run():
        _beside.BESIDE_FROM = math.inf
        try:
            return func()
        finally:
            _beside.BESIDE_FROM = beside_from

    beside_from = _beside.BESIDE_FROM
    return run


def columns(rows: int) -> dict[str, np.ndarray]:
    """Seeded inputs shaped like the scenario's columns: counts, money, rates, answers."""
    rng = np.random.default_rng(20240601)
    base = rng.integers(1, 5_000, rows)
    start = rng.integers(1, 5_000, rows)
    new = rng.binomial(start, 0.1)
    return {
        "base": base,
        "part": rng.binomial(base, 0.3),
        "spend": rng.gamma(2.0, 50_000.0, rows),
        "start": start,
        "new": new,
        "end": rng.binomial(start, 0.85) + new,
        "margin": rng.normal(60, 15, rows),
        "retention": rng.uniform(0.5, 0.99, rows),
        "discount": rng.uniform(0.0, 0.02, rows),
        "years": rng.integers(1, 6, rows),
        "share_now": rng.uniform(0.01, 0.3, rows),
        "share_before": rng.uniform(0.01, 0.3, rows),
        "ratings": rng.integers(1, 6, rows),
        "scores": rng.integers(0, 11, rows),
        "aware": rng.random(rows) < 0.4,
        "before": np.array(STAGES, dtype=object)[rng.integers(0, 5, rows)],
        "after": np.array(STAGES, dtype=object)[rng.integers(0, 5, rows)],
    }


def stage_baseline(before: np.ndarray, after: np.ndarray) -> np.ndarray:
    """Stage conversion without checks: category codes and two bincounts."""
    b = pd.Categorical(before, categories=STAGES).codes
    a = pd.Categorical(after, categories=STAGES).codes
    return np.bincount(b, weights=a > b, minlength=5)[:-1] / np.bincount(b, minlength=5)[:-1]


def kpi_cases(c: dict[str, np.ndarray]) -> list[tuple[str, object, object]]:
    """(name, checked KPI call, bare NumPy expression) for every KPI."""
    part, base = c["part"], c["base"]
    m, r, d = c["margin"], c["retention"], c["discount"]
    now, before = c["share_now"], c["share_before"]
    s, e, y = c["start"], c["end"], c["years"]
    return [
        ("penetration", lambda: kpi.penetration(part, base), lambda: part / base),
        ("cac", lambda: kpi.cac(c["spend"], base), lambda: c["spend"] / base),
        ("clv", lambda: kpi.clv(m, r, d), lambda: m * r / (1 + d - r)),
        ("clv start", lambda: kpi.clv(m, r, d, timing="start"), lambda: m * (1 + d) / (1 + d - r)),
        (
            "clv horizon=12",
            lambda: kpi.clv(m, r, d, horizon=12),
            lambda: m * (r / (1 + d)) * (1 - (r / (1 + d)) ** 12) / (1 - r / (1 + d)),
        ),
        ("growth_rate", lambda: kpi.growth_rate(e, s), lambda: (e - s) / s),
        ("cagr", lambda: kpi.cagr(s, e, y), lambda: (e / s) ** (1 / y) - 1),
        ("csat", lambda: kpi.csat(c["ratings"]), lambda: np.mean(c["ratings"] >= 4)),
        (
            "retention_rate",
            lambda: kpi.retention_rate(s, e, c["new"]),
            lambda: (e - c["new"]) / s,
        ),
        ("conversion_rate", lambda: kpi.conversion_rate(part, base), lambda: part / base),
        (
            "stage_conversion",
            lambda: kpi.stage_conversion(c["before"], c["after"], STAGES),
            lambda: stage_baseline(c["before"], c["after"]),
        ),
        ("engagement_rate", lambda: kpi.engagement_rate(part, base), lambda: part / base),
        ("awareness", lambda: kpi.awareness(c["aware"]), lambda: np.mean(c["aware"])),
        (
            "share_of_requirements",
            lambda: kpi.share_of_requirements(part, base),
            lambda: part / base,
        ),
        (
            "nps",
            lambda: kpi.nps(c["scores"]),
            lambda: (np.mean(c["scores"] >= 9) - np.mean(c["scores"] <= 6)) * 100,
        ),
        ("share_change", lambda: kpi.share_change(now, before), lambda: (now - before) * 100),
        (
            "share_change relative",
            lambda: kpi.share_change(now, before, relative=True),
            lambda: now / before - 1,
        ),
        ("response_rate", lambda: kpi.response_rate(part, base), lambda: part / base),
    ]


def bench_kpis(repeat: int) -> None:
    print(
        f"Part 1: KPIs on {ROWS:,} rows, ratio over the bare NumPy expression (goal <= "
        f"{RATIO_GOAL})"
    )
    if keep_freed_memory():
        print("(glibc keeps freed memory for the run, so page faults do not blur the ratios)")
    else:
        print("(not glibc: page faults of fresh memory may blur the ratios)")
    print(f"{'kpi':<24}{'kpi ms':>9}{'numpy ms':>10}{'ratio':>8}{'in line':>9}")
    ratios, in_line_ratios = [], []
    for name, checked, bare in kpi_cases(columns(ROWS)):
        checked_s, in_line_s, bare_s = best_of_each([checked, in_line(checked), bare], repeat)
        ratios.append(checked_s / bare_s)
        in_line_ratios.append(in_line_s / bare_s)
        flag = "" if ratios[-1] <= RATIO_GOAL else f"  above {RATIO_GOAL}"
        print(
            f"{name:<24}{checked_s * 1e3:>9.2f}{bare_s * 1e3:>10.2f}{ratios[-1]:>8.2f}"
            f"{in_line_ratios[-1]:>9.2f}{flag}"
        )
    median = np.median(ratios)
    verdict = "goal met" if median <= RATIO_GOAL else "above goal"
    print(f"{'median ratio':<43}{median:>8.2f}{np.median(in_line_ratios):>9.2f}  {verdict}")
    print(f"{'geometric mean':<43}{gmean(ratios):>8.2f}{gmean(in_line_ratios):>9.2f}")
    print(f"{'worst ratio':<43}{max(ratios):>8.2f}{max(in_line_ratios):>9.2f}")


def bench_units(repeat: int) -> None:
    tables = {name: data.load_sample(name) for name in data.TABLES}
    print(
        f"\nPart 2: unit_kpis on the sample scenario, best of {repeat} (goal <= "
        f"{UNIT_GOAL_MS:.0f} ms)"
    )
    print(f"{'unit':<6}{'by':<10}{'ms':>8}")
    for unit in range(1, 6):
        for by in (None, "region", "segment", "channel"):
            ms = best(lambda u=unit, b=by: analysis.unit_kpis(u, by=b, data=tables), repeat) * 1e3
            flag = "" if ms <= UNIT_GOAL_MS else "  above goal"
            print(f"{unit:<6}{by or '-':<10}{ms:>8.1f}{flag}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    repeat = parser.parse_args().repeat
    bench_kpis(repeat)
    bench_units(repeat)


if __name__ == "__main__":
    main()
