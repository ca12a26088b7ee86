"""The group report: content, escaping, self-containment, PDF with and without Chromium."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from trainer.plans import IMG, SCRIPT, hostile_plan

from workshop_lib import pages
from workshop_lib.cli import main
from workshop_lib.exercises import EXERCISES
from workshop_lib.plan import BrandPlan
from workshop_lib.report import report_html

OUTSIDE = re.compile(
    r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//|url\(\s*["']?(?:https?:)?//""", re.I
)
"""A reference to anything outside the page: a picture, link target or style from a URL."""


def test_report_has_every_part(small_class):
    plan = small_class[0]
    page = report_html(plan, lang="en")
    for exercise in EXERCISES.values():
        assert exercise.title("en") in page
    assert "<div class='wlf'>" in page  # summary.framework_html
    assert page.count("data:image/svg+xml;base64,") == 9  # all diagrams but communication
    assert plan.persona.name in page and "Quiz results" in page


def test_report_is_self_contained(small_class):
    page = report_html(small_class[0])
    assert not OUTSIDE.search(page)
    assert "<script" not in page.lower()
    assert "default-src 'none'" in page


def test_report_escapes_what_participants_typed():
    page = report_html(hostile_plan(), lang="en")
    assert SCRIPT not in page and IMG not in page
    assert "<script" not in page.lower()
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert not re.search(r"<img[^>]*onerror", page)


def test_a_diagram_that_cannot_be_drawn_is_explained_not_raised():
    levels = [{"label": "a", "count": 5}, {"label": "a", "count": 3}]  # a label used twice
    plan = BrandPlan.from_dict({"group": "G", "market_scope": {"levels": levels}})
    page = report_html(plan, lang="en")
    assert "The diagram cannot be drawn" in page


def test_report_verb_names_the_file_safely(tmp_path, monkeypatch, capsys):
    path = hostile_plan().save(tmp_path / "plan.json")
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    assert main(["report", str(path)]) == 0
    written = list(work.iterdir())
    assert [p.name for p in written] == ["x-9cdf6a.html"]
    assert not (tmp_path.parent / "x.html").exists()


def test_report_verb_refuses_a_damaged_plan(tmp_path, capsys):
    path = tmp_path / "bad.json"
    path.write_text("[1, 2]", encoding="utf-8")
    assert main(["--lang", "en", "report", str(path), "--out", str(tmp_path / "r.html")]) == 1
    assert "bad.json" in capsys.readouterr().err
    assert not (tmp_path / "r.html").exists()


def test_pdf_without_chromium_saves_html_and_says_so(tmp_path, monkeypatch, capsys, small_class):
    monkeypatch.setattr(pages, "find_chromium", lambda: None)
    path = small_class[1].save(tmp_path / "plan.json")
    out = tmp_path / "report.pdf"
    assert main(["--lang", "en", "report", str(path), "--format", "pdf", "--out", str(out)]) == 1
    assert not out.exists()
    assert (tmp_path / "report.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    err = capsys.readouterr().err
    assert "No Chromium" in err and "report.html" in err


@pytest.mark.slow
@pytest.mark.skipif(pages.find_chromium() is None, reason="needs Chromium")
def test_pdf_has_the_chinese_text(tmp_path, small_class):
    out = pages.print_pdf(report_html(small_class[0], lang="zh"), tmp_path / "r.pdf")
    assert out.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", str(out), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert small_class[0].group in text and "品牌计划" in text


def test_report_verb_speaks_the_groups_language(tmp_path, small_class):
    plan = BrandPlan.from_dict({**small_class[3].to_dict(), "language": "en"})
    path = plan.save(tmp_path / "plan.json")
    assert main(["report", str(path), "--out", str(tmp_path / "en.html")]) == 0
    assert main(["--lang", "zh", "report", str(path), "--out", str(tmp_path / "zh.html")]) == 0
    assert "Quiz results" in (tmp_path / "en.html").read_text(encoding="utf-8")
    assert "KPI 练习与复习题得分" in (tmp_path / "zh.html").read_text(encoding="utf-8")
