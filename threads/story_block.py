"""The story's own text (Ask HN, text posts) as a comment-like block.

Links, footnotes and copying work on comments; a story's text has the same things
(links, `[1]` references and their definitions), so it is handed to them as a comment
with the story's id, author, time and body.
"""

from __future__ import annotations

from threads.model import Comment, Thread


def story_as_comment(thread: Thread) -> Comment:
    """A comment carrying the story's text; its id is the story's (for permalinks)."""
    return Comment(
        thread.id, thread.author, thread.created, body=thread.body, url=thread.discussion_url
    )
