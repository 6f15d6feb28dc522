#!/usr/bin/env bash
# Builds the libFuzzer targets (one executable, bnc-fuzz) and runs one of them.
#   Fuzz/run.sh TARGET                        # 60 seconds
#   Fuzz/run.sh TARGET -max_total_time=600    # any libFuzzer options
#   Fuzz/run.sh TARGET minimize               # shrink Fuzz/corpus/TARGET to the inputs that add coverage
#   Fuzz/run.sh list                          # the targets
#   BNC_FUZZ_NO_BUILD=1 Fuzz/run.sh TARGET …  # without rebuilding (two targets from one build)
# Targets: script http json fields log profile curl state (docs/fuzzing.md). The corpus is
# Fuzz/corpus/TARGET (kept in the repository: scripts/test replays it through the normal build),
# findings go to Fuzz/artifacts/TARGET-crash-…; replay one with `.build/debug/bnc-fuzz TARGET FILE`.
# The build uses its own scratch path (.build/fuzz), so it never takes the normal build's lock.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d /opt/swift/usr/bin ] && export PATH="/opt/swift/usr/bin:$PATH"

# The longest input each target is given: past the parsers' small limits, short enough to run fast.
declare -A max_len=([script]=4096 [http]=4096 [json]=8192 [fields]=8192 [log]=16384 [profile]=2048 [curl]=4096 [state]=32768)
target="${1:-}"
if [ "$target" = list ] || [ -z "$target" ] || [ -z "${max_len[$target]:-}" ]; then
  echo "usage: Fuzz/run.sh TARGET [minimize | libFuzzer options]   targets: ${!max_len[*]}" >&2
  [ "$target" = list ] && exit 0 || exit 2
fi
shift

# Only the fuzzer sanitizer: swiftc keeps just the last of several -sanitize= flags, and with
# `--sanitize=fuzzer --sanitize=address` the Swift code loses its coverage instrumentation.
# BNC_FUZZ_NO_BUILD=1 runs the last build (several targets at once from one build).
if [ -z "${BNC_FUZZ_NO_BUILD:-}" ]; then
  swift build --scratch-path .build/fuzz --sanitize=fuzzer -Xswiftc -DFUZZING --product bnc-fuzz >&2
fi
fuzzer=.build/fuzz/debug/bnc-fuzz
corpus="Fuzz/corpus/$target"
mkdir -p "$corpus" Fuzz/artifacts
export BNC_FUZZ_TARGET="$target"
# Swift's own crash backtracer would catch the trap first and exit without libFuzzer saving the input.
export SWIFT_BACKTRACE=enable=no
options=(-artifact_prefix="Fuzz/artifacts/$target-" -max_len="${max_len[$target]}" -timeout=25 -print_final_stats=1)

if [ "${1:-}" = minimize ]; then
  # libFuzzer's merge keeps, of the old corpus, a small set with the same coverage: every edge
  # (-use_counters=0: hit counts are not kept apart, which keeps a corpus to a few hundred
  # files). Files named finding-* (the reproducers of findings) are kept whatever they add.
  fresh="$(mktemp -d)"
  "$fuzzer" "${options[@]}" -use_counters=0 -merge=1 "$fresh" "$corpus"
  find "$corpus" -maxdepth 1 -type f ! -name 'finding-*' -delete
  cp "$fresh"/* "$corpus"/
  rm -rf "$fresh"
  echo "$corpus: $(ls "$corpus" | wc -l) files, $(du -sh "$corpus" | cut -f1)" >&2
  exit 0
fi
if [ "$#" -eq 0 ]; then set -- -max_total_time=60; fi
exec "$fuzzer" "${options[@]}" "$@" "$corpus"
