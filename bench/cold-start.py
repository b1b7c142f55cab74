#!/usr/bin/env python3
"""Cold-start benchmark: Kiosk's GetProduct, its Lambda authorizer and its checkout against a bare SDK-only handler.

The bare handler does GetProduct's GetItem the leanest usual way. The authorizer reads its signing
key from Secrets Manager (current and previous versions, the emulator's endpoint in the benchmark's server
process) when it is constructed, then verifies one bearer token. Checkout places a real order: each run
a new shopper's one-line cart, through its transaction (the announcement comes later, from the
OrdersTable's stream, not from the checkout).

Each run is a fresh JVM with only the function's zip (plus the tiny harness) on its class path.
It loads the handler class, constructs it, and answers one GET /products/{id} event against
DynamoDB Local running in another process. Runs alternate Kiosk / bare so drift hits both alike.

Reports medians of: whole-process wall time and CPU time (user+sys, from wait4), the split
JVM start -> main -> handler constructed -> first response, classes loaded (counted in separate
runs with -Xlog:class+load so the counting never touches the timings), and the zip size.

Usage: bench/cold-start.py [--runs N] [--no-build]   (finds a JDK >= 21 itself, as local/run does)
"""
import argparse
import json
import os
import pathlib
import statistics
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
HARNESS = ROOT / "bench/cold-start/target/classes"
VARIANTS = {
    "kiosk": ("kiosk.catalog.product.GetProductHandler", ROOT / "functions/catalog/target/catalog.zip"),
    "bare": ("kiosk.bench.bare.BareGetProductHandler", ROOT / "bench/bare-handler/target/bare.zip"),
    "authorizer": ("kiosk.accounts.authorizer.AuthorizerHandler", ROOT / "functions/accounts/target/authorizer.zip"),
    "checkout": ("kiosk.orders.checkout.CheckoutHandler", ROOT / "functions/orders/target/orders.zip"),
}
# Wall time as a ratio to the bare reference measured in the same run, and package sizes in MiB.
BUDGET_WALL_RATIO = {"kiosk": 1.2, "authorizer": 1.0}
BUDGET_ZIP_MB = {"kiosk": 12, "authorizer": 6, "checkout": 12}
# Checkout does more than a read (a transaction over four tables and a queue send): its ratio to
# bare is reported, its budget is its package's size.
CHECKOUT_RUNS = iter(range(10_000))
# What Lambda's Java runtime does by default (C1 only, CDS on), and serial GC as on a 1-vCPU sandbox.
JVM_FLAGS = ["-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-XX:+UseSerialGC"]


def java_home():
    """The newest JDK >= 21, found as local/run and CI find it (.ci/jdk.sh), whatever the default java is."""
    found = subprocess.run(["bash", "-c", ". .ci/jdk.sh && pick_jdk"], cwd=ROOT, capture_output=True, text=True)
    if found.returncode != 0 or not found.stdout.strip():
        raise SystemExit("needs a JDK 21 or newer (looked at JAVA_HOME, beside the default java, /usr/lib/jvm, /opt)")
    return pathlib.Path(found.stdout.strip())


def build(java):
    env = dict(os.environ, JAVA_HOME=str(java))
    subprocess.run([str(ROOT / "mvnw"), "-q", "-B", "-ntp", "-Pbench", "install", "-DskipTests"], cwd=ROOT, env=env, check=True)


def server_classpath(java):
    out = ROOT / "bench/cold-start/target/server.classpath"
    env = dict(os.environ, JAVA_HOME=str(java))
    subprocess.run([str(ROOT / "mvnw"), "-q", "-B", "-ntp", "-Pbench", "-pl", "bench/cold-start", "dependency:build-classpath",
                    f"-Dmdep.outputFile={out}", "-Dmdep.includeScope=runtime"], cwd=ROOT, env=env, check=True)
    return f"{HARNESS}{os.pathsep}{out.read_text().strip()}"


def run_once(java, variant, server, extra_flags=()):
    handler, zip_path = VARIANTS[variant]
    argument = (server["token"] if variant == "authorizer"
                else f"bench-shopper-{next(CHECKOUT_RUNS)}" if variant == "checkout" else server["product_id"])
    env = {
        "PATH": os.environ.get("PATH", ""),
        "AWS_REGION": "eu-west-1",
        # The keys this start's services accept (they refuse any other).
        "AWS_ACCESS_KEY_ID": server["access_key"],
        "AWS_SECRET_ACCESS_KEY": server["secret_key"],
        "AWS_ENDPOINT_URL_DYNAMODB": server["dynamodb"],
        "AWS_ENDPOINT_URL_SECRETS_MANAGER": server["secrets"],
        "AWS_ENDPOINT_URL_SQS": server["sqs"],
        "PRODUCTS_TABLE": server["table"],
        "CARTS_TABLE": server["carts"],
        "ORDERS_TABLE": server["orders"],
        "IDEMPOTENCY_TABLE": server["idempotency"],
        "PROMOTIONS_TABLE": server["promotions"],
        "ORDERS_QUEUE_URL": server["orders_queue"],
        "SHIPPING_RATES": "EUR:495:5000",
        "SIGNING_SECRET_ID": server["secret_id"],
        "TOKEN_ISSUER": "urn:kiosk:bench",
        "TOKEN_AUDIENCE": "urn:kiosk:bench:api",
        "LOG_LEVEL": "WARN",
    }
    cmd = [str(java / "bin/java"), *JVM_FLAGS, *extra_flags, "-cp", f"{HARNESS}{os.pathsep}{zip_path}",
           "kiosk.bench.ColdStart", handler, argument]
    launched_us = time.time_ns() // 1000
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall_ms = (time.perf_counter() - start) * 1000
    out = proc.stdout.read().decode()
    err = proc.stderr.read().decode()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"{variant} run failed ({proc.returncode}):\n{out}\n{err}")
    line = json.loads([l for l in out.splitlines() if l.startswith("{\"main\"")][-1])
    if line["status"] != 200:  # the authorizer reports 200 for an allow
        raise SystemExit(f"{variant} answered {line['status']}, not 200")
    return {
        "wall_ms": wall_ms,
        "cpu_ms": (usage.ru_utime + usage.ru_stime) * 1000,
        "jvm_to_main_ms": (line["main"] - launched_us) / 1000,
        "main_to_constructed_ms": (line["constructed"] - line["main"]) / 1000,
        "constructed_to_response_ms": (line["responded"] - line["constructed"]) / 1000,
    }


def classes_loaded(java, variant, server):
    log = ROOT / f"bench/cold-start/target/classload-{variant}.log"
    run_once(java, variant, server, [f"-Xlog:class+load=info:file={log}"])
    return sum(1 for _ in log.open())


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--no-build", action="store_true")
    args = parser.parse_args()
    if args.runs < 10:
        raise SystemExit("at least 10 runs")
    java = java_home()
    version = subprocess.run([str(java / "bin/java"), "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    if not args.no_build:
        build(java)
    classpath = server_classpath(java)
    server = subprocess.Popen([str(java / "bin/java"), "--enable-native-access=ALL-UNNAMED",
                               "--sun-misc-unsafe-memory-access=allow", f"-Dkiosk.root={ROOT}", "-cp", classpath,
                               "kiosk.bench.DynamoDbServer"],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        ready = []
        for line in server.stdout:  # DynamoDB Local prints its banner first
            if line.startswith("READY "):
                ready = line.split()
                break
        if not ready:
            raise SystemExit("DynamoDB Local did not start")
        server_info = dict(zip(["dynamodb", "table", "product_id", "secrets", "secret_id", "token", "access_key", "secret_key",
                                "sqs", "carts", "orders", "idempotency", "promotions", "orders_queue"], ready[1:]))
        for variant in VARIANTS:  # one warm-up each: page cache, DynamoDB Local's own JIT
            run_once(java, variant, server_info)
        runs = {variant: [] for variant in VARIANTS}
        for _ in range(args.runs):
            for variant in VARIANTS:
                runs[variant].append(run_once(java, variant, server_info))
        classes = {variant: classes_loaded(java, variant, server_info) for variant in VARIANTS}
    finally:
        server.stdin.close()
        server.wait(timeout=30)

    report = {"java": version, "jvm_flags": JVM_FLAGS, "runs": args.runs, "variants": {}}
    for variant, samples in runs.items():
        medians = {key: round(statistics.median(s[key] for s in samples), 1) for key in samples[0]}
        medians["wall_ms_min"] = round(min(s["wall_ms"] for s in samples), 1)
        medians["wall_ms_max"] = round(max(s["wall_ms"] for s in samples), 1)
        medians["classes_loaded"] = classes[variant]
        medians["zip_bytes"] = VARIANTS[variant][1].stat().st_size
        report["variants"][variant] = medians
    bare = report["variants"]["bare"]
    for variant in ("kiosk", "authorizer", "checkout"):
        report[f"ratio_wall_{variant}"] = round(report["variants"][variant]["wall_ms"] / bare["wall_ms"], 3)
        report[f"ratio_cpu_{variant}"] = round(report["variants"][variant]["cpu_ms"] / bare["cpu_ms"], 3)
    report["budget"] = {"wall_ratio_max": BUDGET_WALL_RATIO, "zip_mb_max": BUDGET_ZIP_MB}
    for variant in ("kiosk", "authorizer", "checkout"):
        if variant in BUDGET_WALL_RATIO:
            report["budget"][f"{variant}_wall_ok"] = report[f"ratio_wall_{variant}"] <= BUDGET_WALL_RATIO[variant]
        report["budget"][f"{variant}_zip_ok"] = (report["variants"][variant]["zip_bytes"]
                                                 <= BUDGET_ZIP_MB[variant] * 1024 * 1024)

    print(f"Cold start, {args.runs} runs each, medians ({version}; {' '.join(JVM_FLAGS)})")
    rows = [("whole process wall ms", "wall_ms"), ("whole process CPU ms", "cpu_ms"),
            ("  JVM start -> main ms", "jvm_to_main_ms"), ("  main -> handler constructed ms", "main_to_constructed_ms"),
            ("  constructed -> first response ms", "constructed_to_response_ms"),
            ("wall min ms", "wall_ms_min"), ("wall max ms", "wall_ms_max"),
            ("classes loaded", "classes_loaded"), ("zip bytes", "zip_bytes")]
    print(f"{'':38}" + "".join(f"{v:>14}" for v in VARIANTS))
    for label, key in rows:
        print(f"{label:38}" + "".join(f"{report['variants'][v][key]:>14}" for v in VARIANTS))
    for variant in ("kiosk", "authorizer", "checkout"):
        budget = (f" (budget wall <= {BUDGET_WALL_RATIO[variant]}: "
                  f"{'met' if report['budget'][f'{variant}_wall_ok'] else 'MISSED'})" if variant in BUDGET_WALL_RATIO else "")
        print(f"ratio {variant}/bare: wall {report[f'ratio_wall_{variant}']}, CPU {report[f'ratio_cpu_{variant}']}{budget}")
        zip_bytes = report["variants"][variant]["zip_bytes"]
        print(f"{variant} zip {zip_bytes / 1024 / 1024:.2f} MiB (budget {BUDGET_ZIP_MB[variant]} MiB: "
              f"{'met' if report['budget'][f'{variant}_zip_ok'] else 'MISSED'})")
    results = ROOT / "bench/results"
    results.mkdir(exist_ok=True)
    (results / "cold-start.json").write_text(json.dumps(report, indent=2) + "\n")
    return 0 if all(v for k, v in report["budget"].items() if k.endswith("_ok")) else 1


if __name__ == "__main__":
    sys.exit(main())
