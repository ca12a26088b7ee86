"""The course's 15 KPIs as exact, vectorised functions.

Definitions follow Farris, Bendle, Pfeifer and Reibstein, *Marketing Metrics* (2nd ed., 2010),
as summarised in the course's domain brief. Conventions shared by every function:

- Rates and shares are fractions from 0 to 1, in and out; percentages appear only on display
  (:mod:`workshop_lib.fmt`). Two results carry another unit, named in their docstrings:
  :func:`nps` (points, −100 to 100) and :func:`share_change` (percentage points unless
  ``relative=True``).
- Scalars in give a ``float``; array-likes give a NumPy array of the broadcast shape; a pandas
  Series keeps its index (several Series are first aligned on their index, as pandas arithmetic
  does). Empty arrays give empty arrays.
- A zero or missing denominator gives NaN, never 0; a missing value gives NaN where it is used.
- :func:`csat`, :func:`awareness` and :func:`nps` summarise a collection of answers into one
  float (NaN when no answer is given); :func:`stage_conversion` gives a Series by stage.
- Impossible input raises :class:`ValueError` naming the argument, the value and, inside an
  array, its position or index label, in the active language (:mod:`workshop_lib.i18n`). Each
  function checks its arguments first, then computes.

Examples
--------
>>> from workshop_lib import kpi
>>> kpi.conversion_rate(30, 120)
0.25
>>> kpi.conversion_rate([30, 0, 5], [120, 0, 50]).tolist()
[0.25, nan, 0.1]
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable

import numpy as np
import pandas as pd

from ..i18n import t
from ._arguments import Args, show
from ._checks import (
    check_answers,
    check_nonnegative,
    check_rate,
    check_subset,
    check_whole_number,
    divide,
    lowest,
)

# --- formulas shared by several KPIs -----------------------------------------------------------


def _share(part: object, whole: object, part_name: str, whole_name: str) -> object:
    """``part / whole`` where ``part`` counts a subset of ``whole`` (a share or a rate)."""
    args = Args(**{part_name: part, whole_name: whole})
    check_subset(args, part_name, whole_name)
    with np.errstate(invalid="ignore"):  # a whole of 0 holds a part of 0, and 0/0 is NaN
        return args.wrap(args[part_name] / args[whole_name])


# --- unit 1: market scope ---------------------------------------------------------------------


def penetration(users: object, population: object) -> object:
    """Market penetration (市场渗透率): the share of a population that uses the category or brand.

    ``penetration = users / population``

    Name the population: in pharma, prevalent, diagnosed or treated patients. Penetration share is
    brand penetration divided by category penetration. Source: Farris et al., *Marketing
    Metrics*, ch. 2.

    Parameters
    ----------
    users : float or array-like
        Customers (patients, HCPs) who used the category or brand in the period; a subset of
        ``population``.
    population : float or array-like
        The relevant population in the same period.

    Returns
    -------
    float, numpy.ndarray or pandas.Series
        A fraction from 0 to 1; NaN where the population is 0 or missing.

    Examples
    --------
    Of 820,000 treated diabetics, 41,000 take the brand:

    >>> penetration(41_000, 820_000)
    0.05
    """
    return _share(users, population, "users", "population")


def cac(spend: object, new_customers: object) -> object:
    """Customer-acquisition cost (获客成本): spend per newly won customer.

    ``cac = spend / new_customers``, both in the same period.

    In pharma the new customers are new-to-brand patients (NBRx) or newly adopting HCPs. Source:
    Farris et al., *Marketing Metrics*, ch. 5.

    Parameters
    ----------
    spend : float or array-like
        Acquisition spend in the period (money, e.g. RMB).
    new_customers : float or array-like
        Customers won in the same period.

    Returns
    -------
    float, numpy.ndarray or pandas.Series
        Money per new customer; NaN where no customer was won.

    Examples
    --------
    >>> cac(180_000, 120)
    1500.0
    """
    args = Args(spend=spend, new_customers=new_customers)
    check_nonnegative(args, "spend")
    smallest = check_nonnegative(args, "new_customers")
    return args.wrap(divide(args["spend"], args["new_customers"], smallest))


def clv(
    margin: object,
    retention: object,
    discount: object,
    *,
    timing: str = "end",
    horizon: int | None = None,
) -> object:
    """Customer lifetime value (客户终身价值): the discounted margin a customer brings.

    With margin ``m``, retention ``r`` and discount rate ``d``, all per period:

    - ``timing="end"`` (margin at the end of each period): ``m·r / (1 + d − r)``
    - ``timing="start"`` (margin at the start, the first one certain): ``m·(1 + d) / (1 + d − r)``
    - finite ``horizon`` T: ``Σ m·rᵗ / (1 + d)ᵗ`` over t = 1..T (end) or t = 0..T−1 (start).

    Source: Farris et al., *Marketing Metrics*, ch. 5 (the infinite-horizon formulas are the
    geometric sums of the finite one).

    Parameters
    ----------
    margin : float or array-like
        Margin per customer per period (money; may be negative).
    retention : float or array-like
        Share of customers kept from one period to the next, 0–1.
    discount : float or array-like
        Discount rate per period, 0–1, on the same period as ``retention``.
    timing : {"end", "start"}
        When in each period the margin arrives.
    horizon : int, optional
        Number of periods counted; without it the sum runs for ever.

    Returns
    -------
    float, numpy.ndarray or pandas.Series
        Money per customer.

    Raises
    ------
    ValueError
        For ``retention`` 1 with ``discount`` 0 and no horizon: the value would be infinite.

    Examples
    --------
    A monthly margin of 60, monthly retention 0.92 and a monthly discount rate of 0.008:

    >>> round(clv(60, 0.92, 0.008), 2)
    627.27
    >>> round(clv(60, 0.92, 0.008, timing="start"), 2)
    687.27
    >>> round(clv(60, 0.92, 0.008, horizon=12), 2)
    417.68
    """
    if timing not in ("end", "start"):
        raise ValueError(t("kpi.choice", name="timing", value=show(timing), choices="end, start"))
    if horizon is not None:
        horizon = check_whole_number(horizon, "horizon", 1)
    args = Args(margin=margin, retention=retention, discount=discount)
    check_rate(args, "retention")
    check_rate(args, "discount")
    m, r, d = args["margin"], args["retention"], args["discount"]
    if horizon is None:
        gap = 1 + d - r  # 0 only for retention 1 and discount 0: a value without end
        if lowest(gap) == 0:
            at = args.first(gap == 0)
            raise ValueError(t("kpi.clv_infinite", name=args.label("retention", at)))
        return args.wrap(m * r / gap if timing == "end" else m * (1 + d) / gap)
    q = r / (1 + d)
    first = q if timing == "end" else 1.0
    with np.errstate(divide="ignore", invalid="ignore"):
        value = m * first * (1 - q**horizon) / (1 - q)
    return args.wrap(np.where(q == 1, m * horizon, value))  # r = 1, d = 0: every period in full


# --- unit 2: segments ---------------------------------------------------------------------------


def growth_rate(current: object, previous: object) -> object:
    """Growth rate (细分市场增长率, 获客增长率): relative change from one period to the next.

    ``growth = (current − previous) / previous``

    Used for segment growth (size or value of a segment) and for acquisition growth (new
    customers now versus in the previous period). Source: Farris et al., *Marketing Metrics*,
    ch. 4 (growth: percentage and CAGR).

    Parameters
    ----------
    current : float or array-like
        This period's count or amount.
    previous : float or array-like
        The previous period's count or amount.

    Returns
    -------
    float, numpy.ndarray or pandas.Series
        A fraction (0.12 is 12% growth); NaN where the previous value is 0.

    Examples
    --------
    >>> growth_rate(112, 100)
    0.12
    """
    args = Args(current=current, previous=previous)
    check_nonnegative(args, "current")
    smallest = check_nonnegative(args, "previous")
    change = args["current"] - args["previous"]
    return args.wrap(divide(change, args["previous"], smallest))


def cagr(start: object, end: object, years: object) -> object:
    """Compound annual growth rate (年复合增长率) of a segment over several years.

    ``cagr = (end / start) ** (1 / years) − 1``

    Source: Farris et al., *Marketing Metrics*, ch. 4 (growth: percentage and CAGR).

    Parameters
    ----------
    start : float or array-like
        Size or value at the start.
    end : float or array-like
        Size or value ``years`` later.
    years : float or array-like
        Years between the two.

    Returns
    -------
    float, numpy.ndarray or pandas.Series
        A fraction per year; NaN where ``start`` or ``years`` is 0.

    Examples
    --------
    >>> round(cagr(100, 121, 2), 4)
    0.1
    """
    args = Args(start=start, end=end, years=years)
    start_smallest = check_nonnegative(args, "start")
    check_nonnegative(args, "end")
    years_smallest = check_nonnegative(args, "years")
    growth = divide(args["end"], args["start"], start_smallest)
    exponent = divide(1.0, args["years"], years_smallest)
    with np.errstate(over="ignore"):  # a large growth over a fraction of a year: infinity
        return args.wrap(growth**exponent - 1)


def csat(ratings: object, *, scale: int = 5, top: int = 2) -> float:
    """Customer satisfaction (客户满意度) as a top-box share.

    ``csat = (ratings in the top `top` boxes) / (ratings given)``: top-2-box is the share of
    4–5 on a 1–5 scale, or 6–7 on a 1–7 scale. Missing ratings are left out of both counts.
    The mean rating is a different metric. Source: Farris et al., *Marketing Metrics*, ch. 2.

    Parameters
    ----------
    ratings : array-like
        Whole-number ratings from 1 to ``scale``; NaN or None for no answer.
    scale : int
        The highest rating.
    top : int
        How many boxes at the top count as satisfied.

    Returns
    -------
    float
        A fraction from 0 to 1; NaN when there is no rating.

    Examples
    --------
    >>> csat([5, 4, 3, 5, None, 2])
    0.6
    >>> csat([7, 6, 6, 3], scale=7)
    0.75
    """
    scale = check_whole_number(scale, "scale", 2)
    top = check_whole_number(top, "top", 1)
    if top >= scale:
        raise ValueError(t("kpi.top_range", value=show(top), high=scale - 1))
    given = check_answers(ratings, "ratings", 1, scale, "kpi.off_scale")
    if given.size == 0:
        return float("nan")
    return float(np.count_nonzero(given > scale - top) / given.size)


def retention_rate(start: object, end: object, new: object) -> object:
    """Customer retention rate (客户留存率) over one period.

    ``retention = (end − new) / start``: customers at the end who were not won during the
    period, over the customers at the start. Churn is ``1 − retention``; the expected lifetime is
    about ``1 / (1 − retention)`` periods. Source: Farris et al., *Marketing Metrics*, ch. 5.

    Parameters
    ----------
    start : float or array-like
        Customers at the start of the period.
    end : float or array-like
        Customers at the end of the period, new ones included.
    new : float or array-like
        Customers won during the period.

    Returns
    -------
    float, numpy.ndarray or pandas.Series
        A fraction from 0 to 1; NaN where ``start`` is 0.

    Examples
    --------
    200 customers at the start, 210 at the end of whom 34 are new:

    >>> retention_rate(200, 210, 34)
    0.88
    """
    args = Args(start=start, end=end, new=new)
    check_nonnegative(args, "start")
    check_subset(args, "new", "end")
    kept = args["end"] - args["new"]
    more_than_at_start = kept > args["start"]
    if more_than_at_start.any():
        at = args.first(more_than_at_start)
        raise ValueError(
            t(
                "kpi.kept_above_start",
                kept=show(np.broadcast_to(kept, args.shape)[at]),
                end=show(args.value("end", at)),
                new=show(args.value("new", at)),
                start=show(args.value("start", at)),
            )
        )
    with np.errstate(invalid="ignore"):  # a start of 0 keeps 0 customers, and 0/0 is NaN
        return args.wrap(kept / args["start"])


# --- unit 3: drivers and barriers ---------------------------------------------------------------


def conversion_rate(converted: object, base: object) -> object:
    """Conversion rate (行为转化率, 销售转化率): the share of a base that converted.

    ``conversion = converted / base``, with ``converted`` a subset of ``base`` in a fixed window.

    Used for behaviour conversion (HCPs who moved up the adoption ladder, of those who could)
    and sales conversion (conversions over responders or over contacts: label which). Source:
    Farris et al., *Marketing Metrics* (conversion through a sales or response funnel).

    Parameters
    ----------
    converted : float or array-like
        Members of ``base`` who converted.
    base : float or array-like
        The base: responders, contacts, or HCPs at a stage.

    Returns
    -------
    float, numpy.ndarray or pandas.Series
        A fraction from 0 to 1; NaN where the base is 0.

    Examples
    --------
    >>> conversion_rate(18, 240)
    0.075
    """
    return _share(converted, base, "converted", "base")


def stage_conversion(before: object, after: object, stages: Iterable[Hashable]) -> pd.Series:
    """Behaviour conversion by stage (分阶段行为转化率) on a start-of-period cohort.

    For each starting stage k: ``(customers at k at the start who are at a stage above k at the
    end) / (customers at k at the start)``. Customers missing at either date are left out. The
    top stage has no stage above it and is not reported. Source: the course's adoption ladder,
    read as a stage-to-stage transition matrix row by row; conversion as in Farris et al.,
    *Marketing Metrics*.

    Parameters
    ----------
    before, after : array-like
        Each customer's stage at the start and at the end of the period, in the same order.
    stages : sequence
        The stages from lowest to highest, e.g. ``["unaware", "aware", "trial", "adopter",
        "advocate"]``.

    Returns
    -------
    pandas.Series
        Share that moved at least one stage up, indexed by starting stage (all but the top);
        NaN for a stage nobody started at.

    Examples
    --------
    >>> stages = ["aware", "trial", "adopter"]
    >>> stage_conversion(["aware", "aware", "trial", "trial"],
    ...                  ["trial", "aware", "adopter", "aware"], stages)
    stage
    aware    0.5
    trial    0.5
    dtype: float64
    """
    order = list(stages)
    try:
        levels = pd.Index(order, name="stage")
        distinct = levels.is_unique
    except TypeError:
        distinct = False
    if len(order) < 2 or not distinct:
        raise ValueError(t("kpi.stages", value=show(order)))
    start = _stage_codes(before, "before", levels)
    end = _stage_codes(after, "after", levels)
    if start.shape != end.shape:
        raise ValueError(
            t("kpi.shapes", names="before, after", shapes=f"{start.shape}, {end.shape}")
        )
    known = (start >= 0) & (end >= 0)
    start, moved = start[known], end[known] > start[known]
    cohort = np.bincount(start, minlength=len(order))
    up = np.bincount(start, weights=moved, minlength=len(order))
    with np.errstate(divide="ignore", invalid="ignore"):
        share = up / cohort
    return pd.Series(share[:-1], index=levels[:-1])


def _stage_codes(values: object, name: str, levels: pd.Index) -> np.ndarray:
    """Position of each value in ``levels``; -1 where it is missing; unknown stages raise."""
    labels = (
        values if isinstance(values, pd.Series) else pd.Series(np.asarray(values, dtype=object))
    )
    codes = levels.get_indexer(labels)
    unknown = (codes < 0) & labels.notna().to_numpy()
    if unknown.any():
        at = int(np.argmax(unknown))
        where = labels.index[at] if isinstance(values, pd.Series) else at
        raise ValueError(
            t(
                "kpi.unknown_stage",
                name=t("kpi.at", name=name, label=show(where)),
                value=show(labels.iloc[at]),
                stages=", ".join(map(str, levels)),
            )
        )
    return codes


def engagement_rate(engaged: object, reached: object) -> object:
    """Engagement rate (客户参与度): engaged unique customers over unique customers reached.

    ``engagement = engaged / reached``; the denominator is the reach, not the follower base.
    Source: Farris et al., *Marketing Metrics*, ch. 9 (media and web metrics: reach).

    Parameters
    ----------
    engaged : float or array-like
        Unique customers who engaged (clicked, replied, attended); a subset of ``reached``.
    reached : float or array-like
        Unique customers reached.

    Returns
    -------
    float, numpy.ndarray or pandas.Series
        A fraction from 0 to 1; NaN where nobody was reached.

    Examples
    --------
    >>> engagement_rate(84, 600)
    0.14
    """
    return _share(engaged, reached, "engaged", "reached")


def awareness(aware: object) -> float:
    """Brand awareness (品牌知名度): the share of target respondents aware of the brand.

    ``awareness = respondents answering yes / respondents answering``; missing answers are left
    out. Say which awareness (unaided, aided, top-of-mind) and which respondents. Source: Farris
    et al., *Marketing Metrics*, ch. 2.

    Parameters
    ----------
    aware : array-like
        One yes/no answer per respondent: True/False or 1/0; NaN or None for no answer. Other
        numbers raise, so that a 1 = yes / 2 = no coding is not read as "all aware".

    Returns
    -------
    float
        A fraction from 0 to 1; NaN when there is no answer.

    Examples
    --------
    >>> awareness([True, False, True, None, True])
    0.75
    """
    answers = check_answers(aware, "aware", 0, 1, "kpi.not_yes_no")
    if answers.size == 0:
        return float("nan")
    return float(np.count_nonzero(answers) / answers.size)


# --- unit 4: brand strengths --------------------------------------------------------------------


def share_of_requirements(brand_rx: object, category_rx: object) -> object:
    """Brand loyalty as share of requirements (品牌忠诚度).

    ``share of requirements = brand_rx / category_rx`` among the brand's own prescribers (or
    buyers): how much of their category use goes to the brand. Source: Farris et al.,
    *Marketing Metrics*, ch. 2.

    Parameters
    ----------
    brand_rx : float or array-like
        The brand's prescriptions by the brand's prescribers; a subset of ``category_rx``.
    category_rx : float or array-like
        All category prescriptions by the same prescribers.

    Returns
    -------
    float, numpy.ndarray or pandas.Series
        A fraction from 0 to 1; NaN where the category volume is 0.

    Examples
    --------
    >>> share_of_requirements(45, 180)
    0.25
    """
    return _share(brand_rx, category_rx, "brand_rx", "category_rx")


def nps(scores: object) -> float:
    """Net promoter score (品牌口碑指数) in points from −100 to 100.

    ``nps = 100 · (promoters − detractors) / answers``: promoters score 9–10, detractors 0–6 on
    a 0–10 scale. Passives (7–8) stay in the denominator; it is not a mean score. Missing scores
    are left out. Source: Reichheld (2003); Farris et al., *Marketing Metrics*, ch. 2.

    Parameters
    ----------
    scores : array-like
        Whole-number answers from 0 to 10; NaN or None for no answer.

    Returns
    -------
    float
        Points from −100 to 100; NaN when there is no answer.

    Examples
    --------
    Two promoters, one passive, one detractor:

    >>> nps([10, 9, 8, 3])
    25.0
    """
    given = check_answers(scores, "scores", 0, 10, "kpi.off_scale")
    if given.size == 0:
        return float("nan")
    promoters = np.count_nonzero(given >= 9)
    detractors = np.count_nonzero(given <= 6)
    return float(100 * (promoters - detractors) / given.size)


def share_change(share_now: object, share_before: object, *, relative: bool = False) -> object:
    """Market-share change (市场份额变化) between two periods.

    ``share_now − share_before`` in percentage points (``100 · (sₜ − sₜ₋₁)``), or with
    ``relative=True`` the relative change ``sₜ / sₜ₋₁ − 1`` as a fraction. Source: Farris et al.,
    *Marketing Metrics*, ch. 2.

    Parameters
    ----------
    share_now, share_before : float or array-like
        Market shares as fractions from 0 to 1.
    relative : bool
        Return the relative change instead of percentage points.

    Returns
    -------
    float, numpy.ndarray or pandas.Series
        Percentage points (2.6 means +2.6 pp), or a fraction (0.141 means +14.1%); the relative
        change is NaN where the earlier share is 0.

    Examples
    --------
    A share rising from 18.4% to 21.0%:

    >>> round(share_change(0.210, 0.184), 1)
    2.6
    >>> round(share_change(0.210, 0.184, relative=True), 3)
    0.141
    """
    args = Args(share_now=share_now, share_before=share_before)
    check_rate(args, "share_now")
    check_rate(args, "share_before")
    now, before = args["share_now"], args["share_before"]
    if relative:
        return args.wrap(divide(now, before, lowest(before)) - 1)
    return args.wrap((now - before) * 100)


# --- unit 5: activation -------------------------------------------------------------------------


def response_rate(responses: object, reached: object) -> object:
    """Activity response rate (活动响应率): responses over contacts reached.

    ``response rate = responses / reached``; say whether the base is invited or reached
    contacts. Source: Farris et al., *Marketing Metrics*, ch. 9 (media and web metrics).

    Parameters
    ----------
    responses : float or array-like
        Contacts who responded; a subset of ``reached``.
    reached : float or array-like
        Contacts reached by the activity.

    Returns
    -------
    float, numpy.ndarray or pandas.Series
        A fraction from 0 to 1; NaN where nobody was reached.

    Examples
    --------
    >>> response_rate(96, 320)
    0.3
    """
    return _share(responses, reached, "responses", "reached")
