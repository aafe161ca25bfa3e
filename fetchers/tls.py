"""The trust store every HTTPS connection checks certificates against, built once.

The same trust as httpx's default: `$SSL_CERT_FILE` when set, else `$SSL_CERT_DIR`, else
certifi's bundle. Loading a bundle is ~18 ms of OpenSSL work that does not hold the GIL,
so the launch's forked load starts it in a thread (`build_ahead`) before importing asyncio
and httpx (~50 ms of Python), and the two overlap instead of following each other.
"""

from __future__ import annotations

import os
import ssl
import threading

_lock = threading.Lock()
_context: ssl.SSLContext | None = None


def build_ahead() -> None:
    """Start building the context in a thread; the first `tls_context()` waits for it."""
    threading.Thread(target=tls_context, name="tls-context", daemon=True).start()


def tls_context() -> ssl.SSLContext:
    """The context (built by the first caller; the others wait for it)."""
    global _context
    with _lock:
        if _context is None:
            _context = _create()
        return _context


def _create() -> ssl.SSLContext:
    if cafile := os.environ.get("SSL_CERT_FILE"):
        return ssl.create_default_context(cafile=cafile)
    if capath := os.environ.get("SSL_CERT_DIR"):
        return ssl.create_default_context(capath=capath)
    import certifi  # httpx's own dependency

    return ssl.create_default_context(cafile=certifi.where())
