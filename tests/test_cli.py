"""The ``workshop`` command: help in both languages, verbs wired, exit codes."""

from __future__ import annotations

import subprocess
import sys

import pytest

from workshop_lib import cli, groups, i18n, servers, workspace


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
    assert result.stdout.splitlines()[0].startswith(f"工作区：{tmp_path.resolve()}；")


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


@pytest.fixture
def outside(tmp_path, monkeypatch):
    """The current folder is outside any course; no workspace or groups folder is named."""
    for var in (workspace.HOME_ENV_VAR, groups.GROUPS_ENV_VAR, "WORKSHOP_DATA"):
        monkeypatch.delenv(var, raising=False)
    folder = tmp_path / "class"
    folder.mkdir()
    monkeypatch.chdir(folder)
    return folder


def first_line(capsys) -> str:
    return capsys.readouterr().out.splitlines()[0]


def test_every_class_command_first_says_which_workspace_and_groups_folder(outside, capsys):
    root = outside / workspace.DEFAULT_DIRNAME
    where = i18n.t("cli.where", "en", root=root, groups=root / "groups")
    client = outside / "acme"
    client.mkdir()
    commands = [
        ["data", "use", str(client)],
        ["data", "check"],
        ["init"],
        ["doctor"],
        ["progress"],
        ["gallery"],
        ["export", "--out", str(outside / "class.xlsx")],
    ]
    for args in commands:
        cli.main(["--lang", "en", *args])
        assert first_line(capsys) == where, args
    # the same workspace named by the command, by WORKSHOP_HOME, or from inside it
    for args, env in (([str(root)], None), ([], str(root))):
        with pytest.MonkeyPatch.context() as patch:
            if env:
                patch.setenv(workspace.HOME_ENV_VAR, env)
            patch.chdir(root / "notebooks" / "zh" if env is None else outside)
            cli.main(["--lang", "en", "init", *args])
            assert first_line(capsys) == where, (args, env)


def test_the_line_names_a_shared_groups_folder(outside, capsys, monkeypatch):
    monkeypatch.setenv(groups.GROUPS_ENV_VAR, str(outside / "shared"))
    with i18n.language("zh"):
        cli.main(["doctor", str(outside)])
    line = first_line(capsys)
    assert line == f"工作区：{outside}；小组文件夹：{outside / 'shared'}（由 WORKSHOP_GROUPS 指定）"


def test_doctor_leaves_no_empty_workspace_behind(outside, capsys):
    assert cli.main(["doctor"]) in (0, 1)
    assert list(outside.iterdir()) == []


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
