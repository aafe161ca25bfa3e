"""What a Mastodon status address looks like: recognised by its path on any host."""

from __future__ import annotations

from fetchers.instance_url import forced, not_a_thread, web_address
from fetchers.site import ItemTarget

NAME, LABEL = "mastodon", "Mastodon"
FORMS = "https://INSTANCE/@USER/ID or /users/USER/statuses/ID"


def recognise_mastodon(text: str) -> ItemTarget | None:
    """`/@user/ID`, `/@user@host/ID`, `/users/user/statuses/ID` or `/statuses/ID` on any
    host, or `mastodon:URL`."""
    url = forced(text, NAME)
    address = web_address(url if url is not None else text)
    segments = list(address.segments if address else ())
    if segments[:1] == ["web"]:
        segments = segments[1:]
    status_id = None
    if len(segments) == 2 and segments[0].startswith("@") and len(segments[0]) > 1:
        status_id = segments[1]
    elif len(segments) >= 2 and segments[-2] == "statuses" and len(segments) in (2, 4):
        status_id = segments[-1]
    if address and status_id and status_id.isdigit():
        return ItemTarget(NAME, f"{address.origin}/statuses/{status_id}")
    if url is not None:
        raise not_a_thread(text, LABEL, FORMS)
    return None
