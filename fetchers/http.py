"""The shared HTTP client and a JSON GET that turns every failure into a `FetchError`.

Polite by default: a User-Agent naming the program and its version (Lobsters throttles
anonymous-looking agents), waits on 429 as long as `Retry-After` (or the `RateLimit-Reset`
family) asks, and a pause when a site says the current window's quota is used up.
"""

from __future__ import annotations

import asyncio
from typing import Any

import httpx

from fetchers.errors import BadResponse, NotFound, Unreachable
from fetchers.json_decode import decode_json
from fetchers.rate_limits import quota_exhausted_wait, retry_after_seconds
from fetchers.tls import tls_context
from threads.version import VERSION

USER_AGENT = f"threadreader/{VERSION} (terminal reader for discussion threads)"
TIMEOUT = httpx.Timeout(10.0, connect=5.0)
RETRY_STATUSES = {429, 500, 502, 503, 504}
MAX_RETRIES = 2
MAX_RETRY_AFTER = 10.0
REQUEST_DEADLINE = 30.0  # seconds for one whole response, however it trickles in
MAX_RESPONSE_BYTES = 128 * 2**20  # the biggest HN threads are ~10 MB from Algolia


def make_client() -> httpx.AsyncClient:
    """One client per app: connection pooling, timeouts on every request, our User-Agent,
    the one trust store (`fetchers/tls.py`)."""
    return httpx.AsyncClient(
        verify=tls_context(),
        timeout=TIMEOUT,
        headers={"User-Agent": USER_AGENT},
        follow_redirects=True,
        limits=httpx.Limits(max_connections=16, max_keepalive_connections=16),
    )


def _retry_delay(response: httpx.Response, attempt: int) -> float:
    """How long to wait before retrying: what the site asks, else a short backoff.

    More than `MAX_RETRY_AFTER` means "give up now" (the caller does not retry).
    """
    asked = retry_after_seconds(response.headers)
    if asked is None:
        return min(0.25 * 2.0**attempt, MAX_RETRY_AFTER)
    return asked


async def _pause(seconds: float) -> None:
    """Every wait a fetch makes (tests record them instead of sleeping)."""
    await asyncio.sleep(seconds)


async def get_json(
    client: httpx.AsyncClient, url: str, *, site: str, retries: int = MAX_RETRIES
) -> Any:
    """GET `url` and decode JSON. Retries with backoff only on 429 and 5xx.

    Raises:
        NotFound: on 404.
        Unreachable: on connection errors and timeouts.
        BadResponse: on other statuses or a body that is not JSON.
    """
    delay = 0.0
    for attempt in range(retries + 1):
        response, body = await _fetch(client, url, site)
        if response.status_code in RETRY_STATUSES and attempt < retries:
            delay = _retry_delay(response, attempt)
            if delay <= MAX_RETRY_AFTER:
                await _pause(delay)
                continue
        break
    if response.status_code == 404:
        raise NotFound(f"{site} has no such item ({url}).")
    if response.status_code == 429:
        wait = f"{delay:.0f} seconds" if delay > MAX_RETRY_AFTER else "a minute"
        raise BadResponse(f"{site} is rate-limiting us (HTTP 429); try again in {wait}.")
    if response.status_code >= 400:
        raise BadResponse(f"{site} answered HTTP {response.status_code} for {url}.")
    quota_wait = quota_exhausted_wait(response.headers)
    if quota_wait is not None and quota_wait <= MAX_RETRY_AFTER:
        await _pause(quota_wait)  # the next request of this fetch would only be refused
    return decode_json(body, f"{site}'s reply for {url}")


async def _fetch(client: httpx.AsyncClient, url: str, site: str) -> tuple[httpx.Response, bytes]:
    """One GET with an overall deadline (a server dripping bytes cannot hold us forever)
    and a size cap (nor fill the memory)."""
    try:
        async with asyncio.timeout(REQUEST_DEADLINE):
            async with client.stream("GET", url) as response:
                chunks: list[bytes] = []
                size = 0
                async for chunk in response.aiter_bytes():
                    size += len(chunk)
                    if size > MAX_RESPONSE_BYTES:
                        raise BadResponse(
                            f"{site} sent more than {MAX_RESPONSE_BYTES // 2**20} MB for {url}."
                        )
                    chunks.append(chunk)
                return response, b"".join(chunks)
    except TimeoutError as error:
        raise Unreachable(f"{site} did not answer in time ({url}).") from error
    except httpx.TimeoutException as error:
        raise Unreachable(f"{site} did not answer in time ({url}).") from error
    except httpx.RemoteProtocolError as error:
        raise Unreachable(f"{site} closed the connection mid-response ({url}).") from error
    except httpx.HTTPError as error:
        raise Unreachable(f"Could not reach {site} ({_describe(error)}).") from error


def _describe(error: httpx.HTTPError) -> str:
    text = str(error) or type(error).__name__
    return text.splitlines()[0][:200]
