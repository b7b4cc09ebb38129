#!/usr/bin/env bash
# Installs everything and opens the course in JupyterLab (the README's first command).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/install.sh
args=(--ip=127.0.0.1 --ServerApp.root_dir="$PWD"
      --LabApp.default_url=/lab/tree/release/00-welcome/00-welcome.ipynb)
[ "$(id -u)" = 0 ] && args+=(--allow-root)
echo "打开课程 / Opening the course: stop with Ctrl+C"
exec jupyter lab "${args[@]}" "$@"
