"""The scoring form of the item page: drafts, completion, optimistic locking across tabs, hostile input."""

import re
from decimal import Decimal

import pytest
from django.test import Client

from educities.reviews.enums import ReviewPhase
from educities.reviews.models import Assignment, Review
from tests.reviews.factories import make_item, make_juror, make_process, make_review
from tests.reviews.subjects_support import city_subject, db_state, item_url, jury_world, score_data

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.fixture
def world():
    with city_subject():
        yield jury_world(ReviewPhase.BLIND)


@pytest.fixture
def juror_client(client, world):
    client.force_login(world.user("assigned"))
    return client


def _review(world) -> Review | None:
    return Review.objects.filter(item=world.item, reviewer=world.jurors["assigned"]).first()


def _values(review) -> list:
    return [
        "na" if score.not_applicable else score.value
        for score in review.scores.order_by("criterion__position")
    ]


def _version_in(page) -> int:
    match = re.search(r'<input type="hidden" name="version" value="(\d+)"', page.content.decode())
    assert match is not None
    return int(match.group(1))


def test_scoring_page_offers_a_row_per_criterion(juror_client, world):
    response = juror_client.get(item_url(world.item))

    html = response.content.decode()
    criteria = list(world.process.criteria.order_by("position"))
    assert response.status_code == 200
    assert _version_in(response) == 0
    for criterion in criteria:
        assert f'name="score_{criterion.pk}"' in html
        assert f'name="na_{criterion.pk}"' in html
        assert f'name="comment_{criterion.pk}"' in html
    assert html.count('step="any" min="0" max="10"') == 3
    assert 'value="draft"' in html
    assert 'value="complete"' in html


def test_scoring_save_draft_then_complete(juror_client, world):
    draft = juror_client.post(
        item_url(world.item), score_data(world.process, [7, None, None], comment="So far")
    )
    stored_draft = _review(world)
    page = juror_client.get(item_url(world.item))
    complete = juror_client.post(
        item_url(world.item),
        score_data(world.process, [7, "8.5", "na"], version=_version_in(page), action="complete"),
    )

    assert draft.status_code == 302
    assert draft["Location"] == item_url(world.item) + "#scoring"
    assert (stored_draft.version, stored_draft.submitted_at, stored_draft.comment) == (1, None, "So far")
    assert complete.status_code == 302
    review = _review(world)
    assert review.version == 2
    assert review.submitted_at is not None
    assert review.comment == ""
    assert _values(review) == [Decimal("7.00"), Decimal("8.50"), "na"]
    assert review.total == Decimal("7.750")


def test_scoring_complete_with_a_criterion_missing_is_refused(juror_client, world):
    before = db_state(world.process)

    response = juror_client.post(
        item_url(world.item), score_data(world.process, [7, None, 8], action="complete")
    )

    assert response.status_code == 400
    assert "Score this criterion or mark it as not applicable before completing." in response.content.decode()
    assert db_state(world.process) == before


def test_scoring_form_shows_the_stored_values_again(juror_client, world):
    make_review(world.item, world.jurors["assigned"], values=[7, "8.5", None], complete=False)

    html = juror_client.get(item_url(world.item)).content.decode()

    first, second, third = world.process.criteria.order_by("position")
    assert f'name="score_{first.pk}" value="7"' in html
    assert f'name="score_{second.pk}" value="8.5"' in html
    assert f'name="na_{third.pk}" id="id_na_{third.pk}" checked' in html


def test_scoring_two_tabs_keep_both_inputs_visible(world):
    tab_a, tab_b = Client(), Client()
    for tab in (tab_a, tab_b):
        tab.force_login(world.user("assigned"))
    page_a, page_b = tab_a.get(item_url(world.item)), tab_b.get(item_url(world.item))
    first, second, third = world.process.criteria.order_by("position")

    saved_a = tab_a.post(
        item_url(world.item),
        score_data(world.process, [9, 9, 9], version=_version_in(page_a), comment="Tab A's view"),
    )
    stale_b = tab_b.post(
        item_url(world.item),
        score_data(world.process, [3, "4.5", "na"], version=_version_in(page_b), comment="Tab B's view"),
    )

    assert saved_a.status_code == 302
    assert stale_b.status_code == 409
    html = stale_b.content.decode()
    assert "Your review was saved meanwhile" in html
    # Tab B's input is kept in the form...
    assert f'name="score_{first.pk}" value="3"' in html
    assert f'name="score_{second.pk}" value="4.5"' in html
    assert f'name="na_{third.pk}" id="id_na_{third.pk}" checked' in html
    assert "Tab B&#x27;s view</textarea>" in html
    # ...beside what tab A stored, and the database still holds tab A's review.
    assert html.count("Stored meanwhile") == 3
    assert "Tab A&#x27;s view" in html
    review = _review(world)
    assert (review.version, review.comment) == (1, "Tab A's view")
    assert _values(review) == [Decimal("9.00")] * 3
    # Saving again from the stale page now knowingly replaces tab A's values.
    assert _version_in(stale_b) == 1
    again = tab_b.post(
        item_url(world.item),
        score_data(world.process, [3, "4.5", "na"], version=_version_in(stale_b), comment="Tab B's view"),
    )
    assert again.status_code == 302
    review = _review(world)
    assert (review.version, review.comment) == (2, "Tab B's view")
    assert _values(review) == [Decimal("3.00"), Decimal("4.50"), "na"]


def test_scoring_first_save_in_two_tabs_is_also_caught(world):
    tab_a, tab_b = Client(), Client()
    for tab in (tab_a, tab_b):
        tab.force_login(world.user("assigned"))

    first = tab_a.post(item_url(world.item), score_data(world.process, [5, 5, 5]))
    second = tab_b.post(item_url(world.item), score_data(world.process, [6, 6, 6]))

    assert (first.status_code, second.status_code) == (302, 409)
    assert _values(_review(world)) == [Decimal("5.00")] * 3


def _hostile_posts(world) -> dict[str, dict]:
    first, second, third = world.process.criteria.order_by("position")
    valid = score_data(world.process, [7, 7, 7], version=1, action="complete")
    other = make_process(phase=ReviewPhase.BLIND)
    foreign = other.criteria.order_by("position").first()
    return {
        "above the scale": {**valid, f"score_{first.pk}": "11"},
        "below the scale": {**valid, f"score_{first.pk}": "-1"},
        "not a number": {**valid, f"score_{first.pk}": "abc"},
        "NaN": {**valid, f"score_{first.pk}": "NaN"},
        "infinity": {**valid, f"score_{first.pk}": "Infinity"},
        "huge exponent": {**valid, f"score_{first.pk}": "1e999999999"},
        "tiny exponent": {**valid, f"score_{first.pk}": "1e-999999999"},
        "three decimals": {**valid, f"score_{first.pk}": "7.125"},
        "comma decimal": {**valid, f"score_{first.pk}": "7,5"},
        "score and n/a": {**valid, f"na_{second.pk}": "on"},
        "missing version": {key: value for key, value in valid.items() if key != "version"},
        "empty version": {**valid, "version": ""},
        "negative version": {**valid, "version": "-1"},
        "version not a number": {**valid, "version": "one"},
        "version too large": {**valid, "version": "9" * 30},
        "criterion of another process": {**valid, f"score_{foreign.pk}": "5"},
        "criterion that is no number": {**valid, "score_x": "5"},
        "NUL in a comment": {**valid, f"comment_{third.pk}": "a\x00b"},
        "comment too long": {**valid, "comment": "x" * 10_001},
    }


HOSTILE = [
    "above the scale",
    "below the scale",
    "not a number",
    "NaN",
    "infinity",
    "huge exponent",
    "tiny exponent",
    "three decimals",
    "comma decimal",
    "score and n/a",
    "missing version",
    "empty version",
    "negative version",
    "version not a number",
    "version too large",
    "criterion of another process",
    "criterion that is no number",
    "NUL in a comment",
    "comment too long",
]


@pytest.mark.parametrize("case", HOSTILE)
def test_scoring_hostile_post_changes_nothing(juror_client, world, case):
    make_review(world.item, world.jurors["assigned"], values=[5, 5, 5], complete=False)
    data = _hostile_posts(world)[case]
    before = db_state(world.process)

    response = juror_client.post(item_url(world.item), data)

    assert response.status_code == 400
    assert "Nothing was saved" in response.content.decode()
    assert db_state(world.process) == before


def test_scoring_version_of_another_review_is_stale(juror_client, world):
    mine = make_review(world.item, world.jurors["assigned"], values=[5, 5, 5], complete=False)
    other_item = make_item(world.process)
    other_juror = make_juror(world.process)
    for value in (1, 2, 3):
        other = make_review(other_item, other_juror, values=[value] * 3, complete=False)
    before = db_state(world.process)

    response = juror_client.post(
        item_url(world.item), score_data(world.process, [8, 8, 8], version=other.version)
    )

    assert (mine.version, other.version) == (1, 3)
    assert response.status_code == 409
    assert db_state(world.process) == before


def test_scoring_version_of_a_review_that_does_not_exist_is_stale(juror_client, world):
    before = db_state(world.process)

    response = juror_client.post(item_url(world.item), score_data(world.process, [8, 8, 8], version=4))

    assert response.status_code == 409
    assert "Your scores were changed elsewhere" in response.content.decode()
    assert _version_in(response) == 0
    assert db_state(world.process) == before


def test_scoring_an_item_taken_off_the_juror_is_refused(juror_client, world):
    page = juror_client.get(item_url(world.item))
    Assignment.objects.filter(item=world.item).delete()
    before = db_state(world.process)

    response = juror_client.post(
        item_url(world.item), score_data(world.process, [8, 8, 8], version=_version_in(page))
    )

    assert response.status_code == 404
    assert db_state(world.process) == before
