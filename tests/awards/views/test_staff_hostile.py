"""Hostile and mistaken input on the Secretariat's award pages: a clear message, nothing changed, no 500."""

import pytest
from django.urls import reverse

from educities.awards.enums import ApplicationStatus, EditionPhase
from educities.awards.models import Edition
from educities.members.enums import FeeStatus
from tests.awards.factories import make_application, make_juror
from tests.awards.views.test_staff_permissions import messages_of, quick_edition, url
from tests.factories import CityFactory, FeeRecordFactory, StaffFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.fixture
def staff_client(client):
    client.force_login(StaffFactory())
    return client


def _new_edition(**changes) -> dict:
    data = {
        "edition-number": 7,
        "edition-year": 2028,
        "edition-theme": "Education as a source of inclusion",
        "edition-original_language": "en",
        "edition-time_zone": "Europe/Madrid",
        "edition-call_opens_at": "2027-10-01T09:00",
        "edition-deadline": "2028-01-31T23:59",
        "edition-max_applications_per_city": "2",
        "edition-scale_min": "0",
        "edition-scale_max": "10",
        "edition-jurors_per_application": "3",
        "criteria-TOTAL_FORMS": "1",
        "criteria-INITIAL_FORMS": "0",
        "criteria-0-name": "Relevance",
        "criteria-0-weight": "1",
    }
    data.update({f"edition-{key}": value for key, value in changes.items()})
    return data


def _errors(response, field: str) -> list[str]:
    return [str(error) for error in response.context["form"].errors.get(field, [])]


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        (
            {"deadline": "2027-09-30T23:59"},
            "deadline",
            "The deadline must come after the call opens.",
        ),
        (
            {"deadline": "2027-10-01T09:00"},
            "deadline",
            "The deadline must come after the call opens.",
        ),
        (
            {"time_zone": "Mars/Base"},
            "time_zone",
            "“Mars/Base” is not a time zone (for example Europe/Madrid).",
        ),
        (
            {"max_applications_per_city": "-1"},
            "max_applications_per_city",
            "Ensure this value is greater than or equal to 1.",
        ),
        (
            {"max_applications_per_city": "0"},
            "max_applications_per_city",
            "Ensure this value is greater than or equal to 1.",
        ),
        (
            {"scale_min": "5", "scale_max": "5"},
            "scale_max",
            "The highest score must be greater than the lowest.",
        ),
        (
            {"scale_min": "8", "scale_max": "3"},
            "scale_max",
            "The highest score must be greater than the lowest.",
        ),
        ({"scale_min": "-2"}, "scale_min", "Ensure this value is greater than or equal to 0."),
        (
            {"jurors_per_application": "0"},
            "jurors_per_application",
            "Ensure this value is greater than or equal to 1.",
        ),
        ({"deadline": "not a date"}, "deadline", "Enter a date and time, for example 2026-03-31 23:59."),
        ({"deadline": "0001-01-01T00:00"}, "deadline", "Enter a year between 1990 and 2200."),
        (
            {"deadline": "2028-01-31T23:59+05:00"},
            "deadline",
            "Enter a date and time, for example 2026-03-31 23:59.",
        ),
        ({"year": "99999"}, "year", "Ensure this value is less than or equal to 2200."),
        (
            {"theme": "Inclusion\x00"},
            "theme",
            [
                "Remove the control characters (line breaks, tabs and the like) from this text.",
                "Null characters are not allowed.",
            ],
        ),
        ({"theme": "Inclusion\x1b[31m"}, "theme", None),
        ({"theme": "   "}, "theme", "This field is required."),
        ({"original_language": "ca"}, "original_language", None),
        ({"next_congress_host": "999999"}, "next_congress_host", None),
    ],
)
def test_new_edition_refuses_bad_values(staff_client, changes, field, message):
    response = staff_client.post(url("edition_new"), _new_edition(**changes))

    assert response.status_code == 200
    errors = _errors(response, field)
    if isinstance(message, list):
        assert errors == message
    elif message is not None:
        assert errors == [message]
    else:
        assert len(errors) == 1
    assert Edition.objects.count() == 0


def test_new_edition_refuses_a_time_that_the_clocks_skip(staff_client):
    # On 29 March 2026 the clocks in Madrid go from 02:00 to 03:00: 02:30 never happens.
    response = staff_client.post(
        url("edition_new"),
        _new_edition(call_opens_at="2026-03-29T02:30", deadline="2026-06-30T23:59"),
    )

    assert response.status_code == 200
    assert _errors(response, "call_opens_at") == [
        (
            "2026-03-29 02:30 happens twice or never in Europe/Madrid (the clocks change then): "
            "choose another time."
        )
    ]
    assert Edition.objects.count() == 0


def test_new_edition_refuses_a_year_already_used(staff_client):
    existing = quick_edition(EditionPhase.DRAFT)

    response = staff_client.post(url("edition_new"), _new_edition(year=str(existing.year)))

    assert response.status_code == 200
    assert _errors(response, "year") == [f"There is already an edition in {existing.year}."]
    assert Edition.objects.count() == 1


def test_new_edition_needs_one_criterion(staff_client):
    data = _new_edition()
    data["criteria-0-name"] = ""

    response = staff_client.post(url("edition_new"), data)

    assert response.status_code == 200
    assert [str(e) for e in response.context["formset"].non_form_errors()] == [
        "The jury needs at least one criterion."
    ]
    assert Edition.objects.count() == 0


def test_new_edition_refuses_a_forged_number_of_criteria(staff_client):
    data = _new_edition()
    data["criteria-TOTAL_FORMS"] = "100000"

    response = staff_client.post(url("edition_new"), data)

    assert response.status_code == 200
    assert Edition.objects.count() == 0


def _settings(edition: Edition, **changes) -> dict:
    data = {
        "action": "settings",
        "settings-number": edition.number,
        "settings-year": edition.year,
        "settings-theme": edition.theme,
        "settings-original_language": edition.original_language,
        "settings-time_zone": edition.time_zone,
        "settings-max_applications_per_city": edition.max_applications_per_city,
        "settings-scale_min": 0,
        "settings-scale_max": 10,
        "settings-jurors_per_application": 3,
    }
    data.update({f"settings-{key}": value for key, value in changes.items()})
    return data


def _snapshot(edition: Edition) -> tuple:
    edition.refresh_from_db()
    process = edition.review_process
    process.refresh_from_db()
    return (
        edition.time_zone,
        edition.max_applications_per_city,
        edition.call_opens_at,
        edition.deadline,
        process.scale_min,
        process.scale_max,
    )


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        (
            {"time_zone": "Mars/Base"},
            "time_zone",
            "“Mars/Base” is not a time zone (for example Europe/Madrid).",
        ),
        (
            {"call_opens_at": "2030-02-01T09:00", "deadline": "2030-01-01T09:00"},
            "deadline",
            "The deadline must come after the call opens.",
        ),
        (
            {"max_applications_per_city": "-3"},
            "max_applications_per_city",
            "Ensure this value is greater than or equal to 1.",
        ),
        (
            {"scale_min": "10", "scale_max": "10"},
            "scale_max",
            "The highest score must be greater than the lowest.",
        ),
    ],
)
def test_settings_refuse_bad_values(staff_client, changes, field, message):
    edition = quick_edition(EditionPhase.DRAFT)
    before = _snapshot(edition)

    response = staff_client.post(url("edition", edition), _settings(edition, **changes))

    assert response.status_code == 200
    assert [str(e) for e in response.context["settings_form"].errors[field]] == [message]
    assert messages_of(response) == ["Some values need correcting (see below). Nothing was changed."]
    assert _snapshot(edition) == before


def test_settings_scale_refused_once_jurors_scored_is_explained(staff_client, monkeypatch):
    edition = quick_edition(EditionPhase.DRAFT)
    before = _snapshot(edition)
    monkeypatch.setattr("educities.reviews.domain.processes._has_scores", lambda process: True)

    response = staff_client.post(
        url("edition", edition), _settings(edition, max_applications_per_city=4, scale_max=20)
    )

    assert response.status_code == 200
    assert [str(e) for e in response.context["settings_form"].non_field_errors()] == [
        "The scale cannot change once jurors have scored."
    ]
    # The edition's change is rolled back with the jury's.
    assert _snapshot(edition) == before


def test_edition_page_refuses_an_unknown_action(staff_client):
    edition = quick_edition(EditionPhase.DRAFT)

    response = staff_client.post(url("edition", edition), {"action": "drop_tables"})

    assert response.status_code == 302
    assert messages_of(response) == ["Unknown action. Nothing was changed."]


@pytest.mark.parametrize("question", ["", "abc", "999999"])
def test_edition_page_refuses_a_question_of_nobody(staff_client, question):
    edition = quick_edition(EditionPhase.DRAFT)
    before = list(edition.questions.values_list("pk", "text"))

    response = staff_client.post(url("edition", edition), {"action": "question_delete", "question": question})

    assert response.status_code == 302
    assert messages_of(response) == [
        f"This question is not one of the {edition.year} edition. Nothing was changed."
    ]
    assert list(edition.questions.values_list("pk", "text")) == before


def test_edition_page_refuses_a_question_of_another_edition(staff_client):
    edition, other = quick_edition(EditionPhase.DRAFT), quick_edition(EditionPhase.DRAFT)
    question = other.questions.get()

    response = staff_client.post(
        url("edition", edition), {"action": "question_delete", "question": question.pk}
    )

    assert response.status_code == 302
    assert messages_of(response) == [
        f"This question is not one of the {edition.year} edition. Nothing was changed."
    ]
    assert other.questions.count() == 1


def test_edition_page_refuses_a_criterion_of_another_edition(staff_client):
    edition, other = quick_edition(EditionPhase.DRAFT), quick_edition(EditionPhase.DRAFT)
    criterion = other.review_process.criteria.first()

    response = staff_client.post(
        url("edition", edition), {"action": "criterion_delete", "criterion": criterion.pk}
    )

    assert response.status_code == 302
    assert messages_of(response) == [
        f"This criterion is not one of the {edition.year} edition. Nothing was changed."
    ]
    assert other.review_process.criteria.count() == 2


def test_texts_refuse_the_original_language(staff_client):
    edition = quick_edition(EditionPhase.DRAFT)

    response = staff_client.post(
        url("edition", edition), {"action": "texts", "language": "en", "text-en-theme": "X"}
    )

    assert response.status_code == 302
    assert messages_of(response) == [
        "Choose one of the other official languages (fr, es, pt). Nothing was changed."
    ]


def test_question_changes_refused_once_cities_submitted(staff_client):
    edition = quick_edition()
    make_application(edition=edition, status=ApplicationStatus.SUBMITTED)
    question = edition.questions.get()

    response = staff_client.post(
        url("edition", edition), {"action": "question_delete", "question": question.pk}
    )

    assert response.status_code == 302
    assert messages_of(response) == [
        "Cities have already submitted applications: the questions can no longer change."
    ]
    assert edition.questions.count() == 1


# --- Applications ---------------------------------------------------------------------------------


def _failing_application(edition: Edition):
    """A submitted application whose city owes a fee (the fees rule fails)."""
    city = CityFactory()
    FeeRecordFactory(city=city, year=edition.year - 1, status=FeeStatus.UNPAID)
    return make_application(edition=edition, city=city, status=ApplicationStatus.SUBMITTED)


def test_override_without_reason_names_the_failed_rule(staff_client):
    edition = quick_edition()
    application = _failing_application(edition)

    response = staff_client.post(url("application_eligible", edition, pk=application.pk), {})

    assert response.status_code == 302
    assert messages_of(response) == [
        (
            f"{application.city.name}: Some rules are not met (Member city with fees paid up): write why the "
            "application is eligible all the same. Nothing was changed."
        )
    ]
    application.refresh_from_db()
    assert (application.status, application.eligibility_overridden) == (ApplicationStatus.SUBMITTED, False)


def test_applications_page_shows_which_rule_fails_beside_the_override_field(staff_client):
    edition = quick_edition()
    application = _failing_application(edition)

    response = staff_client.get(url("applications", edition))

    html = response.content.decode()
    assert response.status_code == 200
    assert "This rule is not met:\n            <strong>Member city with fees paid up</strong>." in html
    assert f'name="eligible-{application.pk}-override_reason"' in html


@pytest.mark.parametrize("reason", ["", "   \n  "])
def test_ineligible_without_reason_is_refused(staff_client, reason):
    edition = quick_edition()
    application = make_application(edition=edition, status=ApplicationStatus.SUBMITTED)

    response = staff_client.post(
        url("application_ineligible", edition, pk=application.pk),
        {f"ineligible-{application.pk}-reason": reason},
    )

    assert response.status_code == 302
    assert messages_of(response) == [
        (
            f"{application.city.name}: Reason (sent to the city): Say why the application is not eligible: "
            "the city receives this reason. Nothing was changed."
        )
    ]
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED


@pytest.mark.parametrize("name", ["application_eligible", "application_ineligible", "application_decide"])
def test_step_on_an_application_of_another_edition_is_refused(staff_client, name):
    edition, other = quick_edition(), quick_edition()
    application = make_application(edition=other, status=ApplicationStatus.SUBMITTED)
    data = {
        f"ineligible-{application.pk}-reason": "No.",
        f"decide-{application.pk}-result": "winner",
    }

    response = staff_client.post(url(name, edition, pk=application.pk), data)

    assert response.status_code == 302
    assert messages_of(response) == [
        f"This application is not one of the {edition.year} edition. Nothing was changed."
    ]
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED


def test_letter_of_an_application_of_another_edition_is_not_found(staff_client):
    edition, other = quick_edition(), quick_edition()
    application = make_application(edition=other, status=ApplicationStatus.SUBMITTED)

    response = staff_client.get(url("letter", edition, pk=application.pk))

    assert response.status_code == 404


def test_letter_missing_is_not_found(staff_client):
    edition = quick_edition()
    application = make_application(edition=edition, status=ApplicationStatus.DRAFT, letter=False)

    response = staff_client.get(url("letter", edition, pk=application.pk))

    assert response.status_code == 404


def test_confirming_twice_is_refused_with_the_status(staff_client):
    edition = quick_edition()
    application = make_application(edition=edition, status=ApplicationStatus.IN_REVIEW)

    response = staff_client.post(url("application_eligible", edition, pk=application.pk), {})

    assert response.status_code == 302
    assert messages_of(response) == [
        (
            f"{application.city.name}: This application is “In jury review”: it cannot become “Eligible”. "
            "Nothing was changed."
        )
    ]


def test_unknown_status_filter_shows_everything_with_a_warning(staff_client):
    edition = quick_edition()
    make_application(edition=edition, status=ApplicationStatus.SUBMITTED)

    response = staff_client.get(url("applications", edition) + "?status=%3Cscript%3E")

    assert response.status_code == 200
    assert messages_of(response) == ["“<script>” is not a status: every application is shown."]
    assert len(response.context["rows"]) == 1
    assert "<script>" not in response.content.decode()


# --- Decisions ------------------------------------------------------------------------------------


def test_decision_outside_the_decision_phase_is_refused(staff_client):
    edition = quick_edition()
    application = make_application(edition=edition, status=ApplicationStatus.IN_REVIEW)

    response = staff_client.post(
        url("application_decide", edition, pk=application.pk), {f"decide-{application.pk}-result": "winner"}
    )

    assert response.status_code == 302
    assert messages_of(response) == [
        (
            f"{application.city.name}: The jury decides once its work has reached the decision phase. "
            "Nothing was changed."
        )
    ]
    application.refresh_from_db()
    assert application.status == ApplicationStatus.IN_REVIEW


def test_decision_with_an_unknown_result_is_refused(staff_client):
    edition = quick_edition()
    application = make_application(edition=edition, status=ApplicationStatus.IN_REVIEW)

    response = staff_client.post(
        url("application_decide", edition, pk=application.pk), {f"decide-{application.pk}-result": "eligible"}
    )

    assert response.status_code == 302
    assert messages_of(response) == [
        (
            f"{application.city.name}: Decision: Select a valid choice. eligible is not one of the available "
            "choices. Nothing was changed."
        )
    ]
    application.refresh_from_db()
    assert application.status == ApplicationStatus.IN_REVIEW


@pytest.mark.parametrize("statement", ["", "  "])
def test_void_without_statement_is_refused(staff_client, statement):
    edition = quick_edition()

    response = staff_client.post(url("declare_void", edition), {"void-statement": statement})

    assert response.status_code == 302
    assert response.url == url("decision", edition) + "#void"
    assert messages_of(response) == [
        (
            "Statement of the jury (why the award is declared void): Write the jury's statement: an award "
            "is never declared void without one. Nothing was changed."
        )
    ]
    edition.refresh_from_db()
    assert (edition.is_void, edition.jury_statement) == (False, "")


def test_void_before_the_jury_decides_is_refused(staff_client):
    edition = quick_edition()
    make_application(edition=edition, status=ApplicationStatus.IN_REVIEW)

    response = staff_client.post(url("declare_void", edition), {"void-statement": "Nothing good."})

    assert response.status_code == 302
    assert messages_of(response) == [
        "The award can be declared void once the jury has reached its decision. Nothing was changed."
    ]
    edition.refresh_from_db()
    assert edition.is_void is False


def test_publish_before_the_decision_is_refused(staff_client):
    edition = quick_edition()
    make_application(edition=edition, status=ApplicationStatus.IN_REVIEW)

    response = staff_client.post(url("results_publish", edition))

    assert response.status_code == 302
    assert messages_of(response) == [
        "The results can be published once the jury has reached its decision. Nothing was changed."
    ]
    edition.refresh_from_db()
    assert edition.results_published_at is None


def test_statement_too_long_is_refused(staff_client):
    edition = quick_edition()

    response = staff_client.post(url("jury_statement", edition), {"jury-statement": "x" * 5001})

    assert response.status_code == 302
    assert messages_of(response) == [
        (
            "Statement of the jury on the edition: Ensure this value has at most 5000 characters "
            "(it has 5001). Nothing was changed."
        )
    ]
    edition.refresh_from_db()
    assert edition.jury_statement == ""


# --- Addresses ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        "/en/backoffice/award/1899/",
        "/en/backoffice/award/1899/applications/",
        "/en/backoffice/award/1899/decision/",
        "/en/backoffice/award/1899/export/applications.csv",
    ],
)
def test_unknown_edition_is_not_found(staff_client, path):
    assert staff_client.get(path).status_code == 404


@pytest.mark.parametrize("name", ["passwords.csv", "applications.json", "applications.pdf", "ranking.exe"])
def test_unknown_export_is_not_found(staff_client, name):
    edition = quick_edition(EditionPhase.DRAFT)

    response = staff_client.get(reverse("awards_staff:editions") + f"{edition.year}/export/{name}")

    assert response.status_code == 404


def test_juror_seat_does_not_open_the_staff_letter(client):
    edition = quick_edition()
    application = make_application(edition=edition, status=ApplicationStatus.IN_REVIEW)
    juror = make_juror(edition=edition)
    client.force_login(juror.user)

    assert client.get(url("letter", edition, pk=application.pk)).status_code == 403


@pytest.mark.parametrize(
    "path",
    [
        "/en/backoffice/award/99999999999999999999999/",
        "/en/backoffice/award/{year}/applications/99999999999999999999999/letter.pdf",
    ],
)
def test_huge_numbers_in_addresses_are_not_found(staff_client, path):
    edition = quick_edition(EditionPhase.DRAFT)

    assert staff_client.get(path.format(year=edition.year)).status_code == 404


def test_huge_application_number_in_a_step_is_refused(staff_client):
    edition = quick_edition()

    response = staff_client.post(
        f"/en/backoffice/award/{edition.year}/applications/99999999999999999999999/eligible/"
    )

    assert response.status_code == 302
    assert messages_of(response) == [
        f"This application is not one of the {edition.year} edition. Nothing was changed."
    ]


def test_huge_question_number_is_refused(staff_client):
    edition = quick_edition(EditionPhase.DRAFT)

    response = staff_client.post(
        url("edition", edition), {"action": "question_delete", "question": "99999999999999999999999"}
    )

    assert response.status_code == 302
    assert messages_of(response) == [
        f"This question is not one of the {edition.year} edition. Nothing was changed."
    ]
