"""The catalog is complete in both languages, and the active language behaves as documented."""

from __future__ import annotations

import pytest

from workshop_lib import i18n


def test_every_key_has_every_language_with_the_same_placeholders():
    problems = []
    for key, texts in i18n.catalog().items():
        for lang in i18n.LANGUAGES:
            if not str(texts.get(lang, "")).strip():
                problems.append(f"{key}: no {lang} text")
        names = {lang: i18n.placeholders(texts.get(lang, "")) for lang in i18n.LANGUAGES}
        if len({frozenset(v) for v in names.values()}) > 1:
            problems.append(f"{key}: placeholders differ {names}")
        extra = set(texts) - set(i18n.LANGUAGES)
        if extra:
            problems.append(f"{key}: unknown languages {sorted(extra)}")
    assert problems == []


def test_default_is_chinese():
    assert i18n.get_language() == "zh"
    assert i18n.t("core.language_name") == "中文"


def test_environment_variable_chooses_the_language(monkeypatch):
    monkeypatch.setenv("WORKSHOP_LANG", "en_US")
    assert i18n.get_language() == "en"
    monkeypatch.setenv("WORKSHOP_LANG", "klingon")
    assert i18n.get_language() == "zh"


def test_set_language_overrides_the_environment(monkeypatch):
    monkeypatch.setenv("WORKSHOP_LANG", "en")
    assert i18n.set_language("zh-CN") == "zh"
    assert i18n.t("core.language_name") == "中文"
    assert i18n.set_language(None) == "en"


def test_language_context_restores_the_previous_choice():
    i18n.set_language("en")
    with i18n.language("zh") as lang:
        assert lang == "zh"
        assert i18n.get_language() == "zh"
    assert i18n.get_language() == "en"
    with i18n.language(None):
        assert i18n.get_language() == "en"


def test_unknown_language_is_refused_with_both_languages_in_the_message():
    with pytest.raises(ValueError, match="fr") as info:
        i18n.set_language("fr")
    assert "zh" in str(info.value) and "语言" in str(info.value)


def test_placeholders_are_filled_and_lang_can_be_given_per_call():
    text = i18n.t("cli.starting", what="JupyterLab", lang="en")
    assert text.startswith("Starting JupyterLab")
    assert "JupyterLab" in i18n.t("cli.starting", what="JupyterLab")


def test_unknown_key_is_a_key_error():
    with pytest.raises(KeyError):
        i18n.t("core.no_such_key")


def test_key_in_the_wrong_file_is_refused(tmp_path, monkeypatch):
    folder = tmp_path / "workshop_lib" / "messages"
    folder.mkdir(parents=True)
    (folder / "core.json").write_text('{"cli.x": {"zh": "甲", "en": "a"}}', encoding="utf-8")
    monkeypatch.setattr(i18n.resources, "files", lambda _package: tmp_path / "workshop_lib")
    i18n.catalog.cache_clear()
    try:
        with pytest.raises(ValueError, match=r"cli\.x"):
            i18n.catalog()
    finally:
        monkeypatch.undo()
        i18n.catalog.cache_clear()
