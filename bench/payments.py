#!/usr/bin/env python3
"""Payments benchmark (not a test), over HTTP on the local runtime: 500 checkouts, one in five
declined, and a 30-second gateway outage in the middle. Does every order end, exactly once, and
how long after the last checkout?

It starts `local/run --no-throttle` on fresh data, then:
  1. the seeded admin creates PRODUCTS products with STOCK units each;
  2. SHOPPERS shoppers sign up and log in; each checks out ORDERS_EACH single-line orders in turn
     (CONNECTIONS shoppers at a time), every fifth order paid with pm_card_chargeDeclined, the rest
     with pm_card_visa;
  3. when half the checkouts are answered, the simulated gateway goes down
     (PUT /_local/payment-simulator {"outage": true}) for OUTAGE seconds; checkouts go on;
  4. after the last checkout, the admin's GET /admin/orders?status=PENDING_PAYMENT is polled until
     no order awaits payment.
It reports: time from the last checkout to every order terminal, orders settled per second (from
the outage's end to the last settled), orders per final state, double charges (the simulator's
ledger), lost orders (answered 201 but not stored, or never settled), and stock reconciled
against orders (each product's stock + units in PAID orders = its starting stock). GET
/products/{id} p50, measured in the same run, is the machine's reference: the checkout p50 is
reported beside it as a ratio. The drain time is mostly the retry schedule's waits (10 s, 20 s,
40 s... after the outage), not CPU.

usage: python3 bench/payments.py [--shoppers 250] [--orders-each 2] [--outage 30]
Writes bench/results/payments.json.
"""
import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from checkout import (ADDRESS, ROOT, Client, admin_token_of, create_products, free_port, launch,  # noqa: E402
                      percentile, run_all, sign_up)

TERMINAL = ["PAID", "PAYMENT_FAILED", "EXPIRED", "CANCELLED"]


def main():
    args = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    args.add_argument("--shoppers", type=int, default=250)
    args.add_argument("--orders-each", type=int, default=2)
    args.add_argument("--products", type=int, default=10)
    args.add_argument("--stock", type=int, default=100)
    args.add_argument("--connections", type=int, default=8)
    args.add_argument("--outage", type=int, default=30, help="seconds the gateway is down")
    opts = args.parse_args()
    subprocess.run([os.path.join(ROOT, "local", "run"), "--help"], cwd=ROOT, capture_output=True)  # builds if stale
    data = tempfile.mkdtemp(prefix="kiosk-payments-bench-")
    port = free_port()
    proc = launch(data, port)
    client = Client(port)
    try:
        admin_token = admin_token_of(client, data)
        products = create_products(client, admin_token, opts.products, opts.stock, "Pay bench product", 700, 113)
        # Signup has a reserved concurrency of 5 (template.yaml): four at a time stay under it.
        tokens = run_all(4, [lambda i=i: sign_up(client, port, i, "pay") for i in range(opts.shoppers)])
        total = opts.shoppers * opts.orders_each
        answered = []  # (token, order)
        lock = threading.Lock()
        outage = {}

        def gateway(down):
            status, body, _, _ = client.call("PUT", "/_local/payment-simulator", {"outage": down})
            assert status == 200, body

        def outage_window():
            gateway(True)
            outage["began"] = time.perf_counter()
            time.sleep(opts.outage)
            gateway(False)
            outage["ended"] = time.perf_counter()

        checkout_ms = []

        def buy(index, token):
            product = products[index % len(products)]
            status, body, _, _ = client.call("PUT", f"/cart/lines/{product}", {"quantity": 1}, token)
            assert status == 200, body
            method = "pm_card_chargeDeclined" if index % 5 == 4 else "pm_card_visa"
            status, order, _, ms = client.call("POST", "/checkout", {"shippingAddress": ADDRESS, "paymentMethod": method},
                                               token, {"idempotency-key": str(uuid.uuid4())})
            assert status == 201, (status, order)
            with lock:
                answered.append((token, order))
                checkout_ms.append(ms)
                if len(answered) == total // 2:
                    threading.Thread(target=outage_window, daemon=True).start()

        def shop(i, token):
            for n in range(opts.orders_each):
                buy(i * opts.orders_each + n, token)

        started = time.perf_counter()
        run_all(opts.connections, [lambda i=i, t=t: shop(i, t) for i, t in enumerate(tokens)])
        last_checkout = time.perf_counter()

        def count(status):
            n, cursor = 0, None
            while True:
                path = f"/admin/orders?status={status}&limit=100" + (f"&cursor={cursor}" if cursor else "")
                code, page, _, _ = client.call("GET", path, token=admin_token)
                assert code == 200, page
                n += len(page["items"])
                cursor = page.get("nextCursor")
                if not cursor:
                    return n

        while count("PENDING_PAYMENT") > 0 or "ended" not in outage:
            assert time.perf_counter() - last_checkout < 1800, "orders still pending after 30 minutes"
            time.sleep(1)
        settled = time.perf_counter()

        per_state = {s: count(s) for s in ["PENDING_PAYMENT"] + TERMINAL}
        code, simulator, _, _ = client.call("GET", "/_local/payment-simulator")
        assert code == 200, simulator
        # What the shop holds: each shopper's orders against the 201s its checkouts answered.
        stored = set()
        for token in tokens:
            code, page, _, _ = client.call("GET", "/orders?limit=100", token=token)
            stored |= {(o["id"], o["status"]) for o in page["items"]}
        stored_ids = {i for i, _ in stored}
        answered_ids = {o["id"] for _, o in answered}
        paid_units = {p: 0 for p in products}
        by_id = {o["id"]: o for _, o in answered}
        for order_id, status in stored:
            if status == "PAID":
                for line in by_id[order_id]["lines"]:
                    paid_units[line["productId"]] += line["quantity"]
        stock = {p: client.call("GET", f"/products/{p}")[1]["stock"] for p in products}
        discrepancy = sum(abs(stock[p] + paid_units[p] - opts.stock) for p in products)

        gets = [lambda p=products[i % len(products)]: client.call("GET", f"/products/{p}")[3] for i in range(2000)]
        run_all(opts.connections, gets[:500])
        get_ms = run_all(opts.connections, gets)
        report = {
            "checkouts": total, "declined_by_token": total // 5, "outage_seconds": opts.outage,
            "connections": opts.connections,
            "checkout_seconds": round(last_checkout - started, 1),
            "seconds_from_last_checkout_to_all_terminal": round(settled - last_checkout, 1),
            "seconds_from_outage_end_to_all_terminal": round(settled - outage["ended"], 1),
            "orders_settled_per_second_overall": round(total / (settled - started), 1),
            "orders_per_state": per_state,
            "simulator_ledger": simulator["ledger"],
            "double_charges": simulator["ledger"]["doubleCharges"],
            "charges_equal_paid_orders": simulator["ledger"]["charges"] == per_state["PAID"],
            "lost_orders": len(answered_ids - stored_ids) + per_state["PENDING_PAYMENT"],
            "orders_stored_not_answered": len(stored_ids - answered_ids),
            "stock_discrepancy_units": discrepancy,
            "checkout_p50_ms": percentile(checkout_ms, 0.5), "checkout_p99_ms": percentile(checkout_ms, 0.99),
            "reference_get_p50_ms": percentile(get_ms, 0.5),
        }
        report["ratio_checkout_p50_to_get_p50"] = round(report["checkout_p50_ms"] / report["reference_get_p50_ms"], 2)
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=60)
    results = os.path.join(ROOT, "bench", "results")
    os.makedirs(results, exist_ok=True)
    with open(os.path.join(results, "payments.json"), "w") as f:
        json.dump(report, f, indent=2)
        f.write("\n")
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
