#!/usr/bin/env bash
# Builds the libFuzzer target for the bnc language and runs it.
#   Fuzz/run.sh                          # 60 seconds
#   Fuzz/run.sh -max_total_time=3600     # any libFuzzer options
# The build uses its own scratch path (.build/fuzz), so it never disturbs the normal build.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d /opt/swift/usr/bin ] && export PATH="/opt/swift/usr/bin:$PATH"
# Only the fuzzer sanitizer: swiftc keeps just the last of several -sanitize= flags, and with
# `--sanitize=fuzzer --sanitize=address` the Swift code loses its coverage instrumentation.
swift build --scratch-path .build/fuzz --sanitize=fuzzer -Xswiftc -DFUZZING --product bnc-fuzz-script
mkdir -p Fuzz/corpus Fuzz/artifacts
cp -n examples/*.bnc Fuzz/corpus/ 2>/dev/null || true
if [ "$#" -eq 0 ]; then set -- -max_total_time=60; fi
exec .build/fuzz/debug/bnc-fuzz-script -artifact_prefix=Fuzz/artifacts/ -max_len=4096 "$@" Fuzz/corpus
