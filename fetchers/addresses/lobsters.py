"""What a Lobsters story address looks like (`lobsters:SHORT_ID` or a story URL)."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from fetchers.config import lobsters_url
from fetchers.errors import BadTarget
from fetchers.instance_url import web_address
from fetchers.site import ItemTarget

NAME, LABEL = "lobsters", "Lobsters"
_SHORT_ID = re.compile(r"[A-Za-z0-9]{1,16}")


def _hosts() -> set[str]:
    configured = urlsplit(lobsters_url()).hostname or ""
    return {"lobste.rs", "www.lobste.rs", configured.lower()} - {""}


def recognise_lobsters(text: str) -> ItemTarget | None:
    """`lobsters:SHORT_ID` or `https://lobste.rs/s/SHORT_ID[/slug][#c_COMMENT]`."""
    value = text.strip()
    if value.lower().startswith("lobsters:"):
        short_id = value[len("lobsters:") :]
        if _SHORT_ID.fullmatch(short_id):
            return ItemTarget(NAME, short_id)
        raise BadTarget(f"{text!r} is not lobsters:SHORT_ID.")
    address = web_address(value)
    if address is None or urlsplit(address.origin).hostname not in _hosts():
        return None
    if len(address.segments) >= 2 and address.segments[0] == "s":
        if _SHORT_ID.fullmatch(address.segments[1]):
            focus = address.fragment[2:] if address.fragment.startswith("c_") else None
            return ItemTarget(NAME, address.segments[1], focus or None)
    raise BadTarget(f"{text!r} is a Lobsters address without a story (…/s/SHORT_ID).")
