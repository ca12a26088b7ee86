"""The brand assessment: a scored cell per statement and dimension, grouped and ranked."""

from __future__ import annotations

import pandas as pd
import pytest

from workshop_lib.diagrams import artists, brand_assessment, examples
from workshop_lib.diagrams.brand import DIMENSIONS


def row_texts(ax):
    found = [a for a in artists(ax, "brand.row.") if a.get_gid().endswith(".statement")]
    return [a.get_text().replace("\n", "") for a in found]


def test_a_cell_per_statement_and_dimension_with_its_score():
    data = examples.load("brand_assessment", "en")
    ax = brand_assessment(data, lang="en")
    cells = [a for a in artists(ax, "brand.score.") if a.get_gid().endswith(".box")]
    assert len(cells) == len(data["items"]) * len(DIMENSIONS)
    first = row_texts(ax)[0]
    item = next(
        i for i in data["items"] if i["statement"].replace(" ", "") == first.replace(" ", "")
    )
    shown = [artists(ax, f"brand.score.0.{d}.text")[0].get_text() for d in DIMENSIONS]
    assert shown == [str(item[d]) for d in DIMENSIONS]


def test_strengths_first_then_weaknesses_each_ranked_by_average():
    rows = [
        {
            "statement": "w",
            "kind": "weakness",
            "attractiveness": 2,
            "differentiation": 2,
            "implementability": 2,
            "sustainability": 2,
        },
        {
            "statement": "s-low",
            "kind": "strength",
            "attractiveness": 3,
            "differentiation": 3,
            "implementability": 3,
            "sustainability": 3,
        },
        {
            "statement": "s-high",
            "kind": "优势",
            "attractiveness": 5,
            "differentiation": 4,
            "implementability": 4,
            "sustainability": 5,
        },
    ]
    ax = brand_assessment(pd.DataFrame(rows), lang="en")
    assert row_texts(ax) == ["s-high", "s-low", "w"]
    means = [artists(ax, f"brand.mean.{k}.text")[0].get_text() for k in range(3)]
    assert means == ["4.5", "3.0", "2.0"]
    bars = [artists(ax, f"brand.mean.{k}.bar")[0].get_width() for k in range(3)]
    assert bars[0] > bars[1] > bars[2]


def test_groups_are_headed_in_the_language():
    ax = brand_assessment(examples.load("brand_assessment", "zh"), lang="zh")
    heads = [a.get_text() for a in artists(ax, "brand.group.") if a.get_gid().endswith(".text")]
    assert heads == ["优势", "劣势"]
    dims = [artists(ax, f"brand.head.{j}.text")[0].get_text() for j in range(1, 5)]
    assert dims == ["吸引力", "差异性", "可被实施", "可持续性"]


def test_a_group_without_rows_is_left_out():
    rows = [{"statement": "s", "kind": "strength", **dict.fromkeys(DIMENSIONS, 4)}]
    ax = brand_assessment(rows, lang="en")
    assert [a.get_text() for a in artists(ax, "brand.group.") if a.get_gid().endswith(".text")] == [
        "Strengths"
    ]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"differentiation": 6}, r"data\[0\].differentiation"),
        ({"differentiation": "high"}, r"data\[0\].differentiation"),
        ({"kind": "threat"}, r"data\[0\].kind"),
        ({"statement": ""}, r"data\[0\].statement"),
    ],
)
def test_bad_input_names_the_field(change, field):
    row = {"statement": "s", "kind": "strength", **dict.fromkeys(DIMENSIONS, 3)} | change
    with pytest.raises(ValueError, match=field):
        brand_assessment([row], lang="en")


def test_a_missing_dimension_is_named():
    with pytest.raises(ValueError, match=r"data.items\[0\].sustainability"):
        brand_assessment(
            {
                "brand": "X",
                "items": [
                    {
                        "statement": "s",
                        "kind": "strength",
                        "attractiveness": 1,
                        "differentiation": 1,
                        "implementability": 1,
                    }
                ],
            }
        )
