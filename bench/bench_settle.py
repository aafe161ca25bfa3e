"""Settling HN's order: time and requests, against a local replay of both HN APIs.

The replay (`bench/hn_replay.py`) answers like the real services: Algolia's tree in date
order, Firebase's items in HN's order, each request delayed by the given latency. For the
485-comment fixture and a generated 2,000-comment thread, prints the time to the first
paint (Algolia's tree + the story's item, asked at the same time), the time until settling
ends and the requests it took; then the same thread from Firebase alone (Algolia down):
time to the first top-level comment and to the last item.

Run: python -m bench.bench_settle [--latencies 0,50]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import time

from bench.hn_replay import (
    Replay,
    fixture_replay,
    generated_replay,
    replay_environment,
    serve_replay_in_process,
)
from bench.synthetic import generate_thread
from fetchers.hackernews import open_thread
from fetchers.http import make_client
from threads.tree_changes import Insert


async def settle_once(story_id: str) -> tuple[float, float, int, int]:
    """(first paint s, settled s, requests, comment ids changed)."""
    async with make_client() as client:
        start = time.perf_counter()
        first = end = 0.0
        requests = changes = 0
        async for step in open_thread(client, story_id):
            if step.thread is not None:
                first = time.perf_counter() - start
            changes += len(step.changes)
            requests = step.requests
        end = time.perf_counter() - start
        return first, end, requests, changes


async def stream_once(story_id: str) -> tuple[float, float, int]:
    """Firebase alone: (first top-level comment s, last item s, requests)."""
    async with make_client() as client:
        start = time.perf_counter()
        first_comment = 0.0
        requests = 0
        async for step in open_thread(client, story_id):
            if not first_comment and any(isinstance(c, Insert) for c in step.changes):
                first_comment = time.perf_counter() - start
            requests = step.requests
        return first_comment, time.perf_counter() - start, requests


def measure(label: str, replay: Replay, latency_ms: float) -> None:
    story_id = str(replay.algolia["id"])
    process, base = serve_replay_in_process(replay, latency_ms / 1000)
    os.environ.update(replay_environment(base))
    try:
        first, settled, requests, changes = asyncio.run(settle_once(story_id))
        print(
            f"  {label}, {latency_ms:.0f} ms/request: first paint {first:.2f} s, "
            f"settled {settled:.2f} s, {requests:,} requests, {changes:,} changes"
        )
    finally:
        process.terminate()
    replay_down = Replay({"id": replay.algolia["id"]}, replay.firebase)  # Algolia: 404
    process, base = serve_replay_in_process(replay_down, latency_ms / 1000)
    os.environ.update(replay_environment(base))
    try:
        first_comment, last, requests = asyncio.run(stream_once(story_id))
        print(
            f"  {label}, {latency_ms:.0f} ms/request, Firebase only: first comment "
            f"{first_comment:.2f} s, all {last:.2f} s, {requests:,} requests"
        )
    finally:
        process.terminate()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--latencies", default="0,50", help="ms per request, comma-separated")
    args = parser.parse_args()
    replays = {
        "485-comment replay": fixture_replay(),
        "2,000-comment replay": generated_replay(generate_thread(2000)),
    }
    for latency in (float(n) for n in args.latencies.split(",")):
        for label, replay in replays.items():
            measure(label, replay, latency)


if __name__ == "__main__":
    main()
