"""The command line: what it asks for (`Options`) and what is checked before the reader opens.

This module is on the start-up path of every launch, ahead of the early network request
(tui/prefetch.py): it imports only what parsing needs. Printing a thread is tui/dump.py.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, replace
from typing import Any

from fetchers.errors import FetchError
from fetchers.reddit.addresses import SORTS as REDDIT_SORTS
from fetchers.targets import ArticleTarget, FileTarget, ItemTarget, Target, parse_target

EXIT_OK, EXIT_FETCH_ERROR, EXIT_USAGE = 0, 1, 2


@dataclass(frozen=True)
class Options:
    """What the command line asked for."""

    target: Target | None
    sample: bool
    dump: str | None
    width: int | None
    search: str | None = None
    hide: tuple[str, ...] = ()
    highlight: tuple[str, ...] = ()
    fast: bool = False
    """Skip settling Hacker News's order (`--fast`)."""
    offline: bool = False
    """Open from the local store only; never touch the network."""
    no_history: bool = False
    """Neither read nor write the local store."""

    load_all: bool = False
    """`--all`: load every held-back reply (Reddit's stubs) before dumping."""


class _VersionAction(argparse.Action):
    """`--version` (the `threads` package it comes from is imported only when asked)."""

    def __init__(self, option_strings: list[str], dest: str = argparse.SUPPRESS) -> None:
        super().__init__(
            option_strings, dest, nargs=0, default=argparse.SUPPRESS, help="show the version"
        )

    def __call__(self, parser: argparse.ArgumentParser, *args: Any, **kwargs: Any) -> None:
        from threads.version import VERSION

        sys.stdout.write(f"threadreader {VERSION}\n")
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="threadreader",
        description=(
            "A full-screen terminal reader for discussion threads: Hacker News, Reddit, "
            "Lobsters, Discourse forums, Lemmy and Mastodon."
        ),
        epilog="With no TARGET: the Hacker News front page.",
    )
    parser.add_argument(
        "target",
        nargs="?",
        metavar="TARGET",
        help=(
            "a thread URL (news.ycombinator.com/item?id=N, lobste.rs/s/ID, FORUM/t/SLUG/ID, "
            "INSTANCE/post/ID, INSTANCE/@user/ID), an HN id, hn:ID, lobsters:ID, "
            "discourse:URL, lemmy:URL, mastodon:URL, or FILE.json; "
            "any other web address: the article in it"
        ),
    )
    parser.add_argument("--version", action=_VersionAction)
    parser.add_argument(
        "--sample", action="store_true", help="open the bundled sample thread (offline)"
    )
    parser.add_argument(
        "--dump",
        choices=("text", "markdown", "json"),
        help="print the thread instead of opening the reader",
    )
    parser.add_argument(
        "--fast",
        action="store_true",
        help="with --dump: skip settling HN's order (top level in HN's order, replies oldest "
        "first, dead comments without text, the newest comments missing)",
    )
    parser.add_argument(
        "--all",
        dest="load_all",
        action="store_true",
        help="with --dump: load every held-back reply first (Reddit 'more' stubs; paced)",
    )
    parser.add_argument(
        "--sort",
        choices=REDDIT_SORTS,
        help="comment order to ask Reddit for (default: Reddit's own, confidence)",
    )
    parser.add_argument(
        "--width", type=int, metavar="N", help="wrap width for --dump text (default: terminal)"
    )
    parser.add_argument(
        "--search", metavar="Q", help="with --dump: only the hits of a fuzzy search, best first"
    )
    parser.add_argument(
        "--hide",
        metavar="T",
        action="append",
        default=[],
        help="with --dump: hide comments matching the config's theme T (repeatable)",
    )
    parser.add_argument(
        "--highlight",
        metavar="T",
        action="append",
        default=[],
        help="with --dump: tag comments matching the config's theme T (repeatable)",
    )
    parser.add_argument(
        "--offline",
        action="store_true",
        help="open the thread from the local store only; never use the network",
    )
    parser.add_argument(
        "--no-history",
        action="store_true",
        help="neither read nor write the local store (nothing is remembered)",
    )
    return parser


def parse_options(argv: list[str]) -> Options:
    """Parse argv; usage errors exit with status 2 via argparse."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.sample and args.target:
        parser.error("give either TARGET or --sample, not both")
    if args.dump and not (args.sample or args.target):
        parser.error("--dump needs a TARGET or --sample")
    if args.search is not None and not args.dump:
        parser.error("--search needs --dump (in the reader, press / to search)")
    if (args.hide or args.highlight) and not args.dump:
        parser.error("--hide and --highlight need --dump (in the reader, press t for themes)")
    if args.offline and args.no_history:
        parser.error("--offline reads the local store, which --no-history turns off")
    if args.offline and not args.dump and not (args.target or args.sample):
        parser.error("--offline needs a TARGET (the front page comes from the network)")
    if args.fast and not args.dump:
        parser.error("--fast needs --dump (the reader shows the thread at once and settles it)")
    if args.load_all and not args.dump:
        parser.error("--all needs --dump (in the reader, a key loads everything)")
    if args.width is not None and args.width < 20:
        parser.error("--width must be at least 20")
    target = None
    if args.target:
        try:
            target = parse_target(args.target)
        except FetchError as error:
            parser.error(str(error))
        if args.sort:
            if not isinstance(target, ItemTarget) or target.site != "reddit":
                parser.error("--sort works for Reddit threads only")
            target = replace(target, sort=args.sort)
    if isinstance(target, ArticleTarget) and (
        args.search is not None or args.hide or args.highlight
    ):
        parser.error("--search, --hide and --highlight work on threads, not on a web page")
    return Options(
        target=target,
        sample=args.sample,
        dump=args.dump,
        width=args.width,
        search=args.search,
        hide=tuple(args.hide),
        highlight=tuple(args.highlight),
        fast=args.fast,
        offline=args.offline,
        no_history=args.no_history,
        load_all=args.load_all,
    )


def target_problem(options: Options) -> str | None:
    """Why the reader cannot open its target (a saved file missing or not a thread), checked
    before the full-screen app starts; None when there is nothing to check or it is fine."""
    if not isinstance(options.target, FileTarget):
        return None
    from fetchers.saved import load_thread_file

    try:
        load_thread_file(options.target.path)
    except FetchError as error:
        return str(error)
    return None


def terminal_problem() -> str | None:
    """The reader needs a terminal on stdin and stdout; a script should ask for `--dump`."""
    if sys.stdin.isatty() and sys.stdout.isatty():
        return None
    which = "stdin" if not sys.stdin.isatty() else "stdout"
    return (
        f"{which} is not a terminal; to print a thread use --dump text|markdown|json (see --help)."
    )


def configure_sites(raw: dict[str, Any] | None = None) -> None:
    """Hand the config's site settings (`[reddit] client_id`) to the fetchers (`raw`: the
    config as read, when the caller has it)."""
    from fetchers.reddit.credentials import configure
    from tui.config import load_config

    reddit = (load_config().raw if raw is None else raw).get("reddit")
    client_id = reddit.get("client_id") if isinstance(reddit, dict) else None
    configure(client_id if isinstance(client_id, str) else None)
