"""What a Discourse topic address looks like: recognised by its path on any host."""

from __future__ import annotations

from fetchers.instance_url import forced, not_a_thread, web_address
from fetchers.site import ItemTarget

NAME, LABEL = "discourse", "Discourse"
FORMS = "https://FORUM/t/SLUG/ID or /t/ID"


def recognise_discourse(text: str) -> ItemTarget | None:
    """`https://FORUM/t/SLUG/ID[/POST]`, `/t/ID[/POST]` on any host, or `discourse:URL`."""
    url = forced(text, NAME)
    address = web_address(url if url is not None else text)
    segments = address.segments if address else ()
    for index, segment in enumerate(segments):
        if segment != "t" or address is None:
            continue
        rest = [part.removesuffix(".json") for part in segments[index + 1 :]]
        numbers = rest if rest[:1] and rest[0].isdigit() else rest[1:]
        if numbers and numbers[0].isdigit():
            base = "/".join((address.origin, *segments[:index]))
            post = numbers[1] if len(numbers) > 1 and numbers[1].isdigit() else None
            return ItemTarget(NAME, f"{base}/t/{int(numbers[0])}", post)
    if url is not None:
        raise not_a_thread(text, LABEL, FORMS)
    return None
