#!/usr/bin/env python3
"""Local runtime benchmark (not a test): launch-to-ready time of `local/run`, and GET /products/{id}
through the gateway under 20 concurrent clients with autocannon.

usage: python3 bench/local-runtime.py [--starts N] [--seconds S] [--connections C] [--warmup S]
Needs a built tree (local/run builds one) and node/npm: autocannon is installed under
/tmp/kiosk-bench-tools on first use. Writes bench/results/local-runtime.json.
"""
import argparse, json, os, re, shutil, signal, statistics, subprocess, tempfile, threading, time, urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TOOLS = "/tmp/kiosk-bench-tools"


def launch(data, extra=()):
    started = time.monotonic()
    proc = subprocess.Popen([os.path.join(ROOT, "local", "run"), "--data", data, *extra], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True)
    for line in proc.stdout:
        if line.startswith("Kiosk ready at"):
            # Keep reading, or a full pipe would block the runtime's logging.
            threading.Thread(target=lambda: [None for _ in proc.stdout], daemon=True).start()
            return proc, (time.monotonic() - started) * 1000, re.search(r"http://\S+", line).group(0)
    raise SystemExit("the runtime exited before its ready line")


def stop(proc):
    os.killpg(proc.pid, signal.SIGTERM)
    proc.wait(timeout=30)


def autocannon():
    binary = os.path.join(TOOLS, "node_modules", ".bin", "autocannon")
    if not os.path.exists(binary):
        subprocess.run(["npm", "install", "--silent", "--prefix", TOOLS, "autocannon@8"], check=True)
    return binary


def main():
    args = argparse.ArgumentParser()
    args.add_argument("--starts", type=int, default=5)
    args.add_argument("--seconds", type=int, default=20)
    args.add_argument("--connections", type=int, default=20)
    args.add_argument("--warmup", type=int, default=30)
    opts = args.parse_args()
    subprocess.run([os.path.join(ROOT, "local", "run"), "--help"], cwd=ROOT, capture_output=True)  # builds if stale
    data = tempfile.mkdtemp(prefix="kiosk-bench-")
    try:
        proc, first, url = launch(data)
        stop(proc)
        restarts = []
        for _ in range(opts.starts):
            proc, ms, url = launch(data)
            restarts.append(ms)
            if _ < opts.starts - 1:
                stop(proc)
        with urllib.request.urlopen(url + "/products?limit=1") as r:
            product = json.load(r)["items"][0]["id"]
        target = f"{url}/products/{product}"
        tool = autocannon()

        def run(seconds):
            out = subprocess.run([tool, "-j", "-c", str(opts.connections), "-d", str(seconds), target],
                                 capture_output=True, text=True, check=True).stdout
            return json.loads(out)

        # Each function has its own class loader, so the JIT compiles its copy of the SDK afresh:
        # the first seconds are measured apart from the steady state after a warm-up.
        cold = run(10)
        run(opts.warmup)
        load = run(opts.seconds)
        stop(proc)
        result = {
            "first_start_with_seeding_ms": round(first),
            "restart_to_ready_ms": {"median": round(statistics.median(restarts)), "all": [round(x) for x in restarts]},
            "load": {"tool": "autocannon 8 (npm)", "connections": opts.connections, "seconds": opts.seconds,
                     "requests_per_second": load["requests"]["average"], "p50_ms": load["latency"]["p50"],
                     "p99_ms": load["latency"]["p99"], "max_ms": load["latency"]["max"],
                     "non_2xx": load.get("non2xx", 0), "errors": load["errors"], "timeouts": load["timeouts"]},
            "first_10s_after_ready": {"requests_per_second": cold["requests"]["average"], "p50_ms": cold["latency"]["p50"],
                                      "p99_ms": cold["latency"]["p99"]},
            "warmup_seconds": opts.warmup,
        }
        os.makedirs(os.path.join(ROOT, "bench", "results"), exist_ok=True)
        with open(os.path.join(ROOT, "bench", "results", "local-runtime.json"), "w") as f:
            json.dump(result, f, indent=2)
        print(json.dumps(result, indent=2))
    finally:
        shutil.rmtree(data, ignore_errors=True)


if __name__ == "__main__":
    main()
