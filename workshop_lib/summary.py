"""A group's whole framework on one page: the key decisions of the five units as HTML.

:func:`framework_html` reads a saved :class:`~workshop_lib.plan.BrandPlan` and lays out, unit by
unit, what the group decided: the market definition and pool, the leverage points, the priority
segments, the attractiveness ranking, the persona, the behaviour-change stages, the benefit
ladder, the top strengths and weaknesses, the communication strategy and the activity plan.
Everything the group typed is escaped; a section the group has not filled yet says what is
missing, so the page doubles as a checklist in the closing review.

The result is an HTML fragment with its own ``<style>`` block and no outside resources: it can
be shown in a notebook, in Voilà, or saved as a page.

Examples
--------
>>> from workshop_lib.plan import BrandPlan
>>> page = framework_html(BrandPlan(group="<b>第一组</b>"), lang="en")
>>> "&lt;b&gt;第一组&lt;/b&gt;" in page, "<b>第一组</b>" in page
(True, False)
>>> "Not filled in yet: market definition" in page
True
"""

from __future__ import annotations

import html
from collections.abc import Iterable

from . import fmt, i18n
from .analysis.attractiveness import rank
from .answers import category_text, segment_text, variable_text
from .exercises import EXERCISES
from .i18n import t
from .plan import RUNGS, Activity, BrandItem, BrandPlan
from .style import PALETTE

TOP_SEGMENTS = 3
"""How many segments of the attractiveness ranking the page shows."""

TOP_ITEMS = 3
"""How many strengths and how many weaknesses the page shows."""

DIMENSIONS = ("attractiveness", "differentiation", "implementability", "sustainability")
"""The four dimensions a brand strength is scored on; the page ranks items by their mean."""

STYLE = f"""
.wlf{{font-family:"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif,
 "Segoe UI Emoji","Apple Color Emoji","Noto Color Emoji";color:{PALETTE.ink};font-size:13px;
 line-height:1.45;max-width:1200px;margin:0 0 14px 0}}
.wlf h2{{font-size:19px;margin:0 0 2px 0}}
.wlf .wlf-sub{{color:{PALETTE.muted};margin:0 0 10px 0}}
.wlf .wlf-grid{{display:flex;flex-wrap:wrap;gap:10px}}
.wlf .wlf-unit{{flex:1 1 360px;border:1px solid {PALETTE.grid};
 border-top:4px solid {PALETTE.primary};border-radius:6px;padding:8px 12px;min-width:0;
 overflow-wrap:anywhere;max-height:60em;overflow-y:auto}}
.wlf h3{{font-size:15px;margin:0 0 6px 0;color:{PALETTE.primary}}}
.wlf h4{{font-size:12px;margin:8px 0 2px 0;color:{PALETTE.muted}}}
.wlf p,.wlf ol,.wlf ul{{margin:0 0 4px 0}}
.wlf ol,.wlf ul{{padding-left:20px}}
.wlf .wlf-missing{{color:{PALETTE.accent};font-style:italic}}
.wlf table{{border-collapse:collapse;width:100%;font-size:12px}}
.wlf th,.wlf td{{border:1px solid {PALETTE.grid};padding:2px 4px;text-align:left;
 vertical-align:top}}
.wlf th{{background:{PALETTE.grid}}}
"""
"""The page's style: scoped to the ``wlf`` class so it leaves the notebook's own look alone."""


def _e(value: object) -> str:
    """``value`` as escaped text (the only way typed text reaches the page)."""
    return html.escape(str(value), quote=True)


def _filled(value: object) -> bool:
    return bool(str(value).strip())


def _missing(what: str) -> str:
    return f"<p class='wlf-missing'>{_e(t('summary.missing', what=t(f'summary.part.{what}')))}</p>"


def _part(what: str, body: str | None) -> str:
    """A titled part of a unit: its body, or a note that it is missing."""
    name = t(f"summary.part.{what}")
    heading = f"<h4>{_e(name[:1].upper() + name[1:])}</h4>"
    return heading + (body if body else _missing(what))


def _list(items: Iterable[str], ordered: bool = False) -> str | None:
    """An HTML list of the non-empty ``items`` (already escaped), or None when there are none."""
    rows = [item for item in items if item]
    if not rows:
        return None
    tag = "ol" if ordered else "ul"
    return f"<{tag}>" + "".join(f"<li>{row}</li>" for row in rows) + f"</{tag}>"


def _text(value: str) -> str | None:
    return f"<p>{_e(value)}</p>" if _filled(value) else None


def _unit(number: int, plan: BrandPlan) -> str:
    """A unit's box: the framework parts of its exercises, in course order."""
    parts = [
        _part(name, html)
        for exercise in EXERCISES.values()
        if exercise.unit == number
        for name, html in exercise.framework_parts(plan)
    ]
    title = _e(t(f"summary.unit{number}"))
    return f"<section class='wlf-unit'><h3>{title}</h3>{''.join(parts)}</section>"


# --- the parts, named in the exercises' declarations (``summary``) ---------------------------


def definition(plan: BrandPlan) -> str | None:
    """The market definition."""
    return _text(plan.market_scope.definition)


def pool(plan: BrandPlan) -> str | None:
    """The pool levels with their counts, from the largest."""
    levels = [
        t("core.label_value", label=_e(level.label), value=_e(fmt.count(level.count)))
        for level in plan.market_scope.levels
        if _filled(level.label) and level.count is not None
    ]
    return f"<p>{' → '.join(levels)}</p>" if levels else None


def leverage(plan: BrandPlan) -> str | None:
    """The leverage points in order, each with its idea."""
    return _list(
        (
            f"<b>{_e(p.step)}</b>" + (f": {_e(p.idea)}" if _filled(p.idea) else "")
            for p in plan.purchase_flow.leverage_points
            if _filled(p.step) or _filled(p.idea)
        ),
        ordered=True,
    )


def variables(plan: BrandPlan) -> str | None:
    """The two segmentation variables."""
    names = [
        _e(variable_text(v.key, v.label)) for v in plan.segmentation.variables if _filled(v.key)
    ]
    return f"<p>{' × '.join(names)}</p>" if names else None


def priorities(plan: BrandPlan) -> str | None:
    """The priority segments in order (else the group's notes)."""
    seg = plan.segmentation
    keys = [v.key for v in seg.variables]
    chosen = _list(
        (_e(segment_text(s, keys)) for s in seg.priority_segments if _filled(s)), ordered=True
    )
    return chosen if chosen is not None or not _filled(seg.notes) else _text(seg.notes)


def ranking(plan: BrandPlan) -> str | None:
    """The most attractive segments with their weighted scores."""
    section = plan.attractiveness
    if not section.scores:
        return None
    weights = {c.key: c.weight for c in section.criteria} if section.criteria else None
    try:
        table = rank(section.scores, weights)
    except ValueError as err:
        return f"<p class='wlf-missing'>{_e(err)}</p>"
    rows = (
        f"{_e(segment)} ({_e(fmt.number(row['score'], digits=2))})"
        for segment, row in table.head(TOP_SEGMENTS).iterrows()
    )
    return _list(rows, ordered=True)


def persona(plan: BrandPlan) -> str | None:
    """Who the persona is: name, role, segment."""
    who = [plan.persona.name, plan.persona.role, plan.persona.segment]
    card = " · ".join(_e(part) for part in who if _filled(part))
    return f"<p>{card}</p>" if card else None


def stages(plan: BrandPlan) -> str | None:
    """The behaviour-change stages, from current to desired behaviour."""
    return _list(
        f"<b>{_e(s.stage)}</b>: {_e(s.current)} → {_e(s.desired)}"
        for s in plan.behaviour_map.stages
        if _filled(s.stage) or _filled(s.desired)
    )


def _mean(item: BrandItem) -> float | None:
    scores = [getattr(item, d) for d in DIMENSIONS if getattr(item, d) is not None]
    return sum(scores) / len(scores) if scores else None


def _top_items(plan: BrandPlan, kind: str) -> str | None:
    items = [i for i in plan.brand_assessment.items if i.kind == kind and _filled(i.statement)]
    items.sort(key=lambda i: -(_mean(i) or 0))
    return _list(
        _e(i.statement) + ("" if _mean(i) is None else f" ({_e(fmt.number(_mean(i), digits=1))})")
        for i in items[:TOP_ITEMS]
    )


def ladder(plan: BrandPlan) -> str | None:
    """The benefit ladder, rung by rung."""
    rungs = []
    for rung in RUNGS:
        items = [_e(x) for x in plan.benefit_ladder.texts(rung) if _filled(x)]
        if items:
            rungs.append(f"<b>{_e(t(f'summary.rung.{rung}'))}</b>: {'; '.join(items)}")
    return _list(rungs)


def strengths(plan: BrandPlan) -> str | None:
    """The strongest strengths by their mean score."""
    return _top_items(plan, "strength")


def weaknesses(plan: BrandPlan) -> str | None:
    """The weaknesses with the highest mean score."""
    return _top_items(plan, "weakness")


def strategy(plan: BrandPlan) -> str | None:
    """The communication strategy statement."""
    return _text(plan.communication.strategy)


ACTIVITY_COLUMNS = ("target_group", "channel", "activity", "message", "kpi", "target")
"""The activity plan's columns, in the order the page shows them."""


def _cell(row: Activity, column: str) -> str:
    value = getattr(row, column)
    return category_text("channel", value) if column == "channel" else value


def activities(plan: BrandPlan) -> str | None:
    """The activity plan as a table."""
    found = plan.activity_plan
    rows = [row for row in found.rows if any(_filled(getattr(row, c)) for c in ACTIVITY_COLUMNS)]
    if not rows:
        return None
    head = "".join(f"<th>{_e(t(f'summary.column.{c}'))}</th>" for c in ACTIVITY_COLUMNS)
    body = "".join(
        "<tr>" + "".join(f"<td>{_e(_cell(row, c))}</td>" for c in ACTIVITY_COLUMNS) + "</tr>"
        for row in rows
    )
    title = f"<p>{_e(found.title)}</p>" if _filled(found.title) else ""
    return f"{title}<table><tr>{head}</tr>{body}</table>"


def framework_html(plan: BrandPlan, lang: str | None = None) -> str:
    """The group's framework on one page, as a self-contained HTML fragment.

    Parameters
    ----------
    plan : BrandPlan
        The group's plan (e.g. :meth:`BrandPlan.load` of its file).
    lang : {"zh", "en"}, optional
        Language of the headings and notes; the active language by default. The group's own
        text is shown as typed.

    Returns
    -------
    str
        HTML with its own style and no scripts or outside resources. All text from the plan is
        escaped. A part the group has not filled yet reads "not filled in yet: <part>".
    """
    with i18n.language(lang):
        members = ", ".join(m for m in plan.members if _filled(m))
        subtitle = (
            f"<p class='wlf-sub'>{_e(t('summary.subtitle', members=members))}</p>"
            if members
            else ""
        )
        units = [_unit(number, plan) for number in sorted({ex.unit for ex in EXERCISES.values()})]
        return (
            f"<div class='wlf'><style>{STYLE}</style>"
            f"<h2>{_e(t('summary.title', group=plan.group))}</h2>"
            f"{subtitle}"
            f"<div class='wlf-grid'>{''.join(units)}</div></div>"
        )
