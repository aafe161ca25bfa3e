"""Command-line parsing and the `--dump` path (no Textual import on this path)."""

from __future__ import annotations

import argparse
import asyncio
import shutil
import sys
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from fetchers.errors import FetchError
from fetchers.reddit.addresses import SORTS as REDDIT_SORTS
from fetchers.saved import load_sample_thread
from fetchers.targets import ArticleTarget, FileTarget, ItemTarget, Target, parse_target
from store.memory import Memory
from threads.dump_json import hits_to_json, iter_thread_json
from threads.dump_markdown import hits_to_markdown, thread_to_markdown
from threads.dump_text import hits_to_text, thread_to_text
from threads.model import Thread
from threads.new_comments import new_since
from threads.themes import Theme
from tui.config import load_config
from tui.memory import open_memory, target_key, thread_key

if TYPE_CHECKING:
    from threads.article import Article

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
    fast: bool = False
    """Skip settling Hacker News's order (`--fast`)."""
    offline: bool = False
    """Open from the local store only; never touch the network."""
    no_history: bool = False
    """Neither read nor write the local store."""

    load_all: bool = False
    """`--all`: load every held-back reply (Reddit's stubs) before dumping."""


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("threadreader")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "(not installed)"


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
    parser.add_argument("--version", action="version", version=f"threadreader {_version()}")
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
        thread = await load_target(client, options.target, settle=not options.fast)
        if options.load_all and isinstance(options.target, ItemTarget):
            await load_all_stubs(client, thread, options.target)
        return thread


def configure_sites(raw: dict[str, Any] | None = None) -> None:
    """Hand the config's site settings (`[reddit] client_id`) to the fetchers (`raw`: the
    config as read, when the caller has it)."""
    from fetchers.reddit import configure

    reddit = (load_config().raw if raw is None else raw).get("reddit")
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


def thread_for_dump(options: Options, memory: Memory) -> Thread:
    """The thread to print: from the store with `--offline`, else fetched (and stored).

    Raises `FetchError` when it cannot be had, `NotStored` for `--offline` without a copy.
    """
    key = target_key(options.target)
    if key is None:  # the sample or a file: local already, never stored
        return asyncio.run(fetch_for_dump(options))
    if options.offline:
        stored = memory.open_stored(key)
        if stored is None:
            raise NotStored(
                f"{key.thread_id} is not in the local store, and --offline never uses the network."
            )
        return stored.thread
    thread = asyncio.run(fetch_for_dump(options))
    memory.save_thread(thread)
    return thread


class NotStored(FetchError):
    """`--offline` asked for a thread the store does not have."""


def new_comment_ids(thread: Thread, options: Options, memory: Memory) -> frozenset[str]:
    """Comments new since the last visit (a dump reads visits, never records one)."""
    if target_key(options.target) is None:
        return frozenset()
    previous = memory.previous_visit(thread_key(thread))
    return new_since(thread, None if previous is None else previous.seen).ids


def write_dump(thread: Thread, options: Options, new_ids: frozenset[str] = frozenset()) -> None:
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
            out.write(hits_to_json(thread, options.search, hits, new_ids) + "\n")
        elif options.dump == "markdown":
            out.write(hits_to_markdown(thread, options.search, hits))
        else:
            out.write(hits_to_text(thread, options.search, hits, width))
    elif options.dump == "json":
        for chunk in iter_thread_json(thread, view, new_ids):
            out.write(chunk)
        out.write("\n")
    elif options.dump == "markdown":
        out.write(thread_to_markdown(thread, view))
    else:
        out.write(thread_to_text(thread, width, view))
    out.flush()


async def fetch_article_for_dump(
    target: ArticleTarget, memory: Memory | None = None, *, offline: bool = False
) -> Article:
    """The article: from the store when kept there, else fetched (and kept)."""
    from fetchers.article import fetch_article  # httpx and trafilatura: only when needed
    from fetchers.http import make_client
    from tui.article_cache import ArticleCache

    async with make_client() as client:

        async def fetch(url: str) -> Article:
            return await fetch_article(client, url)

        return await ArticleCache(fetch, memory=memory, offline=offline).get(target.url)


def write_article_dump(article: Article, options: Options) -> None:
    from threads.article_dump import article_to_json, article_to_markdown, article_to_text

    if options.dump == "json":
        text = article_to_json(article) + "\n"
    elif options.dump == "markdown":
        text = article_to_markdown(article)
    else:
        text = article_to_text(article, options.width or shutil.get_terminal_size((80, 24)).columns)
    sys.stdout.write(text)
    sys.stdout.flush()


def run_article_dump(target: ArticleTarget, options: Options) -> int:
    """Print a web page's article (reader mode's text), from the store or fetched."""
    memory = open_memory(load_config(), enabled=not options.no_history)
    try:
        article = asyncio.run(fetch_article_for_dump(target, memory, offline=options.offline))
    except FetchError as error:
        _print_notices(memory)
        print(f"threadreader: {error}", file=sys.stderr)
        return EXIT_FETCH_ERROR
    finally:
        memory.close()
    write_article_dump(article, options)
    _print_notices(memory)
    return EXIT_OK


def run_dump(options: Options) -> int:
    """Fetch (or read the store) and print. Errors: one line on stderr, exit status 1."""
    if isinstance(options.target, ArticleTarget):
        return run_article_dump(options.target, options)
    config = load_config()
    known_problems = len(config.problems)  # dump_themes reports the file's own problems
    memory = open_memory(config, enabled=not options.no_history)
    for problem in config.problems[known_problems:]:
        print(f"threadreader: {problem}", file=sys.stderr)
    try:
        thread = thread_for_dump(options, memory)
    except FetchError as error:
        _print_notices(memory)
        print(f"threadreader: {error}", file=sys.stderr)
        return EXIT_FETCH_ERROR
    write_dump(thread, options, new_comment_ids(thread, options, memory))
    _print_notices(memory)
    memory.close()
    if thread.note:
        print(f"threadreader: {thread.note}", file=sys.stderr)
    if thread.missing:
        print(f"threadreader: {thread.missing} comments could not be loaded.", file=sys.stderr)
    return EXIT_OK


def _print_notices(memory: Memory) -> None:
    for notice in memory.take_notices():
        print(f"threadreader: {notice}", file=sys.stderr)
