"""Pure geometry for the diagrams: numbers in, numbers out, no drawing.

Each module computes where things go, in points or data units, and is tested with numbers;
the drawing modules in :mod:`workshop_lib.diagrams` are a thin layer over it.

- :mod:`.text`: measure, wrap and fit Chinese and English text into boxes.
"""
