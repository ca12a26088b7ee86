"""Pure geometry for the diagrams: numbers in, numbers out, no drawing.

Each module computes where things go, in points or data units, and is tested with numbers;
the drawing modules in :mod:`workshop_lib.diagrams` are a thin layer over it.

- :mod:`.text`: measure, wrap and fit Chinese and English text into boxes.
- :mod:`.grid`: boxes, splits, tables and chevrons for cards and table-charts.
- :mod:`.ladder`: rungs, item slots and links of the brand benefit ladder.
- :mod:`.pool`: nested, area-proportional circles of the market pool.
- :mod:`.funnel`: bar widths and connectors of the purchase funnel.
"""
