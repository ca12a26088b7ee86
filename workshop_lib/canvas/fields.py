"""Reading what participants type into text boxes: one list item per line.

Numbers typed into fields are read by :func:`workshop_lib.fmt.parse_number`.

Examples
--------
>>> split_lines("  控制血糖\\n\\n保护心肾 ")
['控制血糖', '保护心肾']
"""

from __future__ import annotations


def split_lines(text: str) -> list[str]:
    """One list item per line of a text box; blank lines and surrounding spaces dropped."""
    return [line.strip() for line in str(text).splitlines() if line.strip()]
