"""The ``workshop`` command: help in both languages, verbs wired, exit codes."""

from __future__ import annotations

import subprocess
import sys

import pytest

from workshop_lib import cli, servers


def run(*args: str, env_lang: str | None = None) -> subprocess.CompletedProcess:
    import os

    env = dict(os.environ)
    env.pop("WORKSHOP_LANG", None)
    if env_lang:
        env["WORKSHOP_LANG"] = env_lang
    return subprocess.run(
        [sys.executable, "-m", "workshop_lib", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
    )


def test_help_is_chinese_by_default_and_exits_zero():
    result = run("--help")
    assert result.returncode == 0
    assert "用法：" in result.stdout and "课前电脑检查" in result.stdout
    for verb in ("lab", "app", "init", "doctor"):
        assert f"    {verb}" in result.stdout


def test_help_in_english_by_flag_or_environment():
    assert "pre-workshop laptop check" in run("--lang", "en", "--help").stdout
    assert "usage:" in run("--help", env_lang="en").stdout


def test_doctor_exits_zero_on_a_ready_machine(tmp_path):
    result = run("doctor", str(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "✓" in result.stdout


def test_bad_arguments_give_a_message_in_the_language_and_exit_two(capsys):
    with pytest.raises(SystemExit) as info:
        cli.main(["lab", "--port", "abc"])
    assert info.value.code == 2
    assert "错误" in capsys.readouterr().err


def test_no_verb_prints_help(capsys):
    assert cli.main([]) == 0
    assert "workshop" in capsys.readouterr().out


def test_init_copies_the_course_and_reports(tmp_path, capsys):
    assert cli.main(["--lang", "en", "init", str(tmp_path / "ws")]) == 0
    out = capsys.readouterr().out
    assert "files copied" in out
    assert (tmp_path / "ws" / "notebooks" / "zh" / "00_welcome.ipynb").is_file()


def test_server_command_lines_listen_on_loopback_only(tmp_path):
    lab = servers.lab_command(tmp_path, port=18999, browser=False)
    assert "--ServerApp.ip=127.0.0.1" in lab and "--ServerApp.port=18999" in lab
    assert "--ServerApp.open_browser=False" in lab
    assert any("00_welcome.ipynb" in part for part in lab)
    app = servers.app_command(tmp_path, port=18998, browser=True)
    assert str(tmp_path) in app and "--Voila.ip=127.0.0.1" in app
    assert "--Voila.open_browser=True" in app


def test_lab_settings_follow_the_language_and_keep_a_users_news_choice(tmp_path):
    import json

    folder = servers.lab_settings(tmp_path, "zh")
    locale = folder / "@jupyterlab/translation-extension/plugin.jupyterlab-settings"
    news = folder / "@jupyterlab/apputils-extension/notification.jupyterlab-settings"
    assert json.loads(locale.read_text())["locale"] == "zh_CN"
    assert json.loads(news.read_text())["fetchNews"] == "false"
    news.write_text('{"fetchNews": "true"}')
    servers.lab_settings(tmp_path, "en")
    assert json.loads(locale.read_text())["locale"] == "en"
    assert json.loads(news.read_text())["fetchNews"] == "true"
    assert servers.environment(tmp_path)["JUPYTERLAB_SETTINGS_DIR"] == str(folder)
