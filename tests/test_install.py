"""A plain ``pip install`` outside the repository carries the whole course."""

from __future__ import annotations

import subprocess
import sysconfig
import venv
from pathlib import Path

import pytest
from serving import serving, wait_for

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """A fresh virtual environment with the package installed from the repository.

    It sees the packages of the interpreter running the tests (through a ``.pth`` file, which
    works whether or not that interpreter is itself a venv), so the dependencies are not
    downloaded again; the package itself is built into a wheel and installed into the new
    environment, where it comes first on the path.
    """
    env_dir = tmp_path_factory.mktemp("venv")
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    site_dir = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    ours = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    Path(site_dir, "test-host-packages.pth").write_text("\n".join(sorted(ours)) + "\n")
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--no-build-isolation", str(REPO)],
        check=True,
        timeout=600,
    )
    return env_dir


def printed(installed: Path, code: str, cwd: Path) -> list[str]:
    """The words ``code`` prints when run by the installed environment's Python in ``cwd``."""
    return subprocess.run(
        [str(installed / "bin" / "python"), "-c", code],
        capture_output=True,
        text=True,
        cwd=cwd,
        check=True,
    ).stdout.split()


def test_installed_package_runs_from_its_own_copy(installed, tmp_path):
    where = printed(
        installed,
        "import workshop_lib, workshop_lib.workspace as w; "
        "print(workshop_lib.__file__); print(w.course_source())",
        tmp_path,
    )
    assert where[0].startswith(str(installed))
    assert where[1].startswith(str(installed)) and where[1].endswith("course")
    help_run = subprocess.run(
        [str(installed / "bin" / "workshop"), "--help"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert help_run.returncode == 0 and "lab" in help_run.stdout


def test_lab_copies_the_course_and_keeps_an_edited_notebook(installed, tmp_path):
    workshop = str(installed / "bin" / "workshop")
    root = tmp_path / "class"
    port = 18933
    command = [workshop, "lab", str(root), "--no-browser", "--port", str(port)]

    with serving(command, cwd=tmp_path) as process:
        wait_for(f"http://127.0.0.1:{port}/api", 60, process)
    notebook = root / "notebooks" / "zh" / "00_welcome.ipynb"
    assert notebook.is_file()
    assert (root / "notebooks" / "en" / "00_welcome.ipynb").is_file()
    edited = notebook.read_text(encoding="utf-8").replace("欢迎来到", "第三组:欢迎来到")
    notebook.write_text(edited, encoding="utf-8")

    with serving(command, cwd=tmp_path) as process:
        wait_for(f"http://127.0.0.1:{port}/api", 60, process)
    output = process.stdout.read()
    assert notebook.read_text(encoding="utf-8") == edited
    assert "00_welcome.ipynb" in output  # reported as kept


def test_voila_template_is_installed_where_voila_looks(installed):
    (found,) = printed(
        installed,
        "from voila.paths import collect_template_paths as c; "
        "print(c(['voila'], 'workshop', prune=True)[0])",
        installed,
    )
    assert found == str(installed / "share" / "jupyter" / "voila" / "templates" / "workshop")
    assert (Path(found) / "index.html.j2").is_file()
