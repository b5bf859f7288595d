#!/usr/bin/env bash
# Times every eval on GradBench's default workloads (the smallest of each; --more adds larger ones) and prints, per
# eval and workload, the derivative's time over the primal's as GradBench scores it: median evaluate timing of the
# derivative message over that of the primal message on the same input.
#
#   tools/DeZero.GradBench/bench.sh                         DeZero only
#   tools/DeZero.GradBench/bench.sh /path/to/manual/bin     also GradBench's C++ binaries built by hand, on the same
#                                                           inputs: their ratio, and our primal over theirs
#   tools/DeZero.GradBench/bench.sh [DIR] --more --min-seconds 2 --eval gmm
set -euo pipefail
cd "$(dirname "$0")/../.."
args=(bench)
if [[ $# -ge 1 && "$1" != --* ]]; then
  args+=(--reference "$(cd "$1" && pwd)")
  shift
fi
dotnet build -c Release tools/DeZero.GradBench -v quiet -nologo >&2
exec dotnet run -c Release --no-build --project tools/DeZero.GradBench -- "${args[@]}" "$@"
