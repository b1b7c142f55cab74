#!/usr/bin/env python3
"""Checkout benchmark (not a test), over HTTP on the local runtime: is the shop correct and fast
when many shoppers check out at once, and when every checkout is sent twice?

It starts `local/run --no-throttle` (the template's route throttles would otherwise be what is
measured) on fresh data, then:
  1. the seeded admin creates PRODUCTS products with STOCK units each;
  2. SHOPPERS shoppers sign up and log in, and each fills a cart with 1-3 random lines;
  3. a warm-up: WARMUP more shoppers check out WARMUP_ROUNDS times (2,400 checkouts), cancelling each
     round's orders. The GET reference below is measured after 1,000 GETs, with 4,000 behind it by
     its end; a checkout runs far more code (each function's own copy of the SDK, DynamoDB Local's
     transaction path), and with fewer than about 2,000 checkouts behind it the JIT is still
     compiling that code during the measured runs (seen in JFR: one DynamoDB Local method alone took
     C2 0.8 s in run A after 1,200);
     with stock short enough that some are refused, and every other round sent twice, so that the
     paths measured below (sold out, replayed) are warm too; then stock is topped back up;
     run A: every shopper checks out once, CONNECTIONS at a time;
  4. the admin restocks, every shopper fills a new cart, and run B: every checkout is sent twice
     at once with its Idempotency-Key (a client retrying a lost answer);
  5. GET /products/{id} at the same concurrency, in the same run, as the reference.
It then reads back every shopper's orders and every product's stock and reports: orders created,
units sold, oversold units (must be 0), duplicate orders (must be 0), final stock against the
expected, checkouts per second, checkout p50/p99, GET p50/p99, and the ratio of the p50s (budget:
checkout p50 within 4x of GET p50). One Python client measures both, so their overheads match.
With every core busy a p50 follows CPU per request, so each run also reports the runtime's CPU per
request by kind of thread (the function, DynamoDB Local, ElasticMQ, the JIT...).

usage: python3 bench/checkout.py [--shoppers 200] [--products 20] [--stock 25] [--connections 20]
Writes bench/results/checkout.json.
"""
import argparse
import glob
import http.client
import json
import os
import random
import re
import signal
import socket
import subprocess
import tempfile
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ADDRESS = {"name": "Bench Shopper", "lines": ["1 Load Street"], "city": "Berlin", "postalCode": "10115", "country": "DE"}


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def thread_cpu(pid):
    """CPU milliseconds each kind of thread of the runtime's JVM has used so far (Linux /proc), by
    name without its number: a function's pool, DynamoDB Local's SQLite queue and Jetty, the JIT."""
    totals = {}
    tick = os.sysconf("SC_CLK_TCK")
    for task in glob.glob(f"/proc/{pid}/task/*/stat"):
        try:
            raw = open(task).read()
        except OSError:
            continue  # the thread ended
        name = re.sub(r"[-#]?\d+$", "", raw[raw.index("(") + 1: raw.rindex(")")])
        fields = raw[raw.rindex(")") + 2:].split()
        totals[name] = totals.get(name, 0) + (int(fields[11]) + int(fields[12])) * 1000 / tick
    return totals


def cpu_per_request(before, after, requests):
    """The runtime's CPU per request over a run, in all and for its ten biggest kinds of thread."""
    used = {name: after[name] - before.get(name, 0) for name in after}
    top = sorted(((n, v) for n, v in used.items() if v > 0), key=lambda kv: -kv[1])[:10]
    return {"total_ms": round(sum(v for v in used.values() if v > 0) / requests, 2),
            "by_thread_ms": {n: round(v / requests, 2) for n, v in top}}


def launch(data, port):
    # No route throttles and no rate limits: hundreds of shoppers sign up from this one address,
    # and the warm-up shoppers check out far more often than a shopper may.
    limits_off = [arg for name in ("SignupRateLimit", "CartRateLimit", "CheckoutRateLimit")
                  for arg in ("--parameter", name + "=off")]
    proc = subprocess.Popen([os.path.join(ROOT, "local", "run"), "--data", data, "--port", str(port), "--no-throttle"]
                            + limits_off,
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True)
    for line in proc.stdout:
        if line.startswith("Kiosk ready at"):
            threading.Thread(target=lambda: [None for _ in proc.stdout], daemon=True).start()
            return proc
    raise SystemExit("the runtime exited before its ready line")


class Client:
    """One keep-alive connection per thread, as a browser or an app would hold one."""

    def __init__(self, port):
        self.port = port
        self.local = threading.local()

    def call(self, method, path, body=None, token=None, headers=None):
        conn = getattr(self.local, "conn", None)
        if conn is None:
            conn = self.local.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        h = {"content-type": "application/json"} if body is not None else {}
        if token:
            h["authorization"] = "Bearer " + token
        h.update(headers or {})
        # A body already in bytes goes as it is (a signed webhook's must); anything else as JSON.
        data = None if body is None else body if isinstance(body, bytes) else json.dumps(body).encode()
        started = time.perf_counter()
        try:
            conn.request(method, path, body=data, headers=h)
            response = conn.getresponse()
            text = response.read()
        except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
            # The server closed a connection that sat idle past its keep-alive timeout while this
            # thread did something else: nothing was answered, so open a new one and send again.
            conn.close()
            conn = self.local.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
            started = time.perf_counter()
            conn.request(method, path, body=data, headers=h)
            response = conn.getresponse()
            text = response.read()
        except (http.client.HTTPException, OSError):
            self.local.conn = None
            raise
        ms = (time.perf_counter() - started) * 1000
        return response.status, (json.loads(text) if text else None), dict(response.getheaders()), ms


def percentile(values, p):
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(len(ordered) * p))], 2)


def run_all(pool_size, jobs):
    with ThreadPoolExecutor(pool_size) as pool:
        return list(pool.map(lambda job: job(), jobs))


def admin_token_of(client, data):
    """The seeded admin's access token (local/run writes its credentials to admin.json)."""
    admin = json.load(open(os.path.join(data, "admin.json")))
    status, session, _, _ = client.call("POST", "/auth/login", {"email": admin["email"], "password": admin["password"]})
    assert status == 200, session
    return session["accessToken"]


def create_products(client, token, count, stock, name, price, step):
    """COUNT products in the "bench" category with STOCK units each, priced PRICE + STEP x i: their ids."""
    ids = []
    for i in range(count):
        status, product, _, _ = client.call("POST", "/products", {
            "name": f"{name} {i}", "description": "", "category": "bench",
            "price": {"amount": price + step * i, "currency": "EUR"}, "stock": stock}, token)
        assert status == 201, product
        ids.append(product["id"])
    return ids


def sign_up(client, port, i, prefix):
    """Shopper I signs up and logs in: their access token."""
    email = f"{prefix}-{i}-{uuid.uuid4().hex[:8]}@example.com"
    password = "bench password " + uuid.uuid4().hex
    status, body, _, _ = client.call("POST", "/auth/signup", {"email": email, "password": password, "name": f"B{i}"})
    assert status == 201, body
    # Sign-in counts attempts per client address (100 per 15 minutes, README: Accounts): each
    # 50 shoppers sign in from their own loopback address, as they would from their own homes.
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60, source_address=(f"127.0.0.{2 + i // 50}", 0))
    conn.request("POST", "/auth/login", body=json.dumps({"email": email, "password": password}),
                 headers={"content-type": "application/json"})
    response = conn.getresponse()
    body = json.loads(response.read())
    conn.close()
    assert response.status == 200, body
    return body["accessToken"]


def main():
    args = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    args.add_argument("--shoppers", type=int, default=200)
    args.add_argument("--products", type=int, default=20)
    args.add_argument("--stock", type=int, default=25)
    args.add_argument("--connections", type=int, default=20)
    args.add_argument("--gets", type=int, default=4000)
    args.add_argument("--warmup", type=int, default=60, help="shoppers whose checkouts warm the JIT first, not measured")
    args.add_argument("--warmup-rounds", type=int, default=40, help="times each warm-up shopper checks out")
    opts = args.parse_args()
    subprocess.run([os.path.join(ROOT, "local", "run"), "--help"], cwd=ROOT, capture_output=True)  # builds if stale
    data = tempfile.mkdtemp(prefix="kiosk-checkout-bench-")
    port = free_port()
    proc = launch(data, port)
    client = Client(port)
    random.seed(7)
    try:
        admin_token = admin_token_of(client, data)
        products = create_products(client, admin_token, opts.products, opts.stock, "Bench product", 500, 137)
        # Signup has a reserved concurrency of 5 (template.yaml): four at a time stay under it.
        everyone = run_all(4, [lambda i=i: sign_up(client, port, i, "bench") for i in range(opts.shoppers + opts.warmup)])
        tokens, warmup = everyone[: opts.shoppers], everyone[opts.shoppers:]

        def fill(token):
            for product in random.sample(products, random.randint(1, 3)):
                status, body, _, _ = client.call("PUT", f"/cart/lines/{product}", {"quantity": random.randint(1, 3)}, token)
                assert status == 200, body

        def checkout(token, key):
            status, body, headers, ms = client.call("POST", "/checkout", {"shippingAddress": ADDRESS,
                                                                          "paymentMethod": "pm_card_visa"}, token,
                                                    {"idempotency-key": key})
            assert status in (201, 409), (status, body)
            return status, body, {k.lower(): v for k, v in headers.items()}, ms

        runs = {}
        expected_stock = {}
        returned = {t: set() for t in everyone}  # order ids answered 201 to each shopper, over all runs
        rounds = [("warm-up", r % 2 == 1, warmup) for r in range(opts.warmup_rounds)]
        rounds += [("once", False, tokens), ("twice", True, tokens)]
        for name, twice, who in rounds:
            # Every run starts from full stock and new carts; the warm-up's stock runs out as the runs' does.
            stock = max(1, opts.stock * len(warmup) // len(tokens)) if name == "warm-up" else opts.stock
            for product in products:
                _, body, _, _ = client.call("GET", f"/products/{product}")
                delta = stock - body["stock"]
                if delta:
                    status, body, _, _ = client.call("POST", f"/products/{product}/stock", {"delta": delta}, admin_token)
                    assert status == 200, body
            run_all(8, [lambda t=t: fill(t) for t in who])
            keys = {t: str(uuid.uuid4()) for t in who}
            jobs = [lambda t=t: (t, checkout(t, keys[t])) for t in who]
            if twice:
                jobs = [job for pair in zip(jobs, jobs) for job in pair]  # each key's two sends side by side
            cpu_before = thread_cpu(proc.pid)
            started = time.perf_counter()
            results = run_all(opts.connections, jobs)
            seconds = time.perf_counter() - started
            cpu = cpu_per_request(cpu_before, thread_cpu(proc.pid), len(jobs))
            statuses = {}
            ids_per_key = {}
            sold = {p: 0 for p in products}
            for token, (status, body, headers, _) in results:
                statuses[status] = statuses.get(status, 0) + 1
                if status == 201:
                    ids_per_key.setdefault(keys[token], set()).add(body["id"])
                    returned[token].add(body["id"])
            placed = {}
            for token, (status, body, headers, _) in results:
                if status == 201 and body["id"] not in placed:
                    placed[body["id"]] = body
                    for line in body["lines"]:
                        sold[line["productId"]] += line["quantity"]
            after = {p: client.call("GET", f"/products/{p}")[1]["stock"] for p in products}
            expected_stock[name] = {p: stock - sold[p] for p in products}
            if name == "warm-up":  # cancelled, so that no warm-up shopper reaches the cap of 5 unpaid orders
                placed_by = {body["id"]: t for t, (status, body, _, _) in results if status == 201}
                run_all(8, [lambda t=t, o=o: client.call("POST", f"/orders/{o}/cancel", token=t) for o, t in placed_by.items()])
            latencies = [r[1][3] for r in results]
            runs[name] = {
                "requests": len(results), "statuses": statuses, "orders": len(placed),
                "replays": sum(1 for _, r in results if r[0] == 201 and r[2].get("idempotent-replayed") == "true"),
                "keys_answered_with_two_orders": sum(1 for ids in ids_per_key.values() if len(ids) > 1),
                "units_sold": sum(sold.values()),
                "oversold_units": sum(max(0, -s) for s in after.values()) + sum(max(0, sold[p] - stock) for p in products),
                "stock_matches_orders": after == expected_stock[name],
                "seconds": round(seconds, 2), "checkouts_per_second": round(len(results) / seconds, 1),
                "p50_ms": percentile(latencies, 0.5), "p99_ms": percentile(latencies, 0.99),
                "runtime_cpu_per_request": cpu}

        # What the shop itself holds: each shopper's orders, against the orders its checkouts answered.
        stored = {}
        for token in everyone:
            status, page, _, _ = client.call("GET", "/orders?limit=100", token=token)
            assert status == 200, page
            stored[token] = {order["id"] for order in page["items"]}
        duplicates = sum(len(stored[t] - returned[t]) for t in everyone)
        lost = sum(len(returned[t] - stored[t]) for t in everyone)

        gets = [lambda p=products[i % len(products)]: client.call("GET", f"/products/{p}")[3] for i in range(opts.gets)]
        run_all(opts.connections, gets[: opts.gets // 4])  # warm-up
        cpu_before = thread_cpu(proc.pid)
        get_ms = run_all(opts.connections, gets)
        get_cpu = cpu_per_request(cpu_before, thread_cpu(proc.pid), len(gets))
        final = {p: client.call("GET", f"/products/{p}")[1]["stock"] for p in products}
        report = {
            "shoppers": opts.shoppers, "warmup_checkouts": opts.warmup * opts.warmup_rounds, "products": opts.products, "stock_each": opts.stock, "connections": opts.connections,
            "runs": runs,
            "orders_created": sum(len(ids) for ids in stored.values()),
            "units_sold": sum(run["units_sold"] for run in runs.values()),
            "oversold_units": sum(run["oversold_units"] for run in runs.values()),
            "duplicate_orders": duplicates,
            "orders_answered_but_not_stored": lost,
            "final_stock_matches_expected": final == expected_stock["twice"],
            "final_stock": {f"product {i}": final[p] for i, p in enumerate(products)},
            "get_p50_ms": percentile(get_ms, 0.5), "get_p99_ms": percentile(get_ms, 0.99),
            "get_runtime_cpu_per_request": get_cpu,
        }
        report["ratio_checkout_p50_to_get_p50"] = {
            run: round(runs[run]["p50_ms"] / report["get_p50_ms"], 2) for run in ("once", "twice")}
        report["budget_checkout_p50_within_4x_get"] = all(v <= 4 for v in report["ratio_checkout_p50_to_get_p50"].values())
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=60)

    results = os.path.join(ROOT, "bench", "results")
    os.makedirs(results, exist_ok=True)
    with open(os.path.join(results, "checkout.json"), "w") as f:
        json.dump(report, f, indent=2)
        f.write("\n")
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
