"""Hostile plans for the trainer's tools: markup, formulas, control characters, a path as a name."""

from __future__ import annotations

from pathlib import Path

from workshop_lib.plan import BrandPlan, file_name

SCRIPT = "<script>alert('x')</script>"
IMG = "<img src=x onerror=alert(1)>"
TRAVERSAL = "../../x"


def hostile_plan() -> BrandPlan:
    """A plan whose every kind of field holds markup, formulas or control characters."""
    return BrandPlan.from_dict(
        {
            "group": TRAVERSAL,
            "members": [SCRIPT, IMG],
            "market_scope": {
                "definition": SCRIPT,
                "notes": "=1+1",
                "levels": [{"label": IMG, "count": 100}, {"label": "b\x1b[31m", "count": 50}],
            },
            "purchase_flow": {
                "steps": [{"name": IMG, "count": 10}, {"name": "y", "count": 5}],
                "leverage_points": [{"step": IMG, "idea": "@SUM(A1:A9)", "rationale": "-2+3"}],
            },
            "persona": {"name": '=HYPERLINK("http://evil.example","x")', "portrait": SCRIPT},
            "benefit_ladder": {
                "brand": IMG,
                "attributes": [SCRIPT],
                "emotional": ["+cmd|' /C calc'!A0"],
            },
            "activity_plan": {"rows": [{"channel": "wecom", "activity": IMG, "message": SCRIPT}]},
            "communication": {"strategy": "\tTAB=1"},
        }
    )


def save_all(plans: list[BrandPlan], folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for plan in plans:
        plan.save(folder / file_name(plan.group))
    return folder
