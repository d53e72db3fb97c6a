"""Which language version of a hit matched, and its title and snippet with the matched words marked.

Both backends share this code, so hits look the same on SQLite and PostgreSQL. Matching here is on
folded words (no stemming): PostgreSQL may find a hit through a stem ("educational" for "education"),
in which case nothing is marked and the snippet is the start of the text.
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from educities.core.search.text import TOKEN_RE, Atom, ParsedQuery, _fold_table, fold

SNIPPET_WORDS = 30
_WORD = r"[^\W_]"
FIELD_WEIGHTS = {"title": 3, "summary": 2, "body": 1}


MAX_SCANNED_CHARS = 10_000  # of a body, to choose the version and cut the snippet


@cache
def _variants() -> dict[str, str]:
    """For each folded character, a regex class of the lower-case characters that fold to it."""
    by_base: dict[str, set[str]] = {}
    for code, base in _fold_table().items():
        char = chr(code).lower()
        if len(char) == 1 and len(base) == 1 and base != " ":
            by_base.setdefault(base, {base}).add(char)
    return {base: "[" + "".join(re.escape(c) for c in sorted(chars)) + "]" for base, chars in by_base.items()}


def _word_regex(word: str) -> str:
    variants = _variants()
    return "".join(variants.get(c, re.escape(c)) for c in word)


def _lower(text: str) -> str:
    """Lower case, one character for one (patterns match accented variants themselves)."""
    lowered = text.lower()
    return lowered if len(lowered) == len(text) else fold(text)


def atom_pattern(atom: Atom) -> re.Pattern:
    words = [_word_regex(w) for w in atom.words]
    if atom.kind == "prefix":
        core = f"{words[0]}{_WORD}*"
    elif atom.kind == "phrase":
        core = r"[\W_]+".join(words)
    else:
        core = words[0]
    return re.compile(rf"(?<!{_WORD}){core}(?!{_WORD})")


@dataclass
class Version:
    language: str
    title: str
    summary: str
    body: str


_COMBINING = re.compile("[\u0300-\u036f]")


def _match_form(text: str) -> str:
    """Folded for matching only (lengths may change): decomposed, marks dropped, lower case."""
    return _COMBINING.sub("", unicodedata.normalize("NFD", text)).lower()


def _plain_pattern(atom: Atom) -> tuple[str, re.Pattern]:
    """(a literal every match contains, the pattern) on ``_match_form`` text."""
    words = [re.escape(w) for w in atom.words]
    if atom.kind == "prefix":
        core = f"{words[0]}{_WORD}*"
    elif atom.kind == "phrase":
        core = r"[\W_]+".join(words)
    else:
        core = words[0]
    return atom.words[0], re.compile(rf"(?<!{_WORD}){core}(?!{_WORD})")


class Highlighter:
    def __init__(self, parsed: ParsedQuery):
        self.positive = [[_plain_pattern(a) for a in clause.atoms] for clause in parsed.positive]
        self.patterns = [atom_pattern(a) for clause in parsed.positive for a in clause.atoms]

    def spans(self, text: str) -> list[tuple[int, int]]:
        if not self.patterns or not text:
            return []
        folded = _lower(text)
        found = sorted((m.start(), m.end()) for p in self.patterns for m in p.finditer(folded))
        merged: list[tuple[int, int]] = []
        for start, end in found:
            if merged and start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
            else:
                merged.append((start, end))
        return merged

    def version_score(self, version: Version) -> tuple[bool, int]:
        """(every clause matches this version, weighted number of matching atoms)."""
        folded = {name: _match_form(getattr(version, name)[:MAX_SCANNED_CHARS]) for name in FIELD_WEIGHTS}
        complete = True
        score = 0
        for clause in self.positive:
            best = 0
            for literal, pattern in clause:
                for name, weight in FIELD_WEIGHTS.items():
                    if weight > best and literal in folded[name] and pattern.search(folded[name]):
                        best = weight
            complete = complete and best > 0
            score += best
        return complete, score

    def choose(self, versions: list[Version], reader_language: str, original: str | None = None) -> Version:
        """The reader's version when it matches, else the best-matching one."""
        if not self.positive:
            for language in (reader_language, original):
                for version in versions:
                    if version.language == language:
                        return version
            return versions[0]
        for version in versions:
            if version.language == reader_language and self.version_score(version)[0]:
                return version
        scored = [(self.version_score(v), v) for v in versions]
        best = max(scored, key=lambda item: (item[0], item[1].language == reader_language))
        return best[1]

    def title_html(self, title: str) -> SafeString:
        return mark_html(title, self.spans(title))

    def snippet_html(self, version: Version) -> SafeString:
        for text in (version.summary, version.body[:MAX_SCANNED_CHARS]):
            spans = self.spans(text)
            if spans:
                return window_html(text, spans)
        return window_html(version.summary or version.body[:MAX_SCANNED_CHARS], [])


def mark_html(text: str, spans: list[tuple[int, int]]) -> SafeString:
    """The text HTML-escaped, with <mark> around the spans (each piece escaped on its own)."""
    pieces = []
    position = 0
    for start, end in spans:
        pieces.append(escape(text[position:start]))
        pieces.append(f"<mark>{escape(text[start:end])}</mark>")
        position = end
    pieces.append(escape(text[position:]))
    return mark_safe("".join(pieces))  # noqa: S308 - every piece of the text is escaped above


def window_html(text: str, spans: list[tuple[int, int]], words: int = SNIPPET_WORDS) -> SafeString:
    """About ``words`` words of the text around its first match, with the matches marked."""
    token_spans = [(m.start(), m.end()) for m in TOKEN_RE.finditer(text)]
    if not token_spans:
        return mark_safe("")
    first = 0
    if spans:
        first_match = spans[0][0]
        first = next((i for i, (_s, e) in enumerate(token_spans) if e > first_match), 0)
    start_token = max(0, first - words // 4)
    end_token = min(len(token_spans), start_token + words)
    start_token = max(0, min(start_token, end_token - words))
    start = token_spans[start_token][0]
    end = token_spans[end_token - 1][1]
    if end_token < len(token_spans):
        # keep the punctuation right after the last word (a full stop, a closing bracket)
        tail = re.match(r"[^\s]*", text[end:])
        end += len(tail.group(0)) if tail else 0
    inner = [(max(s, start) - start, min(e, end) - start) for s, e in spans if e > start and s < end]
    html = mark_html(text[start:end], inner)
    prefix = "… " if start_token > 0 else ""
    suffix = " …" if end_token < len(token_spans) else ""
    return mark_safe(f"{prefix}{html}{suffix}")  # noqa: S308 - mark_html escaped the text
