"""The ranking page: figures, flags and tie-breaks; what jurors see of it; the staff's order of tied items."""

import re
from dataclasses import dataclass
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from educities.core.models import AuditEntry
from educities.reviews.domain.jury import conflict_add
from educities.reviews.domain.queries import review_total
from educities.reviews.enums import ConflictKind, ReviewPhase
from educities.reviews.models import Assignment, Review, ReviewItem, Score
from tests.factories import StaffFactory
from tests.reviews.factories import make_item, make_juror, make_process, make_review, process_walk
from tests.reviews.views.manage_support import login, messages_of, url

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@dataclass
class RankingWorld:
    process: object
    items: dict
    jurors: dict
    staff: object


def ranking_world(phase: str = ReviewPhase.DELIBERATION) -> RankingWorld:
    """Four items: "a" (mean 8.5), "d" (5.5, divergent), "b" and "c" (5, tied on everything).

    "conflicted" has a conflict of interest with "a" and reviewed "c" like the others did.
    """
    process = make_process(phase=ReviewPhase.BLIND)
    items = {
        key: make_item(process, title=title)
        for key, title in [("a", "Alpha"), ("b", "Bravo"), ("c", "Charlie"), ("d", "Delta")]
    }
    jurors = {key: make_juror(process) for key in ("j1", "j2", "j3", "conflicted")}
    conflict_add(
        reviewer=jurors["conflicted"], item=items["a"], kind=ConflictKind.PERSONAL, note="", actor=None
    )
    for key, juror, values in [
        ("a", "j1", [8, 8, 8]),
        ("a", "j2", [9, 9, 9]),
        ("b", "j1", [5, 5, 5]),
        ("b", "j2", [5, 5, 5]),
        ("c", "j1", [5, 5, 5]),
        ("c", "conflicted", [5, 5, 5]),
        ("d", "j1", [2, 2, 2]),
        ("d", "j3", [9, 9, 9]),
    ]:
        make_review(items[key], jurors[juror], values=values)
    process = process_walk(process, phase)
    return RankingWorld(process=process, items=items, jurors=jurors, staff=StaffFactory())


@pytest.fixture
def world():
    return ranking_world()


def _titles(response) -> list[str]:
    return [entry["row"].item.title for entry in response.context["rows"]]


def test_staff_see_every_item_with_its_figures(client, world):
    login(client, world.staff)

    response = client.get(url(world, "ranking"))

    assert response.status_code == 200
    rows = response.context["rows"]
    assert [(e["row"].rank, e["row"].item.title, e["row"].tie_break) for e in rows] == [
        (1, "Alpha", ""),
        (2, "Delta", ""),
        (3, "Bravo", ""),
        (3, "Charlie", "unbroken"),
    ]
    delta = rows[1]
    aggregate = delta["row"].aggregate
    assert (aggregate.reviews, aggregate.mean, aggregate.median, aggregate.spread) == (
        2,
        Decimal("5.500"),
        Decimal("5.500"),
        Decimal("7.000"),
    )
    assert delta["outliers"] == 2
    assert delta["figures"] == ["5.50", "5.50", "3.50", "7.00"]  # mean, median, SD, spread
    assert delta["criterion_means"] == ["5.50"] * 3
    assert rows[0]["figures"] == ["8.50", "8.50", "0.50", "1.00"]
    assert [e["tie_break_label"] for e in rows] == ["", "", "", "Still tied"]
    html = response.content.decode()
    assert "divergent" in html
    assert "2 outlier reviews" in html
    assert f'href="/en/jury/items/{world.items["a"].pk}/"' in html
    assert [[item.title for item in group.form.items] for group in response.context["tie_groups"]] == [
        ["Bravo", "Charlie"]
    ]
    assert 'name="reason"' in html


def test_figures_are_in_the_readers_notation(client, world):
    login(client, world.staff)

    response = client.get(url(world, "ranking").replace("/en/", "/fr/"))

    assert response.status_code == 200
    assert response.context["rows"][1]["figures"] == ["5,50", "5,50", "3,50", "7,00"]


def test_non_conflicted_juror_sees_every_item_but_no_tie_break_form(client, world):
    login(client, world.jurors["j3"].user)

    response = client.get(url(world, "ranking"))

    assert response.status_code == 200
    assert _titles(response) == ["Alpha", "Delta", "Bravo", "Charlie"]
    assert response.context["tie_groups"] == []
    assert 'name="reason"' not in response.content.decode()


def test_conflicted_juror_does_not_see_the_item_they_are_conflicted_with(client, world):
    login(client, world.jurors["conflicted"].user)

    response = client.get(url(world, "ranking"))

    html = response.content.decode()
    assert response.status_code == 200
    assert _titles(response) == ["Delta", "Bravo", "Charlie"]
    assert "Alpha" not in html
    assert f"/jury/items/{world.items['a'].pk}/" not in html
    assert "The items you are conflicted with are not shown." in html


def test_juror_cannot_see_the_ranking_during_blind_scoring(client):
    world = ranking_world(phase=ReviewPhase.BLIND)
    login(client, world.jurors["j1"].user)

    response = client.get(url(world, "ranking"))

    assert response.status_code == 403


def _tie_break_data(world, ranks: dict, reason: str = "Charlie reaches more children.") -> dict:
    data = {"item": [world.items[key].pk for key in ranks], "reason": reason}
    data.update({f"rank_{world.items[key].pk}": value for key, value in ranks.items()})
    return data


def _tie_breaks(world) -> list:
    return sorted(
        ReviewItem.objects.filter(process=world.process).values_list(
            "title", "tie_break_rank", "tie_break_reason"
        )
    )


def test_tie_break_recorded_orders_the_tied_items(client, world):
    login(client, world.staff)

    response = client.post(url(world, "ranking_tie_break"), _tie_break_data(world, {"b": "2", "c": "1"}))
    page = client.get(url(world, "ranking"))

    assert response.status_code == 302
    assert response.url == url(world, "ranking") + "#tie-breaks"
    assert messages_of(response) == ["The order of the tied items was recorded."]
    assert _tie_breaks(world) == [
        ("Alpha", None, ""),
        ("Bravo", 2, "Charlie reaches more children."),
        ("Charlie", 1, "Charlie reaches more children."),
        ("Delta", None, ""),
    ]
    assert [(e["row"].rank, e["row"].item.title, e["tie_break_label"]) for e in page.context["rows"]] == [
        (1, "Alpha", ""),
        (2, "Delta", ""),
        (3, "Charlie", ""),
        (4, "Bravo", "Order recorded by the Secretariat"),
    ]
    assert AuditEntry.objects.filter(action="item_tie_break").count() == 2
    # The group stays on the page, in its new order and with the positions recorded, to be changed.
    (group,) = page.context["tie_groups"]
    assert [(item.title, group.form[f"rank_{item.pk}"].value()) for item in group.form.items] == [
        ("Charlie", 1),
        ("Bravo", 2),
    ]
    assert group.form["reason"].value() == "Charlie reaches more children."


def test_tie_break_without_reason_is_refused(client, world):
    login(client, world.staff)
    before = _tie_breaks(world)

    response = client.post(
        url(world, "ranking_tie_break"), _tie_break_data(world, {"b": "2", "c": "1"}, reason=" ")
    )

    assert response.status_code == 400
    (group,) = response.context["tie_groups"]
    assert group.form.is_bound
    assert [str(e) for e in group.form.errors["reason"]] == ["Say why the tied items are in this order."]
    assert _tie_breaks(world) == before


@pytest.mark.parametrize(
    ("ranks", "errors"),
    [
        ({"b": "1", "c": "1"}, {"__all__": ["Give each tied item a different position."]}),
        ({"b": "0", "c": "1"}, {"rank_b": ["Ensure this value is greater than or equal to 1."]}),
        ({"b": "abc", "c": "1"}, {"rank_b": ["Enter a whole number."]}),
        ({"b": "1.5", "c": "1"}, {"rank_b": ["Enter a whole number."]}),
    ],
)
def test_tie_break_refuses_bad_positions(client, world, ranks, errors):
    login(client, world.staff)
    before = _tie_breaks(world)

    response = client.post(url(world, "ranking_tie_break"), _tie_break_data(world, ranks))

    assert response.status_code == 400
    (group,) = response.context["tie_groups"]
    expected = {key.replace("rank_b", f"rank_{world.items['b'].pk}"): value for key, value in errors.items()}
    assert {k: [str(e) for e in v] for k, v in group.form.errors.items()} == expected
    assert _tie_breaks(world) == before


@pytest.mark.parametrize("items", [["b"], [], ["b", "x"], ["b", "other"]])
def test_tie_break_refuses_items_not_of_this_ranking(client, world, items):
    other = make_item(make_process(), title="Elsewhere")
    ids = {"b": world.items["b"].pk, "x": "abc", "other": other.pk}
    login(client, world.staff)
    before = _tie_breaks(world)

    response = client.post(
        url(world, "ranking_tie_break"), {"item": [ids[key] for key in items], "reason": "Because."}
    )

    assert response.status_code == 302
    assert messages_of(response) == ["Choose tied items of this ranking. Nothing was changed."]
    assert _tie_breaks(world) == before
    assert ReviewItem.objects.get(pk=other.pk).tie_break_rank is None


def test_tie_break_of_items_no_longer_tied_shows_the_errors(client, world):
    login(client, world.staff)
    before = _tie_breaks(world)

    response = client.post(
        url(world, "ranking_tie_break"), _tie_break_data(world, {"a": "1", "d": "1"}, reason="")
    )

    assert response.status_code == 400
    assert response.context["bound_unmatched"] is not None
    assert "These items are no longer tied together: nothing was changed." in response.content.decode()
    assert _tie_breaks(world) == before


# --- N+1 guard ------------------------------------------------------------------------------------


def _scored_process(items: int, jurors: int = 5):
    """A process in deliberation with ``items`` items, each scored by ``jurors`` jurors (bulk-created
    scores, as the domain would compute them: the domain's own speed is not what this test measures)."""
    process = make_process(phase=ReviewPhase.BLIND)
    reviewers = [make_juror(process) for _ in range(jurors)]
    item_list = [make_item(process, title=f"Item {n:03d}") for n in range(items)]
    conflict_add(reviewer=reviewers[0], item=item_list[0], kind=ConflictKind.PERSONAL, note="", actor=None)
    criteria = list(process.criteria.order_by("position"))
    weights = {c.pk: c.weight for c in criteria}
    Assignment.objects.bulk_create(
        [
            Assignment(reviewer=r, item=i)
            for i in item_list
            for r in reviewers
            if (r, i) != (reviewers[0], item_list[0])
        ]
    )
    reviews = []
    values = {}
    for n, item in enumerate(item_list):
        for k, reviewer in enumerate(reviewers):
            scores = {c.pk: Decimal((n + k + c.position) % 11) for c in criteria}
            review = Review(
                reviewer=reviewer, item=item, version=1, total=review_total(scores=scores, weights=weights)
            )
            reviews.append(review)
            values[(reviewer.pk, item.pk)] = scores
    Review.objects.bulk_create(reviews)
    Score.objects.bulk_create(
        [
            Score(review=review, criterion_id=cid, value=value)
            for review in reviews
            for cid, value in values[(review.reviewer_id, review.item_id)].items()
        ]
    )
    return process_walk(process, ReviewPhase.DELIBERATION), reviewers


def _queries(client, user, process) -> tuple[int, int]:
    login(client, user)
    path = reverse("jury:ranking", args=[process.pk])
    client.get(path)  # warm the per-process caches (content types, site translations)
    login(client, user)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return len(queries), len(response.context["rows"])


@pytest.mark.parametrize("who", ["staff", "juror", "conflicted_juror"])
def test_ranking_query_count_does_not_grow_with_items(client, who):
    counts = []
    for size in (3, 30):
        process, reviewers = _scored_process(size)
        user = {"staff": StaffFactory(), "juror": reviewers[1].user, "conflicted_juror": reviewers[0].user}[
            who
        ]
        queries, rows = _queries(client, user, process)
        assert rows == (size - 1 if who == "conflicted_juror" else size)
        counts.append(queries)
    assert counts[0] == counts[1]


def test_ranking_html_has_a_row_per_item_with_its_rank(client):
    process, _reviewers = _scored_process(3)
    login(client, StaffFactory())

    html = client.get(reverse("jury:ranking", args=[process.pk])).content.decode()

    assert len(re.findall(r'<th scope="row"><a href="/en/jury/items/\d+/">Item \d{3}</a>', html)) == 3
