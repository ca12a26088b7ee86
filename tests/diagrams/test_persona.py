"""The persona card: header, portrait, facts, three lists and a quote."""

from __future__ import annotations

import dataclasses

import pytest

from workshop_lib.diagrams import artists, examples, persona_card


def texts(ax, prefix):
    return [a.get_text() for a in artists(ax, prefix) if hasattr(a, "get_text")]


def test_header_shows_name_role_segment_and_initials():
    ax = persona_card(examples.load("persona_card", "en"), lang="en")
    assert texts(ax, "persona.header.name") == ["Dr Li Wenhua"]
    assert texts(ax, "persona.header.initials") == ["LW"]
    assert texts(ax, "persona.segment.text") == ["High potential · trial stage"]
    zh = persona_card(examples.load("persona_card", "zh"), lang="zh")
    assert texts(zh, "persona.header.initials") == ["李"]


@pytest.mark.parametrize("key", ["needs", "drivers", "barriers"])
def test_each_list_has_a_box_a_title_and_every_item(key):
    data = examples.load("persona_card", "en")
    ax = persona_card(data, lang="en")
    assert len(artists(ax, f"persona.{key}.box")) == 1
    (body,) = texts(ax, f"persona.{key}.items")
    assert body.count("•") == len(data[key])
    flat = body.replace("\n\u3000 ", " ").replace("\n", " ")
    for item in data[key]:
        assert item in flat


def test_the_three_lists_sit_side_by_side_in_order():
    ax = persona_card(examples.load("persona_card", "zh"))
    xs = [artists(ax, f"persona.{k}.box")[0].get_x() for k in ("needs", "drivers", "barriers")]
    assert xs == sorted(xs)


def test_facts_show_label_and_value_rows():
    ax = persona_card(examples.load("persona_card", "zh"))
    assert texts(ax, "persona.portrait.facts.value.") == ["约 320 人", "8%", "学术会议、同行交流"]


def test_only_the_name_is_required_and_lists_may_be_lines_of_text():
    ax = persona_card({"name": "王医生", "needs": "省时\n\n可靠的数据"})
    assert texts(ax, "persona.needs.items") == ["• 省时\n\n• 可靠的数据"]
    assert artists(ax, "persona.quote.") == []
    assert texts(ax, "persona.drivers.items") == []


def test_accepts_a_dataclass_section():
    @dataclasses.dataclass
    class Section:
        name: str
        quote: str

    ax = persona_card(Section("Dr Chen", "Show me the data."), lang="en")
    assert texts(ax, "persona.quote.text") == ["Show me the data."]


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"role": "x"}, "data.name"),
        ({"name": "  "}, "data.name"),
        ({"name": "A", "needs": 5}, "data.needs"),
        ({"name": "A", "needs": ["ok", {"x": 1}]}, r"data.needs\[1\]"),
        ({"name": "A", "facts": [{"label": "n"}]}, r"data.facts\[0\].value"),
    ],
)
def test_bad_input_names_the_field(data, field):
    with pytest.raises(ValueError, match=field):
        persona_card(data, lang="en")
