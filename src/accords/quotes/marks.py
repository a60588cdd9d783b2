"""Quotation marks: find the quoted stretches of a text, paragraph by paragraph, without a parser.

Curly (“ ” „ « ») and straight (") marks are paired inside a paragraph. A quote left open at the end of a
paragraph continues when the next paragraph opens with a mark again (the news convention for a quotation over
several paragraphs); otherwise it is closed at the end of its own paragraph and flagged ``unbalanced``, so a
missing closing mark never lets a quote swallow the rest of the page. A straight mark right after a digit is an
inch sign, not a quotation mark.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

OPENERS = "“„«"
CLOSERS = "”»"
STRAIGHT = '"'
MARKS = OPENERS + CLOSERS + STRAIGHT
# Two-character marks: '' (two apostrophes, as in the New York Times' archive text) and `` (an opener).
_MARK_RE = re.compile(r"''|``|[“”„«»\"]")
# A quote never runs over more paragraphs than this, whatever the marks say.
MAX_PARAGRAPHS = 12
# An unclosed quote is kept (to the end of its paragraph) only when it is no longer than this.
MAX_UNBALANCED_CHARS = 1200


@dataclass
class Segment:
    """One quotation: its pieces (one per paragraph), from opening mark to closing mark, both included."""

    pieces: list[tuple[int, int]] = field(default_factory=list)
    unbalanced: bool = False

    @property
    def start(self) -> int:
        return self.pieces[0][0]

    @property
    def end(self) -> int:
        return self.pieces[-1][1]

    def inner(self, text: str) -> str:
        """The quoted words, without the marks, paragraphs joined by a space."""
        return " ".join(text[a:b].strip(MARKS + "'` \n\t") for a, b in self.pieces)

    def last_char(self, text: str) -> str:
        """The last character inside the closing mark ('“No,”' -> ',')."""
        inner = text[self.pieces[-1][0] : self.pieces[-1][1]].rstrip(MARKS + "'` \n\t")
        return inner[-1:]

    def words(self, text: str) -> int:
        return len(re.findall(r"\w+", self.inner(text)))


def paragraph_spans(text: str, paragraphs: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """The paragraphs of ``text``: the given ones when there are, else blocks between line breaks."""
    if paragraphs:
        return sorted(paragraphs)
    spans = []
    for m in re.finditer(r"[^\n]+", text):
        if m.group().strip():
            spans.append((m.start(), m.end()))
    return spans


def _starts_with_mark(s: str) -> bool:
    return bool(s) and (s[0] in MARKS or s[:2] in ("''", "``"))


def _role(text: str, i: int, inside: bool, width: int = 1) -> str | None:
    """'open', 'close' or None (not a quotation mark) for the mark at ``text[i:i + width]``."""
    ch = text[i : i + width]
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + width] if i + width < len(text) else " "
    if ch == "``":
        return "open"
    if ch == "''":
        if prev.isalpha() and nxt.isalpha():
            return None
        ch = STRAIGHT
    if ch == STRAIGHT:
        if prev.isdigit() and not nxt.isalpha() and width == 1:
            return None  # 12" screen, 6'2": an inch sign (never two apostrophes: ''Hawaii Five-0'')
        if prev == "=" or nxt == ">":
            return None  # markup left in the text: attr="value"
        before_ok = prev.isspace() or prev in "([{—–-/:;,'‘" or i == 0
        after_ok = nxt.isspace() or nxt in ".,;:!?)]}—–-'’…" or i + width == len(text)
        if inside:
            if after_ok or not before_ok:
                return "close"
            return "open"
        if before_ok and not nxt.isspace():
            return "open"
        if after_ok and not prev.isspace():
            return "close"
        return "open" if not inside else "close"
    if ch in OPENERS:
        # “ used as a closing mark by careless typography: inside a quote, glued to a word, followed by space.
        if inside and not prev.isspace() and (nxt.isspace() or nxt in ".,;:!?"):
            return "close"
        return "open"
    # a closing mark; ” used as an opening one: outside any quote, after a space, before a word
    if not inside and (prev.isspace() or i == 0) and nxt.isalnum():
        return "open"
    return "close"


def find_segments(text: str, paragraphs: list[tuple[int, int]] | None = None) -> list[Segment]:
    """Every quotation in ``text``, in order. Best effort on unbalanced marks; never raises."""
    paras = paragraph_spans(text, paragraphs)
    out: list[Segment] = []
    current: Segment | None = None  # a quote carried over from the previous paragraph
    for pi, (ps, pe) in enumerate(paras):
        open_at: int | None = None
        if current is not None:
            lead = text[ps:pe].lstrip()
            if _starts_with_mark(lead) and len(current.pieces) < MAX_PARAGRAPHS:
                open_at = ps + (len(text[ps:pe]) - len(lead))
            else:
                current.unbalanced = True  # too many paragraphs: stop here
                out.append(current)
                current = None
        scan_from = (
            open_at + (2 if text[open_at : open_at + 2] in ("''", "``") else 1) if open_at is not None else ps
        )
        for m in _MARK_RE.finditer(text, scan_from, pe):
            i, width = m.start(), m.end() - m.start()
            role = _role(text, i, open_at is not None, width)
            if role == "open":
                if open_at is None or current is None:
                    open_at = i  # a second opener in the same quote: the earlier one was never closed
            elif role == "close" and open_at is not None:
                seg = current or Segment()
                seg.pieces.append((open_at, i + width))
                out.append(seg)
                current = None
                open_at = None
        if open_at is not None:
            end = pe
            while end > open_at and text[end - 1].isspace():
                end -= 1
            nxt = paras[pi + 1] if pi + 1 < len(paras) else None
            continues = nxt is not None and _starts_with_mark(text[nxt[0] : nxt[1]].lstrip())
            seg = current or Segment()
            if continues:
                seg.pieces.append((open_at, end))
                current = seg
            else:
                if end - open_at <= MAX_UNBALANCED_CHARS and end - open_at > 1:
                    seg.pieces.append((open_at, end))
                    seg.unbalanced = True
                    out.append(seg)
                elif seg.pieces:
                    seg.unbalanced = True
                    out.append(seg)
                current = None
    if current is not None and current.pieces:
        current.unbalanced = True
        out.append(current)
    return [s for s in out if s.pieces]
