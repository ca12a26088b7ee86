"""segment_matrix: a cell per segment with count and value, priorities numbered."""

from __future__ import annotations

import pytest
from diagrams.diagram_inputs import small_segmentation

from workshop_lib import i18n
from workshop_lib.diagrams import artists, segment_matrix


def test_a_cell_per_segment_with_count_and_value():
    seg = small_segmentation()
    ax = segment_matrix(seg, lang="en")
    assert len(artists(ax, "matrix.cell.")) == 3 * 5
    text = {a.get_gid(): a.get_text() for a in ax.texts}
    cells = seg.cells.set_index(["row", "col"])
    for (row, col), cell in cells.iterrows():
        assert text[f"matrix.count.{row}.{col}"] == str(cell["count"])
    assert text["matrix.value.high.adopter"] == "200 (37.2%)"  # 200 of 537


def test_highest_level_is_on_top_and_axis_labels_come_from_the_dictionary():
    ax = segment_matrix(small_segmentation(), lang="zh")
    rows = [a for a in artists(ax, "matrix.row.")]
    assert [a.get_gid() for a in rows] == ["matrix.row.high", "matrix.row.medium", "matrix.row.low"]
    assert rows[0].get_position()[1] > rows[-1].get_position()[1]
    assert rows[0].get_text() == "高\n≥ 160"
    text = {a.get_gid(): a.get_text() for a in ax.texts}
    assert text["matrix.col.trial"] == "试用"
    assert text["matrix.rows_title"].startswith("月 2 型糖尿病患者数")
    assert text["matrix.cols_title"].startswith("采纳阶段")


def test_priorities_are_framed_and_numbered_in_order():
    seg = small_segmentation(priority=[("low", "aware"), ("high", "adopter")])
    ax = segment_matrix(seg, lang="en")
    assert [a.get_text() for a in artists(ax, "matrix.priority_number.")] == ["1", "2"]
    frames = [a.get_gid() for a in artists(ax, "matrix.frame.")]
    assert frames == ["matrix.frame.high.adopter", "matrix.frame.low.aware"]
    badge = artists(ax, "matrix.priority.1")[0]
    cell = artists(ax, "matrix.cell.low.aware")[0]
    assert cell.get_x() < badge.center[0] < cell.get_x() + cell.get_width()


def test_anything_but_a_segmentation_is_refused():
    with i18n.language("en"), pytest.raises(ValueError, match='"data"'):
        segment_matrix({"high": 1})
