"""KPI speed: checked KPIs against the bare NumPy expression, and ``unit_kpis`` per unit.

Part 1 times each of the 15 KPIs of :mod:`workshop_lib.kpi` on 1,000,000 rows and prints its
ratio over the bare NumPy expression of its formula (no checks, no NaN handling), measured in
the same run on the same arrays. Goal: the median ratio over the 15 KPIs <= 2. Three variants
(CLV paid at the start and over a horizon, the relative share change) are printed below them and
left out of the median.

Part 2 times :func:`workshop_lib.analysis.unit_kpis` for each of the five units on the built-in
sample scenario (tables loaded once beforehand), whole and by region, segment and channel.
Goal: <= 50 ms per unit.

Times are the best of several repeats, each call timed in turn with its baseline so that both
see the same load. Run: ``python bench/kpi.py [--repeat N]``
"""

from __future__ import annotations

import argparse
import timeit

import numpy as np
import pandas as pd

from workshop_lib import analysis, data, kpi

ROWS = 1_000_000
RATIO_GOAL = 2.0
UNIT_GOAL_MS = 50.0
STAGES = ["unaware", "aware", "trial", "adopter", "advocate"]


def verdict(met: bool) -> str:
    """How a figure stands against its goal."""
    return "met" if met else "NOT MET"


def gmean(ratios: list[float]) -> float:
    """Geometric mean: the typical factor over ratios."""
    return float(np.exp(np.mean(np.log(ratios))))


def best_of_each(funcs, repeat: int) -> list[float]:
    """Best wall-clock seconds of each function, timed in turn ``repeat`` times."""
    times = [[timeit.timeit(func, number=1) for func in funcs] for _ in range(repeat)]
    return [min(column) for column in zip(*times, strict=True)]


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


def clv_horizon_baseline(m: np.ndarray, r: np.ndarray, d: np.ndarray) -> np.ndarray:
    """CLV over 12 periods, margin at each period's end, without checks."""
    q = r / (1 + d)
    return m * q * (1 - q**12) / (1 - q)


def kpi_cases(c: dict[str, np.ndarray]):
    """(name, checked KPI call, bare NumPy expression) for the 15 KPIs, then for 3 variants."""
    part, base, spend = c["part"], c["base"], c["spend"]
    m, r, d = c["margin"], c["retention"], c["discount"]
    now, before = c["share_now"], c["share_before"]
    s, e, n, y = c["start"], c["end"], c["new"], c["years"]
    ratings, scores, aware = c["ratings"], c["scores"], c["aware"]
    kpis = [
        ("penetration", lambda: kpi.penetration(part, base), lambda: part / base),
        ("cac", lambda: kpi.cac(spend, base), lambda: spend / base),
        ("clv", lambda: kpi.clv(m, r, d), lambda: m * r / (1 + d - r)),
        ("growth_rate", lambda: kpi.growth_rate(e, s), lambda: (e - s) / s),
        ("cagr", lambda: kpi.cagr(s, e, y), lambda: (e / s) ** (1 / y) - 1),
        ("csat", lambda: kpi.csat(ratings), lambda: np.mean(ratings >= 4)),
        ("retention_rate", lambda: kpi.retention_rate(s, e, n), lambda: (e - n) / s),
        ("conversion_rate", lambda: kpi.conversion_rate(part, base), lambda: part / base),
        (
            "stage_conversion",
            lambda: kpi.stage_conversion(c["before"], c["after"], STAGES),
            lambda: stage_baseline(c["before"], c["after"]),
        ),
        ("engagement_rate", lambda: kpi.engagement_rate(part, base), lambda: part / base),
        ("awareness", lambda: kpi.awareness(aware), lambda: np.mean(aware)),
        (
            "share_of_requirements",
            lambda: kpi.share_of_requirements(part, base),
            lambda: part / base,
        ),
        (
            "nps",
            lambda: kpi.nps(scores),
            lambda: (np.mean(scores >= 9) - np.mean(scores <= 6)) * 100,
        ),
        ("share_change", lambda: kpi.share_change(now, before), lambda: (now - before) * 100),
        ("response_rate", lambda: kpi.response_rate(part, base), lambda: part / base),
    ]
    variants = [
        (
            "clv timing=start",
            lambda: kpi.clv(m, r, d, timing="start"),
            lambda: m * (1 + d) / (1 + d - r),
        ),
        (
            "clv horizon=12",
            lambda: kpi.clv(m, r, d, horizon=12),
            lambda: clv_horizon_baseline(m, r, d),
        ),
        (
            "share_change relative",
            lambda: kpi.share_change(now, before, relative=True),
            lambda: now / before - 1,
        ),
    ]
    return kpis, variants


def time_ratios(cases, repeat: int) -> list[float]:
    """Print each case's times and ratio; return the ratios."""
    ratios = []
    for name, checked, bare in cases:
        checked_s, bare_s = best_of_each([checked, bare], repeat)
        ratios.append(checked_s / bare_s)
        print(f"{name:<24}{checked_s * 1e3:>9.2f}{bare_s * 1e3:>10.2f}{ratios[-1]:>8.2f}")
    return ratios


def bench_kpis(repeat: int) -> bool:
    """Part 1; True when the goal is met."""
    print(f"Part 1: KPIs on {ROWS:,} rows over the bare NumPy expression, best of {repeat}")
    print(f"{'kpi':<24}{'kpi ms':>9}{'numpy ms':>10}{'ratio':>8}")
    kpis, variants = kpi_cases(columns(ROWS))
    ratios = time_ratios(kpis, repeat)
    median = float(np.median(ratios))
    print(f"{'median of the 15':<43}{median:>8.2f}")
    print(f"{'geometric mean of the 15':<43}{gmean(ratios):>8.2f}")
    print("variants (not in the median)")
    time_ratios(variants, repeat)
    met = median <= RATIO_GOAL
    print(f"goal: median ratio <= {RATIO_GOAL:g}: {median:.2f}, {verdict(met)}")
    return met


def bench_units(repeat: int) -> bool:
    """Part 2; True when the goal is met."""
    tables = {name: data.load_sample(name) for name in data.TABLES}
    print(f"\nPart 2: unit_kpis on the sample scenario, ms, best of {repeat}")
    groupings = (None, "region", "segment", "channel")
    print(f"{'unit':<6}" + "".join(f"{by or 'whole':>10}" for by in groupings))
    slowest = 0.0
    for unit in range(1, 6):
        row = []
        for by in groupings:
            call = lambda u=unit, b=by: analysis.unit_kpis(u, by=b, data=tables)  # noqa: E731
            row.append(best_of_each([call], repeat)[0] * 1e3)
        slowest = max(slowest, *row)
        print(f"{unit:<6}" + "".join(f"{ms:>10.1f}" for ms in row))
    met = slowest <= UNIT_GOAL_MS
    print(f"goal: <= {UNIT_GOAL_MS:.0f} ms per unit: slowest {slowest:.1f} ms, {verdict(met)}")
    return met


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    repeat = parser.parse_args().repeat
    kpis_met = bench_kpis(repeat)
    units_met = bench_units(repeat)
    print(f"\nKPIs {verdict(kpis_met)}, unit_kpis {verdict(units_met)}")


if __name__ == "__main__":
    main()
