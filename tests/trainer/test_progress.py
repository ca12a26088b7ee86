"""Progress: the completion rules, quiz scores, the terminal table and the --watch loop."""

from __future__ import annotations

import io
import shutil

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markupsafe import escape
from trainer.plans import TRAVERSAL

from workshop_lib import i18n, workspace
from workshop_lib.cli import main
from workshop_lib.cli.trainer import CLEAR, watch
from workshop_lib.debrief import gallery_html
from workshop_lib.groups import GROUPS_ENV_VAR
from workshop_lib.plan import BrandPlan
from workshop_lib.progress import (
    COMPLETE,
    EMPTY,
    STARTED,
    printable,
    progress,
    quiz_scores,
    render_text,
    status,
    width,
)


def _plan(**sections) -> BrandPlan:
    return BrandPlan.from_dict({"group": "G", **sections})


LEVELS = [{"label": x, "count": n} for x, n in (("a", 100), ("b", 50), ("c", 20))]
CASES = [
    ("market_scope", {"market_scope": {"levels": LEVELS}}, STARTED),
    ("market_scope", {"market_scope": {"definition": "d", "levels": LEVELS}}, COMPLETE),
    ("purchase_flow", {"purchase_flow": {"steps": [{"name": "a", "count": 9}]}}, STARTED),
    (
        "purchase_flow",
        {"purchase_flow": {"steps": [{"name": x["label"], "count": x["count"]} for x in LEVELS]}},
        COMPLETE,
    ),
    (
        "purchase_flow",  # a step with more people than the one before is a mistake
        {
            "purchase_flow": {
                "steps": [
                    {"name": "a", "count": 5},
                    {"name": "b", "count": 9},
                    {"name": "c", "count": 1},
                ]
            }
        },
        STARTED,
    ),
    (
        "leverage_points",
        {"purchase_flow": {"leverage_points": [{"step": "a", "idea": "i"}] * 2}},
        STARTED,
    ),
    (
        "leverage_points",
        {"purchase_flow": {"leverage_points": [{"step": "a", "idea": "i"}] * 3}},
        COMPLETE,
    ),
    (
        "segmentation",
        {"segmentation": {"variables": [{"key": "a"}, {"key": "a"}], "priority_segments": ["x"]}},
        STARTED,
    ),
    (
        "segmentation",
        {"segmentation": {"variables": [{"key": "a"}, {"key": "b"}], "priority_segments": ["x"]}},
        COMPLETE,
    ),
    ("attractiveness", {"attractiveness": {"scores": {"s": {"size": 3}}}}, STARTED),
    (
        "attractiveness",
        {"attractiveness": {"scores": {"s": {"size": 3}, "t": {"size": 2}}}},
        COMPLETE,
    ),
    (
        "attractiveness",  # the canvas's starting scores, untouched
        {"attractiveness": {"scores": {"s": {"size": 3}, "t": {"size": 3}}}},
        STARTED,
    ),
    (
        "attractiveness",  # weights off 1
        {
            "attractiveness": {
                "criteria": [{"key": "size", "weight": 0.5}],
                "scores": {"s": {"size": 3}, "t": {"size": 2}},
            }
        },
        STARTED,
    ),
    (
        "persona",
        {"persona": {"name": "n", "portrait": "p", "needs": ["x"], "drivers": ["y"]}},
        STARTED,
    ),
    (
        "persona",
        {
            "persona": {
                "name": "n",
                "portrait": "p",
                "needs": ["x"],
                "drivers": ["y"],
                "barriers": ["z"],
            }
        },
        COMPLETE,
    ),
    (
        "behaviour_map",
        {
            "behaviour_map": {
                "stages": [{"stage": "s", "current": "c", "desired": "d", "drivers": ["x"]}] * 2
            }
        },
        STARTED,
    ),
    (
        "behaviour_map",
        {
            "behaviour_map": {
                "stages": [
                    {"stage": "s", "current": "c", "desired": "d", "drivers": ["x"]},
                    {"stage": "t", "current": "c", "desired": "d", "barriers": ["y"]},
                ]
            }
        },
        COMPLETE,
    ),
    ("benefit_ladder", {"benefit_ladder": {"attributes": ["a"], "functional": ["f"]}}, STARTED),
    (
        "benefit_ladder",
        {"benefit_ladder": {"attributes": ["a"], "functional": ["f"], "emotional": ["e"]}},
        COMPLETE,
    ),
    (
        "brand_assessment",
        {
            "brand_assessment": {
                "items": [
                    {
                        "statement": "s",
                        "kind": "strength",
                        "attractiveness": 4,
                        "differentiation": 3,
                        "implementability": 2,
                        "sustainability": 5,
                    }
                ]
            }
        },
        STARTED,
    ),
    ("communication", {"communication": {"strategy": "s"}}, STARTED),
    ("communication", {"communication": {"strategy": "s", "steps": [{"message": "m"}]}}, COMPLETE),
    (
        "activity_plan",
        {
            "activity_plan": {
                "rows": [{"channel": "c", "activity": "a", "message": "m", "kpi": "k"}]
            }
        },
        STARTED,
    ),
    (
        "activity_plan",
        {
            "activity_plan": {
                "rows": [{"channel": "c", "activity": "a", "message": "m", "kpi": "k"}] * 2
            }
        },
        COMPLETE,
    ),
]


@pytest.mark.parametrize(("exercise", "sections", "expected"), CASES)
def test_completion_rules(exercise, sections, expected):
    assert status(_plan(**sections), exercise) == expected


def test_a_new_plan_is_empty_everywhere():
    row = progress([_plan()])[0]
    assert set(row.status.values()) == {EMPTY} and row.complete == 0


def test_the_worked_example_class_is_complete(small_class):
    rows = progress(small_class)
    assert [r.complete for r in rows][:2] == [11, 11]
    assert rows[2].complete < 11


def test_quiz_scores_by_unit_and_review():
    answers = {
        "u1.cac": {"attempts": 2, "score": 0.75, "correct": True},
        "u1.clv": {"attempts": 1, "score": 0.0},
        "u3.nothing": {"attempts": 0},
        "r1.loss": {"attempts": 1, "score": 1.0, "correct": True},
    }
    scores = quiz_scores(_plan(quiz={"answers": answers}))
    assert (scores["1"].answered, scores["1"].total, scores["1"].score) == (2, 3, 0.75)
    assert scores["3"].answered == 0
    assert (scores["review"].answered, scores["review"].score) == (1, 1.0)


def test_terminal_table_is_aligned_and_safe():
    plans = [
        BrandPlan(group="第一组"),
        BrandPlan(group="evil\x1b[2J\x07name"),
        BrandPlan(group=TRAVERSAL),
    ]
    text = render_text(progress(plans), lang="en")
    assert "\x1b" not in text and "\x07" not in text
    lines = text.splitlines()
    assert lines[0].startswith("Group") and "5.1" in lines[0]
    columns = {width(line[: line.index("·")]) for line in lines[1:4]}  # 汉字 are 2 wide
    assert len(columns) == 1
    assert printable("a\u202eb") == "a?b"  # no right-to-left override either


@pytest.fixture
def no_shared_groups(monkeypatch):
    monkeypatch.delenv(GROUPS_ENV_VAR, raising=False)
    monkeypatch.delenv(workspace.HOME_ENV_VAR, raising=False)


def test_progress_verb_on_the_workspace(class_dir, capsys, no_shared_groups):
    root = class_dir.parent  # the class folder is the workspace's groups folder
    assert main(["--lang", "en", "progress", str(root)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == f"Workspace: {root}; groups folder: {class_dir}"
    assert "第1组" in out and "11/11" in out and "../../x" in out
    assert "damaged.json" in out


def test_progress_verb_on_a_groups_folder_says_so(class_dir, capsys, monkeypatch):
    monkeypatch.setenv(GROUPS_ENV_VAR, str(class_dir.parent / "elsewhere"))  # given wins
    assert main(["--lang", "en", "progress", str(class_dir)]) == 0
    out = capsys.readouterr().out
    assert (
        out.splitlines()[0] == f"Groups folder: {class_dir} (given directly instead of a workspace)"
    )
    assert "11/11" in out


def test_progress_follows_the_shared_groups_folder(class_dir, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv(GROUPS_ENV_VAR, str(class_dir))
    (tmp_path / "ws").mkdir()
    assert main(["--lang", "en", "progress", str(tmp_path / "ws")]) == 0
    first = capsys.readouterr().out.splitlines()[0]
    assert first.endswith(f"groups folder: {class_dir} (named by {GROUPS_ENV_VAR})")


@pytest.mark.parametrize("verb", ["progress", "gallery", "export"])
def test_a_workspace_without_groups_is_an_error(verb, tmp_path, capsys, no_shared_groups):
    root = tmp_path / "ws"
    out_file = tmp_path / "class.out"
    args = ["--lang", "en", verb, str(root)] + (
        [] if verb == "progress" else ["--out", str(out_file)]
    )
    (root / "groups").mkdir(parents=True)
    (root / "groups" / "damaged.json").write_text("{", encoding="utf-8")
    for _ in range(2):  # an empty groups folder but for a damaged file, then none at all
        assert main(args) == 1
        out, err = capsys.readouterr()
        assert out.splitlines()[0] == f"Workspace: {root}; groups folder: {root / 'groups'}"
        assert f"No group has a plan in {root / 'groups'} yet" in out + err
        shutil.rmtree(root / "groups", ignore_errors=True)
    assert not out_file.exists()  # no page or workbook written


def test_watch_clears_and_redraws_the_table(class_dir):
    stream = io.StringIO()
    watch(class_dir, 0.01, stream, rounds=2, heading="Workspace: …")
    frames = stream.getvalue().split(CLEAR)[1:]
    assert len(frames) == 2 and all("第4组" in f for f in frames)
    assert all(f.startswith("Workspace: …\n") for f in frames)


def test_watch_waits_for_a_class_with_no_group_yet(tmp_path):
    stream = io.StringIO()
    watch(tmp_path / "groups", 0.01, stream, rounds=1)
    assert i18n.t("cli.no_groups", groups=tmp_path / "groups") in stream.getvalue()


def test_progress_verb_on_a_missing_folder(tmp_path, capsys):
    assert main(["--lang", "en", "progress", str(tmp_path / "nope")]) == 1
    assert "No such folder" in capsys.readouterr().err


TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)


@settings(max_examples=40, deadline=None)
@given(
    group=TEXT.filter(lambda s: s.strip()),
    words=st.lists(TEXT, max_size=4),
    counts=st.lists(st.floats(0, 1e9, allow_nan=False), max_size=4),
)
def test_any_typed_text_gives_a_table_and_a_safe_page(group, words, counts):
    levels = [{"label": w, "count": c} for w, c in zip(words, counts, strict=False)]
    plan = BrandPlan.from_dict(
        {
            "group": group,
            "members": words,
            "market_scope": {"levels": levels},
            "persona": {"name": "".join(words), "needs": words},
            "activity_plan": {"rows": [{"channel": w, "message": w} for w in words]},
        }
    )
    text = render_text(progress([plan]))
    assert "\x1b" not in text
    page = gallery_html([plan])
    assert "<script" not in page.lower()
    name = "".join(words)
    if name.strip():
        assert str(escape(name)) in page  # shown, escaped
