"""``workshop diagrams --out DIR``: the gallery of all ten diagrams, and the committed copy."""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt
import pytest
from PIL import Image

from workshop_lib import diagram_gallery as gallery
from workshop_lib import diagrams
from workshop_lib.cli import main
from workshop_lib.diagrams._frame import MIN_FONTSIZE

DOCS = Path(__file__).resolve().parents[2] / "docs" / "gallery"
LIMIT = 400 * 1024


def test_the_verb_draws_every_diagram_in_english(tmp_path, capsys):
    assert main(["diagrams", "--out", str(tmp_path / "en"), "--lang", "en"]) == 0
    written = sorted(p.stem for p in (tmp_path / "en").glob("*.png"))
    assert written == sorted((*gallery.NAMES, *gallery.EXTRA))
    for path in (tmp_path / "en").glob("*.png"):
        assert path.stat().st_size < LIMIT
        assert Image.open(path).size[0] >= 1200
    out = capsys.readouterr().out
    assert f"{len(written)} diagrams in" in out


def test_the_global_language_option_is_honoured(tmp_path, capsys):
    assert main(["--lang", "en", "diagrams", "--out", str(tmp_path)]) == 0
    assert "diagrams in" in capsys.readouterr().out


def test_out_is_required(capsys):
    with pytest.raises(SystemExit) as stop:
        main(["diagrams"])
    assert stop.value.code == 2
    assert "--out" in capsys.readouterr().err


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_gallery_text_is_smaller_than_the_frame_allows(lang):
    for stem, (name, payload, kws) in gallery.inputs(lang).items():
        ax = getattr(diagrams, name)(payload, lang=lang, **kws)
        sizes = [text.get_fontsize() for text in ax.texts if text.get_text().strip()]
        assert min(sizes) >= MIN_FONTSIZE, stem
        plt.close(ax.figure)


def test_gallery_inputs_follow_the_scenario():
    drawn = gallery.inputs("zh")
    assert list(drawn)[: len(gallery.NAMES)] == list(gallery.NAMES)
    name, _, kws = drawn["purchase_funnel"]
    assert name == "purchase_funnel" and len(kws["leverage"]) == 3
    assert "population" not in kws["leverage"] and "diabetic" not in kws["leverage"]


@pytest.mark.parametrize("stem", [*gallery.NAMES, *gallery.EXTRA])
def test_the_zh_gallery_is_committed_and_small(stem):
    path = DOCS / f"{stem}.png"
    assert path.exists(), "run: workshop diagrams --out docs/gallery --lang zh"
    assert path.stat().st_size < LIMIT
