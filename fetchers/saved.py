"""Threads saved to a file: Algolia's item shape or our own `--dump json` shape."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

from fetchers.errors import BadResponse, NotFound
from fetchers.hn_items import thread_from_algolia
from fetchers.json_decode import decode_json
from threads.dump_json import thread_from_dump
from threads.model import Thread


def thread_from_data(data: Any, origin: str) -> Thread:
    """Recognise the shape of decoded JSON and build the thread."""
    if isinstance(data, dict) and "comments" in data and "children" not in data:
        return thread_from_dump(data)
    if isinstance(data, dict) and ("children" in data or "title" in data):
        return thread_from_algolia(data)
    raise BadResponse(f"{origin} is neither a Hacker News (Algolia) item nor a threadreader dump.")


def load_thread_file(path: Path) -> Thread:
    """Read a saved thread. Raises `NotFound` or `BadResponse` with a readable message."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError as error:
        raise NotFound(f"No such file: {path}") from error
    except OSError as error:
        raise BadResponse(f"Cannot read {path}: {error.strerror or error}") from error
    return thread_from_data(decode_json(raw, str(path)), str(path))


def load_sample_thread() -> Thread:
    """The bundled sample thread (offline), built from the product's seed thread."""
    raw = resources.files("threads").joinpath("data/sample-thread.json").read_bytes()
    return thread_from_data(decode_json(raw, "the sample thread"), "the sample thread")
