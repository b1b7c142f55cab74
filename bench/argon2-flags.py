#!/usr/bin/env python3
"""Argon2id login under JIT flags: what -XX:TieredStopAtLevel=1 (Lambda's default) costs a login function.

Each run is a fresh JVM with only accounts.zip (plus the tiny harness) on its class path, pinned to
one CPU as a 1769 MB Lambda function gets one vCPU, so the JIT's compiler threads compete with the
request as they do there. It constructs Kiosk's PasswordHasher and verifies one password COUNT
times in a row: request 1 is a cold start's, the rest an environment kept warm. Runs alternate the
variants, so drift on a busy machine hits all alike, and each variant's numbers are also given as
a ratio to "c1" measured in the same run.

Variants: c1 (C1 only, what Lambda's Java runtimes run by default), tiered (the JVM's default, C1
then C2), c2 (C2 only, interpreted until then).

Usage: bench/argon2-flags.py [--runs N] [--count N] [--no-build]
"""
import argparse
import importlib.util
import json
import os
import pathlib
import statistics
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("cold_start", ROOT / "bench/cold-start.py")
cold_start = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(cold_start)

ZIP = ROOT / "functions/accounts/target/accounts.zip"
COMMON = ["-Xshare:auto", "-XX:+UseSerialGC"]
VARIANTS = {
    "c1": ["-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1"],
    "tiered": ["-XX:+TieredCompilation", "-XX:TieredStopAtLevel=4"],
    "c2": ["-XX:-TieredCompilation"],
}
PASSWORD = "violet staple orbit canyon"


def jvm(java, flags, *args):
    cmd = ["taskset", "-c", "1", str(java / "bin/java"), *COMMON, *flags, "-cp",
           f"{cold_start.HARNESS}{os.pathsep}{ZIP}", "kiosk.bench.Argon2Flags", PASSWORD, *args]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall_ms = (time.perf_counter() - start) * 1000
    out, err = proc.stdout.read().decode(), proc.stderr.read().decode()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{out}\n{err}")
    return out.strip(), wall_ms, (usage.ru_utime + usage.ru_stime) * 1000


def run_once(java, variant, stored, count):
    out, wall_ms, cpu_ms = jvm(java, VARIANTS[variant], str(count), stored)
    times = json.loads(out.splitlines()[-1])["verifyMs"]
    return {
        "first_ms": times[0],
        "second_ms": times[1],
        "median_2_10_ms": statistics.median(times[1:10]),
        "median_warm_ms": statistics.median(times[len(times) // 2:]),
        "first_10_total_ms": sum(times[:10]),
        "all_total_ms": sum(times),
        "process_wall_ms": wall_ms,
        "process_cpu_ms": cpu_ms,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--count", type=int, default=50, help="verifies per JVM (requests an environment serves)")
    parser.add_argument("--no-build", action="store_true")
    args = parser.parse_args()
    if args.count < 20:
        raise SystemExit("at least 20 verifies, so the warm half is past the JIT's warm-up")
    java = cold_start.java_home()
    version = subprocess.run([str(java / "bin/java"), "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    if not args.no_build:
        cold_start.build(java)
    stored, _, _ = jvm(java, VARIANTS["c1"], "hash")
    runs = {variant: [] for variant in VARIANTS}
    for variant in VARIANTS:  # one warm-up each: page cache, CDS archive
        run_once(java, variant, stored, 20)
    for _ in range(args.runs):
        for variant in VARIANTS:
            runs[variant].append(run_once(java, variant, stored, args.count))

    report = {"java": version, "common_flags": COMMON + ["(taskset -c 1: one CPU)"], "runs": args.runs,
              "verifies_per_run": args.count, "variants": {}}
    for variant, samples in runs.items():
        report["variants"][variant] = {key: round(statistics.median(s[key] for s in samples), 1) for key in samples[0]}
        report["variants"][variant]["flags"] = VARIANTS[variant]
    reference = report["variants"]["c1"]
    for variant in VARIANTS:
        report["variants"][variant]["ratio_to_c1"] = {
            key: round(value / reference[key], 3) for key, value in report["variants"][variant].items()
            if isinstance(value, float) and reference[key]}

    print(f"Argon2id verify (m=19 MiB, t=2, p=1) in fresh JVMs on one CPU: {args.runs} runs of "
          f"{args.count} verifies each, medians ({version})")
    keys = ["first_ms", "second_ms", "median_2_10_ms", "median_warm_ms", "first_10_total_ms", "all_total_ms",
            "process_wall_ms", "process_cpu_ms"]
    print(f"{'':22}" + "".join(f"{v:>16}" for v in VARIANTS))
    for key in keys:
        print(f"{key:22}" + "".join(
            f"{report['variants'][v][key]:>9} ({report['variants'][v]['ratio_to_c1'][key]:.2f}x)" for v in VARIANTS))
    results = ROOT / "bench/results"
    results.mkdir(exist_ok=True)
    (results / "argon2-flags.json").write_text(json.dumps(report, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
