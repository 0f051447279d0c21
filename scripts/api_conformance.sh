#!/usr/bin/env bash
# Checks that `adops serve` answers as its OpenAPI document says: starts the server on a free 127.0.0.1 port with a
# throwaway database, secret key and API key, runs schemathesis with every check against the document the server
# serves (/api/v1/openapi.yaml), stops the server, and exits non-zero on any 5xx or conformance failure.
#
# Needs a built binary (swift build) and schemathesis 4 (Tests/sdk/requirements.txt installs it into .venv).
# Bounded to about three minutes; set API_CONFORMANCE_MAX_EXAMPLES, API_CONFORMANCE_SEED or API_CONFORMANCE_TIMEOUT
# to explore more, another way, or for longer. Traffic goes to the loopback address only, and the server runs without
# a worker, so no platform is ever called.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

binary=${ADOPS_BIN:-$root/.build/debug/adops}
schemathesis=${SCHEMATHESIS:-$root/.venv/bin/schemathesis}
max_examples=${API_CONFORMANCE_MAX_EXAMPLES:-100}
seed=${API_CONFORMANCE_SEED:-1}
time_limit=${API_CONFORMANCE_TIMEOUT:-240}

if [ ! -x "$binary" ]; then
    echo "api_conformance: $binary is missing or not executable; run 'swift build' first (or set ADOPS_BIN)" >&2
    exit 2
fi
if [ ! -x "$schemathesis" ]; then
    echo "api_conformance: $schemathesis is missing; run '.venv/bin/pip install -r Tests/sdk/requirements.txt'" \
        "(or set SCHEMATHESIS)" >&2
    exit 2
fi

work=$(mktemp -d)
server_pid=""
stop_server() {
    if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
        kill -TERM "$server_pid"
        wait "$server_pid" || true
    fi
    server_pid=""
}
trap 'stop_server; rm -rf "$work"' EXIT

api_key=$(python3 -c 'import secrets; print(secrets.token_hex(24))')
meta_app_secret=$(python3 -c 'import secrets; print(secrets.token_hex(16))')
meta_verify_token=$(python3 -c 'import secrets; print(secrets.token_hex(8))')
secret_key=$(python3 -c 'import base64, secrets; print(base64.b64encode(secrets.token_bytes(32)).decode())')

# A clean environment and an empty working folder: no .env and no ADOPS_* variable of the caller reaches the server.
(cd "$work" && exec env -i PATH="$PATH" HOME="$work" ADOPS_DB="$work/api.sqlite" ADOPS_SECRET_KEY="$secret_key" \
    ADOPS_API_KEYS="$api_key" ADOPS_META_APP_SECRET="$meta_app_secret" \
    ADOPS_META_WEBHOOK_VERIFY_TOKEN="$meta_verify_token" "$binary" serve --host 127.0.0.1 --port 0 --no-worker \
    >"$work/serve.out" 2>"$work/serve.err") &
server_pid=$!

base_url=""
for _ in $(seq 1 300); do
    line=$(head -n 1 "$work/serve.out" 2>/dev/null || true)
    if [[ "$line" == "adops serve listening on http://127.0.0.1:"* ]]; then
        base_url=${line#adops serve listening on }
        break
    fi
    if ! kill -0 "$server_pid" 2>/dev/null; then break; fi
    sleep 0.1
done
if [ -z "$base_url" ]; then
    echo "api_conformance: adops serve did not start; its standard error:" >&2
    cat "$work/serve.err" >&2
    exit 1
fi
echo "api_conformance: adops serve at $base_url; schemathesis $("$schemathesis" --version | awk '{print $NF}')," \
    "all checks, $max_examples examples per operation, seed $seed"

# From the scratch folder, so schemathesis' crash cache (.schemathesis/) starts empty and stays out of the tree.
status=0
(cd "$work" && timeout "$time_limit" "$schemathesis" --config-file "$root/scripts/schemathesis.toml" run \
    "$base_url/api/v1/openapi.yaml" \
    --header "Authorization: Bearer $api_key" \
    --checks all \
    --max-examples "$max_examples" \
    --seed "$seed" \
    --generation-database none \
    --no-color) || status=$?

stop_server
if [ "$status" -eq 124 ]; then
    echo "api_conformance: schemathesis did not finish within ${time_limit}s" >&2
elif [ "$status" -ne 0 ]; then
    echo "api_conformance: schemathesis found failures (exit $status); the server's log follows" >&2
    tail -n 50 "$work/serve.err" >&2
fi
exit "$status"
