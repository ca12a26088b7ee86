"""Figures to PNG bytes, quickly enough to redraw a diagram on every keystroke.

Text is most of a diagram's drawing time, and :func:`png_bytes` saves on it twice over what
``Figure.savefig`` does:

- It draws on one Agg renderer per pixel size and resolution, kept between calls. Matplotlib
  remembers the size of each text it measures per renderer, and ``savefig`` draws every figure
  on a renderer of its own, so a live canvas (a new figure on every keystroke with nearly the
  same labels) would measure every label again.
- That renderer draws each line of text as one bitmap, made by FreeType in one call, as
  matplotlib did up to version 3.10; matplotlib 3.11 places and draws glyph by glyph in
  Python, twice as slow for the long Chinese labels of the course (the images are alike).
  It keeps the bitmaps of the lines it drew last, so an unchanged label is not drawn again.

The pixels are then written as PNG rows without PNG's row filters: a diagram is mostly flat
colour, which zlib packs well as it is, and Pillow's encoder, trying every filter on every row,
took about twice as long for a slightly larger file.

Examples
--------
>>> import io
>>> import matplotlib.pyplot as plt
>>> from PIL import Image
>>> fig = plt.figure(figsize=(2, 1))
>>> Image.open(io.BytesIO(png_bytes(fig, dpi=50))).size
(100, 50)
>>> plt.close(fig)
"""

from __future__ import annotations

import functools
import math
import struct
import zlib

import numpy as np
from matplotlib.backends.backend_agg import RendererAgg, get_hinting_flag
from matplotlib.figure import Figure

RENDERERS_KEPT = 4
"""How many renderers (pixel size × resolution) stay in memory, a few megabytes each."""

LINES_KEPT = 1024
"""How many line bitmaps a renderer keeps (a few kilobytes each): a page of labels."""


class _LineRenderer(RendererAgg):
    """An Agg renderer that draws a line of plain text as one FreeType bitmap, kept."""

    def __init__(self, width: int, height: int, dpi: float) -> None:
        super().__init__(width, height, dpi)
        self._lines: dict[tuple, tuple[np.ndarray, float, float, float]] = {}

    def draw_text(self, gc, x, y, s, prop, angle, ismath=False, mtext=None):
        if ismath:
            return super().draw_text(gc, x, y, s, prop, angle, ismath, mtext)
        key = (s, prop.copy(), get_hinting_flag(), gc.get_antialiased())
        line = self._lines.get(key)
        if line is None:
            if len(self._lines) >= LINES_KEPT:
                self._lines.clear()
            line = self._lines[key] = self._line_bitmap(*key)
        image, x_offset, y_offset, descent = line
        x = round(x + x_offset + descent * math.sin(math.radians(angle)))
        y = round(y + y_offset + descent * math.cos(math.radians(angle)))
        self._renderer.draw_text_image(image, x, y + 1, angle, gc)  # turned here
        return None

    def _line_bitmap(self, text, prop, flags, antialiased):
        """The line's unturned bitmap, its offset and its descent, in pixels."""
        font = self._prepare_font(prop)
        font.set_text(text, 0, flags=flags)
        font.draw_glyphs_to_bitmap(antialiased=antialiased)
        x_offset, y_offset = (offset / 64 for offset in font.get_bitmap_offset())
        return np.array(font.get_image()), x_offset, y_offset, font.get_descent() / 64


@functools.lru_cache(maxsize=RENDERERS_KEPT)
def _renderer(width: int, height: int, dpi: float) -> RendererAgg:
    return _LineRenderer(width, height, dpi)


def png_bytes(fig: Figure, *, dpi: float, compress_level: int = 3) -> bytes:
    """Draw ``fig`` at ``dpi`` and return it as PNG bytes (full colour, with transparency).

    Parameters
    ----------
    fig : matplotlib.figure.Figure
        Drawn as a whole on its own face colour, as ``savefig`` with ``bbox_inches=None``.
    dpi : float
        Pixels per inch of the image.
    compress_level : int, optional
        zlib level from 0 (none) to 9; 1–3 are several times quicker than 6 for a few
        percent more bytes.

    Returns
    -------
    bytes
    """
    original = fig.dpi
    fig.dpi = dpi
    try:
        width, height = (int(size) for size in fig.bbox.size)
        renderer = _renderer(width, height, fig.dpi)
        renderer.clear()
        fig.draw(renderer)
        return _png(np.asarray(renderer.buffer_rgba()), dpi, compress_level)
    finally:
        fig.dpi = original


def _png(rgba: np.ndarray, dpi: float, compress_level: int) -> bytes:
    """RGBA pixels (rows × columns × 4) as a PNG file, each row unfiltered."""
    height, width, _ = rgba.shape
    rows = np.zeros((height, 1 + width * 4), np.uint8)  # each row: filter 0 (none), pixels
    rows[:, 1:] = rgba.reshape(height, width * 4)
    per_metre = round(dpi / 0.0254)
    return b"".join(
        [
            b"\x89PNG\r\n\x1a\n",
            _chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)),
            _chunk(b"pHYs", struct.pack(">IIB", per_metre, per_metre, 1)),
            _chunk(b"IDAT", zlib.compress(rows, compress_level)),
            _chunk(b"IEND", b""),
        ]
    )


def _chunk(kind: bytes, data: bytes) -> bytes:
    """One PNG chunk: length, type, data and the CRC of type and data."""
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
