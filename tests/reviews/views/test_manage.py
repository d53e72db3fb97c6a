"""The Secretariat's management page of a jury: what it shows and what each action does."""

import re
from decimal import Decimal

import pytest
from django.core import mail

from educities.core.models import AuditEntry
from educities.reviews.enums import ConflictKind, ConflictSource, ReviewPhase
from educities.reviews.models import Assignment, Conflict, Criterion, Reviewer
from tests.factories import CityFactory, UserFactory
from tests.reviews.factories import make_review
from tests.reviews.views.manage_support import login, manage_url, manage_world, messages_of, state, url

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.fixture
def world():
    return manage_world()


@pytest.fixture
def staff_client(client, world):
    return login(client, world.users["staff"])


def _cell(html: str, item, reviewer) -> str:
    match = re.search(rf'<td class="cell [^"]*" data-cell="{item.pk}-{reviewer.pk}">.*?</td>', html, re.S)
    return match.group(0) if match else ""


def test_manage_page_shows_phase_criteria_jurors_conflicts_and_matrix(staff_client, world):
    response = staff_client.get(url(world, "manage"))

    html = response.content.decode()
    assert response.status_code == 200
    assert '<span class="badge jury-phase-blind">Blind scoring</span>' in html
    # From blind scoring, the only step is the deliberation.
    assert re.findall(r'name="step" value="([a-z_]+)"', html) == ["deliberate"]
    assert [c.name for c, _form in response.context["criteria"]] == [
        "Criterion 1",
        "Criterion 2",
        "Criterion 3",
    ]
    assert {load.reviewer.pk for load in response.context["jurors"]} == {r.pk for r in world.jurors.values()}
    assert "University" in html
    # Conflicted cells: disabled, with the word and the kinds, not only a colour.
    local_a = _cell(html, world.items["a"], world.jurors["local"])
    assert "disabled" in local_a
    assert "conflict" in local_a
    assert "Same city, Same country" in local_a
    conflicted_a = _cell(html, world.items["a"], world.jurors["conflicted"])
    assert "Declared professional interest" in conflicted_a
    assert 'name="pair"' not in conflicted_a
    # Assigned cells say so and offer removal; free cells are a labelled checkbox.
    juror_a = _cell(html, world.items["a"], world.jurors["juror"])
    assert "assigned" in juror_a
    assert f'name="assignment" value="{Assignment.objects.get(reviewer=world.jurors["juror"]).pk}"' in html
    spare_c = _cell(html, world.items["c"], world.jurors["spare"])
    assert f'name="pair" value="{world.items["c"].pk}:{world.jurors["spare"].pk}"' in spare_c
    assert "Assign " in spare_c


def test_matrix_cells_have_the_state_of_each_pair(staff_client, world):
    response = staff_client.get(url(world, "manage"))

    matrix = response.context["matrix"]
    states = {(row.item.pk, cell.reviewer_id): cell.state for row in matrix for cell in row.cells}
    items, jurors = world.items, world.jurors
    assert states == {
        (items["a"].pk, jurors["juror"].pk): "assigned",
        (items["a"].pk, jurors["conflicted"].pk): "conflict",
        (items["a"].pk, jurors["local"].pk): "conflict",
        (items["a"].pk, jurors["spare"].pk): "free",
        (items["b"].pk, jurors["juror"].pk): "free",
        (items["b"].pk, jurors["conflicted"].pk): "free",
        (items["b"].pk, jurors["local"].pk): "conflict",
        (items["b"].pk, jurors["spare"].pk): "free",
        (items["c"].pk, jurors["juror"].pk): "free",
        (items["c"].pk, jurors["conflicted"].pk): "free",
        (items["c"].pk, jurors["local"].pk): "free",
        (items["c"].pk, jurors["spare"].pk): "free",
    }


def test_the_first_button_of_the_matrix_assigns(staff_client, world):
    # Pressing Enter submits with the form's first button: it must never be a "remove".
    html = staff_client.get(url(world, "manage")).content.decode()

    form = html[html.index('id="matrix-form"') :]
    first_button = re.search(r"<button[^>]*>", form).group(0)
    assert "formaction" not in first_button


def test_phase_change_moves_the_process_and_emails_the_jurors(
    staff_client, world, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(
            url(world, "manage_phase"), {"step": "deliberate", "comment": "Read them all."}
        )

    world.process.refresh_from_db()
    assert response.status_code == 302
    assert world.process.phase == ReviewPhase.DELIBERATION
    assert messages_of(response) == [
        f"“{world.process.name}” is now in the phase “Deliberation”. The jurors are told by e-mail."
    ]
    assert sorted(m.to[0] for m in mail.outbox) == sorted(r.user.email for r in world.jurors.values())
    entry = AuditEntry.objects.filter(action="deliberate").get()
    assert (entry.from_state, entry.to_state, entry.comment) == ("blind", "deliberation", "Read them all.")


def test_criterion_add_update_delete(staff_client, world):
    added = staff_client.post(
        url(world, "manage_criterion_add"),
        {"name": "Transferability", "description": "Can others do it?", "weight": "2,5", "language": "fr"},
    )
    criterion = Criterion.objects.get(process=world.process, name="Transferability")
    updated = staff_client.post(
        url(world, "manage_criterion_update", criterion.pk),
        {"name": "Transferability and scope", "description": "", "weight": "0.75"},
    )
    criterion.refresh_from_db()

    assert (added.status_code, updated.status_code) == (302, 302)
    assert (criterion.position, criterion.weight, criterion.original_language) == (4, Decimal("0.75"), "fr")
    assert criterion.name == "Transferability and scope"
    assert messages_of(updated) == [
        "The criterion “Transferability” was added.",
        "The criterion “Transferability and scope” was saved.",
    ]

    deleted = staff_client.post(url(world, "manage_criterion_delete", criterion.pk))

    assert deleted.status_code == 302
    assert not Criterion.objects.filter(pk=criterion.pk).exists()


def test_criteria_cannot_be_added_or_deleted_once_scored(staff_client, world):
    make_review(world.items["a"], world.jurors["juror"], values=[7, 8, 9])
    first = world.process.criteria.get(position=1)
    before = state(world.process)

    added = staff_client.post(
        url(world, "manage_criterion_add"),
        {"name": "Late", "description": "", "weight": "1", "language": "en"},
    )
    deleted = staff_client.post(url(world, "manage_criterion_delete", first.pk))

    assert (added.status_code, deleted.status_code) == (302, 302)
    assert messages_of(deleted) == [
        "Criteria cannot be added once jurors have scored. Nothing was changed.",
        "This criterion has scores: it cannot be deleted any more. Nothing was changed.",
    ]
    assert state(world.process) == before


def test_reviewer_add_by_email_with_city_finds_conflicts(staff_client, world):
    user = UserFactory(email="maria@example.org")
    santos = world.items["a"].city

    response = staff_client.post(
        url(world, "manage_reviewer_add"),
        {"email": "Maria@Example.org", "city": santos.pk, "country": "", "organisation": "  Mayor's office "},
    )

    reviewer = Reviewer.objects.get(process=world.process, user=user)
    assert response.status_code == 302
    assert response.url == manage_url(world, "jurors")
    assert (reviewer.city_id, reviewer.country_id, reviewer.organisation) == (
        santos.pk,
        santos.country_id,
        "Mayor's office",
    )
    assert messages_of(response) == [
        f"{user} joined the jury; conflicts of interest were found with 2 items."
    ]


def test_reviewer_remove(staff_client, world):
    spare = world.jurors["spare"]

    response = staff_client.post(url(world, "manage_reviewer_remove", spare.pk))

    assert response.status_code == 302
    assert not Reviewer.objects.filter(pk=spare.pk).exists()
    assert messages_of(response) == [f"{spare.user} left the jury."]


def test_reviewer_who_reviewed_stays(staff_client, world):
    juror = world.jurors["juror"]
    make_review(world.items["a"], juror, values=[7, 8, 9])

    response = staff_client.post(url(world, "manage_reviewer_remove", juror.pk))

    assert response.status_code == 302
    assert Reviewer.objects.filter(pk=juror.pk).exists()
    assert messages_of(response) == [
        "This juror has already reviewed items: they cannot leave the jury any more. Nothing was changed."
    ]


def test_conflict_add_takes_the_juror_off_the_item(staff_client, world):
    juror, item = world.jurors["juror"], world.items["a"]

    response = staff_client.post(
        url(world, "manage_conflict_add"),
        {"reviewer": juror.pk, "item": item.pk, "kind": ConflictKind.PERSONAL, "note": "Cousin"},
    )

    conflict = Conflict.objects.get(reviewer=juror, item=item)
    assert response.status_code == 302
    assert (conflict.kind, conflict.source, conflict.is_pinned, conflict.note) == (
        "personal",
        ConflictSource.STAFF,
        True,
        "Cousin",
    )
    assert conflict.created_by == world.users["staff"]
    assert not Assignment.objects.filter(reviewer=juror, item=item).exists()


def test_conflict_pin_unpin_and_remove_with_reason(staff_client, world):
    conflict = Conflict.objects.get(reviewer=world.jurors["conflicted"], item=world.items["a"])

    pinned_remove = staff_client.post(url(world, "manage_conflict_remove", conflict.pk), {"reason": "Gone"})
    unpin = staff_client.post(url(world, "manage_conflict_pin", conflict.pk), {"pinned": "0"})
    conflict.refresh_from_db()
    was_pinned = conflict.is_pinned
    removed = staff_client.post(
        url(world, "manage_conflict_remove", conflict.pk), {"reason": "He left that job."}
    )

    assert (pinned_remove.status_code, unpin.status_code, removed.status_code) == (302, 302, 302)
    assert was_pinned is False
    assert not Conflict.objects.filter(pk=conflict.pk).exists()
    juror = world.jurors["conflicted"].user
    assert messages_of(removed) == [
        "This conflict is pinned: unpin it before removing it. Nothing was changed.",
        f"The conflict of {juror} with “Santos: a city that cares” is no longer pinned.",
        (
            f"The conflict of {juror} with “Santos: a city that cares” (Declared professional interest) "
            "was removed."
        ),
    ]
    entry = AuditEntry.objects.filter(action="conflict_remove").get()
    assert entry.comment == f"{juror.email}: He left that job."


def test_conflicts_refresh_recomputes_the_automatic_ones(staff_client, world):
    local = world.jurors["local"]
    Conflict.objects.filter(reviewer=local, item=world.items["b"]).delete()

    response = staff_client.post(url(world, "manage_conflicts_refresh"))

    assert response.status_code == 302
    assert sorted(
        Conflict.objects.filter(reviewer=local, item=world.items["b"]).values_list("kind", flat=True)
    ) == [
        "same_city",
        "same_country",
    ]
    assert messages_of(response) == ["Automatic conflicts recomputed: 2 conflicts were added or removed."]


def test_assignments_bulk_assigns_the_checked_cells(staff_client, world):
    items, jurors = world.items, world.jurors

    response = staff_client.post(
        url(world, "manage_assignments_bulk"),
        {
            "pair": [
                f"{items['b'].pk}:{jurors['juror'].pk}",
                f"{items['c'].pk}:{jurors['juror'].pk}",
                f"{items['a'].pk}:{jurors['juror'].pk}",  # already assigned
                f"{items['c'].pk}:{jurors['spare'].pk}",
            ]
        },
    )

    assert response.status_code == 302
    assert sorted(
        Assignment.objects.filter(item__process=world.process).values_list("reviewer_id", "item_id")
    ) == sorted(
        [
            (jurors["juror"].pk, items["a"].pk),
            (jurors["juror"].pk, items["b"].pk),
            (jurors["juror"].pk, items["c"].pk),
            (jurors["spare"].pk, items["c"].pk),
        ]
    )
    assert messages_of(response) == ["3 assignments made. 1 already existed."]


def test_assignments_auto_balances(staff_client, world):
    response = staff_client.post(url(world, "manage_assignments_auto"), {"per_item": "2"})

    counts = {key: Assignment.objects.filter(item=item).count() for key, item in world.items.items()}
    assert response.status_code == 302
    assert counts == {"a": 2, "b": 2, "c": 2}
    assert messages_of(response) == ["5 assignments made."]


def test_assignment_remove(staff_client, world):
    assignment = Assignment.objects.get(reviewer=world.jurors["juror"], item=world.items["a"])

    response = staff_client.post(url(world, "manage_assignment_remove"), {"assignment": assignment.pk})

    assert response.status_code == 302
    assert not Assignment.objects.filter(pk=assignment.pk).exists()
    assert messages_of(response) == [
        f"{world.jurors['juror'].user} no longer reviews “Santos: a city that cares”."
    ]


def test_assignment_scored_stays(staff_client, world):
    make_review(world.items["a"], world.jurors["juror"], values=[7, 8, 9])
    assignment = Assignment.objects.get(reviewer=world.jurors["juror"], item=world.items["a"])

    response = staff_client.post(url(world, "manage_assignment_remove"), {"assignment": assignment.pk})

    assert response.status_code == 302
    assert Assignment.objects.filter(pk=assignment.pk).exists()
    assert messages_of(response) == [
        "This juror has already scored this item: the assignment stays. Nothing was changed."
    ]


def test_decision_phase_freezes_the_jury(client):
    world = manage_world(phase=ReviewPhase.DECISION)
    login(client, world.users["staff"])
    before = state(world.process)

    page = client.get(url(world, "manage"))
    added = client.post(
        url(world, "manage_reviewer_add"),
        {"email": world.users["editor"].email, "city": "", "country": "", "organisation": ""},
    )
    auto = client.post(url(world, "manage_assignments_auto"), {"per_item": "2"})

    html = page.content.decode()
    assert "The jury is deciding: the jury and its assignments are frozen." in html
    assert 'name="pair"' in html
    assert "Assign the checked cells" not in html
    assert re.findall(r'name="step" value="([a-z_]+)"', html) == ["close"]
    assert (added.status_code, auto.status_code) == (302, 302)
    assert messages_of(auto) == [
        "The jury is deciding: the jury and its assignments are frozen. Nothing was changed.",
        "The jury is deciding: the jury and its assignments are frozen. Nothing was changed.",
    ]
    assert state(world.process) == before


def test_manage_page_query_count_does_not_grow_with_items_and_jurors(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.reviews.factories import make_item, make_juror

    counts = []
    for extra in (0, 12):
        world = manage_world()
        for n in range(extra):
            make_item(world.process, city=CityFactory())
            if n % 3 == 0:
                make_juror(world.process, city=CityFactory())
        login(client, world.users["staff"])
        client.get(url(world, "manage"))  # warm caches (content types, translations of the site)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url(world, "manage"))
        assert response.status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]
