"""A small, dependency-free language guess: writing system first, then function words.

It answers the one question accords asks ("is this English, and if not, what?") for the languages
news comes in most often; it is not a general identifier. Returns ISO 639-1 codes or None.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

_WORD = re.compile(r"[^\W\d_]+")
# The letters below U+0250, listed once: one C pass counts them (no per-character Python test).
_LATIN_LETTER = re.compile("[" + "".join(re.escape(chr(o)) for o in range(0x250) if chr(o).isalpha()) + "]")
_BEYOND_LATIN = re.compile(r"[\u0250-\U0010ffff]")

# The most frequent function words of each language (lower case), chosen to overlap little.
_STOPWORDS: dict[str, set[str]] = {
    "en": set(
        "the of and to in is that for it was on with as by at from his her they this be are have has "
        "not but which were said will would an been their who".split()
    ),
    "fr": set(
        "le la les des du un une et est dans pour que qui sur pas au aux avec ce cette il elle sont "
        "ont été par plus nous vous leur mais".split()
    ),
    "de": set(
        "der die das und ist nicht ein eine mit den dem des sich auf für von zu im auch es sie "
        "wird wurde werden sind hat bei aus nach".split()
    ),
    "es": set(
        "el la los las de del y en que un una es por con para se su al lo como más pero sus "
        "fue ha este esta son".split()
    ),
    "it": set(
        "il lo la gli le di del della che e è un una per con non sono nel alla anche come più "
        "ma dei delle ha questo".split()
    ),
    "pt": set(
        "o a os as de do da dos das e em um uma que não para com por se mais ao foi são "
        "como mas também seu sua".split()
    ),
    "nl": set(
        "de het een en van in is dat op te zijn met voor niet aan er die door ook als bij "
        "maar om nog wordt".split()
    ),
    "sv": set(
        "och att det som en är på av för med till den har de inte om ett var jag men från vi kan".split()
    ),
    "da": set("og at det som en er på af for med til den har de ikke om et var jeg men fra vi kan".split()),
    "no": set(
        "og at det som en er på av for med til den har de ikke om et var jeg men fra vi kan ble".split()
    ),
    "pl": set("i w na się z że do nie to jest o jak po co ale od za przez być są jego ich tak".split()),
    "tr": set("ve bir bu da de için ile olarak çok daha gibi olan ama en ne değil kadar sonra var".split()),
    "id": set(
        "yang dan di ini itu dengan untuk dari dalam tidak akan pada juga ke ada oleh "
        "karena bahwa mereka".split()
    ),
    "ro": set("și în de la cu pe care este un o nu să din mai pentru sunt ca au fost".split()),
    "cs": set("a se na je že v s z do to jako ale pro by jsou o po jeho které".split()),
    "hu": set("a az és hogy nem is egy de meg van ez csak már mint volt azt".split()),
    "fi": set("ja on ei se että oli hän ovat mutta kun myös tai joka tämä".split()),
}
# Distinctive letters of Cyrillic languages.
_CYRILLIC_MARKS = {"uk": set("іїєґ"), "be": set("ўі"), "bg": set("ъ"), "sr": set("ђћџљњј"), "mk": set("ѓќѕ")}


def _script(ch: str) -> str | None:
    o = ord(ch)
    if o < 0x250:
        return "latin"
    if 0x370 <= o < 0x400:
        return "el"
    if 0x400 <= o < 0x530:
        return "cyrillic"
    if 0x530 <= o < 0x590:
        return "hy"
    if 0x590 <= o < 0x600:
        return "he"
    if 0x600 <= o < 0x700 or 0x750 <= o < 0x780 or 0xFB50 <= o < 0xFE00:
        return "arabic"
    if 0x900 <= o < 0x980:
        return "hi"
    if 0x980 <= o < 0xA00:
        return "bn"
    if 0xE00 <= o < 0xE80:
        return "th"
    if 0x10A0 <= o < 0x1100:
        return "ka"
    if 0x3040 <= o < 0x3100:
        return "ja"
    if 0xAC00 <= o < 0xD7B0 or 0x1100 <= o < 0x1200:
        return "ko"
    if 0x4E00 <= o < 0xA000 or 0x3400 <= o < 0x4DC0:
        return "han"
    return None


def detect_language(text: str, hint: str | None = None) -> str | None:
    """Guess the language of ``text``; ``hint`` (e.g. the page's ``lang``) breaks ties and covers short texts."""
    sample = text[:6000]
    scripts: Counter[str] = Counter()
    # Latin letters counted in C (most pages are nearly all Latin); only the rest is looked at one by one.
    latin = len(_LATIN_LETTER.findall(sample))
    if latin:
        scripts["latin"] = latin
    for ch in _BEYOND_LATIN.findall(sample):
        if ch.isalpha():
            s = _script(ch)
            if s:
                scripts[s] += 1
    letters = sum(scripts.values())
    hint = hint.split("-")[0].split("_")[0].lower() if hint else None
    if letters < 20:
        return hint
    top, count = scripts.most_common(1)[0]
    if top != "latin" and count / letters > 0.4:
        if top == "cyrillic":
            chars = Counter(c for c in sample.lower() if "\u0400" <= c < "\u0530")
            scores = {lang: sum(chars[c] for c in marks) for lang, marks in _CYRILLIC_MARKS.items()}
            best = max(scores, key=lambda k: scores[k])
            if scores[best] > 0.003 * sum(chars.values()):
                return best
            return hint if hint in ("ru", "uk", "bg", "sr", "mk", "be", "kk") else "ru"
        if top == "han":
            return "ja" if scripts["ja"] > 0.05 * letters else "zh"
        if top == "arabic":
            persian = sum(sample.count(c) for c in "پچژگ")
            urdu = sum(sample.count(c) for c in "ٹڈڑےں")
            return "ur" if urdu > 5 else "fa" if persian > 5 else "ar"
        return top
    words = [w.lower() for w in _WORD.findall(unicodedata.normalize("NFC", sample))]
    if not words:
        return hint
    counts = Counter(words)
    scores = {lang: sum(map(counts.__getitem__, sw)) for lang, sw in _STOPWORDS.items()}
    best = max(scores, key=lambda k: scores[k])
    if scores[best] < max(2, 0.05 * len(words)):
        return hint
    if hint in scores and scores[hint] >= 0.8 * scores[best]:
        return hint
    return best
