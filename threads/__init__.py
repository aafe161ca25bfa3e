"""The domain of threadreader: threads, comments and what can be computed from them.

Pure Python: no Textual, no httpx (a test enforces it).
"""

from threads.blocks import Block, Body, Span
from threads.model import Comment, Thread

__all__ = ["Block", "Body", "Comment", "Span", "Thread"]
