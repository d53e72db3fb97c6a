"""The check-in desk: find a person by badge code (typed, or scanned as a keyboard) or by name, check them
in with one button, undo a mistake; clear messages for an unknown code, a person who may not come in and a
second check-in."""

import pytest
from django.utils import translation
from django.utils.translation import gettext

from educities.congresses.domain.common import moment_for_people
from educities.congresses.enums import RegistrationStatus
from educities.congresses.models import Registration
from tests.congresses.factories import RegistrationFactory
from tests.congresses.views.test_staff_permissions import messages_of, staff_world, url
from tests.factories import StaffFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def en(text: str, **params) -> str:
    with translation.override("en"):
        message = gettext(text)
    return message % params if params else message


@pytest.fixture
def desk(client):
    client.force_login(StaffFactory())
    return client


@pytest.fixture
def world():
    return staff_world()


def _spaced(code: str) -> str:
    """A code as a person reads it from a badge: lower case, in two groups."""
    return f" {code[:4].lower()}-{code[4:].lower()} "


def test_check_in_journey(desk, world):
    person = world.confirmed
    # 1. The code typed at the desk (or scanned) opens the person's card.
    card = desk.get(url("check_in", world.event), {"code": _spaced(person.code)})
    assert card.status_code == 200
    assert card.context["registration"] == person
    assert card.context["problem"] == ""
    html = card.content.decode()
    assert '<h2 id="card-heading">Ana Confirmed</h2>' in html
    assert 'name="action" value="check_in"' in html
    assert (card.context["figures"].checked_in, card.context["figures"].confirmed) == (0, 1)
    # The code field is empty again, ready for the next scan.
    assert card.context["form"]["code"].value() is None

    # 2. The big button checks them in and shows the card again.
    done = desk.post(url("check_in", world.event), {"action": "check_in", "registration": person.pk})
    assert done.status_code == 302
    assert done.url == url("check_in", world.event) + f"?code={person.code}&done=1"
    assert messages_of(done) == [en("%(name)s is checked in. Welcome!", name="Ana Confirmed")]
    person.refresh_from_db()
    assert person.checked_in_at is not None
    after = desk.get(done.url)
    assert 'name="action" value="undo"' in after.content.decode()
    # The welcome shows on the card, and no "already checked in" beside it.
    assert messages_of(after) == [en("%(name)s is checked in. Welcome!", name="Ana Confirmed")]
    assert after.context["figures"].checked_in == 1

    # 3. The same badge scanned again says so.
    again = desk.get(url("check_in", world.event), {"code": person.code})
    moment = moment_for_people(person.checked_in_at, time_zone=world.event.time_zone)
    assert messages_of(again) == [
        en("%(name)s was already checked in on %(moment)s.", name="Ana Confirmed", moment=moment)
    ]
    assert 'name="action" value="check_in"' not in again.content.decode()

    # 4. A second check-in (two desks at once) is refused with the time of the first.
    twice = desk.post(url("check_in", world.event), {"action": "check_in", "registration": person.pk})
    assert messages_of(twice) == [
        en("%(name)s was already checked in on %(moment)s.", name="Ana Confirmed", moment=moment)
    ]
    assert Registration.objects.get(pk=person.pk).checked_in_at == person.checked_in_at
    desk.get(twice.url)  # the desk shows the card and its message

    # 5. A mistake is undone.
    undone = desk.post(url("check_in", world.event), {"action": "undo", "registration": person.pk})
    assert messages_of(undone) == [en("%(name)s: the check-in is undone.", name="Ana Confirmed")]
    person.refresh_from_db()
    assert (person.checked_in_at, person.checked_in_by) == (None, None)


def test_check_in_records_who_checked_in(desk, world):
    desk.post(url("check_in", world.event), {"action": "check_in", "registration": world.confirmed.pk})

    world.confirmed.refresh_from_db()
    assert world.confirmed.checked_in_by.is_staff is True
    page = desk.get(url("check_in", world.event), {"code": world.confirmed.code, "done": "1"})
    assert world.confirmed.checked_in_by.get_full_name() in page.content.decode()


def test_a_scanned_link_finds_the_code(desk, world):
    scanned = f"https://educities.example/en/events/registrations/{world.confirmed.code}/"

    response = desk.get(url("check_in", world.event), {"code": scanned})

    assert response.context["registration"] == world.confirmed


def test_unknown_code_says_so(desk, world):
    response = desk.get(url("check_in", world.event), {"code": "ABCD2345"})

    assert response.status_code == 200
    assert response.context["registration"] is None
    assert messages_of(response) == [
        en(
            "No registration of this event has the code %(code)s. Check the code, or search by name.",
            code="ABCD2345",
        )
    ]


def test_code_of_another_event_is_unknown_here(desk, world):
    elsewhere = RegistrationFactory(name="Other Event")

    response = desk.get(url("check_in", world.event), {"code": elsewhere.code})

    assert response.context["registration"] is None
    assert len(messages_of(response)) == 1


def test_text_that_is_not_a_code_is_refused_beside_the_field(desk, world):
    response = desk.get(url("check_in", world.event), {"code": "<script>!"})

    assert response.status_code == 200
    assert response.context["form"].errors["code"] == [
        en("“%(code)s” is not a badge code: codes have 8 letters and digits.", code="<script>!")
    ]
    assert "<script>!" not in response.content.decode()


@pytest.mark.parametrize(
    ("person", "message"),
    [
        (
            "waitlisted",
            "On the waiting list (place %(position)s): not admitted. Send them to the Secretariat's desk.",
        ),
        ("pending", "This registration is not confirmed yet: confirm it in the registration list first."),
        ("cancelled", "This registration is cancelled: not admitted. Send them to the Secretariat's desk."),
    ],
)
def test_people_who_may_not_come_in_get_a_clear_card(desk, world, person, message):
    if person == "cancelled":
        registration = RegistrationFactory(
            event=world.event, type=world.type, status=RegistrationStatus.CANCELLED
        )
    else:
        registration = getattr(world, person)

    card = desk.get(url("check_in", world.event), {"code": registration.code})
    refused = desk.post(url("check_in", world.event), {"action": "check_in", "registration": registration.pk})

    expected = en(message, position=1) if "%(position)s" in message else en(message)
    assert card.context["problem"] == expected
    html = card.content.decode()
    assert 'name="action" value="check_in"' not in html
    assert 'class="check-in-card card-refused"' in html
    assert Registration.objects.get(pk=registration.pk).checked_in_at is None
    with translation.override("en"):
        label = str(RegistrationStatus(registration.status).label)
    assert messages_of(refused) == [
        en("Only confirmed registrations can be checked in: this one is “%(status)s”.", status=label)
    ]


def test_search_by_name_or_email_lists_people_with_links_to_their_cards(desk, world):
    RegistrationFactory(event=world.event, type=world.type, name="Anaïs Other", email="anais@example.org")
    RegistrationFactory(name="Ana Elsewhere")

    response = desk.get(url("check_in", world.event), {"q": "ana"})

    assert [r.name for r in response.context["matches"]] == ["Ana Confirmed", "Anaïs Other"]
    html = response.content.decode()
    assert f'href="?code={world.confirmed.code}"' in html
    by_email = desk.get(url("check_in", world.event), {"q": "ANAIS@"})
    assert [r.name for r in by_email.context["matches"]] == ["Anaïs Other"]


def test_search_without_match_says_so(desk, world):
    response = desk.get(url("check_in", world.event), {"q": "Zebedee"})

    assert response.context["matches"] == []
    assert en("Nobody of this event matches.") in response.content.decode()


def test_undo_when_not_checked_in_is_refused(desk, world):
    response = desk.post(url("check_in", world.event), {"action": "undo", "registration": world.confirmed.pk})

    assert messages_of(response) == [en("%(name)s is not checked in.", name="Ana Confirmed")]


@pytest.mark.parametrize(
    "data",
    [
        {"action": "check_in"},
        {"action": "check_in", "registration": "abc"},
        {"action": "check_in", "registration": "-3"},
        {"action": "check_in", "registration": "99999999999999999999"},
        {"action": "explode", "registration": "1"},
        {},
    ],
)
def test_bad_check_in_requests_change_nothing(desk, world, data):
    response = desk.post(url("check_in", world.event), data)

    assert response.status_code == 302
    assert response.url == url("check_in", world.event)
    assert messages_of(response) == [en("Unknown action. Nothing was changed.")]
    assert not Registration.objects.filter(checked_in_at__isnull=False).exists()


def test_registration_of_another_event_cannot_be_checked_in_here(desk, world):
    elsewhere = RegistrationFactory(name="Other Event")

    response = desk.post(url("check_in", world.event), {"action": "check_in", "registration": elsewhere.pk})

    assert messages_of(response) == [en("This registration is not one of the event's. Nothing was changed.")]
    elsewhere.refresh_from_db()
    assert elsewhere.checked_in_at is None
