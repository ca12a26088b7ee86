"""The laptop check reports what it finds and fails only on what the course needs."""

from __future__ import annotations

import pytest

from workshop_lib import doctor, i18n


def test_this_machine_is_ready(tmp_path):
    report = doctor.report(tmp_path)
    assert report.ok, str(report)
    names = [r.name for r in report.results]
    assert len(names) == 8 and len(set(names)) == 8


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


LOCK = """\
# a comment
NumPy==2.4.6
    # via pandas
pandas==3.1.2 ; python_full_version >= '3.11'
pywin32==311 ; sys_platform == 'no such system'
"""


def test_the_lock_is_read_for_this_machine():
    assert doctor.read_lock(LOCK) == {"numpy": "2.4.6", "pandas": "3.1.2"}


@pytest.mark.parametrize("line", ["numpy>=2.4", "numpy==2.4.6 ==2.4.5", "numpy 2.4.6"])
def test_a_lock_line_without_one_pinned_version_is_named(line):
    with pytest.raises(ValueError, match="numpy"):
        doctor.read_lock(line)


def _installed(monkeypatch, tmp_path, versions, lock=LOCK):
    path = tmp_path / "lock.txt"
    path.write_text(lock, encoding="utf-8")
    monkeypatch.setattr(doctor, "lock_file", lambda: path)
    monkeypatch.setattr(doctor, "course_packages", lambda: versions)
    return path


def test_the_tested_versions_pass(monkeypatch, tmp_path):
    _installed(monkeypatch, tmp_path, {"numpy": "2.4.6", "pandas": "3.1.2", "tqdm": "4.0"})
    result = doctor.check_lock()
    assert result.ok and not result.required and not result.fix
    assert result.detail == i18n.t("doctor.lock_ok", n=2)


def test_other_versions_are_a_warning_naming_them_and_the_install_command(monkeypatch, tmp_path):
    lock = _installed(monkeypatch, tmp_path, {"numpy": "2.3.0", "pandas": "3.1.2"})
    with i18n.language("en"):
        result = doctor.check_lock()
    assert not result.ok and not result.required
    assert result.detail == "not the versions tested: numpy 2.3.0 (tested: 2.4.6)"
    assert f'python -m pip install -c "{lock}" workshop-lib' in result.fix
    assert doctor.can_run([result])


def test_many_differences_name_the_course_s_own_dependencies_first(monkeypatch, tmp_path):
    names = [f"dep{i}" for i in range(8)] + ["numpy"]
    lock = "".join(f"{n}==2\n" for n in names)
    _installed(monkeypatch, tmp_path, dict.fromkeys(names, "1"), lock)
    with i18n.language("en"):
        detail = doctor.check_lock().detail
    assert detail.startswith("not the versions tested: numpy 1 (tested: 2), dep0 1 (tested: 2)")
    assert detail.endswith(", and 4 more")


@pytest.mark.parametrize("lock", [None, "numpy>=2\n", b"\xff\xfe"])
def test_a_missing_or_damaged_lock_is_a_warning_naming_the_file(monkeypatch, tmp_path, lock):
    path = tmp_path / "lock.txt"
    if isinstance(lock, bytes):
        path.write_bytes(lock)
    elif lock is not None:
        path.write_text(lock, encoding="utf-8")
    monkeypatch.setattr(doctor, "lock_file", lambda: path)
    result = doctor.check_lock()
    assert not result.ok and not result.required
    assert str(path) in result.detail and result.fix


def test_the_course_packages_are_the_dependency_tree_not_the_test_tools():
    installed = doctor.course_packages()
    assert {"numpy", "pandas", "matplotlib", "ipywidgets", "jupyterlab"} <= set(installed)
    assert not {"pytest", "playwright", "workshop-lib"} & set(installed)
