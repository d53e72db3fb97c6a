"""Registering for an event: the form (types, person, city, language, questions), the outcomes (confirmed,
pending, waiting list), the domain's refusals shown as form errors, and hostile input."""

import datetime
import re

import pytest
from django.contrib.messages import get_messages
from django.core import mail
from django.utils import timezone
from django.utils.translation import gettext

from educities.congresses.enums import RegistrationStatus
from educities.congresses.models import Registration, RegistrationQuestion
from educities.members.domain.roles import role_grant_city_editor
from educities.members.enums import MembershipStatus
from tests.congresses.factories import EventFactory, RegistrationFactory, RegistrationTypeFactory
from tests.factories import CityFactory, StaffFactory, UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.integration]

URL = "/en/events/x/register/"


@pytest.fixture
def event():
    event = EventFactory(slug="x", capacity=2)
    RegistrationTypeFactory(event=event, name="Participant", fee=0, position=0)
    return event


@pytest.fixture
def user(client):
    user = UserFactory(first_name="Ana", last_name="Silva", email="ana@example.org", language="pt")
    client.force_login(user)
    return user


def _data(event, **overrides) -> dict:
    data = {
        "type": str(event.registration_types.get(name="Participant").pk),
        "name": "Ana Silva",
        "email": "ana@example.org",
        "organisation": "Câmara Municipal",
        "position_title": "Councillor",
        "city": "",
        "language": "pt",
    }
    data.update(overrides)
    return data


def _messages(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_register_requires_signing_in(client, event):
    response = client.get(URL)

    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")


def test_register_form_is_prefilled_from_the_user_and_the_city_they_edit(client, event, user):
    city = CityFactory(name="Braga", membership_status=MembershipStatus.MEMBER)
    CityFactory(name="Applicant", membership_status=MembershipStatus.APPLIED)
    role_grant_city_editor(user=user, city=city)

    html = client.get(URL).content.decode()

    assert 'value="Ana Silva"' in html
    assert 'value="ana@example.org"' in html
    assert '<option value="pt" selected>' in html
    assert f'<option value="{city.pk}" selected>Braga</option>' in html
    assert "Applicant" not in html
    assert "Participant — free of charge" in html


def test_register_confirms_and_redirects_to_the_registration_with_a_message(
    client, event, user, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, _data(event))

    registration = Registration.objects.get(event=event)
    assert response.status_code == 302
    assert response["Location"] == f"/en/events/registrations/{registration.code}/"
    assert (registration.status, registration.user, registration.language) == ("confirmed", user, "pt")
    assert (registration.organisation, registration.position_title) == ("Câmara Municipal", "Councillor")
    assert _messages(response) == [
        gettext("Your registration is confirmed. We sent the details to %(email)s.")
        % {"email": "ana@example.org"}
    ]
    assert [message.to for message in mail.outbox] == [["ana@example.org"]]


def test_register_for_a_type_needing_approval_is_pending(client, event, user):
    approved = RegistrationTypeFactory(event=event, name="Press", needs_approval=True)

    response = client.post(URL, _data(event, type=str(approved.pk)))

    assert Registration.objects.get(event=event).status == RegistrationStatus.PENDING
    assert _messages(response) == [
        gettext(
            "Your registration is received: the Secretariat confirms it, and your place is held meanwhile."
        )
    ]


def test_register_when_full_joins_the_waiting_list_and_says_at_which_position(client, event, user):
    RegistrationFactory.create_batch(2, event=event)
    RegistrationFactory(event=event, status=RegistrationStatus.WAITLISTED, waitlist_position=1)

    response = client.post(URL, _data(event))

    registration = Registration.objects.get(event=event, user=user)
    assert registration.status == RegistrationStatus.WAITLISTED
    assert _messages(response) == [
        gettext("The event is full: you are on the waiting list at position %(position)d.") % {"position": 2}
    ]


def test_register_full_event_says_so_before_the_form(client, event, user):
    RegistrationFactory.create_batch(2, event=event)

    html = client.get(URL).content.decode()

    assert gettext("Join the waiting list") in html


def test_register_type_for_member_cities_requires_a_city(client, event, user):
    delegate = RegistrationTypeFactory(event=event, name="Delegate", requires_member_city=True)
    city = CityFactory(membership_status=MembershipStatus.MEMBER)

    refused = client.post(URL, _data(event, type=str(delegate.pk)))
    accepted = client.post(URL, _data(event, type=str(delegate.pk), city=str(city.pk)))

    assert refused.status_code == 400
    assert "is for delegates of member cities: choose the member city you represent." in (
        refused.content.decode().replace("&#x27;", "'")
    )
    assert accepted.status_code == 302
    assert Registration.objects.get(event=event).city == city


def test_register_asks_the_event_questions_and_keeps_the_answers(client, event, user):
    diet = RegistrationQuestion.objects.create(
        event=event, text="Diet", kind=RegistrationQuestion.Kind.CHOICE, choices=["Any", "Vegetarian"]
    )
    visit = RegistrationQuestion.objects.create(
        event=event, text="Study visit?", kind=RegistrationQuestion.Kind.YES_NO, is_required=True
    )
    notes = RegistrationQuestion.objects.create(
        event=event, text="Notes", kind=RegistrationQuestion.Kind.LONG_TEXT
    )

    html = client.get(URL).content.decode()
    response = client.post(
        URL,
        _data(
            event,
            **{
                f"question_{diet.pk}": "Vegetarian",
                f"question_{visit.pk}": "yes",
                f"question_{notes.pk}": "Line one\r\nLine two",
            },
        ),
    )

    assert f'name="question_{diet.pk}"' in html
    assert response.status_code == 302
    assert Registration.objects.get(event=event).answers == {
        str(diet.pk): "Vegetarian",
        str(visit.pk): True,
        str(notes.pk): "Line one\nLine two",
    }


def test_register_required_question_left_empty_is_refused(client, event, user):
    visit = RegistrationQuestion.objects.create(
        event=event, text="Study visit?", kind=RegistrationQuestion.Kind.YES_NO, is_required=True
    )

    response = client.post(URL, _data(event))

    html = response.content.decode()
    assert response.status_code == 400
    assert f'id="id_question_{visit.pk}_error"' in html
    assert gettext("This field is required.") in html
    assert not Registration.objects.exists()


def test_register_duplicate_email_is_refused_as_a_form_error(client, event, user):
    RegistrationFactory(event=event, email="ana@example.org")

    response = client.post(URL, _data(event))

    html = response.content.decode()
    assert response.status_code == 400
    assert "This e-mail address is already registered for" in html
    assert Registration.objects.filter(event=event).count() == 1


def test_register_already_registered_user_goes_to_their_registration(client, event, user):
    registration = RegistrationFactory(event=event, user=user)

    response = client.get(URL)

    assert response.status_code == 302
    assert response["Location"] == f"/en/events/registrations/{registration.code}/"


def test_register_closed_window_shows_no_form_and_refuses_a_post(client, user):
    event = EventFactory(slug="x", registration_closes_at=timezone.now() - datetime.timedelta(days=1))
    RegistrationTypeFactory(event=event, name="Participant")

    html = client.get(URL).content.decode()
    response = client.post(URL, _data(event))

    assert gettext("Registration is closed.") in html
    assert '<form method="post" class="editor-form register-form"' not in html
    assert response.status_code == 400
    assert "Registration closed on" in response.content.decode()
    assert not Registration.objects.exists()


def test_register_offers_only_public_types(client, event, user):
    hidden = RegistrationTypeFactory(event=event, name="Executive Committee", is_public=False)

    html = client.get(URL).content.decode()
    response = client.post(URL, _data(event, type=str(hidden.pk)))

    assert "Executive Committee" not in html
    assert response.status_code == 400
    assert not Registration.objects.exists()


def test_register_for_an_unpublished_event_is_404_except_for_staff(client, user):
    event = EventFactory(slug="x", is_published=False)
    RegistrationTypeFactory(event=event, name="Participant")

    assert client.get(URL).status_code == 404
    client.force_login(StaffFactory())
    assert client.get(URL).status_code == 200


@pytest.mark.parametrize(
    "overrides",
    [
        {"type": "99999"},
        {"type": "abc"},
        {"city": "abc"},
        {"city": "99999"},
        {"language": "xx"},
        {"email": "not-an-address"},
        {"name": "Ana\x00Silva"},
        {"name": ""},
        {"organisation": "x" * 500},
    ],
)
def test_register_hostile_input_is_refused_without_error(client, event, user, overrides):
    response = client.post(URL, _data(event, **overrides))

    assert response.status_code == 400
    assert not Registration.objects.exists()


def test_register_unknown_choice_for_a_question_is_refused(client, event, user):
    diet = RegistrationQuestion.objects.create(
        event=event, text="Diet", kind=RegistrationQuestion.Kind.CHOICE, choices=["Any"]
    )

    response = client.post(URL, _data(event, **{f"question_{diet.pk}": "Caviar"}))

    assert response.status_code == 400
    assert not Registration.objects.exists()


def test_register_page_has_a_label_for_every_control(client, event, user):
    RegistrationQuestion.objects.create(event=event, text="Diet", kind=RegistrationQuestion.Kind.TEXT)

    html = client.get(URL).content.decode()
    form = html.split('class="editor-form register-form"', 1)[1].split("</form>", 1)[0]

    ids = re.findall(r'<(?:input|select|textarea)[^>]*\bid="([^"]+)"', form)
    labels = set(re.findall(r'<label[^>]*\bfor="([^"]+)"', form))
    assert ids
    assert [control for control in ids if control not in labels] == []
