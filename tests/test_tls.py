"""Every HTTPS request checks certificates against one trust store, as httpx would by
default ($SSL_CERT_FILE, else $SSL_CERT_DIR, else certifi), built once and possibly ahead."""

from __future__ import annotations

import ssl
from pathlib import Path

import certifi
import pytest

from fetchers import tls
from fetchers.http import make_client


def _first_certificate(bundle: str) -> str:
    text = Path(bundle).read_text()
    end = text.index("-----END CERTIFICATE-----") + len("-----END CERTIFICATE-----")
    return text[text.index("-----BEGIN CERTIFICATE-----") : end] + "\n"


@pytest.fixture
def fresh(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tls, "_context", None)
    monkeypatch.delenv("SSL_CERT_FILE", raising=False)
    monkeypatch.delenv("SSL_CERT_DIR", raising=False)


def test_ssl_cert_file_is_the_trust_store_when_set(
    fresh: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    one = tmp_path / "one-ca.pem"
    one.write_text(_first_certificate(certifi.where()))
    monkeypatch.setenv("SSL_CERT_FILE", str(one))

    context = tls.tls_context()

    assert context.cert_store_stats()["x509_ca"] == 1
    assert context.verify_mode == ssl.CERT_REQUIRED and context.check_hostname


def test_without_the_environment_certifi_is_the_trust_store(fresh: None) -> None:
    expected = ssl.create_default_context(cafile=certifi.where()).cert_store_stats()
    assert tls.tls_context().cert_store_stats() == expected


async def test_built_ahead_it_is_built_once_and_every_client_uses_it(fresh: None) -> None:
    tls.build_ahead()
    context = tls.tls_context()  # waits for the thread's build
    assert tls.tls_context() is context
    async with make_client() as client:
        pool = client._transport._pool  # type: ignore[attr-defined]
        assert pool._ssl_context is context
