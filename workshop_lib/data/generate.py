"""Generate the sample scenario: a fictional type 2 diabetes market in six regions.

The magnitudes follow ``DOMAIN.md``: about 20 million adults, diabetes prevalence near 12.4%,
about 37% of people with diabetes diagnosed and 33% treated; an SGLT2 brand (ours) gaining
share month by month against a rival SGLT2, a DPP-4 and generic metformin. Everything is drawn
from one seeded ``numpy.random.Generator``, so a seed always gives the same bytes.

Examples
--------
>>> from workshop_lib.data.generate import build
>>> tables = build(seed=7)
>>> sorted(tables) == sorted(["regions", "patient_funnel", "hcps", "rx_monthly", "activities",
...                           "surveys", "patients"])
True
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from ..files import write_atomic
from .dictionary import dictionary
from .schema import BRAND, CATEGORIES, PRODUCTS, TABLES

DEFAULT_SEED = 2024
"""The seed of the committed sample in ``datasets/``."""

MONTHS = [f"{y}-{m:02d}" for y in (2023, 2024) for m in range(1, 13)]
"""The 24 months of the sample, oldest first."""

PERIODS = ("2023", "2024")
"""The funnel's periods; the regions table describes the last one."""

# region_id, zh, en, tier, adults (millions), prevalence, aware, treated, control
_REGIONS = (
    ("R01", "省会城区", "Capital City", "tier1", 5.0, 0.131, 0.452, 0.410, 0.55),
    ("R02", "东部沿海", "East Coast", "tier2", 4.2, 0.128, 0.395, 0.355, 0.52),
    ("R03", "南部新区", "South New Area", "tier2", 3.6, 0.122, 0.370, 0.330, 0.50),
    ("R04", "中部县域", "Central Counties", "tier3", 2.6, 0.121, 0.318, 0.282, 0.47),
    ("R05", "北部平原", "North Plain", "tier3", 2.5, 0.118, 0.305, 0.270, 0.46),
    ("R06", "西部山区", "West Hills", "tier3", 2.1, 0.112, 0.282, 0.248, 0.44),
)

ADOPTION_MIX = {"unaware": 0.10, "aware": 0.30, "trial": 0.25, "adopter": 0.25, "advocate": 0.10}
"""Share of HCPs at each adoption stage (``DOMAIN.md``: about 10/30/25/25/10%)."""

SGLT2_SHARE = {"2023": 0.13, "2024": 0.175}
"""Share of treated patients on an SGLT2, by period (the class was ≈ 11% in 2022)."""

BRAND_OF_SGLT2 = {"2023": 0.57, "2024": 0.63}
"""Share of SGLT2-treated patients on our brand, by period."""

BRAND_SHARE_START = (0.055, 0.065)
"""Range of our brand's TRx share in the first month, per region."""

BRAND_SHARE_SLOPE = (0.0020, 0.0035)
"""Range of our brand's monthly share gain (0.20–0.35 percentage points), per region."""

EVENT_CHANNELS = (
    "rep_visit",
    "department_meeting",
    "city_meeting",
    "online_meeting",
    "patient_education",
)
"""Channels where a contact is personally invited; response 20–60% of invited."""

DIRECT_CHANNELS = ("wecom", "dtp_pharmacy")
"""Direct-response channels; response 0.5–5% of invited."""

RESPONSE_RANGE = {"event": (0.20, 0.60), "direct": (0.005, 0.05)}
"""Response (responded ÷ invited) ranges by kind of channel."""

_N_HCPS = 1200
_N_SURVEY_HCPS = 200
_N_SURVEY_PATIENTS = 100
_N_PATIENTS = 2000

# product: share of TRx at the start (brand drawn per region), monthly drift, NBRx share, price
_PRODUCT_MIX = {
    "renaflo": (0.050, 0.0008, 0.06, 138.0),
    "gliptara": (0.260, -0.0005, 0.04, 92.0),
    "metformin_generic": (None, None, 0.02, 16.5),
    BRAND: (None, None, 0.09, 152.0),
}

# channel: activity key, target segment, invited range, cost per invited contact (RMB)
_CHANNEL_PLAN = {
    "rep_visit": ("efficacy_detailing", "tertiary_endocrinology", (700, 1100), 180.0),
    "department_meeting": ("case_review", "secondary_internal", (150, 300), 220.0),
    "city_meeting": ("guideline_update", "tertiary_endocrinology", (200, 400), 650.0),
    "online_meeting": ("expert_webinar", "community_gp", (800, 1600), 35.0),
    "wecom": ("article_push", "all_hcps", (6000, 14000), 0.6),
    "patient_education": ("diet_and_exercise_class", "treated_patients", (120, 260), 90.0),
    "dtp_pharmacy": ("refill_reminder", "brand_patients", (3000, 6000), 1.5),
}

_PATIENT_CHANNELS = ("patient_education", "dtp_pharmacy")


def build(seed: int = DEFAULT_SEED) -> dict[str, pd.DataFrame]:
    """Build every sample table.

    Parameters
    ----------
    seed : int
        Seed of the random generator; the same seed gives the same tables.

    Returns
    -------
    dict of str to DataFrame
        One DataFrame per key of :data:`~workshop_lib.data.schema.TABLES`, columns in schema order.
    """
    rng = np.random.default_rng(seed)
    regions = _regions()
    hcps = _hcps(rng, regions)
    tables = {
        "regions": regions,
        "patient_funnel": _funnel(regions),
        "hcps": hcps,
        "rx_monthly": _rx_monthly(rng, regions),
        "activities": _activities(rng),
        "surveys": _surveys(rng, hcps),
        "patients": _patients(rng, regions),
    }
    return {name: tables[name][TABLES[name].keys] for name in TABLES}


def _regions() -> pd.DataFrame:
    rows = [
        (rid, zh, en, tier, round(adults * 1e6), prev, aware, treated, control)
        for rid, zh, en, tier, adults, prev, aware, treated, control in _REGIONS
    ]
    return pd.DataFrame(rows, columns=TABLES["regions"].keys)


def _funnel(regions: pd.DataFrame) -> pd.DataFrame:
    rows = []
    for period, lift, growth in zip(PERIODS, (0.96, 1.0), (0.994, 1.0), strict=True):
        for r in regions.itertuples(index=False):
            population = round(r.adult_pop * growth)
            diabetic = round(population * r.prevalence)
            diagnosed = round(diabetic * r.aware_rate * lift)
            treated = round(diabetic * r.treated_rate * lift)
            sglt2 = round(treated * SGLT2_SHARE[period])
            brand = round(sglt2 * BRAND_OF_SGLT2[period])
            counts = (population, diabetic, diagnosed, treated, sglt2, brand)
            for stage, patients in zip(CATEGORIES["stage"], counts, strict=True):
                basis = "initial" if stage == "population" else "previous"
                rows.append((r.region_id, period, stage, patients, basis))
    return pd.DataFrame(rows, columns=TABLES["patient_funnel"].keys)


def _hcps(rng: np.random.Generator, regions: pd.DataFrame) -> pd.DataFrame:
    n = _N_HCPS
    weights = regions["adult_pop"].to_numpy() / regions["adult_pop"].sum()
    region = rng.choice(regions["region_id"].to_numpy(), size=n, p=weights)
    tier = rng.choice(["tertiary", "secondary", "community"], size=n, p=[0.30, 0.35, 0.35])
    hospital_dept = rng.choice(
        ["endocrinology", "cardiology", "nephrology", "general_practice"],
        size=n,
        p=[0.60, 0.22, 0.12, 0.06],
    )
    community_dept = rng.choice(["general_practice", "endocrinology"], size=n, p=[0.85, 0.15])
    department = np.where(tier == "community", community_dept, hospital_dept)
    title_probs = {
        "tertiary": [0.25, 0.30, 0.30, 0.15],
        "secondary": [0.12, 0.28, 0.40, 0.20],
        "community": [0.03, 0.12, 0.50, 0.35],
    }
    title = np.empty(n, dtype=object)
    for key, probs in title_probs.items():
        mask = tier == key
        title[mask] = rng.choice(list(CATEGORIES["title"]), size=mask.sum(), p=probs)
    # median monthly T2D patients: tertiary endocrinologist ≈ 300, community GP ≈ 60
    tier_median = {"tertiary": 300.0, "secondary": 150.0, "community": 60.0}
    dept_factor = {
        "endocrinology": 1.0,
        "cardiology": 0.35,
        "nephrology": 0.30,
        "general_practice": 1.0,
    }
    median = np.array(
        [tier_median[t] * dept_factor[d] for t, d in zip(tier, department, strict=True)]
    )
    monthly_patients = np.maximum(1, np.round(median * rng.lognormal(0.0, 0.45, n))).astype(int)
    category_rx = np.round(monthly_patients * rng.uniform(0.70, 1.00, n)).astype(int)
    stages = list(ADOPTION_MIX)
    stage = rng.choice(stages, size=n, p=list(ADOPTION_MIX.values()))
    share_low = {"unaware": 0.0, "aware": 0.0, "trial": 0.02, "adopter": 0.08, "advocate": 0.15}
    share_high = {"unaware": 0.0, "aware": 0.01, "trial": 0.06, "adopter": 0.20, "advocate": 0.30}
    low = np.array([share_low[s] for s in stage])
    high = np.array([share_high[s] for s in stage])
    brand_rx = np.floor(category_rx * rng.uniform(low, high)).astype(int)
    rank = pd.Series(category_rx).rank(method="first").to_numpy()
    volume_decile = np.ceil(rank * 10 / n).astype(int)
    kol = (
        (tier == "tertiary")
        & np.isin(title, ["chief", "associate_chief"])
        & (rng.uniform(size=n) < 0.25)
    )
    young = np.isin(title, ["attending", "resident"])
    affinity_young = rng.choice(["low", "medium", "high"], size=n, p=[0.15, 0.40, 0.45])
    affinity_senior = rng.choice(["low", "medium", "high"], size=n, p=[0.40, 0.40, 0.20])
    return pd.DataFrame(
        {
            "hcp_id": [f"H{i:04d}" for i in range(1, n + 1)],
            "region_id": region,
            "hospital_tier": tier,
            "department": department,
            "title": title,
            "monthly_patients": monthly_patients,
            "category_rx": category_rx,
            "brand_rx": brand_rx,
            "volume_decile": volume_decile,
            "adoption_stage": stage,
            "kol": kol,
            "digital_affinity": np.where(young, affinity_young, affinity_senior),
        }
    )


def _rx_monthly(rng: np.random.Generator, regions: pd.DataFrame) -> pd.DataFrame:
    rows = []
    t = np.arange(len(MONTHS))
    season = 1.0 + 0.03 * np.cos(2 * np.pi * t / 12)
    for r in regions.itertuples(index=False):
        treated = r.adult_pop * r.prevalence * r.treated_rate
        total = treated * season * (1 + 0.002 * t) * rng.normal(1.0, 0.01, len(t))
        start = rng.uniform(*BRAND_SHARE_START)
        slope = rng.uniform(*BRAND_SHARE_SLOPE)
        shares = {BRAND: start + slope * t + rng.normal(0, 0.0005, len(t))}
        for product, (base, drift, _, _) in _PRODUCT_MIX.items():
            if base is not None:
                shares[product] = base + drift * t + rng.normal(0, 0.001, len(t))
        shares["metformin_generic"] = 1.0 - sum(shares.values())
        for product in PRODUCTS:
            nbrx_share, price = _PRODUCT_MIX[product][2:]
            trx = np.round(total * shares[product]).astype(int)
            nbrx = np.round(trx * nbrx_share * rng.uniform(0.85, 1.15, len(t))).astype(int)
            units = np.round(trx * rng.uniform(1.05, 1.25, len(t))).astype(int)
            value = np.round(units * price, 2)
            for i, month in enumerate(MONTHS):
                rows.append(
                    (
                        month,
                        r.region_id,
                        product,
                        PRODUCTS[product]["drug_class"],
                        trx[i],
                        nbrx[i],
                        units[i],
                        value[i],
                    )
                )
    frame = pd.DataFrame(rows, columns=TABLES["rx_monthly"].keys)
    return frame.sort_values(["month", "region_id", "product"], kind="stable", ignore_index=True)


def _activities(rng: np.random.Generator) -> pd.DataFrame:
    rows = []
    for month in MONTHS:
        for channel, (activity, segment, invited_range, unit_cost) in _CHANNEL_PLAN.items():
            kind = "direct" if channel in DIRECT_CHANNELS else "event"
            invited = int(rng.integers(*invited_range))
            reach_low = 0.50 if kind == "direct" else 0.70
            reached = round(invited * rng.uniform(reach_low, 0.95))
            low, high = RESPONSE_RANGE[kind]
            margin = 0.02 * (high - low)
            responded = round(invited * rng.uniform(low + margin, high - margin))
            engaged = round(responded + (reached - responded) * rng.uniform(0.1, 0.4))
            converted = round(responded * rng.uniform(0.05, 0.30))
            if channel in _PATIENT_CHANNELS:
                new_prescribers = 0
            else:
                new_prescribers = round(converted * rng.uniform(0.3, 0.8))
            cost = round(invited * unit_cost * rng.uniform(0.9, 1.1), 2)
            rows.append(
                (
                    month,
                    channel,
                    activity,
                    segment,
                    invited,
                    reached,
                    responded,
                    engaged,
                    converted,
                    new_prescribers,
                    cost,
                )
            )
    return pd.DataFrame(rows, columns=TABLES["activities"].keys)


def _surveys(rng: np.random.Generator, hcps: pd.DataFrame) -> pd.DataFrame:
    panel_hcps = hcps.iloc[np.sort(rng.choice(len(hcps), _N_SURVEY_HCPS, replace=False))]
    stage_index = panel_hcps["adoption_stage"].map({s: i for i, s in enumerate(ADOPTION_MIX)})
    stage_index = stage_index.to_numpy()
    patient_segments = rng.choice(["newly_treated", "long_term"], size=_N_SURVEY_PATIENTS)
    ids = [f"S-{h}" for h in panel_hcps["hcp_id"]] + [
        f"S-P{i:04d}" for i in range(1, _N_SURVEY_PATIENTS + 1)
    ]
    types = ["hcp"] * _N_SURVEY_HCPS + ["patient"] * _N_SURVEY_PATIENTS
    segments = [*panel_hcps["hospital_tier"], *patient_segments]
    # warmth: how favourable each respondent is, higher further up the adoption ladder
    warmth = np.concatenate([stage_index / 4.0, rng.uniform(0.2, 0.7, _N_SURVEY_PATIENTS)])
    n = len(ids)
    frames = []
    for wave, lift in ((1, 0.0), (2, 0.08)):
        base = np.clip(warmth + lift + rng.normal(0, 0.15, n), 0, 1)
        aided = rng.uniform(size=n) < np.clip(0.55 + 0.4 * base, 0, 1)
        unaided = aided & (rng.uniform(size=n) < np.clip(0.15 + 0.5 * base, 0, 1))

        def rating(low: int, high: int, level: np.ndarray = base) -> np.ndarray:
            raw = low + (high - low) * level + rng.normal(0, 0.9, n)
            return np.clip(np.round(raw), low, high).astype(int)

        intent = pd.array(rating(1, 5), dtype="Int64")
        intent[np.array(types) == "patient"] = pd.NA
        frames.append(
            pd.DataFrame(
                {
                    "respondent_id": ids,
                    "respondent_type": types,
                    "wave": wave,
                    "segment": segments,
                    "aware_unaided": unaided,
                    "aware_aided": aided,
                    "csat": rating(1, 5, 0.35 + 0.6 * base),
                    "nps": rating(0, 10, 0.35 + 0.6 * base),
                    "attractiveness": rating(1, 5),
                    "differentiation": rating(1, 5, 0.8 * base + 0.1),
                    "implementability": rating(1, 5, 0.6 * base + 0.3),
                    "sustainability": rating(1, 5, 0.7 * base + 0.1),
                    "intent_to_prescribe": intent,
                }
            )
        )
    return pd.concat(frames, ignore_index=True)


def _patients(rng: np.random.Generator, regions: pd.DataFrame) -> pd.DataFrame:
    n = _N_PATIENTS
    weights = regions["adult_pop"].to_numpy() / regions["adult_pop"].sum()
    region = rng.choice(regions["region_id"].to_numpy(), size=n, p=weights)
    products = list(PRODUCTS)
    product = rng.choice(products, size=n, p=[0.40, 0.15, 0.20, 0.25])
    monthly_churn = {BRAND: 0.020, "renaflo": 0.025, "gliptara": 0.028, "metformin_generic": 0.035}
    hazard = np.array([monthly_churn[p] for p in product])
    start = rng.integers(0, 12, size=n)  # index into MONTHS: starts during 2023
    months_to_churn = rng.geometric(hazard)  # months on therapy before stopping
    end = len(MONTHS)  # data end: the month after the last one
    churned = start + months_to_churn < end
    on_therapy = np.where(churned, months_to_churn, end - start)
    churn_index = np.where(churned, start + months_to_churn, 0)
    covered = np.minimum(on_therapy, 12) / 12.0
    adherence = rng.beta(10.0, 1.0, size=n)
    pdc = np.round(np.clip(covered * adherence, 0, 1), 3)
    return pd.DataFrame(
        {
            "patient_id": [f"P{i:05d}" for i in range(1, n + 1)],
            "region_id": region,
            "start_month": [MONTHS[i] for i in start],
            "product": product,
            "months_on_therapy": on_therapy.astype(int),
            "pdc_12m": pdc,
            "persistent": months_to_churn >= 12,
            "churn_month": [
                MONTHS[c] if ch else None for c, ch in zip(churn_index, churned, strict=True)
            ],
        }
    )


def to_csv_bytes(frame: pd.DataFrame) -> bytes:
    """Serialise ``frame`` as UTF-8 CSV with ``\\n`` line ends, identically on every platform."""
    return frame.to_csv(index=False, lineterminator="\n").encode("utf-8")


def write(out: Path, seed: int = DEFAULT_SEED) -> list[Path]:
    """Write the sample tables and ``data_dictionary.csv`` into ``out``.

    Parameters
    ----------
    out : Path
        Target folder; created if missing. Existing files of the same names are replaced.
    seed : int
        Seed passed to :func:`build`.

    Returns
    -------
    list of Path
        The files written, tables first, the dictionary last.
    """
    out = Path(out)
    written = []
    for name, frame in build(seed).items():
        path = out / f"{name}.csv"
        write_atomic(path, to_csv_bytes(frame))
        written.append(path)
    path = out / "data_dictionary.csv"
    write_atomic(path, to_csv_bytes(dictionary()))
    written.append(path)
    return written
