import pytest

from educities.core.search.text import (
    MAX_QUERY_CHARS,
    MAX_QUERY_WORDS,
    Atom,
    Clause,
    clean_text,
    fold,
    parse_query,
    tokens,
)

pytestmark = pytest.mark.unit


def test_fold_lowercases_and_strips_diacritics_keeping_positions():
    assert fold("Educación ÉCOLE São") == "educacion ecole sao"
    assert len(fold("İstanbul ß")) == len("İstanbul ß")


def test_tokens_split_on_everything_but_letters_and_digits():
    assert tokens("l'éducation, e-mail_2030 (ok)") == ["l", "education", "e", "mail", "2030", "ok"]


def test_clean_text_replaces_control_characters_but_keeps_newlines():
    assert clean_text("a\x00b\u200bc\td\ne\x7f") == "a b c\td\ne "


def test_parse_words_are_clauses_that_all_must_match():
    parsed = parse_query("Educación  ciudad")
    assert parsed.clauses == [
        Clause((Atom("word", ("educacion",)),)),
        Clause((Atom("word", ("ciudad",)),)),
    ]
    assert parsed.messages == []
    assert parsed.error == ""


def test_parse_phrase_prefix_or_and_exclusion():
    parsed = parse_query('"ville éducatrice" partic* school OR escuela -private NOT public')
    assert parsed.clauses == [
        Clause((Atom("phrase", ("ville", "educatrice")),)),
        Clause((Atom("prefix", ("partic",)),)),
        Clause((Atom("word", ("school",)), Atom("word", ("escuela",)))),
        Clause((Atom("word", ("private",)),), negated=True),
        Clause((Atom("word", ("public",)),), negated=True),
    ]


def test_parse_word_with_inner_punctuation_is_a_phrase():
    assert parse_query("l'école").clauses == [Clause((Atom("phrase", ("l", "ecole")),))]


def test_parse_unbalanced_quote_is_ignored_with_a_message():
    parsed = parse_query('"city garden')
    assert parsed.clauses == [Clause((Atom("word", ("city",)),)), Clause((Atom("word", ("garden",)),))]
    assert parsed.messages == ["A quotation mark had no partner and was ignored."]


def test_parse_near_and_brackets_are_ignored_with_a_message():
    parsed = parse_query("NEAR(city garden, 3)")
    assert [c.atoms[0].words for c in parsed.clauses] == [("city",), ("garden",), ("3",)]
    assert "NEAR" in parsed.messages[0]


def test_parse_short_prefix_is_a_word_with_a_message():
    parsed = parse_query("ed*")
    assert parsed.clauses == [Clause((Atom("word", ("ed",)),))]
    assert parsed.messages == ["A * works at the end of a word of at least 3 letters; it was ignored."]


@pytest.mark.parametrize("text", ["*", "- + ^ : ( )", "🙂🙂", '"" ""', "_"])
def test_parse_nothing_searchable_gives_an_error(text):
    parsed = parse_query(text)
    assert parsed.clauses == []
    assert parsed.error == "There is nothing to search for: type a word made of letters or numbers."


@pytest.mark.parametrize("text", ["", "   ", "\x00\x01", None])
def test_parse_empty_text_is_browsing(text):
    parsed = parse_query(text)
    assert parsed.is_empty
    assert parsed.error == ""


def test_parse_caps_words_with_a_message():
    parsed = parse_query(" ".join(f"w{i}" for i in range(40)))
    assert sum(len(a.words) for c in parsed.clauses for a in c.atoms) == MAX_QUERY_WORDS
    assert parsed.messages == [f"Only the first {MAX_QUERY_WORDS} words of your search were used."]


def test_parse_caps_length_with_a_message():
    parsed = parse_query("a" * 10_000)
    assert parsed.clauses == [Clause((Atom("word", ("a" * MAX_QUERY_CHARS,)),))]
    assert parsed.messages == [
        f"Your search was too long: only its first {MAX_QUERY_CHARS} characters were used."
    ]


def test_parse_repeated_words_count_once():
    assert parse_query("city City CITY").clauses == [Clause((Atom("word", ("city",)),))]


@pytest.mark.parametrize("typed", ["« ville éducatrice »", "“ville éducatrice”", "„ville éducatrice“"])
def test_parse_typographic_quotes_make_a_phrase(typed):
    assert parse_query(typed).clauses == [Clause((Atom("phrase", ("ville", "educatrice")),))]
