"""Runs the seed's Python DeZero and the C# benchmarks of the same cases one after the other, and prints the ratios.

    /usr/bin/python3 benchmarks/python/compare.py                 # short mode: --job short --inProcess
    /usr/bin/python3 benchmarks/python/compare.py -- --inProcess  # any BenchmarkDotNet arguments after --

The Python side is seed_dezero.py, run by the interpreter given with --python (default /usr/bin/python3, Debian's,
which has numpy after `apt-get install python3-numpy`). Where that interpreter has no numpy, the comparison is
skipped with a message and the script exits with status 0. The C# side is BenchmarkDotNet's cases 2 and 3
(ScalarGraphBenchmarks, ArrayGraphBenchmarks), read back from its JSON report; its medians are compared with
Python's medians. This script itself needs nothing beyond the standard library.
"""

import argparse
import glob
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPOSITORY = os.path.dirname(os.path.dirname(HERE))
PROJECT = os.path.join(REPOSITORY, "benchmarks", "DeZero.Benchmarks")

# (label, BenchmarkDotNet type, method, N parameter or None, Python case)
ROWS = [
    ("scalar: three built-in nodes", "ScalarGraphBenchmarks", "PerOperationBuiltIns", None, "scalar"),
    ("scalar: one fused generated node", "ScalarGraphBenchmarks", "FusedGenerated", None, "scalar"),
    ("1,000: per-operation graph of built-ins", "ArrayGraphBenchmarks", "PerOperationBuiltIns", 1000, "1000"),
    ("1,000: fused node", "ArrayGraphBenchmarks", "FusedGenerated", 1000, "1000"),
    ("1,000,000: per-operation graph of built-ins", "ArrayGraphBenchmarks", "PerOperationBuiltIns", 1000000, "1000000"),
    ("1,000,000: fused node", "ArrayGraphBenchmarks", "FusedGenerated", 1000000, "1000000"),
]


def run_python(interpreter):
    """Python's median seconds per call by case name, or None (after saying why) when it cannot run."""
    script = os.path.join(HERE, "seed_dezero.py")
    try:
        completed = subprocess.run([interpreter, script], capture_output=True, text=True, check=False)
    except OSError as error:
        print("skipped: cannot run %s (%s)" % (interpreter, error))
        return None
    sys.stdout.write(completed.stdout)
    if completed.returncode != 0:
        sys.stdout.write(completed.stderr)
        raise SystemExit("seed_dezero.py failed with status %d" % completed.returncode)
    if any(line.startswith("skipped:") for line in completed.stdout.splitlines()):
        return None
    medians = {}
    for line in completed.stdout.splitlines():
        parts = line.split()
        if len(parts) == 4 and parts[0] == "case":
            medians[parts[1]] = float(parts[2])
    return medians


def run_benchmarks(arguments, artifacts):
    """BenchmarkDotNet's reports for cases 2 and 3, as (type, method, N) -> (median ns, bytes allocated)."""
    command = ["dotnet", "run", "-c", "Release", "--project", PROJECT, "--",
               "--filter", "*ScalarGraphBenchmarks*", "*ArrayGraphBenchmarks*",
               "--exporters", "json", "--artifacts", artifacts] + arguments
    print("$ " + " ".join(command))
    sys.stdout.flush()
    subprocess.run(command, check=True, cwd=REPOSITORY, stdout=subprocess.DEVNULL)
    results = {}
    for path in glob.glob(os.path.join(artifacts, "results", "*.json")):
        with open(path, encoding="utf-8") as report:
            for benchmark in json.load(report)["Benchmarks"]:
                n = benchmark.get("Parameters") or ""
                n = int(n.split("=")[1]) if n.startswith("N=") else None
                key = (benchmark["Type"], benchmark["Method"], n)
                memory = benchmark.get("Memory") or {}
                results[key] = (benchmark["Statistics"]["Median"], memory.get("BytesAllocatedPerOperation"))
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--python", default="/usr/bin/python3", help="an interpreter with numpy (default: /usr/bin/python3)")
    parser.add_argument("benchmark_arguments", nargs="*", help="BenchmarkDotNet arguments, after --")
    options = parser.parse_args()
    arguments = options.benchmark_arguments or ["--job", "short", "--inProcess"]

    python = run_python(options.python)
    if python is None:
        print("skipped: the comparison needs the seed's Python DeZero, which needs numpy")
        return

    with tempfile.TemporaryDirectory(prefix="dezero-compare-") as artifacts:
        ours = run_benchmarks(arguments, artifacts)

    print()
    print("| case | seed's Python (median) | ours (median) | faster than Python | allocated |")
    print("|---|---:|---:|---:|---:|")
    for label, type_name, method, n, case in ROWS:
        key = (type_name, method, n)
        if key not in ours or case not in python:
            print("| %s | missing | missing | | |" % label)
            continue
        nanoseconds, allocated = ours[key]
        seconds = python[case]
        print("| %s | %s | %s | %.1fx | %s |" % (
            label, show(seconds), show(nanoseconds * 1e-9), seconds / (nanoseconds * 1e-9),
            "%d B" % allocated if allocated is not None else "?"))

    floor = ours.get(("ArrayGraphBenchmarks", "AllocationFloor", 1000000))
    fused = ours.get(("ArrayGraphBenchmarks", "FusedGenerated", 1000000))
    if floor and fused:
        print()
        print("1,000,000: fused node / allocation floor = %.2f (%s against %s)" % (
            fused[0] / floor[0], show(fused[0] * 1e-9), show(floor[0] * 1e-9)))


def show(seconds):
    """A time with a unit a reader takes in at a glance."""
    if seconds >= 1e-3:
        return "%.1f ms" % (seconds * 1e3)
    if seconds >= 1e-6:
        return "%.2f µs" % (seconds * 1e6)
    return "%.0f ns" % (seconds * 1e9)


if __name__ == "__main__":
    main()
