"""The hub and Binder files parse and agree with the package (no hub is started here)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
import yaml

from workshop_lib import groups, servers, workspace

ROOT = Path(__file__).resolve().parents[1]
DEPLOY = ROOT / "deploy"
VALUES = yaml.safe_load((DEPLOY / "z2jh" / "values.yaml").read_text(encoding="utf-8"))
DUMMY = re.compile(r"dummy", re.I)


def _requirement_name(line: str) -> str:
    return re.split(r"[\s<>=!~;@\[]", line, maxsplit=1)[0].lower().replace("_", "-")


def test_z2jh_uses_a_real_authenticator():
    config = VALUES["hub"]["config"]
    authenticator = config["JupyterHub"]["authenticator_class"]
    assert not DUMMY.search(authenticator)
    assert "DummyAuthenticator" not in config
    assert config["NativeAuthenticator"]["open_signup"] is False


def test_z2jh_servers_pull_the_course_and_share_the_groups_folder():
    single = VALUES["singleuser"]
    command = single["lifecycleHooks"]["postStart"]["exec"]["command"]
    assert command[0] == "gitpuller" and len(command) == 4
    target = command[3]
    env = single["extraEnv"]
    assert env[workspace.HOME_ENV_VAR] == f"/home/jovyan/{target}"
    mounts = {m["name"]: m["mountPath"] for m in single["storage"]["extraVolumeMounts"]}
    volumes = {v["name"]: v for v in single["storage"]["extraVolumes"]}
    (name,) = [n for n, path in mounts.items() if path == env[groups.GROUPS_ENV_VAR]]
    claim = volumes[name]["persistentVolumeClaim"]["claimName"]
    pvc = yaml.safe_load((DEPLOY / "z2jh" / "groups-volume.yaml").read_text(encoding="utf-8"))
    assert pvc["metadata"]["name"] == claim
    assert pvc["spec"]["accessModes"] == ["ReadWriteMany"]
    assert single["defaultUrl"].startswith(f"/voila/render/{target}/notebooks/")


def test_z2jh_image_has_chinese_fonts_the_package_and_nbgitpuller():
    dockerfile = (DEPLOY / "z2jh" / "Dockerfile").read_text(encoding="utf-8")
    assert "fonts-noto-cjk" in dockerfile
    assert re.search(r"pip install .*/tmp/workshop-src.* nbgitpuller", dockerfile)


def test_tljh_files():
    config = (DEPLOY / "tljh" / "jupyterhub_config.d" / "workshop.py").read_text(encoding="utf-8")
    tree = ast.parse(config)  # valid Python
    assert any(isinstance(node, ast.FunctionDef) for node in tree.body)
    assert groups.GROUPS_ENV_VAR in config and workspace.HOME_ENV_VAR in config
    setup = (DEPLOY / "tljh" / "setup.sh").read_text(encoding="utf-8")
    assert "fonts-noto-cjk" in setup
    assert "nativeauthenticator.NativeAuthenticator" in setup and not DUMMY.search(setup)
    requirements = (DEPLOY / "tljh" / "requirements.txt").read_text(encoding="utf-8").splitlines()
    names = {_requirement_name(line) for line in requirements if line and line[0] != "#"}
    assert {"workshop-lib", "nbgitpuller"} <= names


def test_binder_pins_every_dependency_and_installs_cjk_fonts():
    tomllib = pytest.importorskip("tomllib")  # Python 3.11+
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    needed = {_requirement_name(d) for d in project["dependencies"]}
    lines = (ROOT / "binder" / "requirements.txt").read_text(encoding="utf-8").splitlines()
    pins = [line for line in lines if line and not line.startswith("#")]
    assert all(re.fullmatch(r"[A-Za-z0-9_.\-]+==[A-Za-z0-9_.\-]+", pin) for pin in pins), pins
    assert {_requirement_name(pin) for pin in pins} == needed
    apt = (ROOT / "binder" / "apt.txt").read_text(encoding="utf-8").split()
    assert "fonts-noto-cjk" in apt
    assert "pip install" in (ROOT / "binder" / "postBuild").read_text(encoding="utf-8")


def test_the_trainer_guide_links_what_exists():
    guide = (DEPLOY / "README.md").read_text(encoding="utf-8")
    for path in re.findall(r"`((?:deploy|binder)/[^`\s]+)`", guide):
        assert (ROOT / path).exists(), path
    assert "mybinder.org/badge_logo.svg" in guide


def test_hub_and_binder_servers_use_the_courses_voila_template():
    option = f"--VoilaConfiguration.template={servers.VOILA_TEMPLATE}"
    assert option in VALUES["hub"]["config"]["KubeSpawner"]["args"]
    config = (DEPLOY / "tljh" / "jupyterhub_config.d" / "workshop.py").read_text(encoding="utf-8")
    assert f"c.Spawner.args = [{option!r}]".replace("'", '"') in config
    post_build = (ROOT / "binder" / "postBuild").read_text(encoding="utf-8")
    assert f'"template": "{servers.VOILA_TEMPLATE}"' in post_build
    assert (servers.JUPYTER_DATA / "voila" / "templates" / servers.VOILA_TEMPLATE).is_dir()
