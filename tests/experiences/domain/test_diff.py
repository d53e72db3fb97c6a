"""What a proposed change would change (domain/diff.py): exact outputs."""

import pytest

from educities.experiences.domain.diff import FieldChange, experience_diff, text_diff_html

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("before", "after", "html"),
    [
        ("Same words.", "Same words.", "Same words."),
        ("", "New text", "<ins>New text</ins>"),
        ("Old text", "", "<del>Old text</del>"),
        (
            "Children walk to school.",
            "Children and parents walk to school together.",
            "Children<ins> and parents</ins> walk to <del>school.</del><ins>school together.</ins>",
        ),
        (
            "The council meets monthly.",
            "The council meets weekly.",
            "The council meets <del>monthly.</del><ins>weekly.</ins>",
        ),
        # Every piece is escaped: markup typed in a plain text never reaches the page as markup.
        ("a <b> & c", "a <i> & c", "a <del>&lt;b&gt;</del><ins>&lt;i&gt;</ins> &amp; c"),
        (
            "x",
            '"><script>alert(1)</script>',
            "<del>x</del><ins>&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;</ins>",
        ),
        (None, "Text", "<ins>Text</ins>"),
    ],
)
def test_text_diff_html_marks_deleted_and_inserted_words(before, after, html):
    assert text_diff_html(before, after) == html


def test_experience_diff_of_identical_values_is_empty():
    values = {"title": "School streets", "themes": ["mobility"], "start_date": "2020-01-01"}

    assert experience_diff(before=values, after=dict(values)) == []


def test_experience_diff_ignores_empty_to_empty():
    assert (
        experience_diff(before={"summary": "", "end_date": None, "themes": []}, after={"summary": None}) == []
    )


def test_experience_diff_of_rich_text_compares_the_plain_text():
    changes = experience_diff(
        before={"context": "<p>The city <strong>wanted</strong> it.</p><p>Second.</p>"},
        after={"context": "<p>The city needed it.</p><p>Second.</p>"},
    )

    assert changes == [
        FieldChange(
            key="context",
            before="<p>The city <strong>wanted</strong> it.</p><p>Second.</p>",
            after="<p>The city needed it.</p><p>Second.</p>",
            html="The city <del>wanted</del><ins>needed</ins> it.\nSecond.",
        )
    ]


def test_experience_diff_lists_every_change_in_form_order():
    before = {
        "title": "School streets",
        "summary": "Streets closed to cars.",
        "original_language": "en",
        "start_date": "2020-01-01",
        "end_date": None,
        "is_ongoing": True,
        "budget_range": "lt10k",
        "contact": 4,
        "principles": [1, 2],
        "themes": ["mobility", "sustainability"],
        "sdgs": ["3", "11"],
        "partners": [{"name": "Parents", "kind": "civil_society"}],
        "links": [{"url": "https://example.org/a", "label": "A"}],
    }
    after = {
        **before,
        "title": "Safe school streets",
        "start_date": "2020-09-01",
        "is_ongoing": False,
        "end_date": "2024-06-30",
        "contact": None,
        "principles": [2, 7],
        "themes": ["mobility", "public_space", "sustainability"],
        "sdgs": ["3"],
        "partners": [
            {"name": "Parents", "kind": "civil_society"},
            {"name": "University", "kind": "university"},
        ],
        "attachments_removed": [12],
    }

    changes = experience_diff(before=before, after=after)

    assert changes == [
        FieldChange(
            key="title",
            before="School streets",
            after="Safe school streets",
            html="<del>School</del><ins>Safe school</ins> streets",
        ),
        FieldChange(key="start_date", before="2020-01-01", after="2020-09-01"),
        FieldChange(key="end_date", before=None, after="2024-06-30"),
        FieldChange(key="is_ongoing", before=True, after=False),
        FieldChange(key="contact", before=4, after=None),
        FieldChange(key="principles", before=[1, 2], after=[2, 7], added=[7], removed=[1]),
        FieldChange(
            key="themes",
            before=["mobility", "sustainability"],
            after=["mobility", "public_space", "sustainability"],
            added=["public_space"],
        ),
        FieldChange(key="sdgs", before=["3", "11"], after=["3"], removed=["11"]),
        FieldChange(
            key="partners",
            before=[{"name": "Parents", "kind": "civil_society"}],
            after=[
                {"name": "Parents", "kind": "civil_society"},
                {"name": "University", "kind": "university"},
            ],
            added=[{"name": "University", "kind": "university"}],
        ),
        FieldChange(key="attachments_removed", before=[], after=[12], removed=[12]),
    ]


def test_experience_diff_of_a_list_from_nothing_adds_every_item():
    changes = experience_diff(
        before={"target_groups": None}, after={"target_groups": ["children", "families"]}
    )

    assert changes == [
        FieldChange(
            key="target_groups", before=[], after=["children", "families"], added=["children", "families"]
        )
    ]
