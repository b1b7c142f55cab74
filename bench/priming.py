#!/usr/bin/env python3
"""Does SnapStart priming pay? For every function in template.yaml, in fresh JVMs under AWS's
runtime interface client (the same command line, package and environment as cold-start-all.py):

  (a) the first real invocation with no priming: an on-demand environment,
  (b) the first real invocation after the priming hooks ran: an environment started the way
      SnapStart starts one (AWS_LAMBDA_INITIALIZATION_TYPE=snap-start), where the client itself
      runs every registered CRaC resource's beforeCheckpoint (what Lambda runs before it takes the
      snapshot), asks /runtime/restore/next, runs afterRestore and only then asks for an event,
  (c) the warm p50: the same on-demand environment as (a) answering --warm more events, the p50
      of those after the first --settle.

This is not a snapshot: a real SnapStart restore also pays for pages faulted back in, which no
local JVM can show. What it measures is what priming is for: how much of the first request's
class loading, initialization and first-run work the primers moved out of it. Budget (issue 17):
(b) within 2x (c) for every function.

Every event is the function's events/<Id>.json pointed at things made through a local runtime
(`local/run`, in another process) as cold-start-all.py makes them, a fresh one for each invocation
that uses one up; the answers' statuses are reported beside the timings, so a run that took a
refusal path shows. Priming itself may not write: the primers run with the SDK's HTTP client
answering from memory, so nothing they do leaves the process.

Usage: bench/priming.py [--runs N] [--warm N] [--settle N] [--only Id,Id] [--no-build]
"""
import argparse
import importlib.util
import json
import os
import pathlib
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid

ROOT = pathlib.Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("cold_start_all", ROOT / "bench/cold-start-all.py")
cold = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(cold)

BUDGET_PRIMED_OVER_WARM = 2.0


class Environment(cold.RuntimeApiServer):
    """Lambda's Runtime API for one execution environment answering a series of events."""

    def __init__(self, events, count, arn):
        super().__init__()
        self.events = events  # called for each event, on the client's ask (not timed)
        self.count = count
        self.arn = arn
        self.next_at = None  # the client's first ask for an event: init is done
        self.restore_asked = False
        self.invocations = []  # [handed_at, answered_at, answer]
        self.failure = None
        self.done = threading.Event()
        env = self

        class Handler(cold.RuntimeApiHandler):

            def do_GET(self):
                if self.path.endswith("/runtime/restore/next"):
                    env.restore_asked = True
                    return self.reply(200, b"")
                if not self.path.endswith("/runtime/invocation/next"):
                    return self.reply(404, b"{}")
                if env.next_at is None:
                    env.next_at = time.perf_counter()
                if len(env.invocations) >= env.count:
                    env.done.set()
                    env.closing.wait(120)
                    return
                try:
                    event = env.events()
                except Exception as e:  # the data an event needs could not be made: say so now, not in 600 s
                    env.failure = f"the bench could not make event {len(env.invocations) + 1}: {e!r}"
                    env.done.set()
                    return self.reply(500, b"{}")
                self.send_event(json.dumps(event).encode(), str(uuid.uuid4()), env.arn)
                env.invocations.append([time.perf_counter(), None, None])

            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                if "/invocation/" in self.path and env.invocations:
                    env.invocations[-1][1] = time.perf_counter()
                    env.invocations[-1][2] = body.decode()
                    if self.path.endswith("/error"):
                        env.failure = body.decode()
                        env.done.set()
                elif self.path.endswith("/init/error") or self.path.endswith("/restore/error"):
                    env.failure = body.decode()
                    env.done.set()
                self.reply(202, b"{}")

        self.serve(Handler)


def run_environment(lam, function, events, count, snap_start, extra_flags=()):
    """One fresh JVM answering count events; init time and each invocation's time."""
    env = Environment(events, count, function.get("arn", cold.ARN))
    log = lam.work / "function.log"
    process, started = lam.start(function, env.address, log, extra_flags, "snap-start" if snap_start else "on-demand")
    try:
        if not env.done.wait(int(os.environ.get("KIOSK_BENCH_WAIT", "600"))):
            raise RuntimeError(f"{function['handler']} did not answer {count} events in 600 s:\n{log.read_text()[-3000:]}")
    finally:
        process.kill()
        process.wait()
        env.close()
    text = log.read_text(errors="replace")
    if env.failure is not None:
        raise RuntimeError(f"{function['handler']} failed: {env.failure}\n{text[-3000:]}")
    if snap_start and not env.restore_asked:
        raise RuntimeError(f"{function['handler']}: the client never asked /runtime/restore/next")
    primed = text.count("priming failed")
    return {"init_ms": (env.next_at - started) * 1000,
            "invoke_ms": [(answered - handed) * 1000 for handed, answered, _ in env.invocations],
            "outcomes": [cold.outcome(answer) for _, _, answer in env.invocations],
            "priming_failed": primed}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3, help="pairs of environments per function (default 3)")
    parser.add_argument("--warm", type=int, default=40, help="events the on-demand environment answers (default 40)")
    parser.add_argument("--settle", type=int, default=10, help="of those, how many come before the warm p50 (default 10)")
    parser.add_argument("--only", help="comma-separated function ids (default: every function in template.yaml)")
    parser.add_argument("--no-build", action="store_true")
    parser.add_argument("--port", type=int, default=3591)
    parser.add_argument("--seed", type=int, default=17)
    args = parser.parse_args()
    if args.warm <= args.settle:
        raise SystemExit("--warm must be more than --settle")
    java = cold.java_home()
    version = subprocess.run([str(java / "bin/java"), "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    if not args.no_build:
        subprocess.run([str(ROOT / "mvnw"), "-q", "-B", "-ntp", "install", "-DskipTests"], cwd=ROOT,
                       env=dict(os.environ, JAVA_HOME=str(java)), check=True)
    work = pathlib.Path(tempfile.mkdtemp(prefix="kiosk-priming-"))
    os.chmod(work, 0o700)
    kiosk = cold.Kiosk(work, args.port)
    results = {}
    try:
        lam = cold.Lambda(java, work)
        ids = sorted(kiosk.functions) if not args.only else args.only.split(",")
        missing = [i for i in ids if i not in kiosk.functions or not (cold.EVENTS / f"{i}.json").is_file()]
        if missing:
            raise SystemExit(f"not in template.yaml or without an events/ file: {missing}")

        def events_of(i):
            def next_event():
                while kiosk.after_run:
                    kiosk.after_run.pop()()
                return cold.event_of(i, kiosk)
            return next_event

        rng = random.Random(args.seed)
        started = time.time()
        samples = {i: {"a": [], "b": [], "c": [], "init_plain": [], "init_primed": [], "outcomes": {},
                       "priming_failed": 0} for i in ids}
        # One unmeasured environment per function first: the page cache, DynamoDB Local's own JIT.
        for i in ids:
            run_environment(lam, kiosk.functions[i], events_of(i), 2, False)
        for round_number in range(args.runs):
            order = ids[:]
            rng.shuffle(order)
            for i in order:
                s = samples[i]
                kinds = [False, True] if rng.random() < 0.5 else [True, False]
                for snap_start in kinds:
                    count = 1 if snap_start else args.warm
                    r = run_environment(lam, kiosk.functions[i], events_of(i), count, snap_start)
                    if snap_start:
                        s["b"].append(r["invoke_ms"][0])
                        s["init_primed"].append(r["init_ms"])
                        s["priming_failed"] += r["priming_failed"]
                    else:
                        s["a"].append(r["invoke_ms"][0])
                        s["c"].append(statistics.median(r["invoke_ms"][args.settle:]))
                        s["init_plain"].append(r["init_ms"])
                    for o in r["outcomes"]:
                        s["outcomes"][o] = s["outcomes"].get(o, 0) + 1
            print(f"round {round_number + 1}/{args.runs} done ({time.time() - started:.0f} s)", file=sys.stderr)
        while kiosk.after_run:
            kiosk.after_run.pop()()
        for i in ids:
            s = samples[i]
            a, b, c = (round(statistics.median(s[k]), 1) for k in ("a", "b", "c"))
            results[i] = {"first_unprimed_ms": a, "first_primed_ms": b, "warm_p50_ms": c,
                          "primed_over_warm": round(b / c, 2), "unprimed_over_warm": round(a / c, 2),
                          "init_ms": round(statistics.median(s["init_plain"]), 1),
                          "init_with_priming_ms": round(statistics.median(s["init_primed"]), 1),
                          "ok": b <= BUDGET_PRIMED_OVER_WARM * c, "outcomes": s["outcomes"],
                          "priming_failed": s["priming_failed"]}
    finally:
        kiosk.close()
        shutil.rmtree(work, ignore_errors=True)

    print(f"Priming: first invocation unprimed (a), primed (b), warm p50 (c); {args.runs} pairs of fresh JVMs "
          f"per function, (c) over events {args.settle + 1}-{args.warm}; medians ({version})")
    print(f"{'function':30}{'(a) ms':>9}{'(b) ms':>9}{'(c) ms':>9}{'b/c':>7}{'a/c':>7}{'init':>8}{'+prime':>8}  answers")
    for i in ids:
        r = results[i]
        print(f"{i:30}{r['first_unprimed_ms']:>9}{r['first_primed_ms']:>9}{r['warm_p50_ms']:>9}"
              f"{r['primed_over_warm']:>6}{'' if r['ok'] else '!'}{r['unprimed_over_warm']:>7}{r['init_ms']:>8}"
              f"{r['init_with_priming_ms']:>8}  " + ", ".join(f"{k} x{v}" for k, v in r["outcomes"].items())
              + (f"  (priming failed x{r['priming_failed']})" if r["priming_failed"] else ""))
    missed = [i for i in ids if not results[i]["ok"]]
    print(f"(b) over 2x (c): {missed or 'none'}")
    out = ROOT / "bench/results"
    out.mkdir(exist_ok=True)
    report = {"java": version, "runs": args.runs, "warm": args.warm, "settle": args.settle, "functions": results}
    (out / "priming.json").write_text(json.dumps(report, indent=2) + "\n")
    return 0 if not missed else 1


if __name__ == "__main__":
    sys.exit(main())
