"""Hostile and mistaken input on the Secretariat's jury pages: a clear message, nothing changed, no 500."""

import pytest

from educities.reviews.enums import ReviewPhase
from educities.reviews.models import Assignment, Conflict, Reviewer
from tests.factories import UserFactory
from tests.reviews.views.manage_support import login, manage_url, manage_world, messages_of, state, url

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.fixture
def world():
    return manage_world()


@pytest.fixture
def staff_client(client, world):
    return login(client, world.users["staff"])


def _errors(response, form_key: str) -> dict:
    return {field: [str(e) for e in errors] for field, errors in response.context[form_key].errors.items()}


WEIGHT_MESSAGE = (
    "The weight must be a number greater than 0 and at most 999.99, with at most two decimals (1, 1.5, 2…)."
)


@pytest.mark.parametrize(
    "weight", ["0", "-1", "abc", "", "NaN", "Infinity", "1e400", "0.001", "1000", "1.5.2"]
)
def test_criterion_add_refuses_a_bad_weight(staff_client, world, weight):
    before = state(world.process)

    response = staff_client.post(
        url(world, "manage_criterion_add"),
        {"name": "Scope", "description": "", "weight": weight, "language": "en"},
    )

    assert response.status_code == 400
    expected = ["This field is required."] if weight == "" else [WEIGHT_MESSAGE]
    assert _errors(response, "criterion_add_form") == {"weight": expected}
    assert state(world.process) == before


@pytest.mark.parametrize("weight", ["0", "-1", "abc"])
def test_criterion_update_refuses_a_bad_weight(staff_client, world, weight):
    criterion = world.process.criteria.get(position=1)
    before = state(world.process)

    response = staff_client.post(
        url(world, "manage_criterion_update", criterion.pk),
        {"name": "X", "description": "", "weight": weight},
    )

    assert response.status_code == 400
    bound = {c.pk: form for c, form in response.context["criteria"]}[criterion.pk]
    assert bound.is_bound
    assert {k: [str(e) for e in v] for k, v in bound.errors.items()} == {"weight": [WEIGHT_MESSAGE]}
    assert f'id="id_criterion_{criterion.pk}_weight"' in response.content.decode()
    assert state(world.process) == before


@pytest.mark.parametrize(
    ("name", "message"),
    [("", "This field is required."), ("Line\nbreak", None), ("x" * 201, None)],
)
def test_criterion_add_refuses_a_bad_name(staff_client, world, name, message):
    before = state(world.process)

    response = staff_client.post(
        url(world, "manage_criterion_add"), {"name": name, "description": "", "weight": "1", "language": "en"}
    )

    assert response.status_code == 400
    assert list(_errors(response, "criterion_add_form")) == ["name"]
    if message:
        assert _errors(response, "criterion_add_form")["name"] == [message]
    assert state(world.process) == before


def test_criterion_of_another_process_is_404(staff_client, world):
    other = manage_world()
    criterion = other.process.criteria.get(position=1)
    before = state(other.process)

    update = staff_client.post(
        url(world, "manage_criterion_update", criterion.pk), {"name": "X", "description": "", "weight": "1"}
    )
    delete = staff_client.post(url(world, "manage_criterion_delete", criterion.pk))

    assert (update.status_code, delete.status_code) == (404, 404)
    assert state(other.process) == before


def test_reviewer_add_unknown_email(staff_client, world):
    before = state(world.process)

    response = staff_client.post(
        url(world, "manage_reviewer_add"),
        {"email": "nobody@example.org", "city": "", "country": "", "organisation": ""},
    )

    assert response.status_code == 400
    assert _errors(response, "reviewer_form") == {
        "email": ["No active account uses this e-mail address. Ask the person to sign up first."]
    }
    assert state(world.process) == before


def test_reviewer_add_inactive_account_is_unknown(staff_client, world):
    UserFactory(email="gone@example.org", is_active=False)
    before = state(world.process)

    response = staff_client.post(
        url(world, "manage_reviewer_add"),
        {"email": "gone@example.org", "city": "", "country": "", "organisation": ""},
    )

    assert response.status_code == 400
    assert state(world.process) == before


def test_reviewer_add_twice(staff_client, world):
    juror = world.jurors["juror"]
    before = state(world.process)

    response = staff_client.post(
        url(world, "manage_reviewer_add"),
        {"email": juror.user.email.upper(), "city": "", "country": "", "organisation": ""},
    )

    assert response.status_code == 302
    assert response.url == manage_url(world, "jurors")
    assert messages_of(response) == [f"{juror.user} is already a juror of this review. Nothing was changed."]
    assert state(world.process) == before


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"email": "not-an-address", "city": "", "country": "", "organisation": ""}, "email"),
        ({"email": "x@example.org\r\nBcc: a@b.c", "city": "", "country": "", "organisation": ""}, "email"),
        ({"email": "", "city": "999999", "country": "", "organisation": ""}, "city"),
        ({"email": "", "city": "abc", "country": "", "organisation": ""}, "city"),
        ({"email": "", "city": "", "country": "999999", "organisation": ""}, "country"),
        ({"email": "", "city": "", "country": "", "organisation": "Bell\x07"}, "organisation"),
        ({"email": "", "city": "", "country": "", "organisation": "x" * 201}, "organisation"),
    ],
)
def test_reviewer_add_refuses_bad_fields(staff_client, world, data, field):
    UserFactory(email="x@example.org")
    if not data["email"]:
        data = {**data, "email": "x@example.org"}
    before = state(world.process)

    response = staff_client.post(url(world, "manage_reviewer_add"), data)

    assert response.status_code == 400
    assert list(_errors(response, "reviewer_form")) == [field]
    assert state(world.process) == before


def test_forged_assignment_of_a_conflicted_juror_is_refused_and_reported(staff_client, world):
    items, jurors = world.items, world.jurors
    before = state(world.process)

    response = staff_client.post(
        url(world, "manage_assignments_bulk"),
        {"pair": [f"{items['a'].pk}:{jurors['conflicted'].pk}", f"{items['b'].pk}:{jurors['local'].pk}"]},
    )

    assert response.status_code == 302
    assert messages_of(response) == [
        "0 assignments made.",
        (
            f"Refused, because of conflicts of interest (2): {jurors['conflicted'].user} — "
            f"“Santos: a city that cares”; {jurors['local'].user} — “Santos: school routes”."
        ),
    ]
    assert state(world.process) == before


def test_forged_assignment_mixed_with_good_cells_assigns_only_the_good(staff_client, world):
    items, jurors = world.items, world.jurors

    response = staff_client.post(
        url(world, "manage_assignments_bulk"),
        {
            "pair": [
                f"{items['a'].pk}:{jurors['conflicted'].pk}",
                f"{items['c'].pk}:{jurors['conflicted'].pk}",
            ]
        },
    )

    assert response.status_code == 302
    assert list(
        Assignment.objects.filter(reviewer=jurors["conflicted"]).values_list("item_id", flat=True)
    ) == [items["c"].pk]
    assert messages_of(response) == [
        "1 assignment made.",
        (
            f"Refused, because of a conflict of interest: {jurors['conflicted'].user} — "
            "“Santos: a city that cares”."
        ),
    ]


@pytest.mark.parametrize("pair", ["x:y", "1", "", ":", "99999:99999", "1:2:3", "-1:-1"])
def test_assignments_bulk_refuses_cells_not_of_this_process(staff_client, world, pair):
    before = state(world.process)

    response = staff_client.post(url(world, "manage_assignments_bulk"), {"pair": [pair]})

    assert response.status_code == 400
    assert [str(e) for e in response.context["bulk_form"].errors["pair"]] == [
        "A checked cell is not a juror and an item of this review."
    ]
    assert state(world.process) == before


def test_assignments_bulk_refuses_a_juror_of_another_process(staff_client, world):
    other = manage_world()
    before = state(world.process), state(other.process)

    response = staff_client.post(
        url(world, "manage_assignments_bulk"), {"pair": [f"{world.items['c'].pk}:{other.jurors['spare'].pk}"]}
    )

    assert response.status_code == 400
    assert (state(world.process), state(other.process)) == before


def test_assignments_bulk_with_nothing_checked(staff_client, world):
    before = state(world.process)

    response = staff_client.post(url(world, "manage_assignments_bulk"), {})

    assert response.status_code == 400
    assert [str(e) for e in response.context["bulk_form"].errors["pair"]] == [
        "Check at least one cell to assign."
    ]
    assert state(world.process) == before


def test_assignments_auto_with_more_per_item_than_jurors_reports_the_short_items(staff_client, world):
    response = staff_client.post(url(world, "manage_assignments_auto"), {"per_item": "5"})

    counts = {key: Assignment.objects.filter(item=item).count() for key, item in world.items.items()}
    assert response.status_code == 302
    # Four jurors: "a" has two without a conflict, "b" three, "c" four.
    assert counts == {"a": 2, "b": 3, "c": 4}
    assert messages_of(response) == [
        "8 assignments made.",
        (
            "3 items could not get 5 jurors without a conflict of interest: “Santos: a city that cares”: "
            "2 of 5; “Santos: school routes”: 3 of 5; “Turin: libraries”: 4 of 5."
        ),
    ]


@pytest.mark.parametrize("per_item", ["0", "-1", "abc", "", "51", "2.5"])
def test_assignments_auto_refuses_a_bad_number(staff_client, world, per_item):
    before = state(world.process)

    response = staff_client.post(url(world, "manage_assignments_auto"), {"per_item": per_item})

    assert response.status_code == 400
    assert list(response.context["auto_form"].errors) == ["per_item"]
    assert state(world.process) == before


@pytest.mark.parametrize("assignment", ["", "abc", "0"])
def test_assignment_remove_refuses_garbage(staff_client, world, assignment):
    before = state(world.process)

    response = staff_client.post(url(world, "manage_assignment_remove"), {"assignment": assignment})

    assert response.status_code == 302
    assert messages_of(response) == ["Choose an assignment to remove. Nothing was changed."]
    assert state(world.process) == before


def test_assignment_of_another_process_is_404(staff_client, world):
    other = manage_world()
    assignment = Assignment.objects.get(reviewer=other.jurors["juror"])
    before = state(other.process)

    response = staff_client.post(url(world, "manage_assignment_remove"), {"assignment": assignment.pk})

    assert response.status_code == 404
    assert state(other.process) == before


def test_conflict_remove_without_reason(staff_client, world):
    conflict = Conflict.objects.filter(reviewer=world.jurors["local"]).first()
    before = state(world.process)

    response = staff_client.post(url(world, "manage_conflict_remove", conflict.pk), {"reason": "   "})

    assert response.status_code == 400
    assert [str(e) for e in response.context["conflict_remove_form"].errors["reason"]] == [
        "Say why this conflict of interest is removed."
    ]
    assert f'id="id_conflict_{conflict.pk}_reason"' in response.content.decode()
    assert state(world.process) == before


def test_conflict_of_another_process_is_404(staff_client, world):
    other = manage_world()
    conflict = Conflict.objects.filter(reviewer=other.jurors["local"]).first()
    before = state(other.process)

    pin = staff_client.post(url(world, "manage_conflict_pin", conflict.pk), {"pinned": "1"})
    remove = staff_client.post(url(world, "manage_conflict_remove", conflict.pk), {"reason": "x"})

    assert (pin.status_code, remove.status_code) == (404, 404)
    assert state(other.process) == before


@pytest.mark.parametrize("pinned", ["", "yes", "2"])
def test_conflict_pin_refuses_garbage(staff_client, world, pinned):
    conflict = Conflict.objects.filter(reviewer=world.jurors["local"]).first()
    before = state(world.process)

    response = staff_client.post(url(world, "manage_conflict_pin", conflict.pk), {"pinned": pinned})

    assert response.status_code == 302
    assert messages_of(response) == ["Choose whether to pin or unpin the conflict. Nothing was changed."]
    assert state(world.process) == before


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"reviewer": "abc", "item": "1", "kind": "personal"}, "reviewer"),
        ({"reviewer": "99999", "item": "1", "kind": "personal"}, "reviewer"),
        ({"reviewer": "J", "item": "99999", "kind": "personal"}, "item"),
        ({"reviewer": "J", "item": "1", "kind": "enemy"}, "kind"),
    ],
)
def test_conflict_add_refuses_bad_choices(staff_client, world, data, field):
    data = {
        **data,
        "reviewer": world.jurors["spare"].pk if data["reviewer"] == "J" else data["reviewer"],
        "item": world.items["c"].pk if data["item"] == "1" else data["item"],
    }
    before = state(world.process)

    response = staff_client.post(url(world, "manage_conflict_add"), data)

    assert response.status_code == 400
    assert {k: [str(e) for e in v] for k, v in response.context["conflict_form"].errors.items()} == {
        field: ["Choose one of the options of the list."]
    }
    assert state(world.process) == before


def test_conflict_add_refuses_a_juror_of_another_process(staff_client, world):
    other = manage_world()
    before = state(world.process), state(other.process)

    response = staff_client.post(
        url(world, "manage_conflict_add"),
        {"reviewer": other.jurors["spare"].pk, "item": world.items["c"].pk, "kind": "personal", "note": ""},
    )

    assert response.status_code == 400
    assert (state(world.process), state(other.process)) == before


@pytest.mark.parametrize(
    ("step", "message"),
    [
        ("close", None),
        ("open_scoring", None),
        ("explode", "This step does not exist. Nothing was changed."),
        ("", "This field is required. Nothing was changed."),
    ],
)
def test_phase_change_refuses_a_step_not_allowed(staff_client, world, step, message):
    before = state(world.process)

    response = staff_client.post(url(world, "manage_phase"), {"step": step})

    assert response.status_code == 302
    assert response.url == manage_url(world, "phase")
    expected = message or (
        f"“{world.process.name}” cannot go from “Blind scoring” to "
        f"“{'Closed' if step == 'close' else 'Blind scoring'}”. Nothing was changed."
    )
    assert messages_of(response) == [expected]
    assert state(world.process) == before


def test_phase_change_with_a_nul_character_in_the_comment(staff_client, world):
    before = state(world.process)

    response = staff_client.post(url(world, "manage_phase"), {"step": "deliberate", "comment": "a\x00b"})

    assert response.status_code == 302
    assert messages_of(response) == ["Null characters are not allowed. Nothing was changed."]
    assert state(world.process) == before


def test_open_scoring_without_criteria(client):
    world = manage_world(phase=ReviewPhase.SETUP)
    world.process.criteria.all().delete()
    login(client, world.users["staff"])
    before = state(world.process)

    response = client.post(url(world, "manage_phase"), {"step": "open_scoring"})

    assert response.status_code == 302
    assert messages_of(response) == [
        "Add at least one criterion before the jurors start scoring. Nothing was changed."
    ]
    assert state(world.process) == before


def test_closed_process_changes_nothing(client):
    world = manage_world(phase=ReviewPhase.CLOSED)
    login(client, world.users["staff"])
    conflict = Conflict.objects.filter(reviewer=world.jurors["local"]).first()
    before = state(world.process)

    responses = [
        client.post(url(world, "manage_criterion_delete", world.process.criteria.get(position=3).pk)),
        client.post(url(world, "manage_conflicts_refresh")),
        client.post(url(world, "manage_conflict_remove", conflict.pk), {"reason": "x"}),
        client.post(url(world, "manage_reviewer_remove", world.jurors["spare"].pk)),
    ]

    assert [r.status_code for r in responses] == [302, 302, 302, 302]
    assert (
        messages_of(responses[-1])
        == ["This review is closed: nothing can change any more. Nothing was changed."] * 4
    )
    assert state(world.process) == before
    assert Reviewer.objects.filter(pk=world.jurors["spare"].pk).exists()
