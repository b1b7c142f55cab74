#!/usr/bin/env python3
"""Cold start of every function in template.yaml, each started as Lambda's Java runtime starts it.

Each run is a fresh JVM under AWS's runtime interface client (the one Lambda's java25 runtime runs):
the function's package unzipped as its task root, Lambda's command line (heap at 85 % of the memory
size, serial GC, class data sharing, C1 only unless the template's JAVA_TOOL_OPTIONS say more), and
the whole environment the template gives the function, pointed at a local runtime (`local/run`, in
another process, on a fresh data folder) whose DynamoDB Local, ElasticMQ, secrets and simulators
answer it. This script serves the Runtime API the client polls, so it sees the two phases Lambda
bills and reports: init (JVM start to the client's first request for an event: the handler class
loaded and constructed) and the first invocation (the event handed over to the answer posted).
CPU time is the process's user+system at the answer (/proc), classes loaded come from a separate run
with -Xlog:class+load, and the package size is the zip's.

The event is the function's events/<Id>.json with the sample's ids pointed at real things that
this script makes first through the local runtime's API (not timed): a product, the seeded
shopper's cart and orders, fresh accounts for sign-up, password change, reset and erasure, a fresh
order for each cancellation and each job. So each run takes the path a real request takes and
writes what it would write; the answer's status is reported beside the timings.

The bare reference (bench/bare-handler: GetProduct's GetItem with the SDK alone) runs under the
same client, with GetProductFunction's environment and event, three times in every round, and
rounds visit the functions in a new random order, so that drift hits all alike.

Usage: bench/cold-start-all.py [--runs N] [--only Id,Id] [--no-build]
"""
import argparse
import hashlib
import hmac
import http.server
import json
import os
import pathlib
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
import uuid
import zipfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
EVENTS = ROOT / "events"
RUNTIME_DIR = ROOT / "local/target/lambda-runtime"
BARE = {"handler": "kiosk.bench.bare.BareGetProductHandler", "codeUri": str(ROOT / "bench/bare-handler/target/bare.zip")}
RIC_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda"
NATIVE_CLIENT = "com.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI"
PASSWORD = "violet staple orbit canyon"
# Budgets (issue 17): every HTTP function's wall time within 1.0x the bare reference's, GetProduct
# within 0.8x, every package at most 9 MB.
BUDGET_HTTP_RATIO = 1.0
BUDGET_GET_PRODUCT_RATIO = 0.8
BUDGET_PACKAGE_BYTES = 9 * 1000 * 1000
CLK_TCK = os.sysconf("SC_CLK_TCK")
ARN = "arn:aws:lambda:eu-west-1:000000000000:function:bench"


def java_home():
    found = subprocess.run(["bash", "-c", ". .ci/jdk.sh && pick_jdk"], cwd=ROOT, capture_output=True, text=True)
    if found.returncode != 0 or not found.stdout.strip():
        raise SystemExit("needs a JDK 21 or newer (looked at JAVA_HOME, beside the default java, /usr/lib/jvm, /opt)")
    return pathlib.Path(found.stdout.strip())


# ------------------------------------------------------------------ the Runtime API, one invocation


class RuntimeApiHandler(http.server.BaseHTTPRequestHandler):
    """What every Runtime API these benchmarks serve has in common: quiet, HTTP/1.1, no Nagle."""
    protocol_version = "HTTP/1.1"
    # Headers and body go out as two writes: with Nagle's algorithm the body waited for the
    # client's delayed ACK, 40 ms added to every event handed over.
    disable_nagle_algorithm = True

    def log_message(self, *args):
        pass

    def send_event(self, body, request_id, arn):
        """The answer to /runtime/invocation/next: the event, with the headers Lambda sends."""
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Lambda-Runtime-Aws-Request-Id", request_id)
        self.send_header("Lambda-Runtime-Deadline-Ms", str(int(time.time() * 1000) + 60_000))
        self.send_header("Lambda-Runtime-Invoked-Function-Arn", arn)
        self.send_header("Lambda-Runtime-Trace-Id", "Root=1-00000000-000000000000000000000000;Sampled=0")
        self.end_headers()
        self.wfile.write(body)
        self.wfile.flush()

    def reply(self, status, body):
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def serve_runtime_api(handler):
    """A Runtime API on a free loopback port, served from a daemon thread."""

    class Server(http.server.ThreadingHTTPServer):
        daemon_threads = True

        def handle_error(self, request, client_address):
            pass  # a held ask ends when the process is killed: expected, not news

    server = Server(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


class RuntimeApiServer:
    """A Runtime API on a free loopback port for one execution environment; a held ask waits on closing."""

    def __init__(self):
        self.closing = threading.Event()

    def serve(self, handler):
        self.server = serve_runtime_api(handler)

    @property
    def address(self):
        return f"127.0.0.1:{self.server.server_address[1]}"

    def close(self):
        self.closing.set()
        self.server.shutdown()
        self.server.server_close()


class RuntimeApi(RuntimeApiServer):
    """Lambda's Runtime API for one execution environment and one event: records when the client
    first asks for an event (init done) and when it posts the answer; a second ask is held."""

    def __init__(self, event, arn):
        super().__init__()
        self.event = json.dumps(event).encode()
        self.arn = arn
        self.request_id = str(uuid.uuid4())
        self.next_at = None
        self.answered_at = None
        self.answer = None
        self.failure = None
        self.done = threading.Event()
        api = self

        class Handler(RuntimeApiHandler):

            def do_GET(self):
                if not self.path.endswith("/runtime/invocation/next"):
                    return self.reply(404, b"{}")
                if api.next_at is not None:
                    api.closing.wait(120)  # one event per environment: hold the second ask
                    return
                api.next_at = time.perf_counter()
                self.send_event(api.event, api.request_id, api.arn)

            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                if self.path.endswith("/response"):
                    api.answered_at = time.perf_counter()
                    api.answer = body.decode()
                elif self.path.endswith("/error"):
                    api.answered_at = time.perf_counter()
                    api.failure = body.decode()
                self.reply(202, b"{}")
                api.done.set()

        self.serve(Handler)


class Lambda:
    """Starts functions as Lambda's Java runtime does, each in a fresh JVM under the client."""

    def __init__(self, java, work):
        self.java = java
        self.work = work
        self.task_roots = {}
        jars = sorted(str(p) for p in RUNTIME_DIR.glob("*.jar"))
        client = [j for j in jars if "runtime-interface-client" in j]
        if len(jars) != 3 or not client:
            raise SystemExit(f"expected the runtime interface client and its two libraries in {RUNTIME_DIR} "
                             f"(./mvnw -DskipTests install fills it), found {jars}")
        self.classpath = os.pathsep.join(jars)
        native = work / "runtime-lib" / "libaws-lambda-jni.linux-x86_64.so"
        native.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(client[0]) as z:
            native.write_bytes(z.read("jni/libaws-lambda-jni.linux-x86_64.so"))
        self.native = native

    def task_root(self, zip_path):
        if zip_path not in self.task_roots:
            root = self.work / ("task-" + pathlib.Path(zip_path).name)
            with zipfile.ZipFile(zip_path) as z:
                z.extractall(root)
            self.task_roots[zip_path] = root
        return self.task_roots[zip_path]

    def start(self, function, runtime_api, log, extra_flags=(), initialization="on-demand"):
        """The function's JVM, started with Lambda's command line and environment against this
        Runtime API, its output to log; the process and when it was started."""
        root = self.task_root(function["codeUri"])
        memory = int(function.get("memoryMb", 1024))
        command = [str(self.java / "bin/java"), f"-XX:MaxHeapSize={memory * 1024 * 85 // 100}k", "-XX:+UseSerialGC",
                   "-Xshare:auto", "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1",
                   "--add-opens=java.base/java.io=ALL-UNNAMED", "-Dorg.crac.Core.Compat=com.amazonaws.services.lambda.crac",
                   "-Djava.net.preferIPv4Stack=true", "-XX:+ErrorFileToStderr", f"-D{NATIVE_CLIENT}={self.native}",
                   *extra_flags, "-classpath", self.classpath, RIC_MAIN, function["handler"]]
        env = dict(function["environment"])
        env.update({"AWS_LAMBDA_RUNTIME_API": runtime_api, "LAMBDA_TASK_ROOT": str(root),
                    "LAMBDA_RUNTIME_DIR": str(RUNTIME_DIR), "_HANDLER": function["handler"],
                    "AWS_EXECUTION_ENV": "AWS_Lambda_java25", "AWS_LAMBDA_INITIALIZATION_TYPE": initialization,
                    "LANG": "en_US.UTF-8", "TZ": ":UTC", "PATH": "/usr/local/bin:/usr/bin:/bin"})
        started = time.perf_counter()
        with log.open("wb") as out:
            process = subprocess.Popen(command, cwd=root, env=env, stdout=out, stderr=subprocess.STDOUT)
        return process, started

    def cold(self, function, event, extra_flags=()):
        """One cold start answering one event: timings, CPU, the answer."""
        api = RuntimeApi(event, function.get("arn", ARN))
        log = self.work / "function.log"
        process, started = self.start(function, api.address, log, extra_flags)
        try:
            if not api.done.wait(90):
                raise RuntimeError(f"{function['handler']} did not answer in 90 s:\n{log.read_text()[-3000:]}")
            cpu_ms = cpu_of(process.pid)
        finally:
            process.kill()
            process.wait()
            api.close()
        if api.failure is not None:
            raise RuntimeError(f"{function['handler']} failed: {api.failure}\n{log.read_text()[-3000:]}")
        return {"wall_ms": (api.answered_at - started) * 1000, "init_ms": (api.next_at - started) * 1000,
                "invoke_ms": (api.answered_at - api.next_at) * 1000, "cpu_ms": cpu_ms, "answer": api.answer}

    def classes_loaded(self, function, event, keep=None):
        """How many classes one cold start loads; with keep, the list of them (and where each came from) is kept there."""
        log = self.work / "classes.log"
        log.unlink(missing_ok=True)
        self.cold(function, event, [f"-Xlog:class+load=info:file={log}"])
        if keep is not None:
            keep.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(log, keep)
        return sum(1 for _ in log.open())


def cpu_of(pid):
    fields = pathlib.Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / CLK_TCK  # utime, stime


def outcome(answer):
    """What the answer says happened, in a word: an HTTP status, an authorizer's decision, a batch's failures."""
    try:
        body = json.loads(answer)
    except ValueError:
        return "?"
    if isinstance(body, dict):
        if "statusCode" in body:
            return str(body["statusCode"])
        if "isAuthorized" in body:
            return "allow" if body["isAuthorized"] else "deny"
        if "batchItemFailures" in body:
            return "ok" if not body["batchItemFailures"] else f"{len(body['batchItemFailures'])} failed"
    return "ok"


# ------------------------------------------------------------------ the local runtime and its API


class Kiosk:
    """The local runtime in another process, on a fresh data folder, and the things its API makes."""

    def __init__(self, work, port):
        self.data = work / "data"
        self.functions_file = work / "functions.json"
        self.log = (work / "local-run.log").open("wb")
        self.process = subprocess.Popen(
            [str(ROOT / "local/run"), "--port", str(port), "--data", str(self.data), "--fresh", "--no-throttle",
             "--env-file", str(self.functions_file), "--parameter", "SenderEmail=shop@kiosk.local",
             "--parameter", "SignupRateLimit=off", "--parameter", "PasswordResetRateLimit=off",
             "--parameter", "CheckoutRateLimit=off", "--parameter", "CartRateLimit=off"],
            cwd=ROOT, stdout=self.log, stderr=subprocess.STDOUT)
        self.url = f"http://127.0.0.1:{port}"
        deadline = time.time() + 300
        while b"Kiosk ready at" not in (work / "local-run.log").read_bytes():
            if self.process.poll() is not None or time.time() > deadline:
                raise SystemExit("local/run did not start:\n" + (work / "local-run.log").read_text()[-3000:])
            time.sleep(0.5)
        self.functions = json.loads(self.functions_file.read_text())
        self.tokens = {}
        self.sessions = None
        self.admin = json.loads((self.data / "admin.json").read_text())
        self.shopper = json.loads((self.data / "shopper.json").read_text())
        self.admin["id"] = self.call("GET", "/me", token=self.token(self.admin))["id"]
        self.shopper["id"] = self.call("GET", "/me", token=self.token(self.shopper))["id"]
        # Room both ways: checkouts take from it, stock adjustments add to it (the limit is 1,000,000).
        self.product = self.new_product(stock=500_000)
        self.after_run = []
        self.order = self.new_order()

    def close(self):
        self.process.terminate()
        try:
            self.process.wait(30)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()

    def call(self, method, path, body=None, token=None, headers=None, expect=(200, 201, 202, 204)):
        request = urllib.request.Request(self.url + path, method=method,
                                         data=None if body is None else json.dumps(body).encode())
        request.add_header("content-type", "application/json")
        if token:
            request.add_header("authorization", "Bearer " + token)
        for name, value in (headers or {}).items():
            request.add_header(name, value)
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                status, text, answer_headers = response.status, response.read().decode(), dict(response.headers)
        except urllib.error.HTTPError as e:
            status, text, answer_headers = e.code, e.read().decode(), dict(e.headers)
        if status not in expect:
            raise RuntimeError(f"{method} {path}: {status} {text[:500]}")
        parsed = json.loads(text) if text else {}
        if isinstance(parsed, dict):
            parsed["_headers"] = answer_headers
        return parsed

    def log_in(self, account):
        return self.call("POST", "/auth/login", {"email": account["email"], "password": account["password"]})

    def token(self, account):
        """An access token for the account, signed in again before the 15 minutes run out."""
        kept = self.tokens.get(account["email"])
        if kept is None or time.time() - kept[1] > 600:
            kept = (self.log_in(account)["accessToken"], time.time())
            self.tokens[account["email"]] = kept
        return kept[0]

    def session_account(self):
        """An account to sign in for a refresh token: a new one every 4 sign-ins. One account
        signed in for every event of a priming run met the sign-in limits (429): 5 attempts a
        minute for one address from one client, 20 in 5 minutes for one address."""
        if self.sessions is None or self.sessions[1] >= 4:
            self.sessions = [self.new_account(), 0]
        self.sessions[1] += 1
        return self.sessions[0]

    def new_account(self):
        account = {"email": f"bench-{uuid.uuid4().hex[:12]}@example.com", "password": PASSWORD}
        account["id"] = self.call("POST", "/auth/signup", {**account, "name": "Bench Shopper"})["id"]
        return account

    def new_product(self, stock=10):
        body = json.loads(json.loads((EVENTS / "CreateProductFunction.json").read_text())["body"])
        body["name"] = f"Bench product {uuid.uuid4().hex[:8]}"
        if "sku" in body:
            body["sku"] = f"BENCH-{uuid.uuid4().hex[:10].upper()}"
        body["stock"] = stock
        return self.call("POST", "/products", body, token=self.token(self.admin))["id"]

    def product_version(self, product):
        return self.call("GET", f"/products/{product}")["version"]

    def put_line(self, quantity=1):
        self.call("PUT", f"/cart/lines/{self.product}", {"quantity": quantity}, token=self.token(self.shopper))

    def payments_down(self, down):
        """The simulated payment gateway's outage switch: down, an order stays PENDING_PAYMENT."""
        self.call("PUT", "/_local/payment-simulator", {"outage": down})

    def new_order(self):
        self.put_line()
        body = json.loads(json.loads((EVENTS / "CheckoutFunction.json").read_text())["body"])
        for attempt in range(2):
            try:
                return self.call("POST", "/checkout", body, token=self.token(self.shopper),
                                 headers={"idempotency-key": str(uuid.uuid4())})["id"]
            except RuntimeError as e:
                if attempt or "too-many-pending-orders" not in str(e):
                    raise
                # A shopper may have only a few orders awaiting payment: the bench cancels its own.
                self.cancel_pending_orders()

    def cancel_pending_orders(self):
        token = self.token(self.shopper)
        for order in self.call("GET", "/orders?limit=50", token=token).get("items", []):
            if order.get("status") == "PENDING_PAYMENT":
                self.call("POST", f"/orders/{order['id']}/cancel", token=token)

    def new_promotion(self):
        body = json.loads(json.loads((EVENTS / "CreatePromotionFunction.json").read_text())["body"])
        body["code"] = f"BENCH{uuid.uuid4().hex[:8].upper()}"
        self.call("POST", "/admin/promotions", body, token=self.token(self.admin))
        return body["code"]

    def reset_token(self, account):
        mail = self.data / "mail"
        before = set(mail.glob("*.eml")) if mail.is_dir() else set()
        self.call("POST", "/auth/password-reset", {"email": account["email"]})
        deadline = time.time() + 30
        while time.time() < deadline:
            for message in (set(mail.glob("*.eml")) if mail.is_dir() else set()) - before:
                text = message.read_text(errors="replace")
                if account["email"] in text:
                    found = re.findall(r"(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])", text)
                    if found:
                        return found[-1]
            time.sleep(0.2)
        raise RuntimeError("no reset email arrived for the bench account")

    def order_with_shipment(self):
        """A new order once the local pipeline has paid it and booked its shipment (the state a
        partner's event is about), and that shipment's id."""
        order = self.new_order()
        deadline = time.time() + 60
        while time.time() < deadline:
            shipment = self.call("GET", f"/orders/{order}", token=self.token(self.shopper)).get("shipment")
            if shipment and shipment.get("shipmentId"):
                return order, shipment["shipmentId"]
            time.sleep(0.5)
        raise RuntimeError(f"order {order} was not handed to the shipping partner within 60 s")

    def partner_signature(self, body):
        """The shipping partner's headers for this body: Kiosk-Signature as the partner signs it
        (README: the webhook contract), keyed with the secret the local runtime generated and keeps
        owner-only in its data folder, and the body's length."""
        secret = json.loads((self.data / "secrets.json").read_text())["ShippingWebhookSecret"].encode()
        at = int(time.time())
        mac = hmac.new(secret, f"{at}.".encode() + body, hashlib.sha256).hexdigest()
        return {"kiosk-signature": f"t={at},v1={mac}", "content-length": str(len(body))}

    def notification(self):
        items = self.call("GET", "/me/notifications?limit=10", token=self.token(self.shopper)).get("items", [])
        if not items:
            raise RuntimeError("the shopper has no notification yet")
        return items[0]["id"]


# ------------------------------------------------------------------ each function's event


def event_of(function_id, kiosk):
    """events/<Id>.json with its sample ids pointed at real things, made now where a run uses one up."""
    text = (EVENTS / f"{function_id}.json").read_text()
    swap = {"0b9e6f7a-admin-example": kiosk.admin["id"], "7d0f3c52-sample-shopper": kiosk.shopper["id"],
            "7d0f3c52-sample-payer": kiosk.shopper["id"]}
    for sample in ("sample-user-me", "sample-user-orders", "sample-user-checkout"):
        swap[sample] = kiosk.shopper["id"]
    headers = {}
    k = kiosk
    if function_id == "GetProductFunction":
        swap["4f6c2a1e-sample-get"] = k.product
    elif function_id == "UpdateProductFunction":
        swap["4f6c2a1e-sample-put"] = k.product
        headers["if-match"] = f'"{k.product_version(k.product)}"'
    elif function_id == "AdjustStockFunction":
        swap["4f6c2a1e-sample-stock"] = k.product
    elif function_id == "DeleteProductFunction":
        product = k.new_product()
        swap["4f6c2a1e-sample-delete"] = product
        headers["if-match"] = f'"{k.product_version(product)}"'
    elif function_id == "SignupFunction":
        swap["sample-signup@example.com"] = f"bench-{uuid.uuid4().hex[:12]}@example.com"
    elif function_id == "LoginFunction":
        swap["sample-login@example.com"] = k.shopper["email"]
        swap[PASSWORD] = k.shopper["password"]
    elif function_id == "RefreshFunction":
        swap["c2FtcGxlLXJlZnJlc2gtdG9rZW4tZm9yLWV2ZW50cw0"] = k.log_in(k.session_account())["refreshToken"]
    elif function_id == "LogoutFunction":
        account = k.session_account()
        swap["c2FtcGxlLWxvZ291dC10b2tlbi1mb3ItZXZlbnRzLTA"] = k.log_in(account)["refreshToken"]
        swap["sample-user-logout"] = account["id"]
    elif function_id == "ChangePasswordFunction":
        swap["sample-user-change"] = k.new_account()["id"]
    elif function_id == "RequestPasswordResetFunction":
        swap["sample-login@example.com"] = k.new_account()["email"]
    elif function_id == "ConfirmPasswordResetFunction":
        swap["c2FtcGxlLXJlc2V0LXRva2VuLWZvci1ldmVudHMtaXQ"] = k.reset_token(k.new_account())
    elif function_id == "DeleteAccountFunction":
        swap["sample-user-erase"] = k.new_account()["id"]
    elif function_id in ("AuthorizerFunction", "AdminAuthorizerFunction"):
        token = k.token(k.admin if function_id == "AdminAuthorizerFunction" else k.shopper)
        text = re.sub(r"Bearer [A-Za-z0-9._-]+", "Bearer " + token, text)
    elif function_id == "GrantAdminFunction":
        swap["sample-login@example.com"] = k.new_account()["email"]
    elif function_id in ("PutCartLineFunction", "DeleteCartLineFunction"):
        if function_id == "DeleteCartLineFunction":
            k.put_line()
        swap["4f6c2a1e-sample-cart"] = k.product
    elif function_id == "ClearCartFunction":
        k.put_line()
    elif function_id == "CheckoutFunction":
        k.put_line()
        headers["idempotency-key"] = str(uuid.uuid4())
    elif function_id in ("GetOrderFunction", "AdminGetOrderFunction"):
        swap["9a7b6c5d-sample-order"] = k.order
    elif function_id in ("CancelOrderFunction", "AdminCancelOrderFunction"):
        # An order the payment job cannot pay meanwhile: still PENDING_PAYMENT, so it can be cancelled.
        k.payments_down(True)
        swap["9a7b6c5d-sample-order"] = k.new_order()
        k.after_run.append(lambda: k.payments_down(False))
    elif function_id == "CreatePromotionFunction":
        swap["WELCOME10"] = f"BENCH{uuid.uuid4().hex[:8].upper()}"
    elif function_id == "GetPromotionFunction":
        swap["SAMPLE-CODE"] = "WELCOME10"
    elif function_id == "DeactivatePromotionFunction":
        swap["SAMPLE-CODE"] = k.new_promotion()
    elif function_id == "AnnounceOrdersFunction":
        swap["5b2c7f3e-sample-announced-order"] = k.new_order()
        swap["4f6c2a1e-sample-checkout"] = k.product
    elif function_id == "PayOrdersFunction":
        swap["6a1f0c3e-sample-paid-order"] = k.new_order()
    elif function_id == "FulfilOrdersFunction":
        swap["4c2e8b1a-sample-shipped-order"] = k.new_order()
    elif function_id == "PartnerCallbacksFunction":
        # A callback is about a shipment the simulator booked: for a new order there is none yet,
        # and the function takes its "unworkable message" path instead of delivering the event.
        swap["4c2e8b1a-sample-shipped-order"] = k.order_with_shipment()[0]
    elif function_id == "NotifyFunction":
        swap["3e9a5c1d-sample-notified-order"] = k.new_order()
    elif function_id == "ReadNotificationFunction":
        swap["1795255205000-3e9a5c1d-sample-notified-order-ORDER_CONFIRMED"] = k.notification()
    elif function_id == "ShippingWebhookFunction":
        order, shipment = k.order_with_shipment()
        # An event id of its own: the simulated partner's own "shipped" for the order has the sample's form.
        swap["evt_4c2e8b1a-sample-shipped-order_shipped"] = f"evt_bench_{uuid.uuid4().hex}"
        swap["4c2e8b1a-sample-shipped-order"] = order
        swap["shp_0f9e8d7c6b5a49382716a5b4c3d2e1f0"] = shipment
        swap["2026-11-21T10:00:05Z"] = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    for sample, real in swap.items():
        text = text.replace(sample, real)
    event = json.loads(text)
    if function_id == "ShippingWebhookFunction":
        headers.update(k.partner_signature(event["body"].encode()))
    if headers:
        event.setdefault("headers", {}).update(headers)
    return event


# ------------------------------------------------------------------ the benchmark


def summarize(samples):
    keys = ("wall_ms", "cpu_ms", "init_ms", "invoke_ms")
    summary = {key: round(statistics.median(s[key] for s in samples), 1) for key in keys}
    summary["wall_ms_min"] = round(min(s["wall_ms"] for s in samples), 1)
    summary["wall_ms_max"] = round(max(s["wall_ms"] for s in samples), 1)
    outcomes = {}
    for s in samples:
        outcomes[s["outcome"]] = outcomes.get(s["outcome"], 0) + 1
    summary["outcomes"] = outcomes
    return summary


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--only", help="comma-separated function ids (default: every function in template.yaml)")
    parser.add_argument("--no-build", action="store_true")
    parser.add_argument("--port", type=int, default=3590)
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--class-logs", metavar="DIR", help="keep each function's -Xlog:class+load list in DIR")
    args = parser.parse_args()
    java = java_home()
    version = subprocess.run([str(java / "bin/java"), "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    if not args.no_build:
        env = dict(os.environ, JAVA_HOME=str(java))
        subprocess.run([str(ROOT / "mvnw"), "-q", "-B", "-ntp", "-Pbench", "install", "-DskipTests"], cwd=ROOT, env=env,
                       check=True)
    work = pathlib.Path(tempfile.mkdtemp(prefix="kiosk-cold-"))
    os.chmod(work, 0o700)
    kiosk = Kiosk(work, args.port)
    try:
        lam = Lambda(java, work)
        ids = sorted(kiosk.functions) if not args.only else args.only.split(",")
        missing = [i for i in ids if i not in kiosk.functions or not (EVENTS / f"{i}.json").is_file()]
        if missing:
            raise SystemExit(f"not in template.yaml or without an events/ file: {missing}")
        bare = {**BARE, "memoryMb": kiosk.functions["GetProductFunction"]["memoryMb"],
                "environment": kiosk.functions["GetProductFunction"]["environment"]}
        runs = {i: [] for i in ids}
        runs["bare"] = []
        rng = random.Random(args.seed)

        def measure(name, function, event):
            sample = lam.cold(function, event)
            sample["outcome"] = outcome(sample.pop("answer"))
            runs[name].append(sample)
            settle()

        def settle():
            while kiosk.after_run:
                kiosk.after_run.pop()()

        def bare_run():
            measure("bare", bare, event_of("GetProductFunction", kiosk))

        # One warm-up round, not counted: the page cache, DynamoDB Local's and ElasticMQ's own JIT.
        for i in ids:
            lam.cold(kiosk.functions[i], event_of(i, kiosk))
            settle()
        lam.cold(bare, event_of("GetProductFunction", kiosk))
        started = time.time()
        for round_number in range(args.runs):
            order = ids[:]
            rng.shuffle(order)
            thirds = {0, len(order) // 3, 2 * len(order) // 3}
            for position, i in enumerate(order):
                if position in thirds:
                    bare_run()
                measure(i, kiosk.functions[i], event_of(i, kiosk))
            print(f"round {round_number + 1}/{args.runs} done ({time.time() - started:.0f} s)", file=sys.stderr)
        kept = (lambda name: pathlib.Path(args.class_logs) / f"{name}.log") if args.class_logs else (lambda name: None)
        classes = {}
        for i in ids:
            classes[i] = lam.classes_loaded(kiosk.functions[i], event_of(i, kiosk), kept(i))
            settle()
        classes["bare"] = lam.classes_loaded(bare, event_of("GetProductFunction", kiosk), kept("bare"))
    finally:
        kiosk.close()
        shutil.rmtree(work, ignore_errors=True)

    http_functions = {i for i in ids if "routeKey" in json.loads((EVENTS / f"{i}.json").read_text())
                      and json.loads((EVENTS / f"{i}.json").read_text()).get("type") != "REQUEST"}
    report = {"java": version, "runs": args.runs, "bare_runs": len(runs["bare"]), "functions": {}}
    reference = summarize(runs["bare"])
    reference["classes_loaded"] = classes["bare"]
    reference["package_bytes"] = pathlib.Path(BARE["codeUri"]).stat().st_size
    report["bare"] = reference
    for i in ids:
        summary = summarize(runs[i])
        summary["classes_loaded"] = classes[i]
        summary["package"] = pathlib.Path(kiosk.functions[i]["codeUri"]).name
        summary["package_bytes"] = pathlib.Path(kiosk.functions[i]["codeUri"]).stat().st_size
        summary["ratio_wall"] = round(summary["wall_ms"] / reference["wall_ms"], 3)
        summary["ratio_cpu"] = round(summary["cpu_ms"] / reference["cpu_ms"], 3)
        budget = BUDGET_GET_PRODUCT_RATIO if i == "GetProductFunction" else BUDGET_HTTP_RATIO if i in http_functions else None
        summary["budget_ratio"] = budget
        summary["wall_ok"] = None if budget is None else summary["ratio_wall"] <= budget
        summary["package_ok"] = summary["package_bytes"] <= BUDGET_PACKAGE_BYTES
        report["functions"][i] = summary

    print(f"Cold start under Lambda's runtime interface client, {args.runs} runs each, medians ({version})")
    print(f"bare reference: wall {reference['wall_ms']} ms (init {reference['init_ms']}, first invoke "
          f"{reference['invoke_ms']}), CPU {reference['cpu_ms']} ms, {reference['classes_loaded']} classes, "
          f"{len(runs['bare'])} runs")
    header = f"{'function':30}{'wall':>8}{'x bare':>8}{'budget':>8}{'CPU':>8}{'x bare':>8}{'init':>8}{'invoke':>8}" \
             f"{'classes':>9}{'MB':>7}  answers"
    print(header)
    for i in ids:
        s = report["functions"][i]
        budget = "-" if s["budget_ratio"] is None else f"{s['budget_ratio']}{'' if s['wall_ok'] else '!'}"
        print(f"{i:30}{s['wall_ms']:>8}{s['ratio_wall']:>8}{budget:>8}{s['cpu_ms']:>8}{s['ratio_cpu']:>8}"
              f"{s['init_ms']:>8}{s['invoke_ms']:>8}{s['classes_loaded']:>9}"
              f"{s['package_bytes'] / 1e6:>6.1f}{'' if s['package_ok'] else '!'}  "
              + ", ".join(f"{k} x{v}" for k, v in s["outcomes"].items()))
    missed_wall = [i for i in ids if report["functions"][i]["wall_ok"] is False]
    missed_package = sorted({report["functions"][i]["package"] for i in ids if not report["functions"][i]["package_ok"]})
    print(f"wall budget missed by: {missed_wall or 'none'}; packages over 9 MB: {missed_package or 'none'}")
    results = ROOT / "bench/results"
    results.mkdir(exist_ok=True)
    (results / "cold-start-all.json").write_text(json.dumps(report, indent=2) + "\n")
    return 0 if not missed_wall and not missed_package else 1


if __name__ == "__main__":
    sys.exit(main())
