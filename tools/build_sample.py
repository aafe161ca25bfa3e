"""Build `threads/data/sample-thread.json` (Algolia item shape) from `seed-thread.txt`.

The seed is a flattened excerpt of HN item 40475965; this arranges its lines into a
plausible nested thread so every feature has something to show offline. Two comments are
added around the seed (a deleted one and a dead one) so placeholders show too.
Run: python tools/build_sample.py
"""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent.parent / "threads" / "data"
START = 1716628000  # 2024-05-25, when the real thread ran


def hn_html(paragraphs: list[str]) -> str:
    """Escape like HN does (`'` as `&#x27;`, `/` as `&#x2F;`) and join with bare `<p>`."""
    escaped = [
        html.escape(p, quote=True).replace("&#x27;", "&#x27;").replace("/", "&#x2F;")
        for p in paragraphs
    ]
    return "<p>".join(escaped)


def main() -> None:
    seed = (DATA / "seed-thread.txt").read_text().splitlines()
    line = {n: text for n, text in enumerate(seed, start=1)}

    def node(
        author: str | None, paragraphs: list[str] | None, *kids: dict[str, Any], dead: bool = False
    ) -> dict[str, Any]:
        item: dict[str, Any] = {
            "author": author,
            "children": list(kids),
            "created_at_i": 0,
            "id": 0,
            "options": [],
            "points": None,
            "text": hn_html(paragraphs) if paragraphs else None,
            "title": None,
            "type": "comment",
            "url": None,
        }
        if dead:
            item["dead"] = True
        return item

    comments = [
        node("quietfrog", [line[10], line[11], line[12], line[13]], node("mdorn", [line[9]])),
        node(
            "tessellate",
            [line[7], line[8]],
            node("lanternfish", [line[2]]),
            node(
                "ko_bayashi",
                [line[4], line[5]],
                node("verdigris", [line[6]]),
                node("phaedra_", [line[17]]),
            ),
        ),
        node(
            "holloway",
            [line[14], line[15]],
            node(
                "nullset",
                [line[16]],
                node(None, None, node("riverbend", [line[18]])),
                node(
                    "essayreader",
                    [
                        "> the current forms of capitalism don't incentivise us to pursue "
                        "sustainability",
                        "Neither did the planned economies. "
                        "The incentive problem is older than either system.",
                    ],
                ),
            ),
        ),
        node("auklet", [line[1]]),
        node(
            "cormorant",
            [line[3]],
            node("tidepool", [line[20]]),
            node(
                "throwaway_x9",
                ["Open models are a gift to our competitors and nothing else."],
                dead=True,
            ),
        ),
        node("grebe", [line[19]]),
    ]
    # Ids and times in display order, so replies are never older than what they answer.
    stack = list(reversed(comments))
    for number in range(1, 1000):
        if not stack:
            break
        item = stack.pop()
        item["id"] = 40475965 + number * 7
        item["created_at_i"] = START + number * 1337
        stack.extend(reversed(item["children"]))
    story = {
        "author": "essayreader",
        "children": comments,
        "created_at_i": START,
        "id": 40475965,
        "options": [],
        "points": 212,
        "text": None,
        "title": "The case against open-source AI models",
        "type": "story",
        "url": "https://www.example.com/essays/against-open-source-ai",
    }
    (DATA / "sample-thread.json").write_text(json.dumps(story, indent=1, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
