"""Self-contained HTML pages from the package's templates, printed to PDF by a headless Chromium.

Templates live in ``workshop_lib/templates/`` and are rendered with autoescaping on: any value a
template shows is escaped unless it is explicitly marked safe (only HTML built by this package,
itself escaped, such as :func:`workshop_lib.summary.framework_html`). Images are embedded as
``data:`` URIs, so a page loads nothing from anywhere.

Examples
--------
>>> environment().from_string("<p>{{ text }}</p>").render(text="<script>")
'<p>&lt;script&gt;</p>'
"""

from __future__ import annotations

import base64
import os
import shutil
import subprocess
import tempfile
from functools import cache
from pathlib import Path

import jinja2

from .files import write_atomic
from .i18n import t

CHROMIUM_QUIET = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)
"""Chromium without a GPU, network calls of its own or profile sync (also for browser tests)."""

CHROMIUM_FLAGS = (
    "--headless",
    *CHROMIUM_QUIET,
    "--no-pdf-header-footer",
    "--run-all-compositor-stages-before-draw",
)
"""How Chromium is started to print a page: no window, and quiet as above."""

PDF_TIMEOUT = 120
"""Seconds a PDF may take before Chromium is given up on."""

CHROMIUM_ENV_VAR = "WORKSHOP_CHROMIUM"
"""Names the browser that prints PDFs, when it is not found on its own."""

_BROWSER_NAMES = (
    "chromium",
    "chromium-browser",
    "google-chrome",
    "google-chrome-stable",
    "chrome",
    "msedge",
    "microsoft-edge",
)
_BROWSER_PATHS = (
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    "/Applications/Chromium.app/Contents/MacOS/Chromium",
    "/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
    r"C:\Program Files\Google\Chrome\Application\chrome.exe",
    r"C:\Program Files (x86)\Microsoft\Edge\Application\msedge.exe",
    r"C:\Program Files\Microsoft\Edge\Application\msedge.exe",
)


def find_chromium() -> Path | None:
    """Return a Chromium-family browser for PDF export, or None.

    ``WORKSHOP_CHROMIUM`` names one explicitly; otherwise the usual command names on the PATH
    and install locations on Windows and macOS are tried.
    """
    explicit = os.environ.get(CHROMIUM_ENV_VAR, "").strip()
    candidates = [explicit] if explicit else []
    candidates += [p for p in (shutil.which(n) for n in _BROWSER_NAMES) if p]
    candidates += list(_BROWSER_PATHS)
    for candidate in candidates:
        path = Path(candidate)
        if path.is_file() and os.access(path, os.X_OK):
            return path
    return None


@cache
def environment() -> jinja2.Environment:
    """The template environment: package templates, autoescape on, undefined names are errors."""
    return jinja2.Environment(
        loader=jinja2.PackageLoader("workshop_lib", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render(template: str, **context: object) -> str:
    """Render the package template ``template`` with ``context`` (values are escaped)."""
    return environment().get_template(template).render(**context)


def data_uri(data: bytes, mime: str) -> str:
    """``data`` as a ``data:`` URI to embed in a page (e.g. an SVG or PNG picture)."""
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"


def inside(folder: str | Path, name: str) -> Path:
    """The path of ``name`` in ``folder``, refusing any name that would leave the folder.

    Raises
    ------
    ValueError
        If ``name`` is absolute or climbs out of ``folder`` (``../x``).

    >>> inside("out", "a/b.html").as_posix()
    'out/a/b.html'
    >>> inside("out", "../../x.html")
    Traceback (most recent call last):
    ...
    ValueError: ...
    """
    folder = Path(folder)
    target = folder / name
    root = folder.resolve()
    resolved = target.resolve()
    if Path(name).is_absolute() or (resolved != root and root not in resolved.parents):
        raise ValueError(t("trainer.outside", name=name, folder=folder))
    return target


def write_text(path: Path, text: str) -> Path:
    """Write ``text`` as UTF-8 to ``path`` atomically; return ``path``."""
    write_atomic(path, text.encode("utf-8"))
    return path


class NoChromium(RuntimeError):
    """No Chromium-family browser is installed, so no PDF can be printed."""


def print_pdf(html: str, target: Path) -> Path:
    """Print the page ``html`` to the PDF file ``target`` with the system's headless Chromium.

    Raises
    ------
    NoChromium
        If no browser is found (:func:`find_chromium`).
    RuntimeError
        If Chromium fails or takes longer than :data:`PDF_TIMEOUT`; the message says which.
    """
    browser = find_chromium()
    if browser is None:
        raise NoChromium(t("trainer.no_chromium"))
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="workshop-pdf-") as tmp:
        page = Path(tmp) / "page.html"
        page.write_text(html, encoding="utf-8")
        printed = Path(tmp) / "page.pdf"
        command = [
            str(browser),
            *CHROMIUM_FLAGS,
            f"--user-data-dir={Path(tmp) / 'profile'}",
            f"--print-to-pdf={printed}",
            page.as_uri(),
        ]
        try:
            done = subprocess.run(command, capture_output=True, timeout=PDF_TIMEOUT, check=False)
        except subprocess.TimeoutExpired:
            raise RuntimeError(t("trainer.pdf_timeout", seconds=PDF_TIMEOUT)) from None
        if not printed.is_file() or printed.stat().st_size == 0:
            detail = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["?"]
            raise RuntimeError(t("trainer.pdf_failed", code=done.returncode, detail=detail[0]))
        write_atomic(target, printed.read_bytes())
    return target
