#!/usr/bin/env python3
"""A scripted, misbehaving HTTP/1.1 server on 127.0.0.1 for bnc's end-to-end tests.

Each request gets the next step of a script: an ordinary answer with any status, headers and
body; exact bytes; a large stream produced without holding it in memory; a trickle; a hang-up
without an answer; or silence. The tests start it (Tests/EndToEndTests/HostileServer.swift),
read its address and PID from the first line of standard output, read what it received from the
request log, and stop it by PID. It also stops by itself after --duration seconds.

Usage: hostile_server.py --scenario FILE --log FILE [--duration SECONDS]

Scenario (JSON):
  {"steps": [STEP, ...],                      # default script, in order; the last repeats
   "routes": {"DELETE /sapi/v1/margin/order": [STEP, ...], ...}}   # per "METHOD /path" (query ignored)
STEP:
  {"kind": "answer", "status": 200, "reason": "(from the status)", "headers": [["Name", "value"], ...],
   "body": "text", "delayMs": 0, "close": false}     # Content-Length added unless a header sets it
  {"kind": "raw", "bytes": "text (latin-1: each char one byte)", "delayMs": 0, "close": true}
  {"kind": "stream", "head": "...", "repeated": "...", "count": N, "tail": "...", "close": true}
  {"kind": "trickle", "bytes": "...", "bytesPerWrite": 1, "intervalMs": 100, "close": true}
  {"kind": "hangUp", "delayMs": 0}
  {"kind": "silent"}
Request log: one JSON object a line:
  {"connection": n, "method": ..., "target": ..., "headers": [[name, value], ...], "body": ..., "atMs": ...}
"""

import argparse
import http
import json
import os
import signal
import socket
import sys
import threading
import time

MAX_HEAD = 64 * 1024
MAX_BODY = 1024 * 1024


class Script:
    """Hands out steps: per route when one matches, else from the default list."""

    def __init__(self, scenario):
        self.lock = threading.Lock()
        self.lists = {None: scenario.get("steps") or [{"kind": "hangUp"}]}
        for route, steps in (scenario.get("routes") or {}).items():
            self.lists[route] = steps
        self.counters = {key: 0 for key in self.lists}

    def next(self, method, target):
        path = target.split("?", 1)[0]
        key = f"{method} {path}"
        with self.lock:
            if key not in self.lists:
                key = None
            steps = self.lists[key]
            index = min(self.counters[key], len(steps) - 1)
            self.counters[key] += 1
            return steps[index]


class RequestLog:
    def __init__(self, path):
        self.lock = threading.Lock()
        self.file = open(path, "a", encoding="utf-8")

    def write(self, record):
        with self.lock:
            self.file.write(json.dumps(record) + "\n")
            self.file.flush()


def read_request(conn, buffered):
    """Returns (method, target, headers, body, rest) or None when the peer closed or sent too much."""
    data = buffered
    while b"\r\n\r\n" not in data:
        if len(data) > MAX_HEAD:
            return None
        chunk = conn.recv(65536)
        if not chunk:
            return None
        data += chunk
    head, rest = data.split(b"\r\n\r\n", 1)
    lines = head.decode("latin-1").split("\r\n")
    parts = lines[0].split(" ")
    if len(parts) < 2:
        return None
    method, target = parts[0], parts[1]
    headers = []
    length = 0
    for line in lines[1:]:
        if ":" not in line:
            continue
        name, value = line.split(":", 1)
        headers.append([name.strip(), value.strip()])
        if name.strip().lower() == "content-length":
            try:
                length = min(int(value.strip()), MAX_BODY)
            except ValueError:
                length = 0
    while len(rest) < length:
        chunk = conn.recv(65536)
        if not chunk:
            break
        rest += chunk
    body, rest = rest[:length], rest[length:]
    return method, target, headers, body.decode("latin-1"), rest


def default_reason(status):
    try:
        return http.HTTPStatus(status).phrase
    except ValueError:
        return "Unknown"


def send_step(conn, step, stop):
    """Performs one step; returns False when the connection must be closed."""
    kind = step.get("kind", "answer")
    delay = step.get("delayMs", 0) / 1000.0
    if delay:
        if stop.wait(delay):
            return False
    if kind == "answer":
        status = step.get("status", 200)
        reason = step.get("reason") or default_reason(status)
        body = step.get("body", "").encode("utf-8")
        headers = step.get("headers", [["Content-Type", "application/json"]])
        lines = [f"HTTP/1.1 {status} {reason}"]
        names = set()
        for name, value in headers:
            lines.append(f"{name}: {value}")
            names.add(name.lower())
        if "content-length" not in names and "transfer-encoding" not in names:
            lines.append(f"Content-Length: {len(body)}")
        if step.get("close"):
            lines.append("Connection: close")
        conn.sendall(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body)
        return not step.get("close", False)
    if kind == "raw":
        conn.sendall(step.get("bytes", "").encode("latin-1"))
        return not step.get("close", True)
    if kind == "stream":
        conn.sendall(step.get("head", "").encode("latin-1"))
        piece = step.get("repeated", "").encode("latin-1")
        count = step.get("count", 0)
        batch = max(1, 65536 // max(1, len(piece)))
        sent = 0
        while sent < count and not stop.is_set():
            n = min(batch, count - sent)
            conn.sendall(piece * n)
            sent += n
        conn.sendall(step.get("tail", "").encode("latin-1"))
        return not step.get("close", True)
    if kind == "trickle":
        data = step.get("bytes", "").encode("latin-1")
        size = max(1, step.get("bytesPerWrite", 1))
        interval = step.get("intervalMs", 100) / 1000.0
        for start in range(0, len(data), size):
            conn.sendall(data[start:start + size])
            if stop.wait(interval):
                return False
        return not step.get("close", True)
    if kind == "hangUp":
        return False
    if kind == "silent":
        stop.wait()
        return False
    raise ValueError(f"unknown step kind {kind}")


def serve_connection(conn, number, script, log, stop):
    conn.settimeout(None)
    buffered = b""
    try:
        while not stop.is_set():
            request = read_request(conn, buffered)
            if request is None:
                return
            method, target, headers, body, buffered = request
            log.write({"connection": number, "method": method, "target": target, "headers": headers,
                       "body": body, "atMs": int(time.time() * 1000)})
            if not send_step(conn, script.next(method, target), stop):
                return
    except (ConnectionError, OSError):
        return
    finally:
        try:
            conn.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        conn.close()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--scenario", required=True)
    parser.add_argument("--log", required=True)
    parser.add_argument("--duration", type=float, default=60)
    args = parser.parse_args()
    with open(args.scenario, encoding="utf-8") as file:
        script = Script(json.load(file))
    log = RequestLog(args.log)
    stop = threading.Event()

    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", 0))
    listener.listen(64)
    listener.settimeout(0.2)
    # The PID too: the interpreter may run under a launcher (a pyenv shim) that a signal to the
    # started process would not reach.
    print(f"http://127.0.0.1:{listener.getsockname()[1]} pid={os.getpid()}", flush=True)

    def finish(*_):
        stop.set()

    signal.signal(signal.SIGTERM, finish)
    signal.signal(signal.SIGINT, finish)
    # Started from a test runner's worker thread, the process inherits its blocked signals: without
    # this, SIGTERM stays pending and the server only stops at --duration.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
    deadline = time.monotonic() + args.duration
    number = 0
    while not stop.is_set() and time.monotonic() < deadline:
        try:
            conn, _ = listener.accept()
        except socket.timeout:
            continue
        except OSError:
            break
        number += 1
        threading.Thread(target=serve_connection, args=(conn, number, script, log, stop), daemon=True).start()
    stop.set()
    listener.close()
    # Daemon threads end with the process; a silent step's connection is closed by the exit.
    os._exit(0)


if __name__ == "__main__":
    main()
