"""The installed app's OAuth `client_id` the config gives, for the API to use.

Apart from `api` so that handing it over at start-up does not import httpx: the reader
configures the sites on every launch, and most launches never talk to Reddit.
"""

from __future__ import annotations

_client_id: str | None = None


def configure(client_id: str | None) -> None:
    """Use an installed app's OAuth `client_id` (from the config) for later requests."""
    global _client_id
    _client_id = client_id.strip() if client_id and client_id.strip() else None


def configured_client_id() -> str | None:
    """The client id set by `configure`, if any."""
    return _client_id
