"""Hand-built records for the web tests: the seed article with a careful analyst's events and quotes, an
article full of hostile markup, and small synthetic articles. No language model is loaded."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from accords.records import (
    Article,
    Entity,
    Event,
    EventEntity,
    Evidence,
    Flags,
    Location,
    Mention,
    Paragraph,
    Quote,
    Record,
    Sentence,
    Span,
    Speaker,
)

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "src" / "accords" / "examples" / "istanbul-talks.html"


def sentences_of(text: str) -> list[Sentence]:
    out = []
    for m in re.finditer(r"[^\n.!?]+(?:[.!?]+[”\"]?|$)", text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        if e > s:
            out.append(Sentence(index=len(out), start=s, end=e))
    return out


class Builder:
    """Find phrases in a text and build spans, evidence, entities, quotes and events over them."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.text = article.text
        self.sents = sentences_of(self.text)
        self.entities: list[Entity] = []
        self.quotes: list[Quote] = []
        self.events: list[Event] = []

    def span(self, phrase: str, after: int = 0) -> Span:
        i = self.text.find(phrase, after)
        if i < 0:
            raise ValueError(f"{phrase!r} is not in the text")
        return Span(start=i, end=i + len(phrase), text=phrase)

    def sent_of(self, offset: int) -> Sentence:
        return next(s for s in self.sents if s.start <= offset < s.end + 1)

    def evidence(self, phrase: str) -> Evidence:
        sp = self.span(phrase)
        s = self.sent_of(sp.start)
        return Evidence(sentence=s.index, start=s.start, end=s.end, text=self.text[s.start : s.end])

    def entity(
        self, name: str, type_: str, country: str | None = None, role: str | None = None, *also: str
    ) -> str:
        eid = f"E{len(self.entities) + 1}"
        mentions = []
        for form in (name, *also):
            for m in re.finditer(r"(?<!\w)" + re.escape(form) + r"(?!\w)", self.text):
                if any(x.start <= m.start() < x.end for x in mentions):
                    continue
                mentions.append(
                    Mention(start=m.start(), end=m.end(), text=form, sentence=self.sent_of(m.start()).index)
                )
        self.entities.append(
            Entity(id=eid, type=type_, name=name, country=country, role=role, mentions=mentions)  # type: ignore[arg-type]
        )
        return eid

    def quote(
        self, content: str, kind: str, speaker: str, name: str, role: str | None, country: str | None
    ) -> str:
        qid = f"Q{len(self.quotes) + 1}"
        c = self.span(content)
        sp = self.span(speaker)
        ev = self.evidence(content)
        self.quotes.append(
            Quote(
                id=qid,
                kind=kind,
                content=[c],  # type: ignore[arg-type]
                speaker=Speaker(
                    text=speaker, start=sp.start, end=sp.end, name=name, role=role, country=country
                ),
                evidence=ev,
                version="quotes.hand.v1",
            )  # fmt: skip
        )
        return qid

    def event(
        self, type_: str, trigger: str, evidence: str, actor: list[str], recipient: list[str],
        mode: str | None = None, date: str | None = None, place: str | None = None, flags: Flags | None = None,
    ) -> str:  # fmt: skip
        vid = f"V{len(self.events) + 1}"
        ev = self.evidence(evidence)
        t = self.span(trigger, ev.start)
        self.events.append(
            Event(
                id=vid,
                event=type_,
                mode=mode,
                date=date or self.article.published,  # type: ignore[arg-type]
                actor=[EventEntity(text=c, code=c, sector="GOV") for c in actor],
                recipient=[EventEntity(text=c, code=c, sector="GOV") for c in recipient],
                event_loc=Location(text=place, place=place) if place else None,
                trigger=t,
                evidence=ev,
                flags=flags or Flags(),
                version="events.hand.v1",
            )  # fmt: skip
        )
        return vid

    def record(self) -> Record:
        return Record(
            id=self.article.id, accords_version="test", article=self.article, sentences=self.sents,
            entities=self.entities, quotes=self.quotes, events=self.events,
        )  # fmt: skip


def seed_article() -> Article:
    from accords.config import get_settings
    from accords.ingest import read_source

    art = read_source(str(EXAMPLE), get_settings())
    if art.reactions is None:
        art = art.model_copy(
            update={"reactions": {"like": 0, "dislike": 0, "love": 0, "funny": 0, "angry": 0}}
        )
    return art


def seed_record() -> Record:
    """The seed article with the events and quotes a careful analyst records (see ../shared/seed)."""
    b = Builder(seed_article())
    b.entity("Vladimir Putin", "PERSON", "RUS", "President")
    b.entity("Volodymyr Zelensky", "PERSON", "UKR", "President", "Zelensky")
    b.entity("Heorhii Tykhyi", "PERSON", "UKR", "Foreign Ministry spokesperson", "Tykhyi")
    b.entity("Marco Rubio", "PERSON", "USA", "Secretary of State", "Rubio")
    b.entity("JD Vance", "PERSON", "USA", "Vice President")
    b.entity("Istanbul", "GPE", "TUR")
    b.entity("Russia", "GPE", "RUS", None, "Moscow", "Kremlin")
    b.entity("Ukraine", "GPE", "UKR")
    b.event(
        "CONSULT", "held", "held their first face-to-face discussions", ["RUS", "UKR"], [], place="Istanbul"
    )
    b.event("AGREE", "prisoner exchange", "prisoner exchange involving 1,000 individuals", ["RUS", "UKR"], [])
    b.event(
        "ACCUSE", "placed the blame", "placed the blame for inaction", ["UKR"], ["RUS"], mode="disapprove"
    )
    b.event("REQUEST", "demanded", "Moscow demanded Ukraine withdraw", ["RUS"], ["UKR"], mode="yield")
    b.event("ACCUSE", "overreaching", "Moscow was overreaching", ["USA"], ["RUS"], mode="disapprove")
    b.event("CONSULT", "conference call", "organized a conference call", ["UKR"], ["USA"], mode="phone")
    b.event(
        "AGREE",
        "peace deal",
        "no substantive peace deal was reached",
        ["RUS", "UKR"],
        [],
        flags=Flags(negated=True),
    )
    b.quote("Exchanging 1,000 lives is not a small victory", "direct", "Tykhyi", "Heorhii Tykhyi",
            "Foreign Ministry spokesperson", "UKR")  # fmt: skip
    b.quote("asking for too much", "direct", "JD Vance", "JD Vance", "Vice President", "USA")
    b.quote(
        "Russia failed to send senior officials",
        "indirect",
        "Rubio",
        "Marco Rubio",
        "Secretary of State",
        "USA",
    )
    return b.record()


XSS = '<script>window.__pwned = 1; alert("xss")</script>'
IMG = '<img src=x onerror="window.__pwned = 2">'


def xss_record() -> Record:
    """An article whose title, text, names, quotes and URL all carry markup that must run nothing."""
    text = (
        f"Officials said {XSS} was found in the statement.\n\n"
        f'The minister {IMG} warned Russia. "Stop {XSS} now", said Evil <b>Name</b>.\n\n'
        "Ukraine accused Russia of <iframe src=javascript:alert(3)></iframe> shelling."
    )
    art = Article(
        id="xss0000000000001", url="javascript:alert(4)", title=f"Hostile {XSS} title {IMG}",
        site_name=f"Outlet {IMG}", published="2025-05-17", authors=[XSS], text=text,
        paragraphs=[Paragraph(start=m.start(), end=m.end()) for m in re.finditer(r"[^\n]+", text)],
        reactions={XSS: 1},
        content_hash=hashlib.sha256(text.encode()).hexdigest(),
    )  # fmt: skip
    b = Builder(art)
    b.entity("Russia", "GPE", "RUS")
    b.entity("Evil <b>Name</b>", "PERSON", "RUS", IMG)
    b.event("ACCUSE", "accused", "Ukraine accused Russia", ["UKR"], ["RUS"], mode=XSS)
    b.event("THREATEN", "warned", "warned Russia", ["UKR"], ["RUS"])
    b.quote(f"Stop {XSS} now", "direct", "Evil <b>Name</b>", f"Evil {IMG}", XSS, "RUS")
    return b.record()


def synthetic_record(
    i: int, *, actors: list[str], types: list[str], n_events: int, day: str, outlet: str
) -> Record:
    """A small article with ``n_events`` events whose words differ per ``i`` (so de-duplication keeps it)."""
    words = hashlib.sha256(str(i).encode()).hexdigest()
    lines = []
    for k in range(n_events):
        a, r = actors[(i + k) % len(actors)], actors[(i + 3 * k + 1) % len(actors)]
        lines.append(
            f"Officials of {a} met {r} over issue {words[k % 60 : k % 60 + 4]}{i}x{k} in the capital."
        )
    text = " ".join(lines)
    art = Article(
        id=f"syn{i:013d}", url=f"https://news.example/{i}", title=f"Report {i} {words[:8]}", site_name=outlet,
        published=day, text=text, paragraphs=[Paragraph(start=0, end=len(text))],
        content_hash=hashlib.sha256(text.encode()).hexdigest(),
    )  # fmt: skip
    b = Builder(art)
    for k in range(n_events):
        a, r = actors[(i + k) % len(actors)], actors[(i + 3 * k + 1) % len(actors)]
        phrase = f"Officials of {a} met {r} over issue {words[k % 60 : k % 60 + 4]}{i}x{k}"
        b.event(types[(i + k) % len(types)], "met", phrase, [a], [r] if r != a else [])
    return b.record()


def _article(aid: str, title: str, outlet: str, day: str, paras: list[str]) -> Article:
    text = "\n\n".join(paras)
    spans, pos = [], 0
    for p in paras:
        spans.append(Paragraph(start=pos, end=pos + len(p)))
        pos += len(p) + 2
    return Article(
        id=aid, url=f"https://{outlet.lower().replace(' ', '')}.example/{aid}", title=title, site_name=outlet,
        published=day, text=text, paragraphs=spans, content_hash=hashlib.sha256(text.encode()).hexdigest(),
    )  # fmt: skip


def extra_records() -> list[Record]:
    """Two more short (invented) reports of the same talks, so lists and incidents have several sources."""
    a = Builder(
        _article(
            "extra00000000001",
            "Kyiv and Moscow swap prisoners after Istanbul meeting",
            "Harbor Wire",
            "2025-05-16",
            [
                "Russia and Ukraine agreed in Istanbul on Friday to exchange 1,000 prisoners each, the first "
                "concrete result of direct talks between the two sides since 2022.",
                "Ukraine's delegation accused Moscow of sending a team without a mandate to negotiate. Russia "
                "demanded that Ukrainian troops leave four regions before any ceasefire.",
                "Turkey urged both sides to keep talking, and the United States threatened new sanctions if "
                "Russia refused a truce.",
            ],
        )  # fmt: skip
    )
    a.entity("Russia", "GPE", "RUS", None, "Moscow")
    a.entity("Ukraine", "GPE", "UKR", None, "Ukrainian")
    a.entity("Istanbul", "GPE", "TUR")
    a.entity("Turkey", "GPE", "TUR")
    a.entity("United States", "GPE", "USA")
    a.event(
        "AGREE", "agreed", "agreed in Istanbul on Friday to exchange", ["RUS", "UKR"], [], place="Istanbul"
    )
    a.event("ACCUSE", "accused", "delegation accused Moscow", ["UKR"], ["RUS"], mode="disapprove")
    a.event("REQUEST", "demanded", "Russia demanded that Ukrainian troops", ["RUS"], ["UKR"], mode="yield")
    a.event("REQUEST", "urged", "Turkey urged both sides", ["TUR"], ["RUS", "UKR"])
    a.event("THREATEN", "threatened", "threatened new sanctions", ["USA"], ["RUS"], mode="sanction")
    b = Builder(
        _article(
            "extra00000000002",
            "Zelensky calls Trump and European leaders after talks",
            "Capital Ledger",
            "2025-05-17",
            [
                "Ukrainian President Volodymyr Zelensky spoke by phone with Donald Trump and European leaders on "
                "Saturday, a day after the Istanbul talks.",
                "\u201cRussia must feel pressure until it agrees to a full ceasefire,\u201d Zelensky said. The "
                "Kremlin rejected the call for an unconditional truce.",
            ],
        )  # fmt: skip
    )
    b.entity("Volodymyr Zelensky", "PERSON", "UKR", "President", "Zelensky")
    b.entity("Donald Trump", "PERSON", "USA", "President")
    b.entity("Istanbul", "GPE", "TUR")
    b.entity("Russia", "GPE", "RUS", None, "Kremlin")
    b.event("CONSULT", "spoke by phone", "spoke by phone with Donald Trump", ["UKR"], ["USA"], mode="phone")
    b.event("REJECT", "rejected", "The Kremlin rejected the call", ["RUS"], ["UKR"])
    b.quote("Russia must feel pressure until it agrees to a full ceasefire,", "direct", "Zelensky",
            "Volodymyr Zelensky", "President", "UKR")  # fmt: skip
    return [a.record(), b.record()]
