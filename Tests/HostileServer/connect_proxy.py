#!/usr/bin/env python3
"""A CONNECT proxy of the tests' own (issue 14): bnc's proxy support is tested against it.

Listens on 127.0.0.1 (port 0: any free one), prints "listening PORT" on stdout, and for each
connection reads one request head (at most 16 KiB, 10 s), appends a JSON line to --log
({"line": "CONNECT host:port HTTP/1.1", "authorization": "Basic ..." or null}), then:
  --answer STATUS   answers STATUS to every CONNECT and closes (403, 502, ...);
  --auth USER:PASS  answers 407 unless Proxy-Authorization is Basic USER:PASS;
  --target H:P      connects every tunnel to H:P whatever host it names (a live exchange's name
                    reaches a local simulator: the live paths are tested with no real network);
  --delay SECONDS   waits this long before answering 200 to a CONNECT (a slow proxy or tunnel);
  otherwise connects to host:port, answers 200, and relays bytes both ways until either side closes.
Anything but CONNECT gets 405. Runs until killed, or --duration seconds.
"""
import argparse
import base64
import json
import os
import signal
import socket
import sys
import threading
import time


def read_head(conn):
    conn.settimeout(10)
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(4096)
        if not chunk:
            return None, b""
        data += chunk
        if len(data) > 16384:
            return None, b""
    head, _, rest = data.partition(b"\r\n\r\n")
    return head.decode("latin-1"), rest


def relay(source, target):
    try:
        while True:
            chunk = source.recv(65536)
            if not chunk:
                break
            target.sendall(chunk)
    except OSError:
        pass
    finally:
        for sock in (source, target):
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass


def handle(conn, args, lock):
    try:
        head, rest = read_head(conn)
        if head is None:
            conn.close()
            return
        lines = head.split("\r\n")
        headers = {}
        for line in lines[1:]:
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
        record = {"line": lines[0], "authorization": headers.get("proxy-authorization"), "at": time.time()}
        with lock:
            with open(args.log, "a") as log:
                log.write(json.dumps(record) + "\n")
        parts = lines[0].split(" ")
        if len(parts) != 3 or parts[0] != "CONNECT":
            conn.sendall(b"HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
            conn.close()
            return
        if args.answer:
            conn.sendall(b"HTTP/1.1 %d Refused By Test\r\nContent-Length: 0\r\nConnection: close\r\n\r\n" % args.answer)
            conn.close()
            return
        if args.auth:
            expected = "Basic " + base64.b64encode(args.auth.encode()).decode()
            if headers.get("proxy-authorization") != expected:
                conn.sendall(b"HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"test\"\r\n"
                             b"Content-Length: 0\r\nConnection: close\r\n\r\n")
                conn.close()
                return
        host, _, port = (args.target or parts[1]).rpartition(":")
        host = host.strip("[]")
        try:
            upstream = socket.create_connection((host, int(port)), timeout=10)
        except OSError:
            conn.sendall(b"HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
            conn.close()
            return
        upstream.settimeout(None)
        conn.settimeout(None)
        if args.delay > 0:
            time.sleep(args.delay)
        conn.sendall(b"HTTP/1.1 200 Connection Established\r\n\r\n")
        if rest:
            upstream.sendall(rest)
        threading.Thread(target=relay, args=(upstream, conn), daemon=True).start()
        relay(conn, upstream)
    except OSError:
        conn.close()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--log", required=True)
    parser.add_argument("--answer", type=int, default=0)
    parser.add_argument("--auth", default="")
    parser.add_argument("--target", default="")
    parser.add_argument("--delay", type=float, default=0)
    parser.add_argument("--duration", type=float, default=300)
    args = parser.parse_args()
    # A SIGTERM disposition of "ignore" survives exec: handle it explicitly so the tests can stop us.
    signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(("127.0.0.1", 0))
    server.listen(64)
    print("listening %d" % server.getsockname()[1], flush=True)
    lock = threading.Lock()
    deadline = time.time() + args.duration
    server.settimeout(1)
    while time.time() < deadline:
        try:
            conn, _ = server.accept()
        except socket.timeout:
            continue
        threading.Thread(target=handle, args=(conn, args, lock), daemon=True).start()
    server.close()


if __name__ == "__main__":
    sys.exit(main())
