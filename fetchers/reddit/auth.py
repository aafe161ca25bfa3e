"""Optional application-only OAuth for an installed app (a `client_id`, no password).

With a token Reddit allows 100 requests a minute instead of 10. The token is kept in this
process's memory only, refreshed before it expires or when Reddit rejects it, and never
printed: its `repr` hides it and no error message contains it.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

import httpx

from fetchers.errors import BadResponse, Unreachable
from fetchers.json_decode import decode_json
from fetchers.reddit.addresses import reddit_url

GRANT = "https://oauth.reddit.com/grants/installed_client"
DEVICE_ID = "DO_NOT_TRACK_THIS_DEVICE"  # Reddit's documented value for "no device tracking"
EARLY_REFRESH = 60.0  # seconds before expiry a token is replaced


@dataclass
class _Token:
    value: str = field(repr=False)
    expires_at: float


_TOKENS: dict[str, _Token] = {}
"""client_id -> its token, shared by every client in this process."""


class InstalledAppAuth:
    """Gets and caches the bearer token for one `client_id`."""

    def __init__(
        self, client_id: str, *, user_agent: str, clock: Callable[[], float] = time.time
    ) -> None:
        self.client_id = client_id
        self._user_agent = user_agent
        self._now = clock

    def __repr__(self) -> str:
        return f"InstalledAppAuth(client_id={self.client_id!r})"

    async def header(self, client: httpx.AsyncClient) -> dict[str, str]:
        """The `Authorization` header, fetching a token first when needed."""
        token = _TOKENS.get(self.client_id)
        if token is None or token.expires_at - EARLY_REFRESH <= self._now():
            token = await self._fetch_token(client)
            _TOKENS[self.client_id] = token
        return {"Authorization": f"bearer {token.value}"}

    def forget(self) -> None:
        """Drop the cached token (Reddit said it is no longer valid)."""
        _TOKENS.pop(self.client_id, None)

    async def _fetch_token(self, client: httpx.AsyncClient) -> _Token:
        url = f"{reddit_url()}/api/v1/access_token"
        try:
            response = await client.post(
                url,
                data={"grant_type": GRANT, "device_id": DEVICE_ID},
                auth=(self.client_id, ""),
                headers={"User-Agent": self._user_agent},
            )
        except httpx.HTTPError as error:
            raise Unreachable(
                f"Could not reach Reddit to sign in ({type(error).__name__})."
            ) from None
        if response.status_code in (400, 401, 403):
            raise BadResponse(
                "Reddit refused the client_id in the config (HTTP "
                f"{response.status_code}); check it is an installed app's id."
            )
        if response.status_code >= 400:
            raise BadResponse(f"Reddit's sign-in answered HTTP {response.status_code}.")
        data = decode_json(response.content, "Reddit's sign-in answer")
        value = data.get("access_token") if isinstance(data, dict) else None
        expires = data.get("expires_in") if isinstance(data, dict) else None
        if not isinstance(value, str) or not value:
            raise BadResponse("Reddit's sign-in answer has no token in it.")
        lifetime = float(expires) if isinstance(expires, int | float) else 3600.0
        return _Token(value, self._now() + lifetime)
