"""PNG output: the quick renderer draws what ``savefig`` draws, and never a stale label."""

from __future__ import annotations

import io

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
import pytest
from PIL import Image

from workshop_lib import style
from workshop_lib.diagrams import _render, png_bytes

BLOCK = 5
"""Pixels averaged into one when two pictures are compared: glyph edges fall at slightly
different subpixels in the two renderers, a missing or moved label does not average away."""

LIKE = 60
"""Largest difference of an averaged block (0–255) between two pictures of the same labels."""


def blocks(png: bytes) -> np.ndarray:
    image = Image.open(io.BytesIO(png)).convert("L")
    size = (image.width // BLOCK, image.height // BLOCK)
    return np.asarray(image.resize(size, Image.Resampling.BOX), dtype=float)


def savefig_png(fig, dpi: float) -> bytes:
    """The whole figure as matplotlib's own ``savefig`` draws it."""
    buffer = io.BytesIO()
    with mpl.rc_context({"savefig.bbox": "standard"}):
        fig.savefig(buffer, format="png", dpi=dpi)
    return buffer.getvalue()


def difference(one: bytes, other: bytes) -> float:
    return float(np.abs(blocks(one) - blocks(other)).max())


@pytest.fixture
def labelled():
    """A figure with Chinese, English, bold, coloured, rotated and multi-line labels."""
    with style.workshop_style():
        fig = plt.figure(figsize=(4, 2.5))
        ax = fig.add_axes((0, 0, 1, 1))
        ax.set_axis_off()
        ax.text(0.05, 0.8, "市场范围：画出池子", fontsize=14, weight="bold")
        ax.text(0.05, 0.55, "Treated with an SGLT2\n90,000 (11.0%)", color="#c0392b")
        ax.text(0.9, 0.1, "采纳阶段 →", rotation=90)
        yield fig
    plt.close(fig)


def test_the_picture_matches_savefig(labelled):
    with style.workshop_style():
        ours = png_bytes(labelled, dpi=100)
        assert difference(ours, savefig_png(labelled, 100)) < LIKE
        # the comparison sees a label that is not there
        labelled.axes[0].texts[-1].set_visible(False)
        assert difference(ours, savefig_png(labelled, 100)) >= LIKE


def test_a_changed_label_is_drawn_anew(labelled):
    with style.workshop_style():
        before = png_bytes(labelled, dpi=100)
        labelled.axes[0].texts[0].set_text("客户细分")
        after = png_bytes(labelled, dpi=100)
        _render._renderer.cache_clear()  # nothing kept: every label drawn from scratch
        fresh = png_bytes(labelled, dpi=100)
    assert before != after
    assert after == fresh


def test_the_figure_keeps_its_resolution(labelled):
    dpi = labelled.dpi
    image = Image.open(io.BytesIO(png_bytes(labelled, dpi=60)))
    assert (image.size, image.mode) == ((240, 150), "RGBA")
    assert image.info["dpi"] == pytest.approx((60, 60), abs=0.01)
    assert labelled.dpi == dpi
