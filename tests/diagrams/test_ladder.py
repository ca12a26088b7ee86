"""The benefit ladder: a rung per level bottom to top, an item per phrase, the links."""

from __future__ import annotations

import pytest

from workshop_lib.diagrams import artists, benefit_ladder, examples


def boxes(ax, prefix):
    return [a for a in artists(ax, prefix) if a.get_gid().endswith(".box")]


def test_a_rung_per_level_from_the_product_up():
    ax = benefit_ladder(examples.load("benefit_ladder", "zh"), lang="zh")
    rungs = boxes(ax, "ladder.rung.")
    assert len(rungs) == 3
    bottoms = [r.get_y() for r in rungs]
    assert bottoms == sorted(bottoms)
    labels = [artists(ax, f"ladder.rung.{i}.label")[0].get_text() for i in range(3)]
    assert labels == ["产品属性", "功能利益", "情感利益"]


def test_an_item_per_phrase_on_its_rung():
    data = examples.load("benefit_ladder", "en")
    ax = benefit_ladder(data, lang="en")
    for level, key in enumerate(("attributes", "functional", "emotional")):
        items = boxes(ax, f"ladder.item.{level}.")
        assert len(items) == len(data[key])
        rung = artists(ax, f"ladder.rung.{level}.box")[0]
        for item in items:
            assert rung.get_y() <= item.get_y() < rung.get_y() + rung.get_height()
        texts = [
            artists(ax, f"ladder.item.{level}.{i}.text")[0].get_text() for i in range(len(items))
        ]
        assert [t.replace("\n", " ") for t in texts] == data[key]


def test_links_join_the_right_items_upwards():
    data = examples.load("benefit_ladder", "en")
    ax = benefit_ladder(data, lang="en")
    links = artists(ax, "ladder.link.")
    assert len(links) == len(data["links"]["functional"]) + len(data["links"]["emotional"])
    low, high = data["links"]["functional"][2]
    line = artists(ax, "ladder.link.1.2")[0]
    (x0, x1), (y0, y1) = line.get_xdata(), line.get_ydata()
    start = artists(ax, f"ladder.item.0.{low}.box")[0]
    end = artists(ax, f"ladder.item.1.{high}.box")[0]
    assert start.get_x() <= x0 <= start.get_x() + start.get_width()
    assert end.get_x() <= x1 <= end.get_x() + end.get_width()
    assert y0 < y1


def test_links_are_optional():
    ax = benefit_ladder({"attributes": ["a"], "functional": ["b"], "emotional": ["c"]})
    assert artists(ax, "ladder.link.") == []


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"attributes": ["a"], "functional": ["b"]}, "data.emotional"),
        ({"attributes": [], "functional": ["b"], "emotional": ["c"]}, "data.attributes"),
        (
            {"attributes": list("abcdef"), "functional": ["b"], "emotional": ["c"]},
            "data.attributes",
        ),
        (
            {
                "attributes": ["a"],
                "functional": ["b"],
                "emotional": ["c"],
                "links": {"functional": [[0, 1]]},
            },
            r"data.links.functional\[0\]\[1\]",
        ),
        (
            {
                "attributes": ["a"],
                "functional": ["b"],
                "emotional": ["c"],
                "links": {"emotional": [[0]]},
            },
            r"data.links.emotional\[0\]",
        ),
    ],
)
def test_bad_input_names_the_field(data, field):
    with pytest.raises(ValueError, match=field):
        benefit_ladder(data, lang="en")
