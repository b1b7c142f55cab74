#!/usr/bin/env python3
"""Local runtime benchmark (not a test): the first seconds of `local/run` against its steady state.

- restart to ready: launch of `local/run` on kept data to its ready line, alternating with the
  reference, the same launcher with `--services-only` (DynamoDB Local, ElasticMQ and the secrets
  alone) to its ready line; budget: restart <= 2x the reference;
- the first request of every function: on a fresh restart, every HTTP route once (its event file
  from events/ sent through the gateway, as the seeded admin or a new shopper), each request's
  time; budget: every one under 250 ms;
- GET /products/{id} under 20 concurrent clients with autocannon: the first 10 s after the ready
  line of another restart, then 20 s after a 30 s warm-up; budget: first-10-s p99 <= 3x steady p99.

usage: python3 bench/local-runtime.py [--starts N] [--seconds S] [--connections C] [--warmup S]
Needs a built tree (local/run builds one) and node/npm: autocannon is installed under
/tmp/kiosk-bench-tools on first use. Writes bench/results/local-runtime.json.
"""
import argparse, glob, json, os, re, shutil, signal, statistics, subprocess, sys, tempfile, threading, time
import urllib.parse, urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from checkout import ROOT, Client, admin_token_of, free_port  # noqa: E402

TOOLS = "/tmp/kiosk-bench-tools"


def launch(data, extra=(), ready="Kiosk ready at", log=None):
    """Starts local/run and returns at its ready line: (process, ms, url)."""
    started = time.monotonic()
    proc = subprocess.Popen([os.path.join(ROOT, "local", "run"), "--data", data, *extra], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True)
    seen = []
    for line in proc.stdout:
        if line.startswith(ready):
            ms = (time.monotonic() - started) * 1000
            # Keep reading, or a full pipe would block the runtime's logging.
            def drain():
                for rest in proc.stdout:
                    if log is not None:
                        log.append(rest)
            threading.Thread(target=drain, daemon=True).start()
            url = re.search(r"http://\S+", line)
            return proc, ms, url.group(0) if url else None
        seen.append(line)
    raise SystemExit("the runtime exited before its ready line:\n" + "".join(seen[-20:]))


def services_only(data):
    """The reference: the same launcher starting only the data services (DynamoDB Local, ElasticMQ, secrets)."""
    ports = ["--dynamodb-port", str(free_port()), "--sqs-port", str(free_port()), "--secrets-port", str(free_port()),
             "--env-file", os.path.join(data, "sam-env.json")]
    proc, ms, _ = launch(data, ["--services-only", *ports], ready="Kiosk data services ready")
    stop(proc)
    return ms


# Last, in this order: they end the session or the account the walk runs as.
LAST = ["LogoutFunction", "DeleteAccountFunction"]
# Sent as they are: what the event file carries is what a caller without a token sends.
PUBLIC = {"GetProductFunction", "ListProductsFunction", "HealthFunction", "RefreshFunction", "RequestPasswordResetFunction",
          "ConfirmPasswordResetFunction", "ShippingWebhookFunction"}


def first_requests(client, data):
    """Every HTTP function's first request after a restart: its event file's request through the gateway."""
    results = {}
    shopper = {"email": f"bench-{int(time.time() * 1000)}@example.com", "password": "correct horse battery 9", "name": "Bench"}
    status, _, _, ms = client.call("POST", "/auth/signup", shopper)
    results["SignupFunction"] = {"route": "POST /auth/signup", "status": status, "ms": round(ms, 1)}
    started = time.perf_counter()
    admin_token = admin_token_of(client, data)  # asserts a 200
    results["LoginFunction"] = {"route": "POST /auth/login", "status": 200, "ms": round((time.perf_counter() - started) * 1000, 1)}
    _, body, _, _ = client.call("POST", "/auth/login", {"email": shopper["email"], "password": shopper["password"]})
    shopper_token = body["accessToken"]
    events = {}
    for path in sorted(glob.glob(os.path.join(ROOT, "events", "*.json"))):
        event = json.load(open(path))
        # HTTP events only: an authorizer's event has a route too, but it runs on its routes' requests.
        if isinstance(event, dict) and event.get("routeKey") and event.get("rawPath") is not None and "identitySource" not in event:
            events[os.path.basename(path)[:-5]] = event
    order = [f for f in events if f not in LAST and f not in results] + [f for f in LAST if f in events]
    for function in order:
        event = events[function]
        method, route = event["routeKey"].split(" ", 1)
        path = event["rawPath"] + ("?" + event["rawQueryString"] if event.get("rawQueryString") else "")
        headers = {k: v for k, v in (event.get("headers") or {}).items()
                   if k.lower() in ("if-match", "idempotency-key", "kiosk-signature")}
        token = None if function in PUBLIC else admin_token if route.startswith(("/admin", "/products")) else shopper_token
        body = event.get("body")
        status, _, _, ms = client.call(method, path, None if body is None else body.encode(), token, headers)
        results[function] = {"route": event["routeKey"], "status": status, "ms": round(ms, 1)}
    return results


def stop(proc):
    os.killpg(proc.pid, signal.SIGTERM)
    proc.wait(timeout=30)


def autocannon():
    binary = os.path.join(TOOLS, "node_modules", ".bin", "autocannon")
    if not os.path.exists(binary):
        subprocess.run(["npm", "install", "--silent", "--prefix", TOOLS, "autocannon@8"], check=True)
    return binary


def load_phases(data, opts):
    """GET /products/{id} under load: the first 10 s after a restart's ready line, then after a warm-up."""
    # Without the template's route throttling, or the load would measure the 429s.
    proc, _, url = launch(data, ["--no-throttle"])
    try:
        with urllib.request.urlopen(url + "/products?limit=1") as r:
            product = json.load(r)["items"][0]["id"]
        target = f"{url}/products/{product}"
        tool = autocannon()

        def run(seconds):
            out = subprocess.run([tool, "-j", "-c", str(opts.connections), "-d", str(seconds), target],
                                 capture_output=True, text=True, check=True).stdout
            return json.loads(out)

        cold = run(10)
        run(opts.warmup)
        load = run(opts.seconds)
    finally:
        stop(proc)
    return {
        "load": {"tool": "autocannon 8 (npm)", "connections": opts.connections, "seconds": opts.seconds,
                 "requests_per_second": load["requests"]["average"], "p50_ms": load["latency"]["p50"],
                 "p99_ms": load["latency"]["p99"], "max_ms": load["latency"]["max"],
                 "non_2xx": load.get("non2xx", 0), "errors": load["errors"], "timeouts": load["timeouts"]},
        "first_10s_after_ready": {"requests_per_second": cold["requests"]["average"], "p50_ms": cold["latency"]["p50"],
                                  "p99_ms": cold["latency"]["p99"]},
        "first_10s_non_2xx": cold.get("non2xx", 0),
        "first_10s_p99_over_steady_p99": round(cold["latency"]["p99"] / max(load["latency"]["p99"], 1), 2),
        "warmup_seconds": opts.warmup,
    }


def main():
    args = argparse.ArgumentParser()
    args.add_argument("--starts", type=int, default=5)
    args.add_argument("--seconds", type=int, default=20)
    args.add_argument("--connections", type=int, default=20)
    args.add_argument("--warmup", type=int, default=30)
    args.add_argument("--no-load", action="store_true", help="skip the autocannon phases")
    opts = args.parse_args()
    subprocess.run([os.path.join(ROOT, "local", "run"), "--help"], cwd=ROOT, capture_output=True)  # builds if stale
    data = tempfile.mkdtemp(prefix="kiosk-bench-")
    try:
        proc, first, url = launch(data)
        stop(proc)
        restarts, references = [], []
        for _ in range(opts.starts):
            references.append(services_only(data))
            proc, ms, url = launch(data)
            restarts.append(ms)
            stop(proc)
        log = []
        proc, _, url = launch(data, log=log)
        firsts = first_requests(Client(urllib.parse.urlsplit(url).port), data)
        stop(proc)
        inits = {m.group(1): int(m.group(2)) for m in (re.match(r"(\w+): init \S+ in (\d+) ms", line) for line in log) if m}
        phases = {} if opts.no_load else load_phases(data, opts)
        restart, reference = statistics.median(restarts), statistics.median(references)
        slowest = max(firsts.items(), key=lambda kv: kv[1]["ms"])
        result = {
            "first_start_with_seeding_ms": round(first),
            "restart_to_ready_ms": {"median": round(restart), "all": [round(x) for x in restarts]},
            "services_only_to_ready_ms": {"median": round(reference), "all": [round(x) for x in references]},
            "restart_over_services_only": round(restart / reference, 2),
            "first_request_ms": {"max": slowest[1]["ms"], "slowest": slowest[0],
                                 "median": round(statistics.median(v["ms"] for v in firsts.values()), 1),
                                 "over_250_ms": sorted(f for f, v in firsts.items() if v["ms"] > 250),
                                 "functions": firsts},
            "init_ms_in_runtime_log": inits,
            **phases,
        }
        os.makedirs(os.path.join(ROOT, "bench", "results"), exist_ok=True)
        with open(os.path.join(ROOT, "bench", "results", "local-runtime.json"), "w") as f:
            json.dump(result, f, indent=2)
        print(json.dumps(result, indent=2))
    finally:
        shutil.rmtree(data, ignore_errors=True)


if __name__ == "__main__":
    main()
