"""Plain text and Markdown: a title when the first line looks like a headline, paragraphs, markup removed."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from accords.ingest.furniture import fold, is_furniture, split_reactions

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(---|\.\.\.)[ \t]*(\n|\Z)", re.S)
_ATX = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_HR = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")
_LIST = re.compile(r"^\s{0,6}([-*+]|\d{1,3}[.)])\s+")
_QUOTE = re.compile(r"^\s{0,3}>\s?")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\((?:[^()]|\([^)]*\))*\)")
_REFLINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_REFDEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s+\S+")
_AUTOLINK = re.compile(r"<(https?://[^>]+)>")
_HTML_TAG = re.compile(r"</?[A-Za-z][^>\n]*>")
_EMPH = re.compile(
    r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1|(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?!\w)|(?<!\w)_(?=\S)([^_\n]+?)(?<=\S)_(?!\w)"
)
_STRIKE = re.compile(r"~~(.+?)~~")
_CODE = re.compile(r"`([^`]+)`")


@dataclass
class TextDoc:
    title: str | None
    paragraphs: list[str]
    meta: dict[str, str] = field(default_factory=dict)
    reactions: dict[str, int] | None = None


def _inline(s: str) -> str:
    s = _IMAGE.sub("", s)
    s = _LINK.sub(r"\1", s)
    s = _REFLINK.sub(r"\1", s)
    s = _AUTOLINK.sub(r"\1", s)
    s = _HTML_TAG.sub("", s)
    for _ in range(2):
        s = _EMPH.sub(lambda m: m.group(2) or m.group(3) or m.group(4) or "", s)
    s = _STRIKE.sub(r"\1", s)
    s = _CODE.sub(r"\1", s)
    s = s.replace("\\*", "*").replace("\\_", "_").replace("\\#", "#")
    return " ".join(s.split())


def _front_matter(text: str) -> tuple[dict[str, str], str]:
    m = _FRONT_MATTER.match(text)
    if not m:
        return {}, text
    meta: dict[str, str] = {}
    for line in m.group(1).splitlines():
        if ":" in line and not line.startswith((" ", "\t", "-")):
            key, _, value = line.partition(":")
            meta[key.strip().lower()] = value.strip().strip("\"'")
    return meta, text[m.end() :]


def looks_like_headline(line: str) -> bool:
    """A short line without a closing full stop, mostly words: the way headlines look."""
    line = line.strip()
    words = line.split()
    if not (1 <= len(words) <= 25) or len(line) > 200:
        return False
    if line.endswith((".", ",", ";", ":")) and not line.endswith("..."):
        return False
    return sum(c.isalpha() for c in line) >= 0.5 * len(line.replace(" ", ""))


def parse_text(text: str, markdown: bool | None = None) -> TextDoc:
    """Split plain text or Markdown into a title and clean paragraphs.

    Paragraphs are separated by blank lines (lines inside one are joined with a space); a text without
    any blank line has one paragraph a line. Markdown headings, list items and block quotes become
    their own paragraphs, without their markup.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    meta, text = _front_matter(text)
    if markdown is None:
        markdown = bool(meta) or bool(re.search(r"^\s{0,3}#{1,6}\s|\]\(|^\s{0,3}```|\*\*\S", text, re.M))
    lines = text.split("\n")
    blocks: list[tuple[str, str]] = []  # (kind, text) kind: heading, para
    current: list[str] = []
    in_fence = False

    def flush() -> None:
        if current:
            joined = " ".join(x.strip() for x in current)
            blocks.append(("para", joined))
            current.clear()

    has_blank = any(not ln.strip() for ln in lines[1:-1]) if len(lines) > 2 else True
    for i, line in enumerate(lines):
        if markdown and _FENCE.match(line):
            flush()
            in_fence = not in_fence
            continue
        if in_fence:
            if line.strip():
                blocks.append(("para", line.strip()))
            continue
        if not line.strip():
            flush()
            continue
        if markdown:
            m = _ATX.match(line)
            if m:
                flush()
                blocks.append(("heading", m.group(2)))
                continue
            if _SETEXT.match(line) and current and i > 0 and lines[i - 1].strip():
                heading = current.pop()
                flush()
                blocks.append(("heading", heading.strip()))
                continue
            if _HR.match(line) or _TABLE_RULE.match(line) or _REFDEF.match(line):
                flush()
                continue
            if _LIST.match(line):
                flush()
                current.append(_LIST.sub("", line, count=1))
                continue
            if _QUOTE.match(line):
                line = _QUOTE.sub("", line)
                if not line.strip():
                    flush()
                    continue
            if line.strip().startswith("|") and line.strip().endswith("|"):
                flush()
                cells = [c.strip() for c in line.strip().strip("|").split("|")]
                blocks.append(("para", " | ".join(c for c in cells if c)))
                continue
        current.append(line)
        if not has_blank:
            flush()
    flush()

    paras = [(kind, _inline(t) if markdown else " ".join(t.split())) for kind, t in blocks]
    paras = [(k, t) for k, t in paras if t]
    kept, reactions = split_reactions([t for _, t in paras])
    paras = [(k, t) for k, t in paras if t in kept and not is_furniture(t)]
    title = meta.get("title") or None
    if paras:
        kind, first = paras[0]
        is_title = (markdown and kind == "heading") or looks_like_headline(first)
        if title is None and is_title and (len(paras) > 1):
            title = first
            paras = paras[1:]
    if title:
        folded = fold(title)
        # The headline repeated (the seed's text file repeats it).
        while paras and fold(paras[0][1]) == folded:
            paras = paras[1:]
    return TextDoc(title=title, paragraphs=[t for _, t in paras], meta=meta, reactions=reactions)
