"""Requests to Reddit: one at a time, paced, with its User-Agent and optional token.

One `RedditApi` per `httpx.AsyncClient` (`api_for`), so the first load, stub loads and a
background load of the same app share one rate budget.
"""

from __future__ import annotations

import asyncio
import sys
import weakref
from importlib.metadata import PackageNotFoundError, version
from typing import Any

import httpx

from fetchers.errors import BadResponse, NotFound, Unreachable
from fetchers.http import MAX_RESPONSE_BYTES, REQUEST_DEADLINE
from fetchers.json_decode import decode_json
from fetchers.reddit.addresses import oauth_url, reddit_url
from fetchers.reddit.auth import InstalledAppAuth
from fetchers.reddit.credentials import configured_client_id
from fetchers.reddit.pacing import RatePacer

SITE = "Reddit"
MAX_THROTTLES = 3  # 429s in a row before giving up on one request


def user_agent() -> str:
    """Reddit's required form: `<platform>:<app id>:<version> (<contact>)`."""
    try:
        own = version("threadreader")
    except PackageNotFoundError:
        own = "0"
    return f"{sys.platform}:threadreader:{own} (terminal discussion reader)"


class RedditApi:
    """GETs against Reddit's JSON API, anonymous or with an application-only token."""

    def __init__(
        self,
        client: httpx.AsyncClient,
        *,
        client_id: str | None = None,
        pacer: RatePacer | None = None,
    ) -> None:
        self._client = client
        self._agent = user_agent()
        self._auth = InstalledAppAuth(client_id, user_agent=self._agent) if client_id else None
        self.pacer = pacer or RatePacer()
        self._turn = asyncio.Lock()
        self.requests = 0
        """Requests sent so far (token requests not counted)."""

    async def get(self, path: str, params: dict[str, str]) -> Any:
        """GET an API path (`/comments/ID`) and decode its JSON.

        Raises:
            NotFound: on 404.
            Unreachable: on network failures.
            BadResponse: on other failures, or when still rate-limited after retries.
            Stopped: when the pacer was asked to stop while waiting.
        """
        async with self._turn:
            for _ in range(MAX_THROTTLES + 1):
                await self.pacer.before_request()
                response, body = await self._send(path, params)
                self.pacer.note(response.headers)
                if response.status_code == 429:
                    await self.pacer.after_throttle(response.headers)
                    continue
                if response.status_code == 401 and self._auth is not None:
                    self._auth.forget()  # expired or revoked: one more try with a new token
                    response, body = await self._send(path, params)
                    self.pacer.note(response.headers)
                return _decode(response, body, path)
        raise BadResponse("Reddit is still rate-limiting us after waiting; try again later.")

    async def _send(self, path: str, params: dict[str, str]) -> tuple[httpx.Response, bytes]:
        headers = {"User-Agent": self._agent}
        if self._auth is not None:
            headers.update(await self._auth.header(self._client))
            url = f"{oauth_url()}{path}"
        else:
            url = f"{reddit_url()}{path}.json"
        self.requests += 1
        return await _fetch(self._client, url, params, headers)


def _decode(response: httpx.Response, body: bytes, path: str) -> Any:
    status = response.status_code
    if status == 404:
        raise NotFound(f"Reddit has no such thread or comment ({path}).")
    if status == 403:
        raise BadResponse("Reddit refused access (HTTP 403): the subreddit may be private.")
    if status >= 400:
        raise BadResponse(f"Reddit answered HTTP {status} for {path}.")
    return decode_json(body, f"Reddit's reply for {path}")


async def _fetch(
    client: httpx.AsyncClient, url: str, params: dict[str, str], headers: dict[str, str]
) -> tuple[httpx.Response, bytes]:
    """One GET with an overall deadline and a size cap (as `fetchers.http` does)."""
    try:
        async with asyncio.timeout(REQUEST_DEADLINE):
            async with client.stream("GET", url, params=params, headers=headers) as response:
                chunks: list[bytes] = []
                size = 0
                async for chunk in response.aiter_bytes():
                    size += len(chunk)
                    if size > MAX_RESPONSE_BYTES:
                        raise BadResponse(f"{SITE} sent more than {MAX_RESPONSE_BYTES >> 20} MB.")
                    chunks.append(chunk)
                return response, b"".join(chunks)
    except (TimeoutError, httpx.TimeoutException) as error:
        raise Unreachable(f"{SITE} did not answer in time.") from error
    except httpx.HTTPError as error:
        raise Unreachable(f"Could not reach {SITE} ({type(error).__name__}).") from error


_APIS: weakref.WeakKeyDictionary[httpx.AsyncClient, RedditApi] = weakref.WeakKeyDictionary()


def api_for(client: httpx.AsyncClient) -> RedditApi:
    """The app's one `RedditApi` for this client (created on first use)."""
    api = _APIS.get(client)
    if api is None:
        api = _APIS[client] = RedditApi(client, client_id=configured_client_id())
    return api
