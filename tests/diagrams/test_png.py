"""PNG output: the whole figure, at the asked resolution, on its own face colour, in full colour."""

from __future__ import annotations

import io

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
import pytest
from PIL import Image

from workshop_lib import style
from workshop_lib.diagrams import png_bytes


def pixels(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)))


@pytest.fixture
def labelled():
    """A figure with a face colour of its own and a label in one corner only."""
    with style.workshop_style():
        fig = plt.figure(figsize=(4, 2.5), facecolor="#fdf6e3")
        ax = fig.add_axes((0, 0, 1, 1))
        ax.set_axis_off()
        ax.text(0.05, 0.8, "市场范围：画出池子", fontsize=14, weight="bold")
        yield fig
    plt.close(fig)


def test_the_figure_keeps_its_size_and_resolution(labelled):
    dpi = labelled.dpi
    image = Image.open(io.BytesIO(png_bytes(labelled, dpi=60)))
    assert (image.size, image.mode) == ((240, 150), "RGBA")
    assert image.info["dpi"] == pytest.approx((60, 60), abs=0.01)
    assert labelled.dpi == dpi


def test_the_whole_figure_on_its_face_colour_though_the_style_saves_tight(labelled):
    """The style's ``savefig.bbox`` is "tight", which would crop to the label."""
    drawn = pixels(png_bytes(labelled, dpi=50))
    assert drawn.shape[:2] == (125, 200)
    assert tuple(drawn[-1, -1]) == (0xFD, 0xF6, 0xE3, 0xFF)  # the corner far from the label


def test_the_style_resolution_by_default_and_compression_keeps_the_pixels(labelled):
    with style.workshop_style():
        expected = round(4 * mpl.rcParams["savefig.dpi"])
    quick, small = png_bytes(labelled, compress_level=1), png_bytes(labelled, compress_level=9)
    assert pixels(quick).shape[1] == expected
    assert np.array_equal(pixels(quick), pixels(small))
    assert len(small) < len(quick)
