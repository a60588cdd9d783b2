"""What every rule of the quotes stage starts from: the text, its quotation-mark segments and paragraphs, and
the lookups over them (the paragraph of an offset, the segments over a span) by bisection."""

from __future__ import annotations

import bisect
import re
from typing import Any

from accords.quotes.marks import Segment, find_segments
from accords.records import Record

TITLE_WORDS = frozenset(
    """book film movie novel song album show series play titled entitled headlined article op-ed documentary poem
    magazine newspaper program programme column episode memoir hashtag slogan banner sign motto""".split()
)


class ExtractorBase:
    """State shared by the rules: the text, its quotation-mark segments and paragraphs."""

    def __init__(self, record: Record, doc: Any) -> None:
        self.record = record
        self.doc = doc
        self.text = record.article.text
        paras = [(p.start, p.end) for p in record.article.paragraphs]
        self.segments = find_segments(self.text, paras or None)
        self.para_spans = paras or [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", self.text)]
        # paragraph ends and segment starts for bisection when in text order (a record's are; else lookups scan)
        ends, starts = [b for _, b in self.para_spans], [sg.start for sg in self.segments]
        self._para_ends = ends if ends == sorted(ends) else None
        self._seg_starts = starts if starts == sorted(starts) else None
        self._seg_longest = max((sg.end - sg.start for sg in self.segments), default=0)
        self.used: set[int] = set()
        # token index -> segment index
        self.tok_seg: dict[int, int] = {}
        for si, seg in enumerate(self.segments):
            for a, b in seg.pieces:
                span = doc.char_span(a, b, alignment_mode="expand")
                if span is None:
                    continue
                for t in span:
                    self.tok_seg.setdefault(t.i, si)

    def paragraph_of(self, offset: int) -> int:
        """The paragraph an offset is in; an offset between two paragraphs is in the one before."""
        spans = self.para_spans
        if self._para_ends is not None:
            i = bisect.bisect_right(self._para_ends, offset)  # the first paragraph that ends after the offset
        else:
            i = next((k for k, (_, b) in enumerate(spans) if offset < b), len(spans))
        return i - 1 if i == len(spans) else i if offset >= spans[i][0] else max(0, i - 1)

    def segments_over(self, a: int, b: int) -> list[int]:
        """Indices, in order, of the quotation segments that overlap [a, b)."""
        if self._seg_starts is None:
            return [i for i, s in enumerate(self.segments) if s.start < b and a < s.end]
        lo = bisect.bisect_left(self._seg_starts, a - self._seg_longest)
        hi = bisect.bisect_left(self._seg_starts, b)
        return [i for i in range(lo, hi) if a < self.segments[i].end]

    def inside_quote(self, tok: Any) -> bool:
        si = self.tok_seg.get(tok.i)
        if si is None:
            return False
        seg = self.segments[si]
        return any(a < tok.idx < b - 1 for a, b in seg.pieces)

    def is_title(self, seg: Segment) -> bool:
        inner = seg.inner(self.text)
        before = self.text[max(0, seg.start - 40) : seg.start].lower()
        prev_words = re.findall(r"[\w-]+", before)[-3:]
        if prev_words and prev_words[-1] == "so-called":
            return True
        if any(w in TITLE_WORDS for w in prev_words):
            return True
        words = re.findall(r"[A-Za-z][\w'’-]*", inner)
        if len(words) > 8 or re.search(r"[.!?]\W*\w", inner):
            return False
        small = {
            "of",
            "the",
            "a",
            "an",
            "and",
            "in",
            "on",
            "for",
            "to",
            "at",
            "with",
            "or",
            "is",
            "from",
            "by",
        }
        big = [w for w in words if w.lower() not in small]
        return len(big) >= 2 and all(w[0].isupper() for w in big)
