"""Course settings for The Littlest JupyterHub: copy to /opt/tljh/config/jupyterhub_config.d/.

Every participant's server finds the course in ~/marketing-workshop (put there by the
nbgitpuller link) and the groups' plans in one folder the whole class shares. Participants
land in the code-free course (Voilà); JupyterLab stays at /lab.
"""

GROUPS = "/srv/workshop/groups"  # created by deploy/tljh/setup.sh, writable by every user


def course_folder(spawner) -> str:
    """The participant's copy of the course (TLJH's user ``name`` is the unix ``jupyter-name``)."""
    return f"/home/jupyter-{spawner.user.name}/marketing-workshop"


c = get_config()  # noqa: F821 (JupyterHub provides it when it loads this file)

c.Spawner.environment = {
    "WORKSHOP_HOME": course_folder,
    "WORKSHOP_GROUPS": GROUPS,
    "WORKSHOP_LANG": "zh",
}
c.Spawner.default_url = "/voila/render/marketing-workshop/notebooks/zh/00_welcome.ipynb"
# the course's Voilà page: Voilà's lab page without links to a CDN (installed with the package)
c.Spawner.args = ["--VoilaConfiguration.template=workshop"]
