"""What the renderer sees for the data-driven diagrams, in zh and en.

No glyph is missing from the font; long labels stay inside the figure and their boxes and
never overlap; a few pictures match their baselines within a tolerance.
"""

from __future__ import annotations

import itertools
import warnings
from pathlib import Path

import pytest
from diagrams.diagram_inputs import (
    FUNNEL,
    SCORES,
    long_funnel,
    long_scores,
    long_segmentation,
    small_segmentation,
    tiles,
)
from matplotlib.testing.compare import compare_images

from workshop_lib.diagrams import (
    artists,
    attractiveness_chart,
    kpi_dashboard,
    market_pool,
    purchase_funnel,
    save_png,
    segment_matrix,
)

BASELINE = Path(__file__).parent / "baseline"
LANGS = ("zh", "en")


def short_cases(lang):
    return {
        "pool": lambda: market_pool(FUNNEL, lang=lang),
        "funnel": lambda: purchase_funnel(FUNNEL, leverage=["diagnosed", "brand"], lang=lang),
        "matrix": lambda: segment_matrix(small_segmentation(), lang=lang),
        "bars": lambda: attractiveness_chart(SCORES, lang=lang),
        "bubbles": lambda: attractiveness_chart(
            SCORES, kind="bubble", size={"A": 300, "B": 120, "C": 80}, lang=lang
        ),
        "dashboard": lambda: kpi_dashboard(tiles(lang), lang=lang),
    }


def long_cases(lang):
    stages = list(long_funnel(lang))
    scores, sizes = long_scores(lang)
    return {
        "pool": lambda: market_pool(long_funnel(lang), lang=lang),
        "funnel": lambda: purchase_funnel(long_funnel(lang), leverage=stages[2:5], lang=lang),
        "matrix": lambda: segment_matrix(long_segmentation(lang), lang=lang),
        "bars": lambda: attractiveness_chart(scores, lang=lang),
        "bubbles": lambda: attractiveness_chart(scores, kind="bubble", size=sizes, lang=lang),
        "dashboard": lambda: kpi_dashboard(tiles(lang, long=True), lang=lang),
    }


@pytest.mark.parametrize("lang", LANGS)
def test_no_glyph_is_missing(lang, tmp_path):
    cases = {**short_cases(lang), **{f"long_{k}": v for k, v in long_cases(lang).items()}}
    for name, draw in cases.items():
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            save_png(draw(), tmp_path / f"{name}.png")
        missing = [str(w.message) for w in caught if "missing from" in str(w.message)]
        assert not missing, (name, missing[:3])


def _boxes(ax):
    fig = ax.figure
    renderer = fig.canvas.get_renderer()
    found = []
    for text in ax.texts:
        if text.get_visible() and text.get_text().strip():
            found.append((text, text.get_window_extent(renderer)))
    return found, fig.bbox


def _overlap(a, b, slack=0.5):
    return min(a.x1, b.x1) - max(a.x0, b.x0) > slack and min(a.y1, b.y1) - max(a.y0, b.y0) > slack


def _inside(inner, outer, slack=0.5):
    return (
        inner.x0 >= outer.x0 - slack
        and inner.x1 <= outer.x1 + slack
        and inner.y0 >= outer.y0 - slack
        and inner.y1 <= outer.y1 + slack
    )


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("case", list(long_cases("zh")))
def test_long_labels_neither_overlap_nor_leave_the_figure(lang, case):
    ax = long_cases(lang)[case]()
    boxes, figure = _boxes(ax)
    for text, box in boxes:
        assert _inside(box, figure), (text.get_gid(), text.get_text())
    for (one, a), (two, b) in itertools.combinations(boxes, 2):
        assert not _overlap(a, b), (one.get_gid(), two.get_gid())


@pytest.mark.parametrize("lang", LANGS)
def test_texts_stay_inside_their_cell_and_tile(lang):
    matrix = long_cases(lang)["matrix"]()
    renderer = matrix.figure.canvas.get_renderer()
    for cell in artists(matrix, "matrix.cell."):
        key = cell.get_gid().removeprefix("matrix.cell.")
        frame = cell.get_window_extent(renderer)
        for part in ("count", "value"):
            (text,) = artists(matrix, f"matrix.{part}.{key}")
            assert _inside(text.get_window_extent(renderer), frame, slack=2), text.get_text()
    board = long_cases(lang)["dashboard"]()
    renderer = board.figure.canvas.get_renderer()
    for tile in artists(board, "dashboard.tile."):
        i = tile.get_gid().rsplit(".", 1)[1]
        frame = tile.get_window_extent(renderer)
        for text in artists(board, "dashboard."):
            if text.get_gid().endswith(f".{i}") and hasattr(text, "get_text"):
                assert _inside(text.get_window_extent(renderer), frame), text.get_gid()


@pytest.mark.parametrize("lang", LANGS)
def test_gallery_pictures_neither_overlap_nor_leave_the_figure(lang):
    from workshop_lib import diagram_gallery as gallery
    from workshop_lib import diagrams

    for stem, (name, payload, kws) in gallery.inputs(lang).items():
        if name not in (
            "market_pool",
            "purchase_funnel",
            "segment_matrix",
            "attractiveness_chart",
            "kpi_dashboard",
        ):
            continue
        boxes, figure = _boxes(getattr(diagrams, name)(payload, lang=lang, **kws))
        for text, box in boxes:
            assert _inside(box, figure), (stem, text.get_gid())
        for (one, a), (two, b) in itertools.combinations(boxes, 2):
            assert not _overlap(a, b), (stem, one.get_gid(), two.get_gid())


def test_the_overlap_check_can_fail():
    ax = market_pool(FUNNEL, lang="en")
    ax.text(*artists(ax, "pool.name.diabetic")[0].get_position(), "on top", gid="intruder")
    boxes, _ = _boxes(ax)
    assert any(_overlap(a, b) for (_, a), (_, b) in itertools.combinations(boxes, 2))


@pytest.mark.parametrize("name", ["pool_zh", "funnel_en", "matrix_zh", "dashboard_en"])
def test_pictures_match_their_baselines(name, tmp_path):
    case, lang = name.split("_")
    actual = save_png(short_cases(lang)[case](), tmp_path / f"{name}.png", dpi=60)
    expected = BASELINE / f"{name}.png"
    if not expected.exists():
        pytest.fail(f"no baseline {expected}; copy {actual} there after checking it by eye")
    assert compare_images(str(expected), str(actual), tol=6) is None


def test_drawing_leaves_the_global_settings_alone(tmp_path):
    import matplotlib as mpl

    before = dict(mpl.rcParams)
    for draw in short_cases("zh").values():
        save_png(draw(), tmp_path / "x.png")
    after = dict(mpl.rcParams)
    changed = {k for k in before if before[k] != after[k] and k != "backend"}
    assert not changed
