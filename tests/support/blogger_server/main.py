"""The command line and the server's lifetime.

  python3 tests/support/blogger_server.py --state-dir DIR [--fault SPEC]...
      [--latency-ms N] [--custom-domain HOST] [--lifetime SECONDS]

Binds 127.0.0.1 on a free port (or --port), writes DIR/ca.pem (the CA to
verify with), DIR/requests.jsonl (the request log) and DIR/connects.jsonl
(the CONNECT tunnels; see http_conn.RequestLog), then prints one JSON
line on stdout and flushes it:
  {"port": P, "ca": "DIR/ca.pem", "log": "DIR/requests.jsonl"}
It exits (status 0) on stdin EOF (unless --ignore-stdin), SIGTERM or SIGINT,
or when --lifetime seconds (default 600) have passed, so a crashed test
never leaves it running. Keep its stdin a pipe you hold open: /dev/null
ends it at once.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import threading
from pathlib import Path

from . import certs, faults
from .http_conn import RequestLog, Server
from .routes import App


def parse_args(argv):
    ap = argparse.ArgumentParser(
        prog="blogger_server.py",
        description="A local Blogger-like server (127.0.0.1 only) serving the sample blog, with faults.",
        epilog="Faults: " + ", ".join(k + (":N" if v[2] == "int" else ":SECONDS" if v[2] else "")
                                      for k, v in faults.KINDS.items()) + ". See faults.py.")
    ap.add_argument("--state-dir", required=True, type=Path, help="where ca.pem, the keys and requests.jsonl go")
    ap.add_argument("--fault", action="append", default=[], type=faults.parse_spec, metavar="SPEC",
                    help="enable a fault (repeatable)")
    ap.add_argument("--latency-ms", type=int, default=0, metavar="N", help="delay every answer by N ms")
    ap.add_argument("--custom-domain", metavar="HOST", help="serve the blog at HOST; blogspot URLs 301 there")
    ap.add_argument("--lifetime", type=float, default=600.0, metavar="SECONDS",
                    help="exit after this long (default 600)")
    ap.add_argument("--port", type=int, default=0, help="port to bind on 127.0.0.1 (default: a free one)")
    ap.add_argument("--max-connections", type=int, default=64, metavar="N",
                    help="connections served at once; more wait in the backlog (default 64)")
    ap.add_argument("--ignore-stdin", action="store_true", help="do not exit on stdin EOF")
    args = ap.parse_args(argv)
    if args.latency_ms < 0 or args.latency_ms > 60000:
        ap.error("--latency-ms must be 0..60000")
    if not 0 < args.lifetime <= 86400:
        ap.error("--lifetime must be in (0, 86400]")
    if not 1 <= args.max_connections <= 1024:
        ap.error("--max-connections must be 1..1024")
    if args.custom_domain and (args.custom_domain.endswith(".blogspot.com") or "/" in args.custom_domain):
        ap.error("--custom-domain takes a host name that is not on blogspot")
    return args


def main(argv=None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    state = args.state_dir.resolve()
    state.mkdir(parents=True, exist_ok=True)
    app = App(faults.Faults(args.fault), args.custom_domain)
    ca, cert, key = certs.make(state, app.cert_hosts())
    log_path = state / "requests.jsonl"
    log, connects = RequestLog(log_path), RequestLog(state / "connects.jsonl")
    server = Server(app, log, connects, str(cert), str(key), args.latency_ms, args.max_connections, args.port)
    signal.signal(signal.SIGTERM, lambda *_: server.stop.set())
    signal.signal(signal.SIGINT, lambda *_: server.stop.set())
    if not args.ignore_stdin:
        threading.Thread(target=watch_stdin, args=(server.stop,), daemon=True).start()
    threading.Thread(target=server.serve_forever, daemon=True).start()
    sys.stdout.write(json.dumps({"port": server.port, "ca": str(ca), "log": str(log_path)}) + "\n")
    sys.stdout.flush()
    server.stop.wait(args.lifetime)
    server.close()
    log.close()
    connects.close()
    sys.stderr.flush()
    os._exit(0)  # daemon threads may be mid-sleep in a fault; nothing of theirs needs finishing


def watch_stdin(stop: threading.Event):
    try:
        while sys.stdin.buffer.read1(4096):
            pass
    except (OSError, ValueError):
        pass
    stop.set()
