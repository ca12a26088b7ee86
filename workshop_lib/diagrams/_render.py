"""Figures to PNG bytes, drawn on a reused Agg renderer so repeated labels are measured once.

``Figure.savefig`` draws every figure on the renderer of its own canvas, and matplotlib keeps
the size of each text it measures per renderer. A live canvas draws a new figure on every
keystroke with nearly the same labels, so ``savefig`` measures every label again (shaping CJK
text is most of the drawing time). :func:`png_bytes` draws on one renderer per pixel size and
resolution instead, kept between calls, so an unchanged label is measured once per session.

Examples
--------
>>> import matplotlib.pyplot as plt
>>> fig = plt.figure(figsize=(2, 1))
>>> Image.open(io.BytesIO(png_bytes(fig, dpi=50))).size
(100, 50)
>>> plt.close(fig)
"""

from __future__ import annotations

import functools
import io

from matplotlib.backends.backend_agg import RendererAgg
from matplotlib.figure import Figure
from PIL import Image

RENDERERS_KEPT = 4
"""How many renderers (pixel size × resolution) stay in memory, a few megabytes each."""


@functools.lru_cache(maxsize=RENDERERS_KEPT)
def _renderer(width: int, height: int, dpi: float) -> RendererAgg:
    return RendererAgg(width, height, dpi)


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
        image = Image.frombuffer(
            "RGBA", (width, height), renderer.buffer_rgba(), "raw", "RGBA", 0, 1
        )
        buffer = io.BytesIO()
        image.save(buffer, format="png", compress_level=compress_level, dpi=(dpi, dpi))
    finally:
        fig.dpi = original
    return buffer.getvalue()
