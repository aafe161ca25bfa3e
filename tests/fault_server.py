"""A misbehaving HTTP server on 127.0.0.1, for faults pytest-httpserver cannot produce:
a response that stops half-way and one that drips a byte at a time.

Bounded in time: every connection is served by a daemon thread that gives up after a few
seconds, and the server stops when the test's fixture ends.
"""

from __future__ import annotations

import socket
import socketserver
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

DRIP_SECONDS = 5.0  # a dripping response stops after this long, whatever happens


class _Handler(socketserver.BaseRequestHandler):
    def handle(self) -> None:
        self.request.settimeout(DRIP_SECONDS)
        try:
            request = self.request.recv(65536).decode("latin-1")
        except OSError:
            return
        path = request.split(" ", 2)[1] if request.count(" ") >= 2 else "/"
        try:
            if path.startswith("/halfway"):
                self.request.sendall(
                    b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                    b"Content-Length: 1000\r\n\r\n" + b'{"id": 1, "children": ['
                )
            elif path.startswith("/drip"):
                self.request.sendall(
                    b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                    b"Content-Length: 100000\r\n\r\n"
                )
                deadline = time.monotonic() + DRIP_SECONDS
                while time.monotonic() < deadline:
                    self.request.sendall(b" ")
                    time.sleep(0.05)
            else:
                self.request.sendall(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n")
        except OSError:
            pass  # the client gave up, as it should


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


@contextmanager
def fault_server() -> Iterator[str]:
    """Run the server; yields its base URL (`http://127.0.0.1:PORT`)."""
    server = _Server(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        host, port = server.server_address[:2]
        yield f"http://{host}:{port}"
    finally:
        server.shutdown()
        server.server_close()


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])
