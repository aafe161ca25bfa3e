"""What a Lemmy post address looks like: recognised by its path on any host."""

from __future__ import annotations

from fetchers.instance_url import forced, not_a_thread, web_address
from fetchers.site import ItemTarget

NAME, LABEL = "lemmy", "Lemmy"
FORMS = "https://INSTANCE/post/ID"


def recognise_lemmy(text: str) -> ItemTarget | None:
    """`https://INSTANCE/post/ID` on any host, or `lemmy:URL`."""
    url = forced(text, NAME)
    address = web_address(url if url is not None else text)
    if address and len(address.segments) == 2 and address.segments[0] == "post":
        if address.segments[1].isdigit():
            return ItemTarget(NAME, f"{address.origin}/post/{int(address.segments[1])}")
    if url is not None:
        raise not_a_thread(text, LABEL, FORMS)
    return None
