#!/usr/bin/env python3
"""Fulfilment benchmark (not a test), over HTTP on the local runtime: ORDERS orders from checkout
to DELIVERED through every stage the shop has. How long does it take to drain, how long does each
stage take, and does every shopper hear of each step exactly once?

It starts `local/run --no-throttle` on fresh data, sets the simulated shipping partner to ship
SHIP_AFTER seconds after booking and deliver DELIVER_AFTER seconds after (PUT
/_local/shipping-simulator), then:
  1. the seeded admin creates PRODUCTS products;
  2. SHOPPERS shoppers sign up; each checks out ORDERS_EACH single-line orders (pm_card_visa),
     CONNECTIONS shoppers at a time;
  3. the admin's GET /admin/orders?status=DELIVERED is polled until every order is delivered.
Each order then goes: checkout -> (stream, payment job) PAID -> (stream, fulfilment job, partner)
FULFILLING -> (partner's signed callback through the gateway's webhook) SHIPPED -> DELIVERED,
and the notifications job writes the shopper's inbox after PAID, SHIPPED and DELIVERED.
Per-stage latency comes from the shop's own records: the order's createdAt, its shipment's
bookedAt (FULFILLING), and the inbox's notifications (each stamped with the time the order took
that status). FULFILLING -> SHIPPED and SHIPPED -> DELIVERED include the simulated partner's
delays. GET /products/{id} p50, measured in the same run, is the machine's reference.

usage: python3 bench/fulfilment.py [--shoppers 100] [--orders-each 5] [--ship-after 1] [--deliver-after 2]
Writes bench/results/fulfilment.json.
"""
import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import datetime

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from checkout import (ADDRESS, ROOT, Client, admin_token_of, create_products, free_port, launch,  # noqa: E402
                      percentile, run_all, sign_up)

STAGES = [("checkout", "PAID"), ("PAID", "FULFILLING"), ("FULFILLING", "SHIPPED"), ("SHIPPED", "DELIVERED"),
          ("checkout", "DELIVERED")]
EXPECTED = {"ORDER_CONFIRMED": "PAID", "ORDER_SHIPPED": "SHIPPED", "ORDER_DELIVERED": "DELIVERED"}


def at(text):
    return datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()


def pages(client, path, token):
    items, cursor = [], None
    while True:
        sep = "&" if "?" in path else "?"
        code, page, _, _ = client.call("GET", path + (f"{sep}cursor={cursor}" if cursor else ""), token=token)
        assert code == 200, (path, page)
        items += page["items"]
        cursor = page.get("nextCursor")
        if not cursor:
            return items


def main():
    args = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    args.add_argument("--shoppers", type=int, default=100)
    args.add_argument("--orders-each", type=int, default=5)
    args.add_argument("--products", type=int, default=10)
    args.add_argument("--connections", type=int, default=8)
    args.add_argument("--ship-after", type=int, default=1)
    args.add_argument("--deliver-after", type=int, default=2)
    opts = args.parse_args()
    subprocess.run([os.path.join(ROOT, "local", "run"), "--help"], cwd=ROOT, capture_output=True)  # builds if stale
    data = tempfile.mkdtemp(prefix="kiosk-fulfilment-bench-")
    port = free_port()
    proc = launch(data, port)
    client = Client(port)
    try:
        code, body, _, _ = client.call("PUT", "/_local/shipping-simulator",
                                       {"shipAfterSeconds": opts.ship_after, "deliverAfterSeconds": opts.deliver_after})
        assert code == 200, body
        admin_token = admin_token_of(client, data)
        total = opts.shoppers * opts.orders_each
        products = create_products(client, admin_token, opts.products, total, "Ship bench product", 900, 77)
        tokens = run_all(4, [lambda i=i: sign_up(client, port, i, "ship") for i in range(opts.shoppers)])
        answered = {}

        def shop(i, token):
            for n in range(opts.orders_each):
                product = products[(i * opts.orders_each + n) % len(products)]
                status, body, _, _ = client.call("PUT", f"/cart/lines/{product}", {"quantity": 1}, token)
                assert status == 200, body
                status, order, _, _ = client.call("POST", "/checkout",
                                                  {"shippingAddress": ADDRESS, "paymentMethod": "pm_card_visa"},
                                                  token, {"idempotency-key": str(uuid.uuid4())})
                assert status == 201, (status, order)
                answered[order["id"]] = token

        started = time.perf_counter()
        run_all(opts.connections, [lambda i=i, t=t: shop(i, t) for i, t in enumerate(tokens)])
        last_checkout = time.perf_counter()
        delivered = 0
        while delivered < total:
            assert time.perf_counter() - last_checkout < 1800, f"{delivered} of {total} delivered after 30 minutes"
            time.sleep(1)
            delivered = len(pages(client, "/admin/orders?status=DELIVERED&limit=100", admin_token))
        drained = time.perf_counter()

        # Every shopper's orders and inbox: the stage times, and one notification per event.
        stage_ms = {f"{a}->{b}": [] for a, b in STAGES}
        wrong = []
        for token in tokens:
            orders = {o["id"]: o for o in pages(client, "/orders?limit=100", token)}
            inbox = pages(client, "/me/notifications?limit=100", token)
            for order_id, order in orders.items():
                mine = [n for n in inbox if n["orderId"] == order_id]
                kinds = sorted(n["type"] for n in mine)
                if kinds != sorted(EXPECTED):
                    wrong.append({"order": order_id, "notifications": kinds})
                    continue
                when = {"checkout": at(order["createdAt"]), "FULFILLING": at(order["shipment"]["bookedAt"])}
                when.update({EXPECTED[n["type"]]: at(n["createdAt"]) for n in mine})
                for a, b in STAGES:
                    stage_ms[f"{a}->{b}"].append((when[b] - when[a]) * 1000)
        gets = [lambda p=products[i % len(products)]: client.call("GET", f"/products/{p}")[3] for i in range(2000)]
        run_all(opts.connections, gets[:500])
        get_ms = run_all(opts.connections, gets)
        report = {
            "orders": total, "shoppers": opts.shoppers, "connections": opts.connections,
            "partner_ship_after_seconds": opts.ship_after, "partner_deliver_after_seconds": opts.deliver_after,
            "checkout_seconds": round(last_checkout - started, 1),
            "seconds_from_last_checkout_to_all_delivered": round(drained - last_checkout, 1),
            "seconds_from_first_checkout_to_all_delivered": round(drained - started, 1),
            "orders_delivered": delivered,
            "orders_answered": len(answered),
            "orders_without_exactly_one_notification_per_event": len(wrong),
            "examples_of_wrong_notifications": wrong[:5],
            "stage_latency_ms": {k: {"p50": percentile(v, 0.5), "p99": percentile(v, 0.99), "n": len(v)}
                                 for k, v in stage_ms.items()},
            "reference_get_p50_ms": percentile(get_ms, 0.5),
        }
        report["ratio_checkout_to_delivered_p50_to_get_p50"] = round(
            report["stage_latency_ms"]["checkout->DELIVERED"]["p50"] / report["reference_get_p50_ms"], 1)
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=60)
    results = os.path.join(ROOT, "bench", "results")
    os.makedirs(results, exist_ok=True)
    with open(os.path.join(results, "fulfilment.json"), "w") as f:
        json.dump(report, f, indent=2)
        f.write("\n")
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
