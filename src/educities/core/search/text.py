"""Folding, tokenising and parsing the user's search text.

Nothing the user types reaches a database match operator: ``parse_query`` turns the text into clauses of
atoms (words, prefixes, phrases) made only of letters and digits, folded like the indexes fold them
(lower case, no diacritics), and each backend compiles the atoms to its own syntax.
"""

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache

from django.utils.translation import gettext, ngettext

MAX_QUERY_CHARS = 200
MAX_QUERY_WORDS = 20
MIN_PREFIX_CHARS = 3

# A token is a run of letters and digits: FTS5's unicode61 tokenizer and PostgreSQL's parser both split
# on everything else (underscore included).
TOKEN_RE = re.compile(r"[^\W_]+")
_CONTROL_CATEGORIES = {"Cc", "Cf", "Cs"}
_OPERATOR_CHARS = set("()[]{}^:~<>|&!")


@cache
def _fold_table() -> dict[int, str]:
    """Maps each character to one lower-case character without diacritics (lengths are kept)."""
    table: dict[int, str] = {}
    for code in range(0x80, 0x2000):
        char = chr(code)
        decomposed = unicodedata.normalize("NFKD", char)
        base = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
        if unicodedata.combining(char):
            table[code] = " "  # a lone combining mark separates nothing from nothing: treat as space
        elif len(base) == 1 and base != char:
            table[code] = base
        elif len(char.lower()) == 1 and char.lower() != char:
            table[code] = char.lower()
    return table


def fold(text: str) -> str:
    """Lower case without diacritics, one character for one: positions in the result are the text's."""
    return text.translate(_fold_table()).lower() if text.isascii() else _fold_slow(text)


def _fold_slow(text: str) -> str:
    folded = text.translate(_fold_table())
    # str.lower() can lengthen a few characters (e.g. "İ"); keep those as they are so positions hold.
    lowered = folded.lower()
    if len(lowered) == len(folded):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in folded)


@cache
def _control_re() -> re.Pattern:
    """Every control, format and surrogate character but tab and newline, as one character class."""
    ranges: list[list[int]] = []
    for code in range(0x110000):
        if unicodedata.category(chr(code)) in _CONTROL_CATEGORIES and code not in (9, 10):
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1][1] = code
            else:
                ranges.append([code, code])
    parts = "".join(f"\\U{a:08x}" if a == b else f"\\U{a:08x}-\\U{b:08x}" for a, b in ranges)
    return re.compile(f"[{parts}]")


def clean_text(text: str) -> str:
    """The text without control, format or surrogate characters (NUL included); tab and newline stay."""
    # Composed form (e + ◌́ → é), as the tokenizers expect; a no-op for text already composed.
    text = unicodedata.normalize("NFC", text)
    if text.replace("\n", " ").replace("\t", " ").isprintable():  # the common case, at C speed
        return text
    return _control_re().sub(" ", text)


def tokens(text: str) -> list[str]:
    return TOKEN_RE.findall(fold(text))


@dataclass(frozen=True)
class Atom:
    """A word, a prefix (``word*``) or a phrase (``"two words"``), already folded."""

    kind: str  # "word" | "prefix" | "phrase"
    words: tuple[str, ...]

    @property
    def key(self) -> str:
        return f"{self.kind}:{' '.join(self.words)}"


@dataclass(frozen=True)
class Clause:
    """Any of the atoms (``a OR b``); a negated clause excludes what it matches (``-word``)."""

    atoms: tuple[Atom, ...]
    negated: bool = False


@dataclass
class ParsedQuery:
    clauses: list[Clause] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)
    error: str = ""

    @property
    def positive(self) -> list[Clause]:
        return [c for c in self.clauses if not c.negated]

    @property
    def negative(self) -> list[Clause]:
        return [c for c in self.clauses if c.negated]

    @property
    def atoms(self) -> list[Atom]:
        seen: dict[str, Atom] = {}
        for clause in self.clauses:
            for atom in clause.atoms:
                seen.setdefault(atom.key, atom)
        return list(seen.values())

    @property
    def is_empty(self) -> bool:
        return not self.clauses


# Typographic quotation marks people type for a phrase in their language (“…”, «…», „…“, ＂…＂).
_QUOTES = str.maketrans(dict.fromkeys("“”„‟«»＂″", '"'))


def _chunks(text: str) -> tuple[list[tuple[str, bool]], bool]:
    """Splits the text into (chunk, quoted) pairs; says whether an unbalanced quote was dropped."""
    parts = text.translate(_QUOTES).split('"')
    unbalanced = len(parts) % 2 == 0
    chunks: list[tuple[str, bool]] = []
    for index, part in enumerate(parts):
        quoted = index % 2 == 1 and not (unbalanced and index == len(parts) - 1)
        if quoted:
            chunks.append((part, True))
        else:
            chunks.extend((piece, False) for piece in part.split())
    return chunks, unbalanced


def parse_query(raw: object) -> ParsedQuery:
    """Parses what the user typed; never raises. Messages and errors are translated sentences."""
    parsed = ParsedQuery()
    text = clean_text(str(raw or "")).strip()
    if not text:
        return parsed
    if len(text) > MAX_QUERY_CHARS:
        text = text[:MAX_QUERY_CHARS]
        parsed.messages.append(
            gettext("Your search was too long: only its first %(count)d characters were used.")
            % {"count": MAX_QUERY_CHARS}
        )
    chunks, unbalanced = _chunks(text)
    if unbalanced:
        parsed.messages.append(gettext("A quotation mark had no partner and was ignored."))

    items: list[Clause | str] = []  # clauses and the "OR" markers between them
    ignored_operators = False
    ignored_star = False
    negate_next = False
    for chunk, quoted in chunks:
        if quoted:
            words = tuple(tokens(chunk))
            if words:
                kind = "word" if len(words) == 1 else "phrase"
                items.append(Clause((Atom(kind, words),), negated=negate_next))
            negate_next = False
            continue
        if chunk == "OR":
            items.append("OR")
            continue
        if chunk == "AND":
            continue
        if chunk == "NOT":
            negate_next = True
            continue
        if chunk.startswith("NEAR"):
            ignored_operators = True
            chunk = chunk[4:]
        negated = negate_next or (chunk.startswith("-") and len(chunk) > 1)
        negate_next = False
        if any(c in _OPERATOR_CHARS for c in chunk):
            ignored_operators = True
        body = chunk.lstrip("-+")
        words = tuple(tokens(body))
        if not words:
            if "*" in body:
                ignored_star = True
            continue
        if len(words) == 1 and body.rstrip(")]}").endswith("*"):
            if len(words[0]) >= MIN_PREFIX_CHARS:
                atom = Atom("prefix", words)
            else:
                ignored_star = True
                atom = Atom("word", words)
        else:
            if "*" in body:
                ignored_star = True
            atom = Atom("word" if len(words) == 1 else "phrase", words)
        items.append(Clause((atom,), negated=negated))

    if ignored_operators:
        parsed.messages.append(
            gettext(
                "Brackets and operators such as NEAR, ^ or : are not supported and were ignored. "
                'Use "quotes" for a phrase, word* for a prefix, -word to exclude a word and OR for either.'
            )
        )
    if ignored_star:
        parsed.messages.append(
            gettext("A * works at the end of a word of at least %(count)d letters; it was ignored.")
            % {"count": MIN_PREFIX_CHARS}
        )

    clauses = _join_or(items)
    clauses = _cap(clauses, parsed)
    parsed.clauses = clauses
    if not clauses:
        parsed.error = gettext("There is nothing to search for: type a word made of letters or numbers.")
    return parsed


def _join_or(items: list[Clause | str]) -> list[Clause]:
    clauses: list[Clause] = []
    pending_or = False
    for item in items:
        if item == "OR":
            pending_or = bool(clauses)
            continue
        if not isinstance(item, Clause):
            continue
        if pending_or and clauses and not clauses[-1].negated and not item.negated:
            clauses[-1] = Clause(clauses[-1].atoms + item.atoms)
        else:
            clauses.append(item)
        pending_or = False
    # The same atom twice in a clause, or the same clause twice, adds nothing.
    unique: dict[tuple, Clause] = {}
    for clause in clauses:
        atoms = tuple(dict.fromkeys(clause.atoms))
        unique.setdefault((clause.negated, atoms), Clause(atoms, clause.negated))
    return list(unique.values())


def _cap(clauses: list[Clause], parsed: ParsedQuery) -> list[Clause]:
    kept: list[Clause] = []
    words = 0
    dropped = False
    for clause in clauses:
        atoms = []
        for atom in clause.atoms:
            size = len(atom.words)
            if words + size > MAX_QUERY_WORDS:
                dropped = True
                continue
            words += size
            atoms.append(atom)
        if atoms:
            kept.append(Clause(tuple(atoms), clause.negated))
    if dropped:
        parsed.messages.append(
            ngettext(
                "Only the first %(count)d word of your search was used.",
                "Only the first %(count)d words of your search were used.",
                MAX_QUERY_WORDS,
            )
            % {"count": MAX_QUERY_WORDS}
        )
    return kept
