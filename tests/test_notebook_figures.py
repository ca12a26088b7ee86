"""Every diagram cell of a course notebook shows its figure, not only the first one."""

import pytest
from nbformat.v4 import new_code_cell, new_notebook

nbclient = pytest.importorskip("nbclient")

DIAGRAM = "wl.diagrams.segment_matrix(wl.worked_example.segmentation());"


@pytest.mark.slow  # starts a kernel
def test_each_diagram_cell_after_setup_shows_a_figure(tmp_path, monkeypatch):
    monkeypatch.setenv("WORKSHOP_HOME", str(tmp_path))
    nb = new_notebook(
        cells=[
            new_code_cell('import workshop_lib as wl\n\nwl.notebook.setup("en");'),
            new_code_cell(DIAGRAM),
            new_code_cell(DIAGRAM),
            new_code_cell(DIAGRAM),
        ]
    )
    nbclient.NotebookClient(nb, timeout=120, kernel_name="python3").execute()
    shown = [
        any("image/png" in out.get("data", {}) for out in cell.outputs) for cell in nb.cells[1:]
    ]
    assert shown == [True, True, True]
