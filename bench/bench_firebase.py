"""Firebase fallback benchmark: how long a whole thread takes, by requests in flight.

A local threaded HTTP server answers `GET /v0/item/ID.json` with an injected latency per
request (as a real network would), serving the 485-comment fixture and a generated
3,000-comment thread. Prints wall time per concurrency level; the fetcher's default is
the level that wins here.

Run: python -m bench.bench_firebase [--latency-ms 20] [--levels 1,4,8,16,32]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from multiprocessing import Process, Queue
from pathlib import Path
from typing import Any

from bench.synthetic import generate_thread
from fetchers.hackernews import FIREBASE_CONCURRENCY, fetch_thread_firebase
from fetchers.http import make_client
from fetchers.saved import load_thread_file
from threads.model import Thread

FIXTURE = (
    Path(__file__).parent.parent / "tests" / "fixtures" / "algolia-item-26312516-485-comments.json"
)


def firebase_items(thread: Thread) -> dict[str, bytes]:
    """The Firebase item documents of a thread, by id, pre-encoded."""
    items: dict[str, Any] = {
        thread.id: {
            "id": int(thread.id),
            "type": "story",
            "title": thread.title,
            "descendants": thread.comment_count,
            "kids": [int(c.id) for c in thread.comments],
        }
    }
    for comment, _ in thread.walk():
        items[comment.id] = {
            "id": int(comment.id),
            "type": "comment",
            "by": comment.author,
            "text": comment.plain_text,
            "time": 1716628000,
            "kids": [int(c.id) for c in comment.children],
        }
    return {key: json.dumps(value).encode() for key, value in items.items()}


def _serve_forever(items: dict[str, bytes], latency: float, ports: Queue[int]) -> None:
    server = serve(items, latency)
    ports.put(server.server_port)
    threading.Event().wait()


def serve_in_process(items: dict[str, bytes], latency: float) -> tuple[Process, int]:
    """The server in its own process, so its CPU does not compete with the client's GIL."""
    ports: Queue[int] = Queue()
    process = Process(target=_serve_forever, args=(items, latency, ports), daemon=True)
    process.start()
    return process, ports.get(timeout=10)


def serve(items: dict[str, bytes], latency: float) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def setup(self) -> None:
            super().setup()
            # Headers and body go out in two writes: without this, Nagle's algorithm and
            # delayed ACKs add ~40 ms to every response and measure nothing of ours.
            self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

        def do_GET(self) -> None:  # noqa: N802 - http.server's naming
            time.sleep(latency)
            item_id = self.path.rsplit("/", 1)[-1].removesuffix(".json")
            body = items.get(item_id, b"null")
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


async def timed_fetch(thread_id: str, concurrency: int) -> tuple[float, int]:
    async with make_client() as client:
        start = time.perf_counter()
        thread = await fetch_thread_firebase(client, thread_id, concurrency=concurrency)
        return time.perf_counter() - start, thread.comment_count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--latency-ms", type=float, default=20.0)
    parser.add_argument("--levels", default="1,4,8,16,32")
    args = parser.parse_args()
    threads = {
        "485-comment fixture": load_thread_file(FIXTURE),
        "3,000 generated": generate_thread(3000),
    }
    for label, thread in threads.items():
        process, port = serve_in_process(firebase_items(thread), args.latency_ms / 1000)
        os.environ["THREADREADER_HN_FIREBASE_URL"] = f"http://127.0.0.1:{port}/v0"
        print(f"{label}, {args.latency_ms:.0f} ms per request:")
        for level in (int(n) for n in args.levels.split(",")):
            seconds, count = asyncio.run(timed_fetch(thread.id, level))
            mark = "  <- default" if level == FIREBASE_CONCURRENCY else ""
            print(f"  {level:>3} in flight: {seconds:6.2f} s for {count:,} comments{mark}")
        process.terminate()


if __name__ == "__main__":
    main()
