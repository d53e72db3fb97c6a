"""Applying to an edition: the rules explained before applying, the city's choice, the experience (linked
or new), and the refusals (call not open, maximum reached, bad input) that change nothing."""

import pytest
from django.urls import reverse

from educities.awards.enums import ApplicationStatus, EditionPhase
from educities.awards.models import Application
from educities.experiences.enums import ExperienceStatus
from educities.experiences.models import Experience
from educities.members.domain.roles import role_grant_city_editor
from educities.members.enums import MembershipStatus
from tests.awards.factories import edition_close_call, make_application
from tests.awards.views.test_city_support import cast, flash, login
from tests.experiences.factories import make_experience
from tests.factories import CityFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def _url(the_cast) -> str:
    return reverse("awards:apply", kwargs={"year": the_cast.edition.year})


def _counts() -> tuple[int, int]:
    return Application.objects.count(), Experience.objects.count()


def test_apply_page_explains_every_rule_before_applying(client):
    the_cast = cast()
    login(client, the_cast.users["editor_b"])

    response = client.get(_url(the_cast))

    assert response.status_code == 200
    rows = [(check.rule.value, check.passed) for check in response.context["checks"]]
    assert rows == [
        ("fees", True),
        ("jury_city", True),
        ("congress_host", True),
        ("previous_winner", True),
        ("max_applications", True),
    ]
    page = response.content.decode()
    assert "Lyon is not on the jury." in page
    assert "Lyon can still start 2 applications (at most 2 per city)." in page
    assert response.context["refusal"] == ""
    assert 'name="new_experience_title"' in page


def test_apply_page_says_which_rule_fails_and_why(client):
    the_cast = cast()  # the conflicted juror sits for city A: city A is a jury city
    login(client, the_cast.users["editor_a"])

    response = client.get(_url(the_cast))

    failed = [(check.rule.value, check.reason) for check in response.context["checks"] if not check.passed]
    assert failed == [("jury_city", "Granollers has a seat on the jury of this edition.")]
    assert "Not met" in response.content.decode()


def test_apply_page_lets_an_editor_of_several_cities_choose(client):
    the_cast = cast()
    user = the_cast.users["editor_a"]
    role_grant_city_editor(user=user, city=the_cast.city_b)
    login(client, user)

    first = client.get(_url(the_cast))
    chosen = client.get(_url(the_cast), {"city": the_cast.city_b.pk})

    assert first.status_code == 200
    assert first.context["city"] is None
    assert [city.name for city in first.context["cities"]] == ["Granollers", "Lyon"]
    assert "checks" not in first.context
    assert chosen.context["city"] == the_cast.city_b
    assert f'name="city" value="{the_cast.city_b.pk}"' in chosen.content.decode()


@pytest.mark.parametrize("value", ["abc", "0", "-1", "1e3", "9999999999999999999999"])
def test_apply_page_refuses_a_forged_city(client, value):
    the_cast = cast()
    login(client, the_cast.users["editor_b"])
    counts = _counts()

    got = client.get(_url(the_cast), {"city": value})
    posted = client.post(_url(the_cast), {"city": value, "new_experience_title": "X", "language": "en"})

    assert (got.status_code, posted.status_code) == (403, 403)
    assert _counts() == counts


def test_apply_page_refuses_a_non_member_city_editor(client):
    the_cast = cast()
    candidate = CityFactory(membership_status=MembershipStatus.APPLIED)
    user = the_cast.users["user"]
    role_grant_city_editor(user=user, city=candidate)
    login(client, user)

    response = client.get(_url(the_cast))

    assert response.status_code == 403


def test_apply_links_an_experience_of_the_bank(client):
    the_cast = cast()
    experience = make_experience(city=the_cast.city_b, status=ExperienceStatus.PUBLISHED)
    login(client, the_cast.users["editor_b"])

    response = client.post(
        _url(the_cast), {"city": the_cast.city_b.pk, "experience": experience.pk, "language": "pt"}
    )

    application = Application.objects.get()
    assert response["Location"] == reverse("awards:application", kwargs={"pk": application.pk})
    assert (application.experience, application.language, application.status) == (
        experience,
        "pt",
        ApplicationStatus.DRAFT,
    )
    assert flash(response) == ["The application is started: answer the questions below."]


def test_apply_lists_only_experiences_not_yet_proposed(client):
    the_cast = cast()
    proposed = make_application(edition=the_cast.edition, city=the_cast.city_b).experience
    free = make_experience(city=the_cast.city_b, status=ExperienceStatus.PUBLISHED)
    draft = make_experience(city=the_cast.city_b)
    make_experience(city=the_cast.city_b, status=ExperienceStatus.REJECTED)
    make_experience(city=the_cast.city_a, status=ExperienceStatus.PUBLISHED)
    login(client, the_cast.users["editor_b"])

    response = client.get(_url(the_cast))

    choices = [value for value, _label in response.context["form"].fields["experience"].choices]
    assert sorted(choices[1:]) == sorted([str(free.pk), str(draft.pk)])
    assert str(proposed.pk) not in choices


def test_apply_with_an_experience_already_proposed_is_refused(client):
    the_cast = cast()
    proposed = make_application(edition=the_cast.edition, city=the_cast.city_b).experience
    login(client, the_cast.users["editor_b"])
    counts = _counts()

    response = client.post(
        _url(the_cast), {"city": the_cast.city_b.pk, "experience": proposed.pk, "language": "en"}
    )

    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert _counts() == counts


def test_apply_with_a_new_experience_starts_a_draft_in_the_bank(client):
    the_cast = cast()
    login(client, the_cast.users["editor_b"])

    response = client.post(
        _url(the_cast),
        {"city": the_cast.city_b.pk, "new_experience_title": "  Open schoolyards  ", "language": "es"},
    )

    application = Application.objects.get()
    experience = application.experience
    assert (experience.title, experience.status, experience.city, experience.original_language) == (
        "Open schoolyards",
        ExperienceStatus.DRAFT,
        the_cast.city_b,
        "es",
    )
    assert flash(response) == [
        (
            "The application is started. Its experience “Open schoolyards” is a draft in the bank of "
            "experiences: complete it in the experiences editor."
        )
    ]
    page = client.get(response["Location"]).content.decode()
    edit_url = reverse("experiences:edit", kwargs={"slug": experience.slug, "step": "basics"})
    assert f'href="{edit_url}"' in page


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"language": "en"}, "Choose an experience of the bank or write the title of a new one."),
        (
            {"language": "en", "new_experience_title": "New", "experience": "EXPERIENCE"},
            "Choose an experience of the bank or write the title of a new one, not both.",
        ),
        ({"language": "ca", "new_experience_title": "New"}, "Select a valid choice."),
        ({"language": "en", "new_experience_title": "New\x00one"}, "Remove the control characters"),
        ({"language": "en", "new_experience_title": "New\r\nline"}, "Remove the control characters"),
        ({"language": "en", "new_experience_title": "x" * 201}, "Ensure this value has at most 200"),
        ({"language": "en", "experience": "1 OR 1=1"}, "Select a valid choice."),
    ],
)
def test_apply_with_bad_input_explains_and_creates_nothing(client, data, message):
    the_cast = cast()
    experience = make_experience(city=the_cast.city_b, status=ExperienceStatus.PUBLISHED)
    if data.get("experience") == "EXPERIENCE":
        data = {**data, "experience": experience.pk}
    login(client, the_cast.users["editor_b"])
    counts = _counts()

    response = client.post(_url(the_cast), {"city": the_cast.city_b.pk, **data})

    assert response.status_code == 200
    assert message in response.content.decode()
    assert _counts() == counts


def test_apply_a_third_application_is_refused_and_creates_nothing(client):
    the_cast = cast()
    make_application(edition=the_cast.edition, city=the_cast.city_b)
    make_application(edition=the_cast.edition, city=the_cast.city_b, status=ApplicationStatus.SUBMITTED)
    login(client, the_cast.users["editor_b"])
    counts = _counts()

    page = client.get(_url(the_cast))
    response = client.post(
        _url(the_cast), {"city": the_cast.city_b.pk, "new_experience_title": "Third", "language": "en"}
    )

    assert page.context["left"] == 0
    assert page.context["refusal"] == (
        "Lyon has already started 2 applications to this edition, the maximum per city. "
        "Withdraw one to start another."
    )
    assert 'name="new_experience_title"' not in page.content.decode()
    assert response.status_code == 200
    assert (
        "Lyon already has 2 applications to this edition and may send 2 at most: withdraw one first."
        in response.content.decode()
    )
    assert _counts() == counts


def test_apply_after_a_withdrawal_is_possible_again(client):
    the_cast = cast()
    make_application(edition=the_cast.edition, city=the_cast.city_b)
    make_application(edition=the_cast.edition, city=the_cast.city_b, status=ApplicationStatus.WITHDRAWN)
    login(client, the_cast.users["editor_b"])

    response = client.get(_url(the_cast))

    assert response.context["left"] == 1
    assert "Lyon can still start 1 application (at most 2 per city)." in response.content.decode()


def test_apply_before_the_call_opens_is_explained_and_refused(client):
    the_cast = cast(phase=EditionPhase.ANNOUNCED, time_zone="America/Sao_Paulo")
    login(client, the_cast.users["editor_b"])
    counts = _counts()

    page = client.get(_url(the_cast))
    response = client.post(
        _url(the_cast), {"city": the_cast.city_b.pk, "new_experience_title": "Early", "language": "en"}
    )

    assert page.context["refusal"].startswith("The call for applications opens on ")
    assert page.context["refusal"].endswith("(America/Sao_Paulo time).")
    assert response.status_code == 200
    assert "The call for applications opens on " in response.content.decode()
    assert _counts() == counts


def test_apply_after_the_deadline_is_explained_and_refused(client):
    the_cast = cast()
    edition_close_call(edition=the_cast.edition)
    login(client, the_cast.users["editor_b"])
    counts = _counts()

    page = client.get(_url(the_cast))
    response = client.post(
        _url(the_cast), {"city": the_cast.city_b.pk, "new_experience_title": "Late", "language": "en"}
    )

    assert page.context["refusal"].startswith("The call for applications closed on ")
    assert "The deadline has passed." in page.content.decode()
    assert response.status_code == 200
    assert "applications can no longer be submitted" in response.content.decode()
    assert _counts() == counts
