"""Every generated notebook, every edition and language, executes headless without a blemish."""

from __future__ import annotations

import os

import nbformat
import pytest
from nbclient import NotebookClient

from workshop_lib import workspace

ROOT = workspace.course_source()
NOTEBOOKS = sorted(
    path.relative_to(ROOT)
    for folder in ("notebooks", "exercises", "solutions")
    for path in (ROOT / folder).glob("*/*.ipynb")
)

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module", autouse=True)
def _workspace(tmp_path_factory):
    """Kernels save groups and choices in a scratch workspace, not in the repository."""
    folder = tmp_path_factory.mktemp("workspace")
    old = os.environ.get("WORKSHOP_HOME")
    os.environ["WORKSHOP_HOME"] = str(folder)
    yield
    if old is None:
        os.environ.pop("WORKSHOP_HOME", None)
    else:
        os.environ["WORKSHOP_HOME"] = old


def test_the_course_has_every_unit_in_every_edition():
    names = {p.name for p in NOTEBOOKS}
    assert "00_welcome.ipynb" in names
    for folder in ("notebooks", "exercises", "solutions"):
        for lang in ("zh", "en"):
            assert (ROOT / folder / lang).is_dir()
            assert {p.name for p in (ROOT / folder / lang).glob("*.ipynb")} == names


@pytest.mark.parametrize("relative", NOTEBOOKS, ids=str)
def test_notebook_runs_cleanly(relative):
    path = ROOT / relative
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(
        notebook,
        timeout=240,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
    )
    client.execute()
    problems = []
    for index, cell in enumerate(notebook.cells):
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                problems.append(f"cell {index}: {output['ename']}: {output['evalue']}")
            elif output.get("output_type") == "stream" and output.get("name") == "stderr":
                problems.append(f"cell {index} wrote to stderr: {output['text'][:300]}")
    assert problems == []
