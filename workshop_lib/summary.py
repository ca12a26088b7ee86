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
from .answers import segment_text
from .data.schema import CATEGORIES, get_table
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


def _category(category: str, key: str) -> str:
    """The label of a known category value (e.g. a channel key), else the text as typed."""
    labels = CATEGORIES.get(category, {}).get(key)
    if labels is None:
        return key
    return labels[0] if i18n.get_language() == "zh" else labels[1]


def _unit(number: int, parts: list[str]) -> str:
    title = _e(t(f"summary.unit{number}"))
    return f"<section class='wlf-unit'><h3>{title}</h3>{''.join(parts)}</section>"


# --- the five units ------------------------------------------------------------------------------


def _unit1(plan: BrandPlan) -> str:
    scope, flow = plan.market_scope, plan.purchase_flow
    levels = [
        t("core.label_value", label=_e(level.label), value=_e(fmt.count(level.count)))
        for level in scope.levels
        if _filled(level.label) and level.count is not None
    ]
    pool = f"<p>{' → '.join(levels)}</p>" if levels else None
    points = _list(
        (
            f"<b>{_e(p.step)}</b>" + (f": {_e(p.idea)}" if _filled(p.idea) else "")
            for p in flow.leverage_points
            if _filled(p.step) or _filled(p.idea)
        ),
        ordered=True,
    )
    return _unit(
        1,
        [
            _part("definition", _text(scope.definition)),
            _part("pool", pool),
            _part("leverage", points),
        ],
    )


def _variable_name(key: str, label: str) -> str:
    if _filled(label):
        return label
    try:
        return get_table("hcps").column(key).label(i18n.get_language())
    except KeyError:
        return key


def _unit2(plan: BrandPlan) -> str:
    seg = plan.segmentation
    names = [_e(_variable_name(v.key, v.label)) for v in seg.variables if _filled(v.key)]
    variables = f"<p>{' × '.join(names)}</p>" if names else None
    keys = [v.key for v in seg.variables]
    priorities = _list(
        (_e(segment_text(s, keys)) for s in seg.priority_segments if _filled(s)), ordered=True
    )
    if priorities is None and _filled(seg.notes):
        priorities = _text(seg.notes)
    return _unit(2, [_part("variables", variables), _part("priorities", priorities)])


def _ranking(plan: BrandPlan) -> str | None:
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


def _unit3(plan: BrandPlan) -> str:
    persona = plan.persona
    who = [persona.name, persona.role, persona.segment]
    card = " · ".join(_e(part) for part in who if _filled(part))
    stages = _list(
        f"<b>{_e(s.stage)}</b>: {_e(s.current)} → {_e(s.desired)}"
        for s in plan.behaviour_map.stages
        if _filled(s.stage) or _filled(s.desired)
    )
    return _unit(
        3,
        [
            _part("ranking", _ranking(plan)),
            _part("persona", f"<p>{card}</p>" if card else None),
            _part("stages", stages),
        ],
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


def _unit4(plan: BrandPlan) -> str:
    ladder = plan.benefit_ladder
    rungs = []
    for rung in RUNGS:
        items = [_e(x) for x in ladder.texts(rung) if _filled(x)]
        if items:
            rungs.append(f"<b>{_e(t(f'summary.rung.{rung}'))}</b>: {'; '.join(items)}")
    return _unit(
        4,
        [
            _part("ladder", _list(rungs)),
            _part("strengths", _top_items(plan, "strength")),
            _part("weaknesses", _top_items(plan, "weakness")),
            _part("strategy", _text(plan.communication.strategy)),
        ],
    )


ACTIVITY_COLUMNS = ("target_group", "channel", "activity", "message", "kpi", "target")
"""The activity plan's columns, in the order the page shows them."""


def _cell(row: Activity, column: str) -> str:
    value = getattr(row, column)
    return _category("channel", value) if column == "channel" else value


def _unit5(plan: BrandPlan) -> str:
    activities = plan.activity_plan
    rows = [
        row for row in activities.rows if any(_filled(getattr(row, c)) for c in ACTIVITY_COLUMNS)
    ]
    table = None
    if rows:
        head = "".join(f"<th>{_e(t(f'summary.column.{c}'))}</th>" for c in ACTIVITY_COLUMNS)
        body = "".join(
            "<tr>" + "".join(f"<td>{_e(_cell(row, c))}</td>" for c in ACTIVITY_COLUMNS) + "</tr>"
            for row in rows
        )
        title = f"<p>{_e(activities.title)}</p>" if _filled(activities.title) else ""
        table = f"{title}<table><tr>{head}</tr>{body}</table>"
    return _unit(5, [_part("activities", table)])


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
        units = [_unit1(plan), _unit2(plan), _unit3(plan), _unit4(plan), _unit5(plan)]
        return (
            f"<div class='wlf'><style>{STYLE}</style>"
            f"<h2>{_e(t('summary.title', group=plan.group))}</h2>"
            f"{subtitle}"
            f"<div class='wlf-grid'>{''.join(units)}</div></div>"
        )
