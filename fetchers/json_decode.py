"""JSON from the network or a file, including documents nested deeper than Python's
parser normally allows.

Algolia nests replies inside replies, so a 5,000-deep thread is a JSON document about
10,000 levels deep; `json.loads` gives up near 1,000 (its recursion limit). Decision: such a
document is parsed again on a thread with a large stack and a raised recursion limit, up to
`MAX_DEPTH` levels; deeper than that it is refused with a clear message. (The model, the
view and the dumps are iterative, so only parsing needs this.)
"""

from __future__ import annotations

import json
import sys
import threading
from typing import Any

from fetchers.errors import BadResponse

MAX_DEPTH = 100_000  # JSON nesting levels (about 50,000 levels of replies)
_STACK_BYTES = 512 * 1024 * 1024  # virtual; only the pages the parser touches are used
_deep_lock = threading.Lock()  # the recursion limit is process-wide: one deep parse at a time


def decode_json(raw: bytes | str, origin: str) -> Any:
    """Decode JSON; `BadResponse` names `origin` when it is not JSON or is too deep."""
    try:
        return json.loads(raw)
    except RecursionError:
        return _decode_deep(raw, origin)
    except ValueError as error:
        raise BadResponse(f"{origin} is not valid JSON ({_short(error)}).") from error


def _short(error: Exception) -> str:
    return str(error).splitlines()[0][:120]


def _decode_deep(raw: bytes | str, origin: str) -> Any:
    outcome: dict[str, Any] = {}

    def parse() -> None:
        try:
            outcome["value"] = json.loads(raw)
        except RecursionError:
            outcome["error"] = BadResponse(
                f"{origin} is nested more than {MAX_DEPTH:,} levels deep; not reading it."
            )
        except ValueError as error:
            outcome["error"] = BadResponse(f"{origin} is not valid JSON ({_short(error)}).")

    with _deep_lock:
        old_limit, old_stack = sys.getrecursionlimit(), threading.stack_size()
        try:
            threading.stack_size(_STACK_BYTES)
            sys.setrecursionlimit(MAX_DEPTH + 1_000)
            worker = threading.Thread(target=parse, name="deep-json")
            worker.start()
            worker.join()
        finally:
            threading.stack_size(old_stack)
            sys.setrecursionlimit(old_limit)
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]
