#!/usr/bin/env bash
# Creates the local tool chain of the project, idempotently:
#   .tools/venv   python venv with moto (server), boto3/botocore, cfn-lint and the SAM CLI (requirements.txt)
#   .tools/node   aws-ses-v2-local, installed with `npm ci` from package-lock.json
# Paths are relative to the repository root (.tools/ is git-ignored). A stamp holding the sha256 of
# the pinned inputs makes later runs return at once while nothing changed.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
cd "$root"

tools=".tools"
venv="$tools/venv"
node_dir="$tools/node"
stamp="$tools/bootstrap.sha256"
emulator_dir="infra/local/emulator"

wanted="$(cat "$emulator_dir/requirements.txt" "$emulator_dir/package-lock.json" "$emulator_dir/bootstrap.sh" | sha256sum | cut -d' ' -f1)"
# A venv whose Python is gone (a Python installed outside the project, since removed) or whose
# scripts point at another checkout is broken even when every file is in place: it is rebuilt.
runs() {
  local interpreter
  interpreter="$(head -n 1 "$1" 2> /dev/null | sed -n 's/^#!//p')"
  [[ -n "$interpreter" && -x "$interpreter" ]] && "$interpreter" -c '' > /dev/null 2>&1
}
venv_works() {
  "$venv/bin/python" -c '' > /dev/null 2>&1 && runs "$venv/bin/moto_server"
}
if [[ -f "$stamp" && "$(cat "$stamp")" == "$wanted" && -f "$node_dir/node_modules/aws-ses-v2-local/dist/cli.js" ]] \
    && venv_works; then
  exit 0
fi

mkdir -p "$tools/logs"
log="$tools/logs/bootstrap.log"
: > "$log"

fail() {
  echo "bootstrap: $1 failed, see $log" >&2
  tail -n 20 "$log" >&2
  exit 1
}

python="${PYTHON:-python3}"
command -v "$python" > /dev/null || { echo "bootstrap: $python not found (need Python 3.9+)" >&2; exit 1; }
command -v npm > /dev/null || { echo "bootstrap: npm not found (need Node.js 18+)" >&2; exit 1; }

echo "bootstrap: python venv in $venv"
if [[ ! -x "$venv/bin/python" ]] || ! "$venv/bin/python" -c '' > /dev/null 2>&1 \
    || { [[ -f "$venv/bin/moto_server" ]] && ! runs "$venv/bin/moto_server"; }; then
  "$python" -m venv --clear "$venv" >> "$log" 2>&1 || fail "python3 -m venv"
fi

echo "bootstrap: pip install -r $emulator_dir/requirements.txt"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade pip >> "$log" 2>&1 || fail "pip upgrade"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$emulator_dir/requirements.txt" >> "$log" 2>&1 \
  || fail "pip install"

echo "bootstrap: npm ci in $node_dir"
mkdir -p "$node_dir"
cp "$emulator_dir/package.json" "$emulator_dir/package-lock.json" "$node_dir/"
npm ci --prefix "$node_dir" --no-audit --no-fund --loglevel=error >> "$log" 2>&1 || fail "npm ci"

echo "$wanted" > "$stamp"
echo "bootstrap: done"
