"""The debrief gallery: every group, every exercise, escaped, self-contained, problems named."""

from __future__ import annotations

import re

from trainer.plans import IMG, SCRIPT, hostile_plan
from trainer.test_report import OUTSIDE

from workshop_lib.cli import main
from workshop_lib.debrief import gallery_html
from workshop_lib.exercises import EXERCISES
from workshop_lib.plan import BrandPlan


def test_every_group_appears_in_every_exercise(small_class):
    page = gallery_html(small_class, lang="en")
    for exercise in EXERCISES.values():
        assert f'id="{exercise.id}"' in page
    for plan in small_class:
        # once in the overview, once per exercise card
        assert page.count(f'<span class="name">{plan.group}</span>') == len(EXERCISES)
    assert page.count("not started") > 0  # the third group is behind


def test_typed_text_is_escaped_and_nothing_is_loaded():
    page = gallery_html([hostile_plan()], lang="en")
    assert SCRIPT not in page and IMG not in page and "<script" not in page.lower()
    assert not re.search(r"<img[^>]*onerror", page)
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert not OUTSIDE.search(page)


def test_counts_get_bars_scaled_to_the_largest(small_class):
    page = gallery_html(small_class[:1], lang="en")
    bars = [float(w) for w in re.findall(r'class="bar" style="width: ([\d.]+)%"', page)]
    assert 100.0 in bars and min(bars) < 5  # population vs brand patients


def test_gallery_verb_lists_damaged_files_and_sorts_groups(class_dir, tmp_path, capsys):
    out = tmp_path / "out" / "gallery.html"
    assert main(["--lang", "en", "gallery", str(class_dir), "--out", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert "damaged.json" in page and "could not be read" in page
    assert "damaged.json" in capsys.readouterr().err
    overview = page.split('class="overview"')[1].split("</table>")[0]
    groups = re.findall(r"<tr><td>([^<]*)</td>", overview)
    assert groups == ["../../x", "第1组", "第2组", "第3组", "第4组"]
    assert sorted(p.name for p in out.parent.iterdir()) == ["gallery.html"]


def test_gallery_verb_on_a_missing_folder(tmp_path, capsys):
    assert main(["--lang", "en", "gallery", str(tmp_path / "nope")]) == 1
    assert "No such folder" in capsys.readouterr().err


def test_empty_folder_says_so(tmp_path):
    page = gallery_html([], lang="en")
    assert "no group plans" in page


def test_a_criterion_of_the_trainers_own_is_shown_by_its_key():
    criteria = [{"key": "payer_access", "weight": 1}]
    section = {"criteria": criteria, "scores": {"s": {"payer_access": 4}}}
    page = gallery_html([BrandPlan.from_dict({"group": "G", "attractiveness": section})], lang="en")
    assert "payer_access 4" in page and "payer_access 1.00" in page
