"""Readable tables of the segmentation and attractiveness results, and the worked example's."""

import pandas as pd
import pytest

from workshop_lib import tables, worked_example
from workshop_lib.analysis.attractiveness import CRITERIA, rank
from workshop_lib.analysis.segmentation import framework

HCPS = pd.DataFrame(
    {
        "monthly_patients": [20, 80, 150, 300, 40, 220],
        "adoption_stage": ["aware", "trial", "adopter", "adopter", "unaware", "trial"],
        "category_rx": [10, 40, 90, 200, 15, 120],
    }
)


def _segments(lang):
    seg = framework(HCPS, "monthly_patients", "adoption_stage", row_cuts=[100], priority=2)
    return tables.segment_table(seg, lang=lang)


def test_segment_table_lists_non_empty_segments_most_valuable_first():
    table = _segments("en")
    assert len(table) == 5
    values = [int(v.replace(",", "")) for v in table["Category Rx"]]
    assert values == sorted(values, reverse=True)
    assert table["Priority"].tolist() == ["1", "2", "", "", ""]


def test_segment_table_names_levels_with_their_band_and_category():
    assert _segments("en").index[0] == "High (≥ 100) × adopter"
    assert _segments("zh").index[-1] == "低（< 100） × 知晓"
    assert _segments("en").columns[4] == "Average category Rx per customer"


def test_segment_table_shares_add_up():
    table = _segments("en")
    shares = table["Share of customers"].str.rstrip("%").astype(float)
    assert shares.sum() == pytest.approx(100, abs=0.2)


def test_attractiveness_table_shows_size_only_when_ranked_with_sizes():
    scores = {"A": dict.fromkeys(CRITERIA, 4), "B": dict.fromkeys(CRITERIA, 2)}
    plain = tables.attractiveness_table(rank(scores), lang="en")
    sized = tables.attractiveness_table(rank(scores, size={"A": 10, "B": 1500}), lang="en")
    assert "Segment size" not in plain.columns
    assert sized.loc["B", "Segment size"] == "1,500"
    assert plain["Rank"].tolist() == ["1", "2"]


def test_worked_example_segmentation_prioritises_the_most_valuable_cells():
    seg = worked_example.segmentation()
    top = seg.cells.sort_values("value", ascending=False).head(3)
    assert seg.priorities().index.tolist() == top.index.tolist()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_worked_example_attractiveness_sizes_are_the_priority_cells(lang):
    ranked = worked_example.attractiveness(lang)
    scores = worked_example.section("attractiveness", lang)["scores"]
    counts = dict(zip(scores, worked_example.segmentation().priorities()["count"], strict=False))
    assert set(ranked.index) == set(scores)
    assert ranked["segment_size"].to_dict() == {k: float(v) for k, v in counts.items()}
    assert ranked["score"].is_monotonic_decreasing


def test_worked_example_canvas_shows_the_same_framework_and_priorities():
    from workshop_lib.canvas.unit2 import SegmentationCanvas

    canvas = SegmentationCanvas(worked_example.worked_plan("en"), lang="en")
    shown, taught = canvas.framework(), worked_example.segmentation()
    assert shown.cells.drop(columns="priority").equals(taught.cells.drop(columns="priority"))
    assert shown.priorities()[["row", "col"]].values.tolist() == (
        taught.priorities()[["row", "col"]].values.tolist()
    )
    assert [box.value for box in canvas.priority_box.children] == (
        worked_example.worked_plan("en").segmentation.priority_segments
    )
