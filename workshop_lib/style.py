"""The workbook's look: palette, sizes and a font that draws Chinese.

Matplotlib draws empty boxes for 汉字 unless a CJK font is named explicitly, and its font cache
may predate the fonts installed on a laptop. This module finds a CJK font on disk (Windows,
macOS, Linux, or the optional ``mplfonts`` package), registers it with matplotlib and puts it
first in the sans-serif list, with a Latin fallback behind it.

Use it as a context manager or a decorator around drawing code, or :func:`use` it globally
(in a notebook, after any ``seaborn.set_theme()`` call, which resets the font list)::

    with workshop_style():
        fig, ax = plt.subplots()
        ax.set_title("市场范围")
        fig.savefig("pool.png")

A trainer can point at a font file or family with the ``WORKSHOP_CJK_FONT`` environment
variable.
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import matplotlib as mpl
from matplotlib import font_manager

from .i18n import t

FONT_ENV_VAR = "WORKSHOP_CJK_FONT"

CJK_FAMILIES = (
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "Microsoft YaHei",
    "PingFang SC",
    "Hiragino Sans GB",
    "Heiti SC",
    "STHeiti",
    "SimHei",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "Noto Sans CJK JP",
    "Noto Sans CJK TC",
    "Droid Sans Fallback",
)
"""CJK families in order of preference: simplified-Chinese sans-serif faces first."""

_FONT_FILE_NAMES = (
    "NotoSansCJK-Regular.ttc",
    "NotoSansCJK-Bold.ttc",
    "NotoSansCJKsc-Regular.otf",
    "NotoSansCJKsc-Bold.otf",
    "NotoSansSC-Regular.otf",
    "NotoSansSC-Bold.otf",
    "NotoSansSC-Regular.ttf",
    "SourceHanSansSC-Regular.otf",
    "SourceHanSansSC-Bold.otf",
    "msyh.ttc",
    "msyhbd.ttc",
    "simhei.ttf",
    "SimHei.ttf",
    "PingFang.ttc",
    "Hiragino Sans GB.ttc",
    "STHeiti Light.ttc",
    "STHeiti Medium.ttc",
    "wqy-microhei.ttc",
    "wqy-zenhei.ttc",
    "DroidSansFallbackFull.ttf",
)
"""File names of the families above, as the operating systems and packages install them."""


def _font_dirs() -> list[Path]:
    """Folders where the operating system (or a Python package) keeps font files."""
    home = Path.home()
    if sys.platform.startswith("win"):
        windir = Path(os.environ.get("WINDIR", r"C:\Windows"))
        local = Path(os.environ.get("LOCALAPPDATA", home / "AppData" / "Local"))
        dirs = [windir / "Fonts", local / "Microsoft" / "Windows" / "Fonts"]
    elif sys.platform == "darwin":
        dirs = [
            Path("/System/Library/Fonts"),
            Path("/System/Library/Fonts/Supplemental"),
            Path("/Library/Fonts"),
            home / "Library" / "Fonts",
            Path("/System/Library/AssetsV2"),
        ]
    else:
        dirs = [
            Path("/usr/share/fonts"),
            Path("/usr/local/share/fonts"),
            home / ".local" / "share" / "fonts",
            home / ".fonts",
        ]
    spec = importlib.util.find_spec("mplfonts")
    if spec and spec.submodule_search_locations:
        dirs += [Path(p) / "fonts" for p in spec.submodule_search_locations]
    return [d for d in dirs if d.is_dir()]


def _font_files() -> list[Path]:
    """Every known CJK font file present on this machine."""
    wanted = {name.lower() for name in _FONT_FILE_NAMES}
    found = []
    for folder in _font_dirs():
        for dirpath, _dirnames, filenames in os.walk(folder):
            found += [Path(dirpath) / f for f in filenames if f.lower() in wanted]
    return found


def _known_families() -> set[str]:
    return {entry.name for entry in font_manager.fontManager.ttflist}


def _register(path: Path) -> None:
    """Add one font file to matplotlib's font list; unreadable files are skipped."""
    with contextlib.suppress(OSError, RuntimeError, ValueError):
        font_manager.fontManager.addfont(str(path))


class FontNotFoundError(RuntimeError):
    """No font that draws Chinese was found; the message says how to install one."""


@cache
def cjk_font() -> str:
    """Return the CJK font family in use, registering it with matplotlib on first call.

    Looks at ``WORKSHOP_CJK_FONT`` (a font file or a family name) first, then the families
    matplotlib already knows, then the known font files on disk.

    Returns
    -------
    str
        A family name usable in ``font.sans-serif``, e.g. ``"Noto Sans CJK SC"``.

    Raises
    ------
    FontNotFoundError
        If no CJK font is available; the message names the install command for this system.
    """
    override = os.environ.get(FONT_ENV_VAR, "").strip()
    if override:
        if Path(override).is_file():
            before = len(font_manager.fontManager.ttflist)
            _register(Path(override))
            added = font_manager.fontManager.ttflist[before:]
            if added:
                return added[0].name
        elif override in _known_families():
            return override
    for attempt in range(2):
        known = _known_families()
        for family in CJK_FAMILIES:
            if family in known:
                return family
        if attempt == 0:
            for path in _font_files():
                _register(path)
    raise FontNotFoundError(t("core.font_missing", hint=_install_hint(), var=FONT_ENV_VAR))


def _install_hint() -> str:
    if sys.platform.startswith("win"):
        return t("core.font_hint_windows")
    if sys.platform == "darwin":
        return t("core.font_hint_macos")
    return t("core.font_hint_linux")


@dataclass(frozen=True)
class Palette:
    """The workbook's named colours; ``series`` is the order used for categories."""

    ink: str = "#1f2a37"
    muted: str = "#6b7280"
    grid: str = "#e5e7eb"
    paper: str = "#ffffff"
    primary: str = "#0b5cab"
    accent: str = "#e07a1f"
    good: str = "#2e8b57"
    warning: str = "#e0a800"
    bad: str = "#c0392b"
    series: tuple[str, ...] = (
        "#0b5cab",
        "#e07a1f",
        "#2e8b57",
        "#8e44ad",
        "#c0392b",
        "#16a2b8",
        "#7f8c8d",
        "#b8860b",
    )

    def color(self, i: int) -> str:
        """Return the ``i``-th series colour, cycling past the end."""
        return self.series[i % len(self.series)]


PALETTE = Palette()
"""The default palette."""

SIZES = {"base": 10.5, "title": 13.0, "label": 10.5, "tick": 9.5, "small": 8.5}
"""Font sizes in points."""


@cache
def _sans_serif() -> tuple[str, ...]:
    """The CJK family first, then matplotlib's default sans-serif families present here."""
    family = cjk_font()
    known = _known_families()
    return (
        family,
        *(f for f in mpl.rcParamsDefault["font.sans-serif"] if f != family and f in known),
    )


def rc_params() -> dict[str, object]:
    """Return the matplotlib settings of the workbook's style (resolving the CJK font)."""
    sans = _sans_serif()
    return {
        # A concrete family, not the generic "sans-serif": text drawn after the style is left
        # (a notebook shows figures after the cell ends) keeps the CJK font. The CJK fonts
        # also carry Latin letters, digits and the symbols the diagrams use, and one family
        # lays text out about a fifth faster than a fallback chain.
        "font.family": [sans[0]],
        "font.sans-serif": list(sans),
        "axes.unicode_minus": False,
        "font.size": SIZES["base"],
        "axes.titlesize": SIZES["title"],
        "axes.titleweight": "bold",
        "axes.labelsize": SIZES["label"],
        "xtick.labelsize": SIZES["tick"],
        "ytick.labelsize": SIZES["tick"],
        "legend.fontsize": SIZES["small"],
        "axes.prop_cycle": mpl.cycler(color=list(PALETTE.series)),
        "axes.edgecolor": PALETTE.muted,
        "axes.labelcolor": PALETTE.ink,
        "axes.titlecolor": PALETTE.ink,
        "text.color": PALETTE.ink,
        "xtick.color": PALETTE.muted,
        "ytick.color": PALETTE.muted,
        "axes.grid": False,
        "grid.color": PALETTE.grid,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "figure.facecolor": PALETTE.paper,
        "axes.facecolor": PALETTE.paper,
        "savefig.facecolor": PALETTE.paper,
        "figure.dpi": 100,
        "savefig.dpi": 150,
        "savefig.bbox": "tight",
        # unhinted outlines: drawn as measured (the layout measures unhinted advances), and
        # each glyph loads faster
        "text.hinting": "no_hinting",
    }


class workshop_style(contextlib.ContextDecorator):
    """Apply the workbook's style inside a ``with`` block or a decorated function.

    Works after ``seaborn.set_theme()``: the style is applied on top of whatever the caller set
    and everything is restored on exit.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> with workshop_style():
    ...     fig, ax = plt.subplots()
    ...     _ = ax.set_title("市场范围 −5%")
    >>> plt.close(fig)
    """

    def __enter__(self) -> workshop_style:
        self._context = mpl.rc_context(rc_params())
        self._context.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        self._context.__exit__(*exc)


def use() -> str:
    """Apply the workbook's style for the rest of the session; return the CJK family used.

    Call it after ``seaborn.set_theme()`` if a notebook uses both.
    """
    mpl.rcParams.update(rc_params())
    return cjk_font()
