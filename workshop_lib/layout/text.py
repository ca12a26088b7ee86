"""Measure, wrap and fit text into boxes, for Chinese and English alike.

Widths come from the font the text is drawn with, which the caller passes in as a :class:`Font`
(the diagrams find theirs with :meth:`Font.find` from the style's font family): each
character's advance is read once from the font file and cached, so wrapping a paragraph costs
microseconds, not a renderer call per try. All lengths are in typographic points (1/72 inch),
independent of the figure's dpi.

Line breaking follows the habits of each script:

- Chinese may break between any two characters, except before closing punctuation
  (``，。、；：！？）》」`` ...) and after opening punctuation (``（《「“`` ...).
- English breaks at spaces and after hyphens; a word wider than the line is hyphenated.
- Explicit ``"\\n"`` always starts a new line.

Examples
--------
>>> font = Font.find("Noto Sans CJK SC")
>>> wrap("市场范围与购买流程", 50, fontsize=10, font=font)
['市场范围', '与购买流', '程']
>>> wrap("Draw the pool of patients", 80, fontsize=10, font=font)
['Draw the pool of', 'patients']
>>> fit("患者教育", 100, 20, fontsize=12, min_fontsize=8, font=font)
(['患者教育'], 12.0)
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from matplotlib import ft2font
from matplotlib.font_manager import FontProperties, findfont, get_font

from ..i18n import t

LINESPACING = 1.3
"""Line height as a multiple of the font's ascent plus descent; pass it to ``ax.text``."""

ELLIPSIS = "…"
"""Marks text cut short by :func:`fit`."""

HYPHEN = "-"

_ALLOWANCE = 1.03
"""Widths are the font's advances times this, covering pixel hinting at low dpi."""

_REFERENCE_SIZE = 100.0

OPENING = frozenset("([{（［｛〔【《〈「『“‘﹙﹛")
"""Punctuation that may not end a line: it belongs to the text after it."""

CLOSING = frozenset(
    ")]}）］｝〕】》〉」』”’﹚﹜"  # brackets and quotes
    ",.;:!?%，。、；：！？％…‥·・～〜ー々〃"  # stops, marks and iteration signs
)
"""Punctuation that may not start a line: it belongs to the text before it."""

_NO_BREAK_AFTER_HYPHEN = re.compile(r"\d")


@dataclass(frozen=True)
class Font:
    """The font file a text is drawn with; its metrics measure the text.

    Parameters
    ----------
    file : str
        The font file, as :func:`matplotlib.font_manager.findfont` returns it (for a font
        collection such as a ``.ttc``, a path that also names the face).

    Examples
    --------
    >>> regular, bold = Font.find("Noto Sans CJK SC"), Font.find("Noto Sans CJK SC", weight="bold")
    >>> text_width("Rx", fontsize=10, font=bold) > text_width("Rx", fontsize=10, font=regular)
    True
    """

    file: str

    @classmethod
    def find(cls, family: str | Sequence[str], *, weight: str = "normal") -> Font:
        """Return the font matplotlib draws ``family`` at ``weight`` with.

        Parameters
        ----------
        family : str or sequence of str
            As matplotlib's ``font.family`` setting (a family name, or names in order).
        weight : {"normal", "bold"}, optional
        """
        names = [family] if isinstance(family, str) else list(family)
        return cls(findfont(FontProperties(family=names, weight=weight)))


@cache
def _advance_em(char: str, font: Font) -> float:
    """Advance width of one character, as a fraction of the font size."""
    if unicodedata.combining(char) or char in "\u200b\u200c\u200d\ufeff":
        return 0.0
    face = get_font(font.file)
    face.set_size(_REFERENCE_SIZE, 72)  # the font object is shared with the renderer
    try:
        glyph = face.load_char(ord(char), flags=ft2font.LoadFlags.NO_HINTING)
    except RuntimeError:  # not in the font: matplotlib draws a box about 1 em wide
        return 1.0
    return glyph.linearHoriAdvance / 65536 / _REFERENCE_SIZE


@cache
def _em_height(font: Font) -> float:
    """Ascent plus descent of the font as a fraction of its size (what matplotlib lays out)."""
    face = get_font(font.file)
    for table, ascent, descent in (
        ("OS/2", "sTypoAscender", "sTypoDescender"),
        ("hhea", "ascent", "descent"),
    ):
        metrics = face.get_sfnt_table(table)
        if metrics:
            return (metrics[ascent] - metrics[descent]) / face.get_sfnt_table("head")["unitsPerEm"]
    return 1.2


def text_width(text: str, *, fontsize: float, font: Font) -> float:
    """Return the width in points of one line of ``text``.

    Parameters
    ----------
    text : str
        A single line (newlines are measured as nothing).
    fontsize : float
        In points.
    font : Font
        The font the text is drawn with.

    Returns
    -------
    float

    Examples
    --------
    >>> font = Font.find("Noto Sans CJK SC")
    >>> round(text_width("市场", fontsize=10, font=font), 1)
    20.6
    """
    em = sum(_advance_em(c, font) for c in text if c != "\n")
    return em * fontsize * _ALLOWANCE


def line_height(fontsize: float, *, font: Font, linespacing: float = LINESPACING):
    """Return the height in points of one line of text drawn with ``linespacing``.

    Examples
    --------
    >>> font = Font.find("Noto Sans CJK SC")
    >>> line_height(10, linespacing=1.0, font=font)
    10.0
    """
    return linespacing * _em_height(font) * fontsize


def block_height(
    n_lines: int, fontsize: float, *, font: Font, linespacing: float = LINESPACING
) -> float:
    """Return the height in points of ``n_lines`` lines, as matplotlib lays them out.

    Matplotlib gives every line of a text with a numeric ``linespacing`` the same height, so
    the block is ``n_lines`` line heights tall.
    """
    return n_lines * line_height(fontsize, font=font, linespacing=linespacing)


def _is_cjk(char: str) -> bool:
    """True for characters that may break on either side (ideographs, kana, hangul, CJK marks)."""
    if _is_punct(char):
        return False
    name = unicodedata.east_asian_width(char)
    return name in ("W", "F")


def _is_punct(char: str) -> bool:
    return char in OPENING or char in CLOSING


@lru_cache(maxsize=4096)
def _atoms(paragraph: str) -> tuple[str, ...]:
    """Split one paragraph into unbreakable pieces; a line may break between any two.

    Spaces are pieces of their own. Latin words (with their ASCII punctuation) are split after
    their hyphens. Full-width opening punctuation sticks to the piece after it, closing
    punctuation to the piece before it.
    """
    pieces: list[str] = []
    word = ""
    for char in paragraph:
        if char.isspace():
            if word:
                pieces.append(word)
                word = ""
            pieces.append(" ")
        elif _is_cjk(char) or (_is_punct(char) and not char.isascii()):
            if word:
                pieces.append(word)
                word = ""
            pieces.append(char)
        else:
            word += char
            if char == HYPHEN and len(word) > 1 and not _NO_BREAK_AFTER_HYPHEN.match(word[-2]):
                pieces.append(word)
                word = ""
    if word:
        pieces.append(word)
    glued: list[str] = []
    pending_open = ""
    for piece in pieces:
        if piece in OPENING:
            pending_open += piece
            continue
        if piece == " " and pending_open:  # an opening mark before a space stands alone
            glued.append(pending_open)
            pending_open = ""
        if piece[0] in CLOSING and glued and glued[-1] != " " and not pending_open:
            glued[-1] += piece
            continue
        glued.append(pending_open + piece)
        pending_open = ""
    if pending_open:
        glued.append(pending_open)
    return tuple(glued)


def _split_long(piece: str, max_width: float, fontsize: float, font: Font) -> list[str]:
    """Cut a piece wider than the line into parts that fit; Latin parts end with a hyphen."""

    def latin(char: str) -> bool:
        return char.isalnum() and not _is_cjk(char)

    parts: list[str] = []
    current = ""
    for char in piece:
        room = HYPHEN if latin(char) else ""  # a later break after ``char`` adds a hyphen
        if current and text_width(current + char + room, fontsize=fontsize, font=font) > (
            max_width
        ):
            parts.append(current + (HYPHEN if latin(current[-1]) and latin(char) else ""))
            current = char
        else:
            current += char
    if current:
        parts.append(current)
    return parts


@lru_cache(maxsize=4096)
def _wrap_paragraph(
    paragraph: str, max_width: float, fontsize: float, font: Font
) -> tuple[str, ...]:
    """The lines of one paragraph; remembered, as a live diagram wraps the same labels again."""
    lines: list[str] = []
    line = ""
    width = 0.0
    for piece in _atoms(paragraph):
        if piece == " " and not line:
            continue  # no leading space on a line
        piece_width = text_width(piece, fontsize=fontsize, font=font)
        if width + piece_width <= max_width or not line:
            if piece_width > max_width and piece != " ":
                *full, rest = _split_long(piece, max_width, fontsize, font)
                if line.strip():
                    lines.append(line.rstrip())
                lines.extend(part.rstrip() for part in full)
                line, width = rest, text_width(rest, fontsize=fontsize, font=font)
            else:
                line += piece
                width += piece_width
            continue
        if piece == " ":
            continue  # a break at a space swallows the space
        lines.append(line.rstrip())
        line, width = "", 0.0
        if piece_width > max_width:
            *full, rest = _split_long(piece, max_width, fontsize, font)
            lines.extend(part.rstrip() for part in full)
            line, width = rest, text_width(rest, fontsize=fontsize, font=font)
        else:
            line, width = piece, piece_width
    lines.append(line.rstrip())
    return tuple(lines)


def wrap(text: str, max_width_pt: float, *, fontsize: float, font: Font) -> list[str]:
    """Break ``text`` into lines no wider than ``max_width_pt``.

    Parameters
    ----------
    text : str
        Chinese, English or mixed; ``"\\n"`` forces a break.
    max_width_pt : float
        The widest a line may be, in points.
    fontsize : float
        In points.
    font : Font
        The font the text is drawn with.

    Returns
    -------
    list of str
        At least one line (``[""]`` for empty text). A line is wider than ``max_width_pt``
        only if a single character is.

    Raises
    ------
    ValueError
        If ``max_width_pt`` or ``fontsize`` is not a positive number.

    Examples
    --------
    >>> font = Font.find("Noto Sans CJK SC")
    >>> wrap("我们的目标（第一年）：提升处方。", 60, fontsize=10, font=font)
    ['我们的目标', '（第一', '年）：提升', '处方。']
    >>> wrap("Pharmacoeconomics", 40, fontsize=10, font=font)
    ['Pharm-', 'acoeco-', 'nomics']
    """
    _check_positive("max_width_pt", max_width_pt)
    _check_positive("fontsize", fontsize)
    lines: list[str] = []
    for paragraph in str(text).split("\n"):
        lines.extend(_wrap_paragraph(paragraph, max_width_pt, fontsize, font))
    return lines


def balance(text: str, max_width_pt: float, *, fontsize: float, font: Font) -> list[str]:
    """Wrap ``text`` into as few lines as :func:`wrap` does, but with lines of even length.

    Centred labels read better without a last line of one or two characters.

    Examples
    --------
    >>> font = Font.find("Noto Sans CJK SC")
    >>> wrap("每日一次口服，无需调整剂量", 115, fontsize=10, font=font)
    ['每日一次口服，无需调整', '剂量']
    >>> balance("每日一次口服，无需调整剂量", 115, fontsize=10, font=font)
    ['每日一次口服，', '无需调整剂量']
    """
    lines = wrap(text, max_width_pt, fontsize=fontsize, font=font)
    if len(lines) < 2:
        return lines
    low = _widest_word([text], font) * fontsize  # narrower would split a word
    high = float(max_width_pt)
    if low >= high:
        return lines
    for _ in range(12):
        middle = (low + high) / 2
        if len(wrap(text, middle, fontsize=fontsize, font=font)) <= len(lines):
            high = middle
        else:
            low = middle
    return wrap(text, high, fontsize=fontsize, font=font)


def _check_positive(name: str, value: float) -> None:
    if not (isinstance(value, int | float) and math.isfinite(value) and value > 0):
        raise ValueError(t("diagram_text.not_positive", name=name, value=repr(value)))


def _ellipsise(line: str, max_width: float, fontsize: float, font: Font) -> str:
    """Shorten ``line`` until it plus an ellipsis fits ``max_width``."""
    cut = line.rstrip()
    while cut and text_width(cut + ELLIPSIS, fontsize=fontsize, font=font) > max_width:
        cut = cut[:-1].rstrip()
    while cut and cut[-1] in OPENING:
        cut = cut[:-1]
    return cut.rstrip(" ,，、;；:：") + ELLIPSIS


def _widest_word(texts: list[str], font: Font) -> float:
    """Width at size 1 of the widest piece that a line may not break."""
    pieces = [p for text in texts for line in text.split("\n") for p in _atoms(line)]
    return max((text_width(p, fontsize=1.0, font=font) for p in pieces), default=0.0)


def _shrink(
    make_lines,
    width_pt,
    height_pt,
    fontsize,
    min_fontsize,
    font,
    linespacing,
    texts=(),
    indent_em=0.0,
) -> tuple[list[str], float]:
    """Step the font size down until ``make_lines(size)`` fits the box, then cut with "…".

    A size at which a word of ``texts`` would have to be split is skipped while a smaller
    allowed size keeps words whole.
    """
    for value, name in ((width_pt, "width_pt"), (height_pt, "height_pt")):
        _check_positive(name, value)
    _check_positive("fontsize", fontsize)
    _check_positive("min_fontsize", min_fontsize)
    if min_fontsize > fontsize:
        raise ValueError(
            t("diagram_text.min_above_size", min_fontsize=min_fontsize, fontsize=fontsize)
        )
    size = float(fontsize)
    widest = _widest_word(list(texts), font) + indent_em
    whole_from = width_pt / widest if widest else math.inf  # largest size keeping words whole
    if whole_from < min_fontsize:
        whole_from = math.inf  # words split at every allowed size: do not insist
    while True:
        lines = make_lines(size)
        height = block_height(len(lines), size, font=font, linespacing=linespacing)
        if height <= height_pt and size <= whole_from:
            return lines, size
        if size - 0.5 < min_fontsize:
            break
        size -= 0.5
    size = float(min_fontsize)
    per_line = line_height(size, font=font, linespacing=linespacing)
    keep = max(1, int(height_pt // per_line))
    lines = make_lines(size)
    if len(lines) > keep:
        lines = lines[:keep]
        lines[-1] = _ellipsise(lines[-1], width_pt, size, font)
    return lines, size


def fit(
    text: str,
    width_pt: float,
    height_pt: float,
    *,
    fontsize: float,
    min_fontsize: float,
    font: Font,
    linespacing: float = LINESPACING,
    balanced: bool = False,
) -> tuple[list[str], float]:
    """Fit ``text`` into a box: wrap it, shrink the font if needed, then cut it with "…".

    With ``balanced`` the lines are evened out as by :func:`balance` (for centred labels).

    The font size steps down by half a point from ``fontsize`` to ``min_fontsize`` until the
    wrapped lines fit ``height_pt`` with every word whole (a word is hyphenated only if it is
    wider than the box even at ``min_fontsize``). If they never do, the text keeps
    ``min_fontsize`` and as many lines as fit (at least one); the last kept line ends in an
    ellipsis.

    Parameters
    ----------
    text : str
    width_pt, height_pt : float
        The box, in points.
    fontsize : float
        The preferred size, in points.
    min_fontsize : float
        The smallest size allowed; at most ``fontsize``.
    font : Font
        The font the text is drawn with.
    linespacing : float, optional
        As passed to ``ax.text``; defaults to :data:`LINESPACING`.

    Returns
    -------
    lines : list of str
    fontsize : float

    Raises
    ------
    ValueError
        If a size is not positive or ``min_fontsize`` exceeds ``fontsize``.

    Examples
    --------
    >>> font = Font.find("Noto Sans CJK SC")
    >>> fit("a long sentence about treatment", 60, 30, fontsize=12, min_fontsize=7, font=font)
    (['a long sentence', 'about treatment'], 7.5)
    >>> fit("一二三四五六七八九十" * 2, 40, 12, fontsize=9, min_fontsize=9, font=font)
    (['一二三…'], 9.0)
    """
    wrapper = balance if balanced else wrap
    return _shrink(
        lambda size: wrapper(text, width_pt, fontsize=size, font=font),
        width_pt,
        height_pt,
        fontsize,
        min_fontsize,
        font,
        linespacing,
        texts=(text,),
    )


BULLET = "•"
_HANG = "\u3000 "
"""Indent of a bullet's second and later lines: as wide as the bullet and its space."""


def wrap_items(
    items: list[str],
    max_width_pt: float,
    *,
    fontsize: float,
    bullet: str = BULLET,
    font: Font,
    spaced: bool = False,
) -> list[str]:
    """Wrap a bulleted list: each item starts with ``bullet`` and hangs its later lines.

    With ``spaced``, an empty line separates the items.

    Examples
    --------
    >>> font = Font.find("Noto Sans CJK SC")
    >>> wrap_items(["控制血糖", "保护心肾"], 60, fontsize=10, font=font)
    ['• 控制血糖', '• 保护心肾']
    >>> wrap_items(["protect the kidney"], 70, fontsize=10, font=font)
    ['• protect the', '\\u3000 kidney']
    """
    prefix = f"{bullet} " if bullet else ""
    hang = _HANG if bullet else ""
    indent = text_width(prefix, fontsize=fontsize, font=font)
    width = max(max_width_pt - indent, fontsize)
    lines: list[str] = []
    for i, item in enumerate(items):
        wrapped = wrap(item, width, fontsize=fontsize, font=font)
        if spaced and i:
            lines.append("")
        lines.append(prefix + wrapped[0])
        lines.extend(hang + line for line in wrapped[1:])
    return lines


def fit_items(
    items: list[str],
    width_pt: float,
    height_pt: float,
    *,
    fontsize: float,
    min_fontsize: float,
    bullet: str = BULLET,
    font: Font,
    linespacing: float = LINESPACING,
    spaced: bool = False,
) -> tuple[list[str], float]:
    """Fit a bulleted list into a box, as :func:`fit` does for one text.

    A spaced list that does not fit drops its empty lines before it shrinks.

    Examples
    --------
    >>> font = Font.find("Noto Sans CJK SC")
    >>> items = ["控制血糖", "保护心肾", "减轻体重"]
    >>> fit_items(items, 80, 30, fontsize=10, min_fontsize=8, font=font)
    (['• 控制血糖', '• 保护心肾…'], 8.0)
    """
    if spaced:
        lines = wrap_items(
            items, width_pt, fontsize=fontsize, bullet=bullet, font=font, spaced=True
        )
        if block_height(len(lines), fontsize, font=font, linespacing=linespacing) <= height_pt:
            return lines, float(fontsize)
    return _shrink(
        lambda size: wrap_items(items, width_pt, fontsize=size, bullet=bullet, font=font),
        width_pt,
        height_pt,
        fontsize,
        min_fontsize,
        font,
        linespacing,
        texts=items,
        indent_em=text_width(f"{bullet} ", fontsize=1.0, font=font) if bullet else 0.0,
    )
