"""The laptop check reports what it finds and fails only on what the course needs."""

from __future__ import annotations

from workshop_lib import doctor, i18n


def test_this_machine_is_ready(tmp_path):
    report = doctor.report(tmp_path)
    assert report.ok, str(report)
    names = [r.name for r in report.results]
    assert len(names) == 7 and len(set(names)) == 7


def test_missing_chromium_is_optional_but_a_missing_font_is_not(monkeypatch, tmp_path):
    monkeypatch.setattr(doctor, "find_chromium", lambda: None)
    chromium = doctor.check_chromium()
    assert not chromium.ok and not chromium.required and chromium.fix
    font = doctor.Check("font", False, "none", "install fonts")
    ok = doctor.Check("python", True, "3.11")
    assert doctor.can_run([ok, chromium])
    assert not doctor.can_run([ok, chromium, font])


def test_unwritable_workspace_fails_with_a_fix(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = doctor.check_workspace(blocker / "ws")
    assert not result.ok and result.required
    assert str(blocker) in result.detail and result.fix


def test_chromium_from_the_environment(monkeypatch, tmp_path):
    fake = tmp_path / "my-chrome"
    fake.write_text("#!/bin/sh\n")
    fake.chmod(0o755)
    monkeypatch.setenv(doctor.CHROMIUM_ENV_VAR, str(fake))
    assert doctor.find_chromium() == fake


def test_text_and_html_tables_mark_each_line_and_give_a_verdict():
    results = [
        doctor.Check("Python", True, "3.11"),
        doctor.Check("字体", False, "none", "装字体 <now>"),
        doctor.Check("PDF", False, "no browser", "install one", required=False),
    ]
    text = doctor.format_table(results)
    assert " ✓ Python" in text and " ✗ 字体" in text and " ! PDF" in text
    assert "→ 装字体 <now>" in text
    assert text.splitlines()[-1] == i18n.t("doctor.not_ready")
    html = doctor.Report(results)._repr_html_()
    assert "&lt;now&gt;" in html and "<now>" not in html
    assert html.count("<tr>") == 4


def test_english_edition():
    with i18n.language("en"):
        text = str(doctor.Report([doctor.Check("Python", True, "3.11")]))
    assert text.startswith("Pre-workshop laptop check")
    assert text.endswith(i18n.t("doctor.ready", lang="en"))
