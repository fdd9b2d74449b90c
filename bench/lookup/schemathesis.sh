#!/usr/bin/env bash
# Fuzzes the public lookup API with schemathesis (PyPI) against functions/lookup/openapi.yaml, on
# the local runtime's HTTP API over the local emulator. Passes when no answer is a server error and
# none breaks the documented schema, status codes, content types or headers.
#   bench/lookup/schemathesis.sh [max-examples-per-operation]
# schemathesis goes into its own virtual environment, .tools/lookup-venv, installed once (pinned).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
# shellcheck source=bin/lib/find-jdk.sh
source "$root/bin/lib/find-jdk.sh"
use_jdk bench/lookup/schemathesis.sh
examples="${1:-100}"
version=4.32.5
venv="$root/.tools/lookup-venv"

if ! "$venv/bin/schemathesis" --version 2>/dev/null | grep -q "$version"; then
  # --clear: a venv made elsewhere (another checkout, another Python) has scripts that point there.
  python3 -m venv --clear "$venv"
  "$venv/bin/python" -m pip install -q "schemathesis==$version"
fi

bench/lookup/run.sh classpath >/dev/null
cp="$(cat bench/lookup/target/run-classpath.txt)"

log="bench/lookup/target/lookup-server.log"
fifo="$(mktemp -u)"
mkfifo "$fifo"
# The server stops when this script closes the pipe (or after 20 minutes).
java -cp "$cp" -Dbreachnotice.log.level=warn -Dbreachnotice.log.target=SYSTEM_ERR com.breachnotice.bench.lookup.LookupServer 20 \
  <"$fifo" >"$log" 2>&1 &
server=$!
exec 3>"$fifo"
rm -f "$fifo"
cleanup() { exec 3>&- || true; wait "$server" 2>/dev/null || true; }
trap cleanup EXIT

url=""
for _ in $(seq 1 240); do
  url="$(sed -n 's/^listening \(http:[^ ]*\)$/\1/p' "$log" | head -1)"
  [[ -n "$url" ]] && break
  kill -0 "$server" 2>/dev/null || { cat "$log" >&2; exit 1; }
  sleep 0.5
done
[[ -n "$url" ]] || { echo "the lookup server did not start" >&2; exit 1; }
echo "schemathesis $version against $url (max $examples examples per operation)"

# schemathesis keeps a cache (.schemathesis/) in its working directory: keep it under target/.
mkdir -p bench/lookup/target/schemathesis
cd bench/lookup/target/schemathesis
"$venv/bin/schemathesis" run "$root/functions/lookup/openapi.yaml" \
  --url "$url" \
  --checks not_a_server_error,status_code_conformance,content_type_conformance,response_headers_conformance,response_schema_conformance \
  --max-examples "$examples" \
  --seed "${SEED:-42}" \
  --no-color
