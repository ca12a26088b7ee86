"""Chinese text uses full-width punctuation: ，：；？！ and （） next to Chinese characters.

A half-width comma or bracket beside hanzi is the first thing a Chinese reader notices. The check
covers every Chinese text the course shows: the message catalog, the course notebooks, the
worked example, the diagram examples and the data dictionary. Placeholders (``{value}``), inline
code, links, thousands separators (``53,480``) and brackets inside formulas (``(a − b) ÷ b``,
where the bracket touches no hanzi outside it) are left alone.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterator
from pathlib import Path

import jupytext
import pytest

from workshop_lib import authoring, i18n

ROOT = Path(__file__).resolve().parents[1]
HANZI = "\u3400-\u9fff\uf900-\ufaff“”‘’"
_LEFT_ALONE = re.compile(r"\{[^{}\n]*\}|`[^`\n]*`|\]\([^)\n]*\)|https?://\S+")
_HALF_WIDTH = re.compile(f"[{HANZI}][,:;?!(]|[,:;][{HANZI}]|\\)[{HANZI}]")


def half_width_beside_hanzi(text: str) -> list[str]:
    """Each half-width mark that touches a Chinese character, with the character it touches."""
    return _HALF_WIDTH.findall(_LEFT_ALONE.sub("x", text))


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)


def _course_cells() -> Iterator[tuple[str, str]]:
    for path in authoring.sources(ROOT):
        notebook = jupytext.read(path, fmt="md:myst")
        for number, cell in enumerate(notebook.cells, 1):
            if cell.cell_type == "markdown" and "zh" in cell.metadata.get("tags", []):
                yield f"{path.name} cell {number}", cell.source


def _chinese_texts() -> Iterator[tuple[str, str]]:
    for key, texts in i18n.catalog().items():
        yield key, texts["zh"]
    yield from _course_cells()
    examples = [ROOT / "workshop_lib" / "worked_example.json"]
    examples += sorted((ROOT / "workshop_lib" / "diagrams" / "examples").glob("*.json"))
    for path in examples:
        for text in _strings(json.loads(path.read_text(encoding="utf-8"))["zh"]):
            yield path.name, text
    with open(ROOT / "datasets" / "data_dictionary.csv", encoding="utf-8") as file:
        for row in csv.DictReader(file):
            for field in ("label_zh", "unit_zh", "description_zh"):
                yield f"data_dictionary {row['table']}.{row['column']} {field}", row[field]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("市场范围,用池子画出来", ["围,"]),
        ("参考答案:{answer}", ["案:"]),
        ("是多少?", ["少?"]),
        ("品牌知名度(提示)是多少", ["度(", ")是"]),
        ("2024-12:按", [":按"]),
        ("分子为 53,480，分母", []),
        ("(期末 − 期初) ÷ 期初", []),
        ("第 {row} 行：{message}", []),
        ("运行 `workshop lab --port 8888`", []),
    ],
)
def test_the_check_finds_half_width_marks_and_only_those(text, found):
    assert half_width_beside_hanzi(text) == found


def test_chinese_texts_use_full_width_punctuation():
    problems = [
        f"{where}: {marks} in {text[:60]!r}"
        for where, text in _chinese_texts()
        if (marks := half_width_beside_hanzi(text))
    ]
    assert problems == []
