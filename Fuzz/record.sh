#!/usr/bin/env bash
# Captures real inputs for the fuzz corpora, then seeds them (Fuzz/seed.py):
# - raw HTTP answers of `bnc sim` (status line, headers, body, exactly as sent) to signed and
#   unsigned requests: cancels, queries, open-order lists, errors;
# - session logs written by `bnc` running scripts against the embedded simulator.
# Needs the normal debug build (`swift build`). Usage: Fuzz/record.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bnc="${BNC_BIN:-$PWD/.build/debug/bnc}"
out="$(mktemp -d)"
sim_log="$out/sim.out"
"$bnc" sim --port 0 >"$sim_log" 2>&1 &
sim=$!
trap 'kill "$sim" 2>/dev/null || true; wait "$sim" 2>/dev/null || true; rm -rf "$out"' EXIT
for _ in $(seq 50); do grep -q "listening on" "$sim_log" && break; sleep 0.1; done
port="$(sed -n 's/.*listening on http:\/\/127.0.0.1:\([0-9]*\).*/\1/p' "$sim_log" | head -1)"
[ -n "$port" ] || { echo "record.sh: bnc sim did not start" >&2; cat "$sim_log" >&2; exit 1; }

python3 - "$port" "$out" <<'PY'
import hashlib, hmac, socket, sys, time
port, out = int(sys.argv[1]), sys.argv[2]
key = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A"
secret = b"NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j"
def signed(query):
    query += "&timestamp=%d" % int(time.time() * 1000)
    return query + "&signature=" + hmac.new(secret, query.encode(), hashlib.sha256).hexdigest()
requests = [
    ("GET", "/api/v3/time", ""),
    ("GET", "/api/v3/ping", ""),
    ("GET", "/sapi/v1/margin/openOrders", signed("symbol=LTCBTC")),
    ("GET", "/sapi/v1/margin/order", signed("symbol=LTCBTC&orderId=28")),
    ("DELETE", "/sapi/v1/margin/order", signed("symbol=LTCBTC&orderId=28")),
    ("DELETE", "/sapi/v1/margin/order", signed("symbol=LTCBTC&orderId=28")),
    ("DELETE", "/sapi/v1/margin/order", signed("symbol=LTCBTC&orderId=29&isIsolated=TRUE")),
    ("DELETE", "/sapi/v1/margin/openOrders", signed("symbol=LTCBTC")),
    ("GET", "/sapi/v1/margin/allOrders", signed("symbol=LTCBTC&limit=3")),
    ("DELETE", "/sapi/v1/margin/order", "symbol=LTCBTC&orderId=28&timestamp=1&signature=00"),
    ("DELETE", "/sapi/v1/margin/order", "symbol=LTCBTC"),
    ("GET", "/nowhere", ""),
]
for index, (method, path, query) in enumerate(requests):
    target = path + ("?" + query if query else "")
    head = "%s %s HTTP/1.1\r\nHost: 127.0.0.1\r\nX-MBX-APIKEY: %s\r\nConnection: close\r\n\r\n" % (method, target, key)
    with socket.create_connection(("127.0.0.1", port), timeout=5) as connection:
        connection.sendall(head.encode())
        answer = b""
        while True:
            data = connection.recv(65536)
            if not data:
                break
            answer += data
    with open("%s/answer-%02d.http" % (out, index), "wb") as f:
        f.write(answer)
PY

scripts=(
  'cancel LTCBTC id=28'
  'let r = cancel LTCBTC id=28
print $r.status $r.executedQty
try { cancel LTCBTC id=28 } on error e { print $e.code $e.msg }'
  'for id in 28..31 { try { cancel LTCBTC id=$id isolated } on error e { print $e } }'
  'parallel 2 for id in 28..33 { try { let o = order LTCBTC id=$id; print $o.status } on error e { print $e.code } }'
  'let l = open LTCBTC
print $l.count
for o in orders(LTCBTC) { print $o.orderId $o.status }
cancel-all LTCBTC
let t = time'
)
for index in "${!scripts[@]}"; do
  "$bnc" --endpoint sim --log "$out/session-$index.jsonl" -c "${scripts[$index]}" >/dev/null 2>&1 || true
done
"$bnc" --dry-run --log "$out/session-dry.jsonl" -c 'cancel LTCBTC id=28 newcid="a\"b\u001b"' >/dev/null 2>&1 || true
python3 Fuzz/seed.py "$out"
ls "$out"
