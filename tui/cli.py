"""Command-line parsing and the `--dump` path (no Textual import on this path)."""

from __future__ import annotations

import argparse
import asyncio
import shutil
import sys
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from fetchers.errors import FetchError
from fetchers.reddit.addresses import SORTS as REDDIT_SORTS
from fetchers.saved import load_sample_thread
from fetchers.targets import ItemTarget, Target, parse_target
from threads.dump_json import hits_to_json, iter_thread_json
from threads.dump_markdown import hits_to_markdown, thread_to_markdown
from threads.dump_text import hits_to_text, thread_to_text
from threads.model import Thread
from threads.themes import Theme
from tui.config import load_config

if TYPE_CHECKING:
    import httpx

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
    load_all: bool = False
    """`--all`: load every held-back reply (Reddit's stubs) before dumping."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="threadreader",
        description="A full-screen terminal reader for discussion threads (Hacker News, Reddit).",
        epilog="With no TARGET: the Hacker News front page.",
    )
    parser.add_argument("target", nargs="?", metavar="TARGET", help="URL|ID|hn:ID|FILE.json")
    parser.add_argument(
        "--sample", action="store_true", help="open the bundled sample thread (offline)"
    )
    parser.add_argument(
        "--dump",
        choices=("text", "markdown", "json"),
        help="print the thread instead of opening the reader",
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
    return Options(
        target=target,
        sample=args.sample,
        dump=args.dump,
        width=args.width,
        search=args.search,
        hide=tuple(args.hide),
        highlight=tuple(args.highlight),
        load_all=args.load_all,
    )


def dump_themes(options: Options) -> list[Theme]:
    """The config's themes, modes overridden by `--hide`/`--highlight`.

    Raises SystemExit(2) naming the themes the config has when one is unknown.
    """
    config = load_config()
    for problem in config.problems:
        print(f"threadreader: {problem}", file=sys.stderr)
    themes = {theme.name: theme for theme in config.themes}
    for name in (*options.hide, *options.highlight):
        if name not in themes:
            known = ", ".join(sorted(themes)) or "none"
            print(
                f"threadreader: no theme {name!r} in {config.path} (themes: {known}).",
                file=sys.stderr,
            )
            raise SystemExit(EXIT_USAGE)
    for name in options.highlight:
        themes[name] = themes[name].with_mode("highlight")
    for name in options.hide:
        themes[name] = themes[name].with_mode("hide")
    return list(themes.values())


async def fetch_for_dump(options: Options) -> Thread:
    if options.sample or options.target is None:
        return load_sample_thread()
    from fetchers.http import make_client  # httpx is imported only when a fetch is needed
    from fetchers.load import load_target

    configure_sites()
    async with make_client() as client:
        thread = await load_target(client, options.target)
        if options.load_all and isinstance(options.target, ItemTarget):
            await load_all_stubs(client, thread, options.target)
        return thread


def configure_sites() -> None:
    """Hand the config's site settings (`[reddit] client_id`) to the fetchers."""
    from fetchers.reddit import configure

    reddit = load_config().raw.get("reddit")
    client_id = reddit.get("client_id") if isinstance(reddit, dict) else None
    configure(client_id if isinstance(client_id, str) else None)


async def load_all_stubs(client: httpx.AsyncClient, thread: Thread, target: ItemTarget) -> None:
    """`--all`: fill in every stub, then say on stderr how it went."""
    from fetchers.sites import site_named

    site = site_named(target.site)
    if site.stubs is None or not thread.tree.stub_count:
        return
    report = await site.stubs(client, thread, target).load_all()
    print(f"threadreader: {report.describe()}", file=sys.stderr)


def write_dump(thread: Thread, options: Options) -> None:
    out = sys.stdout
    width = options.width or shutil.get_terminal_size((80, 24)).columns
    view = None
    themes = dump_themes(options)
    if any(theme.mode != "off" for theme in themes):
        from threads.themes import apply_themes
        from threads.word_index import WordIndex

        view = apply_themes(WordIndex(thread), themes)
    if options.search is not None:
        from threads.search_index import SearchIndex

        hits = SearchIndex(thread).search(options.search).top()
        if options.dump == "json":
            out.write(hits_to_json(thread, options.search, hits) + "\n")
        elif options.dump == "markdown":
            out.write(hits_to_markdown(thread, options.search, hits))
        else:
            out.write(hits_to_text(thread, options.search, hits, width))
    elif options.dump == "json":
        for chunk in iter_thread_json(thread, view):
            out.write(chunk)
        out.write("\n")
    elif options.dump == "markdown":
        out.write(thread_to_markdown(thread, view))
    else:
        out.write(thread_to_text(thread, width, view))
    out.flush()


def run_dump(options: Options) -> int:
    """Fetch and print. Errors become one line on stderr and exit status 1."""
    try:
        thread = asyncio.run(fetch_for_dump(options))
    except FetchError as error:
        print(f"threadreader: {error}", file=sys.stderr)
        return EXIT_FETCH_ERROR
    write_dump(thread, options)
    if thread.missing:
        print(f"threadreader: {thread.missing} comments could not be loaded.", file=sys.stderr)
    return EXIT_OK
