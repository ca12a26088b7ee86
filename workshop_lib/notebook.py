"""What the first cell of every course notebook does: language, look and quiet output."""

from __future__ import annotations

from . import i18n, style


def setup(lang: str | None = None) -> str:
    """Prepare a course notebook: set its language and the workbook's figure style.

    Parameters
    ----------
    lang : {"zh", "en"}, optional
        The notebook's edition language: the English notebooks show English widgets and
        diagrams whatever the server's language. Without it, the active language
        (``WORKSHOP_LANG``, set by ``workshop lab --lang``) is kept.

    Returns
    -------
    str
        The language in use.
    """
    import matplotlib
    import matplotlib.pyplot as plt
    import pandas as pd

    # Start pyplot's backend now, outside any style context: in a kernel this is when the
    # inline backend turns interactive mode on, and a diagram's rc_context would otherwise
    # undo that on exit, so that only the notebook's first figure would ever be shown.
    plt.switch_backend(matplotlib.get_backend())
    language = i18n.set_language(lang) if lang else i18n.get_language()
    style.use()
    pd.set_option("display.max_columns", 20)
    pd.set_option("display.width", 120)
    return language
