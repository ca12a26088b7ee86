#!/usr/bin/env bash
# The Littlest JupyterHub for a class, on a fresh Ubuntu 22.04/24.04 server (run as root).
#   sudo bash deploy/tljh/setup.sh TRAINER REQUIREMENTS_URL
# TRAINER becomes the hub's admin; REQUIREMENTS_URL is the raw URL of deploy/tljh/requirements.txt.
set -euo pipefail
TRAINER="${1:?the trainer's user name}"
REQUIREMENTS_URL="${2:?raw URL of deploy/tljh/requirements.txt}"
HERE="$(cd "$(dirname "$0")" && pwd)"

export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# Chinese glyphs for figures; Chromium turns reports into PDF; git for nbgitpuller
apt-get install -y -qq python3 python3-dev git curl fonts-noto-cjk chromium >/dev/null

curl -fsSL https://tljh.jupyter.org/bootstrap.py \
  | python3 - --admin "$TRAINER" --user-requirements-txt-url "$REQUIREMENTS_URL"

# One folder for every group's plan, shared by the class: group-writable, new files keep
# the group (setgid) and stay writable for the others (default ACL).
groupadd -f jupyterhub-users
install -d -m 2775 -g jupyterhub-users /srv/workshop/groups
setfacl -d -m g::rwx /srv/workshop/groups 2>/dev/null || true

install -m 644 "$HERE/jupyterhub_config.d/workshop.py" /opt/tljh/config/jupyterhub_config.d/
# A real login: participants sign up, the trainer approves them at /hub/authorize.
tljh-config set auth.type nativeauthenticator.NativeAuthenticator
tljh-config set auth.NativeAuthenticator.open_signup false
tljh-config set limits.memory 1G
tljh-config reload
echo "Hub ready. Approve participants at http://$(hostname -I | cut -d' ' -f1)/hub/authorize"
