"""What a user can type to open a Reddit thread."""

from __future__ import annotations

import pytest

from fetchers.errors import BadTarget
from fetchers.site import ItemTarget
from fetchers.targets import ArticleTarget, parse_target

R = "reddit"


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("https://www.reddit.com/r/funny/comments/3hahrw/ba_dum_tsss/", ItemTarget(R, "3hahrw")),
        ("https://www.reddit.com/r/funny/comments/3hahrw/", ItemTarget(R, "3hahrw")),
        ("https://www.reddit.com/r/funny/comments/3hahrw", ItemTarget(R, "3hahrw")),
        ("https://old.reddit.com/r/funny/comments/3hahrw/ba_dum_tsss/", ItemTarget(R, "3hahrw")),
        ("https://reddit.com/comments/3hahrw", ItemTarget(R, "3hahrw")),
        ("np.reddit.com/r/funny/comments/3HAHRW/x/", ItemTarget(R, "3hahrw")),
        ("https://redd.it/3hahrw", ItemTarget(R, "3hahrw")),
        ("redd.it/3hahrw", ItemTarget(R, "3hahrw")),
        ("reddit:3hahrw", ItemTarget(R, "3hahrw")),
        ("REDDIT:3hahrw/cu5tlz5", ItemTarget(R, "3hahrw", "cu5tlz5")),
        (
            "https://www.reddit.com/r/funny/comments/3hahrw/ba_dum_tsss/cu5tlz5/",
            ItemTarget(R, "3hahrw", "cu5tlz5"),
        ),
        (
            "https://www.reddit.com/r/funny/comments/3hahrw/comment/cu5tlz5/?context=3",
            ItemTarget(R, "3hahrw", "cu5tlz5"),
        ),
        (
            "https://www.reddit.com/r/funny/comments/3hahrw/x/?sort=top",
            ItemTarget(R, "3hahrw", sort="top"),
        ),
        ("https://www.reddit.com/r/funny/comments/3hahrw/x/?sort=bogus", ItemTarget(R, "3hahrw")),
    ],
)
def test_reddit_addresses(text: str, target: ItemTarget) -> None:
    assert parse_target(text) == target


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("https://www.reddit.com/r/funny/", "not a thread"),
        ("https://www.reddit.com/user/someone", "not a thread"),
        ("https://www.reddit.com/r/funny/comments/", "not a thread"),
        ("https://www.reddit.com/r/funny/comments/3h-ahrw/", "not a thread"),
        ("https://www.reddit.com/r/funny/comments/3hahrw/slug/bad!id/", "not a thread"),
        ("https://www.reddit.com/r/funny/s/AbCdEf", "share link"),
        ("https://redd.it/", "without a thread id"),
        ("reddit:3h$hrw", "Don't know how"),
        ("reddit:3hahrw/$", "Don't know how"),
    ],
)
def test_junk_is_refused_with_a_sentence(text: str, says: str) -> None:
    with pytest.raises(BadTarget, match=says):
        parse_target(text)


@pytest.mark.parametrize(
    "text",
    [
        "https://notreddit.com/r/funny/comments/3hahrw/",
        "https://reddit.com.evil.example/r/x/comments/3hahrw/",
    ],
)
def test_look_alike_hosts_are_not_reddit(text: str) -> None:
    assert parse_target(text) == ArticleTarget(text)  # just a web page
