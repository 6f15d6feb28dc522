#!/usr/bin/env python3
"""Seeds the fuzz corpora (Fuzz/corpus/<target>/) from real inputs of the project.

Run once by hand, before the first fuzz run of a target; the fuzzer then grows the corpus and
`Fuzz/run.sh TARGET -merge=1` minimizes it. Existing files are kept (names are content hashes).
Sources: JSON in docs/*.md and the exchange's documentation page in ../shared/seed/, curl
commands and URLs in docs/signatures.md and Tests/, session logs from docs/session-log.md, raw
HTTP answers and session logs that Fuzz/record.sh captures from bnc and its simulator (it runs
this script with their directory as the argument), and the profile and HTTP shapes
written below (CRLF, BOM, chunked, interim answers...).
"""
import hashlib
import json
import os
import re
import sys

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
corpus = os.path.join(root, "Fuzz", "corpus")


def add(target, data):
    if isinstance(data, str):
        data = data.encode()
    directory = os.path.join(corpus, target)
    os.makedirs(directory, exist_ok=True)
    path = os.path.join(directory, "seed-" + hashlib.sha1(data).hexdigest()[:16])
    if not os.path.exists(path):
        with open(path, "wb") as f:
            f.write(data)


def read(path):
    with open(os.path.join(root, path), encoding="utf-8", errors="replace") as f:
        return f.read()


def json_texts():
    """JSON objects and arrays found in the docs and the exchange page (one per code block or line)."""
    texts = []
    sources = [os.path.join("docs", name) for name in sorted(os.listdir(os.path.join(root, "docs"))) if name.endswith(".md")]
    seed_dir = os.path.join(root, "..", "shared", "seed")
    if os.path.isdir(seed_dir):
        sources += [os.path.join("..", "shared", "seed", name) for name in sorted(os.listdir(seed_dir))]
    for source in sources:
        text = read(source)
        for block in re.findall(r"```[a-z]*\n(.*?)```", text, re.S) + re.findall(r"\n((?:    [^\n]*\n)+)", text):
            block = "\n".join(line[4:] if line.startswith("    ") else line for line in block.split("\n"))
            for candidate in [block] + block.split("\n"):
                candidate = candidate.strip()
                if candidate[:1] in "{[":
                    # The exchange page annotates examples with // comments: keep both forms.
                    texts.append(candidate)
                    stripped = re.sub(r"\s*//[^\n]*", "", candidate)
                    if stripped != candidate:
                        texts.append(stripped)
    return texts


def main():
    for text in json_texts():
        add("json", text)
        try:
            if isinstance(json.loads(text), dict):
                add("fields", text)
        except ValueError:
            pass

    # curl commands and URLs as users paste them into `bnc explain`.
    for source in ["docs/signatures.md"] + [
        os.path.join("Tests", d, f) for d in ("SignatureDebuggerTests", "EndToEndTests")
        for f in sorted(os.listdir(os.path.join(root, "Tests", d))) if f.endswith(".swift")
    ]:
        text = read(source)
        for match in re.findall(r"(curl [^\n]*|(?:GET |DELETE |POST )?https?://[^\s\"'`]*\?[^\s\"'`]*|\b(?:symbol|timestamp)=[^\s\"'`]*signature=[0-9a-f]+)", text):
            add("curl", match.replace('\\"', '"').rstrip("\\"))

    # Scripts: the examples, and the statements of docs/language.md's code blocks.
    for name in sorted(os.listdir(os.path.join(root, "examples"))):
        if name.endswith(".bnc"):
            add("script", read(os.path.join("examples", name)))
    for block in re.findall(r"```[a-z]*\n(.*?)```", read("docs/language.md"), re.S):
        add("script", block)

    # Profiles: every documented shape, in LF, CRLF, CR, with a byte-order mark.
    profiles = [
        "endpoint = sim\napiKey = vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A\n"
        "apiSecret = NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j\nrecvWindow = 5000\n",
        "# my profile\nendpoint = https://api.binance.com   # live\napiKey = k\nsecretFile = /home/me/.config/bnc/secret\n"
        "weightLimit = 6000\nweightWindow = 1m\nconnectTimeout = 5\nreadTimeout = 10\n",
        "endpoint = http://127.0.0.1:39791\napiKey = k\nprivateKeyFile = ~/.config/bnc/ed25519.pem\nweightWindow = 500ms\n",
        "endpoint = live\n\n   \n# nothing else\n",
        "apiSecret = s3cr3tvalue\n",
        "endpoint = sim\nendpoint = live\n",
        "recvWindow = 60001\n",
        "weightWindow = 10x\n",
        "unknown = 1\n",
        "apiKey\n",
    ]
    for profile in profiles:
        add("profile", profile)
        add("profile", profile.replace("\n", "\r\n"))
        add("profile", profile.replace("\n", "\r"))
        add("profile", "\ufeff" + profile.replace("\n", "\r\n"))

    # HTTP answers: the framings the parser must handle, beside those recorded from the simulator.
    body = '{"symbol":"LTCBTC","orderId":28,"origClientOrderId":"myOrder1","clientOrderId":"cancelMyOrder1","status":"CANCELED"}'
    error = '{"code":-2011,"msg":"Unknown order sent."}'
    answers = [
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s" % (len(body), body),
        "HTTP/1.1 400 Bad Request\r\nContent-Length: %d\r\nX-SAPI-USED-IP-WEIGHT-1M: 11\r\n\r\n%s" % (len(error), error),
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n10\r\n" + body[:16] + "\r\n%x;ext=1\r\n%s\r\n0\r\nX-Trailer: t\r\n\r\n" % (len(body) - 16, body[16:]),
        "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </x>\r\n\r\nHTTP/1.1 204 No Content\r\n\r\n",
        "HTTP/1.0 200 OK\r\nContent-Type: application/json\r\n\r\n" + body,
        "HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 2\r\n\r\n{}",
        "HTTP/1.1 429 Too Many Requests\r\nRetry-After: 7\r\nConnection: close\r\nContent-Length: 0\r\n\r\n",
        "HTTP/1.1 418 I'm a teapot\r\nContent-Length: 0\r\nRetry-After: 99999999999\r\n\r\n",
        "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nTransfer-Encoding: gzip, chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n",
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\nabc",
        "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}HTTP/1.1 200 OK\r\n",
        "HTTP/1.1 304 Not Modified\r\nContent-Length: 5\r\n\r\n",
        "HTTP/1.1 200\r\nContent-Length: 1\r\nContent-Length: 1\r\n\r\nx",
        "HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nxy",
        "HTTP/1.1 200 OK\r\nX-Esc: \x1b]0;title\x07\r\nContent-Length: 0\r\n\r\n",
    ]
    for answer in answers:
        add("http", answer)

    # Session logs shown in docs/session-log.md: each block of record lines is a log.
    for block in re.findall(r"```[a-z]*\n(.*?)```", read("docs/session-log.md"), re.S):
        if block.startswith('{"kind":'):
            add("log", block)

    # What Fuzz/record.sh captured (its directory is the argument): raw simulator answers and
    # session logs written by bnc.
    recorded = sys.argv[1] if len(sys.argv) > 1 else None
    if recorded and os.path.isdir(recorded):
        for name in sorted(os.listdir(recorded)):
            with open(os.path.join(recorded, name), "rb") as f:
                data = f.read()
            if name.endswith(".http"):
                add("http", data)
            elif name.endswith(".jsonl"):
                add("log", data)
                for line in data.split(b"\n"):
                    if line:
                        add("fields", line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
