"""Saves at the same time, each in its own thread and database connection (PostgreSQL only).

One juror with two tabs saving the same review from the same version: exactly one save wins, the other
gets ``StaleReview`` (never a 500, never a lost update). Two jurors saving their own reviews of the same
item at once: both succeed.
"""

import threading
import time
from decimal import Decimal
from unittest import mock

import pytest
from django.db import connection

from educities.accounts.models import User
from educities.reviews.domain import scoring
from educities.reviews.domain.scoring import ScoreInput, review_save
from educities.reviews.enums import ReviewPhase
from educities.reviews.models import Review, ReviewItem, Score
from tests.reviews.factories import assign, make_item, make_juror, make_process

pytestmark = [
    pytest.mark.integration,
    pytest.mark.skipif(
        connection.vendor == "sqlite",
        reason="SQLite has no row locks (select_for_update is a no-op) and serialises writers anyway",
    ),
    pytest.mark.django_db(transaction=True),
]


def _run_at_once(*calls):
    """Run each call in its own thread (so its own database connection), all starting together."""
    barrier = threading.Barrier(len(calls))
    outcomes: list[object] = [None] * len(calls)

    def run(index, call):
        try:
            barrier.wait(timeout=10)
            outcomes[index] = call()
        except Exception as error:  # the test looks at what each thread got
            outcomes[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, call)) for i, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return outcomes


def _slow_total(original):
    # Widen the window between reading the stored version and writing the new one, as a slow request would.
    def slow(**kwargs):
        time.sleep(0.3)
        return original(**kwargs)

    return slow


def _save(item_pk: int, user_pk: int, criteria: list[int], value: int, version: int):
    # Fresh objects per thread, as two requests would have.
    def call():
        return review_save(
            item=ReviewItem.objects.select_related("process").get(pk=item_pk),
            actor=User.objects.get(pk=user_pk),
            scores={cid: ScoreInput(value=Decimal(value)) for cid in criteria},
            version=version,
        )

    return call


@pytest.fixture
def scoring_setup():
    process = make_process(phase=ReviewPhase.BLIND, criteria=2)
    item = make_item(process)
    first, second = make_juror(process), make_juror(process)
    assign(first, item)
    assign(second, item)
    criteria = list(process.criteria.values_list("pk", flat=True))
    return item, first, second, criteria


@pytest.mark.parametrize("version", [0, 1])
def test_review_save_same_review_same_version_twice_at_once_exactly_one_wins(scoring_setup, version):
    item, juror, _other, criteria = scoring_setup
    if version == 1:
        _save(item.pk, juror.user.pk, criteria, 5, 0)()

    with mock.patch.object(scoring, "review_total", _slow_total(scoring.review_total)):
        outcomes = _run_at_once(
            _save(item.pk, juror.user.pk, criteria, 3, version),
            _save(item.pk, juror.user.pk, criteria, 9, version),
        )

    assert sorted(type(outcome).__name__ for outcome in outcomes) == ["Review", "StaleReview"]
    winner = next(outcome for outcome in outcomes if isinstance(outcome, Review))
    stale = next(outcome for outcome in outcomes if not isinstance(outcome, Review))
    stored = Review.objects.get()
    assert stored.version == version + 1
    assert stored.total == winner.total
    assert stale.review.version == version + 1
    assert set(Score.objects.values_list("value", flat=True)) == {winner.total.quantize(Decimal("0.01"))}


def test_review_save_two_jurors_same_item_at_once_both_succeed(scoring_setup):
    item, first, second, criteria = scoring_setup

    with mock.patch.object(scoring, "review_total", _slow_total(scoring.review_total)):
        outcomes = _run_at_once(
            _save(item.pk, first.user.pk, criteria, 4, 0),
            _save(item.pk, second.user.pk, criteria, 8, 0),
        )

    assert [type(outcome).__name__ for outcome in outcomes] == ["Review", "Review"]
    assert sorted(Review.objects.values_list("reviewer_id", "version", "total")) == [
        (first.pk, 1, Decimal("4.000")),
        (second.pk, 1, Decimal("8.000")),
    ]
