"""One application: the questions and answers, the mayor's letter, submitting (deadline in the edition's
time zone), withdrawing, the history, the Secretariat's reason, and hostile input that changes nothing."""

import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from educities.awards.domain.applications import application_decide
from educities.awards.domain.editions import edition_question_add, edition_results_publish, edition_update
from educities.awards.enums import ApplicationStatus
from tests.awards.factories import edition_close_call, jury_to_decision, make_application, make_edition
from tests.awards.views.test_city_support import cast, flash, login, pdf_file, png_bytes, state
from tests.experiences.factories import make_experience
from tests.factories import CityFactory, StaffFactory, make_city_editor

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def _url(application, name: str = "awards:application") -> str:
    return reverse(name, kwargs={"pk": application.pk})


def _letters() -> list[str]:
    root = Path(settings.PRIVATE_MEDIA_ROOT)
    return sorted(str(path.relative_to(root)) for path in root.rglob("*") if path.is_file())


@pytest.fixture
def draft(client):
    """A draft of city A (answered, with its letter) and its editor signed in."""
    the_cast = cast()
    application = make_application(edition=the_cast.edition, city=the_cast.city_a)
    login(client, the_cast.users["editor_a"])
    return application


def _save_data(application, **answers) -> dict:
    data = {"language": application.language, "experience": application.experience_id}
    for question in application.edition.questions.all():
        data[f"answer_{question.pk}"] = answers.get(f"q{question.position}", "An answer.")
    return data


# --- Questions and answers -------------------------------------------------------------------------------


def test_application_page_shows_the_questions_in_order_with_guidance_and_limit(client):
    edition = make_edition(questions=0)
    for text, max_chars in (("Why this experience?", 500), ("Who took part?", 1200), ("What changed?", 80)):
        edition_question_add(
            edition=edition, text=text, help_text=f"Guidance: {text}", max_chars=max_chars, actor=None
        )
    city = CityFactory()
    application = make_application(edition=edition, city=city, answers=False)
    login(client, make_city_editor(city))

    response = client.get(_url(application))

    page = response.content.decode()
    positions = [page.index(text) for text in ("Why this experience?", "Who took part?", "What changed?")]
    assert positions == sorted(positions)
    assert "Guidance: Who took part?" in page
    assert "At most 1200 characters." in page
    assert 'maxlength="80"' in page
    assert list(response.context["missing"]) == [
        "Answer the question “Why this experience?”.",
        "Answer the question “Who took part?”.",
        "Answer the question “What changed?”.",
    ]


def test_application_save_changes_language_experience_and_answers(client, draft):
    other = make_experience(city=draft.city)
    data = _save_data(draft, q1="First line.\r\nSecond line.")
    data.update({"language": "fr", "experience": other.pk})

    response = client.post(_url(draft), data)

    assert response.status_code == 302
    assert flash(response) == ["The draft is saved."]
    after = state(draft)
    question = draft.edition.questions.get()
    assert (after["language"], after["experience"], after["answers"]) == (
        "fr",
        other.pk,
        [(question.pk, "First line.\nSecond line.")],
    )


def test_application_answer_exactly_at_the_limit_counts_line_breaks_once(client, draft):
    question = draft.edition.questions.get()  # 2000 characters at most
    text = ("a" * 999) + "\r\n" + ("b" * 1000)

    response = client.post(_url(draft), _save_data(draft, q1=text))

    assert response.status_code == 302
    assert state(draft)["answers"] == [(question.pk, ("a" * 999) + "\n" + ("b" * 1000))]


def test_application_answer_over_the_limit_is_refused_and_nothing_changes(client, draft):
    before = state(draft)

    response = client.post(_url(draft), {**_save_data(draft, q1="x" * 2001), "language": "es"})

    assert response.status_code == 200
    assert "At most 2000 characters (this answer has 2001)." in response.content.decode()
    assert "Nothing was saved." in response.content.decode()
    assert state(draft) == before


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ("\x00", "Null characters are not allowed."),
        ("\x07", "Remove the control characters from this answer"),
        ("\x1b[31m", "Remove the control characters from this answer"),
        ("\x7f", "Remove the control characters from this answer"),
        ("\u2028", "Remove the control characters from this answer"),
        ("\x0b", "Remove the control characters from this answer"),
    ],
)
def test_application_answer_with_control_characters_is_refused(client, draft, bad, message):
    before = state(draft)

    response = client.post(_url(draft), _save_data(draft, q1=f"Children{bad}council"))

    assert response.status_code == 200
    assert message in response.content.decode()
    assert state(draft) == before


@pytest.mark.parametrize(
    ("field", "value"),
    [("language", "ca"), ("language", "xx"), ("experience", "abc"), ("experience", "999999")],
)
def test_application_save_with_a_forged_choice_is_refused(client, draft, field, value):
    before = state(draft)

    response = client.post(_url(draft), {**_save_data(draft), field: value})

    assert response.status_code == 200
    assert "Select a valid choice." in response.content.decode()
    assert state(draft) == before


def test_application_save_with_another_city_experience_is_refused(client, draft):
    foreign = make_experience(city=CityFactory())
    before = state(draft)

    response = client.post(_url(draft), {**_save_data(draft), "experience": foreign.pk})

    assert response.status_code == 200
    assert state(draft) == before


def test_application_save_of_a_submitted_application_is_refused(client):
    the_cast = cast()
    application = make_application(
        edition=the_cast.edition, city=the_cast.city_a, status=ApplicationStatus.SUBMITTED
    )
    login(client, the_cast.users["editor_a"])
    before = state(application)

    saved = client.post(_url(application), _save_data(application, q1="Changed."))
    uploaded = client.post(_url(application, "awards:letter_upload"), {"letter": pdf_file()})

    assert (saved.status_code, uploaded.status_code) == (302, 302)
    assert flash(saved) == ["This application was submitted: it can no longer be changed."]
    assert state(application) == before
    page = client.get(_url(application)).content.decode()
    assert 'name="answer_' not in page
    assert "The council listened to children." in page


# --- The mayor's letter ----------------------------------------------------------------------------------


def test_letter_upload_attaches_a_pdf(client):
    the_cast = cast()
    application = make_application(edition=the_cast.edition, city=the_cast.city_a, letter=False)
    login(client, the_cast.users["editor_a"])

    response = client.post(
        _url(application, "awards:letter_upload"), {"letter": pdf_file("Carta alcalde.pdf")}
    )

    assert response.status_code == 302
    assert flash(response) == ["The letter from the mayor is attached."]
    application.refresh_from_db()
    assert application.mayor_letter.name.startswith("awards/letters/")
    download = client.get(_url(application, "awards:letter"))
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    assert download["Content-Disposition"].startswith('attachment; filename="mayor-letter-granollers-')
    assert b"".join(download.streaming_content).startswith(b"%PDF")


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "letter.pdf",
            b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 64,
            "This type of file is not accepted",
        ),
        ("letter.pdf", "PNG", "This type of file is not accepted"),
        ("letter.png", "PNG", "This type of file is not accepted"),
        ("letter.exe", "PDF", "but its name does not end in .pdf"),
        ("letter.pdf", b"", "The submitted file is empty."),
        (
            "letter.pdf",
            b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>",
            "SVG images are not accepted",
        ),
        ("letter.pdf", b"just some text, not a PDF", "This type of file is not accepted"),
    ],
)
def test_letter_upload_refuses_what_is_not_a_pdf(client, name, content, message):
    the_cast = cast()
    application = make_application(edition=the_cast.edition, city=the_cast.city_a, letter=False)
    login(client, the_cast.users["editor_a"])
    if content == "PNG":
        content = png_bytes()
    elif content == "PDF":
        content = pdf_file().read()
    before, files = state(application), _letters()

    response = client.post(
        _url(application, "awards:letter_upload"), {"letter": SimpleUploadedFile(name, content)}
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert "The letter was not attached." in page
    assert message in page
    assert state(application) == before
    assert _letters() == files


def test_letter_upload_without_a_file_is_refused(client, draft):
    before = state(draft)

    response = client.post(_url(draft, "awards:letter_upload"), {})

    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    assert state(draft) == before


def test_letter_download_without_a_letter_is_404(client):
    the_cast = cast()
    application = make_application(edition=the_cast.edition, city=the_cast.city_a, letter=False)
    login(client, the_cast.users["editor_a"])

    response = client.get(_url(application, "awards:letter"))

    assert response.status_code == 404


# --- Submitting ------------------------------------------------------------------------------------------


def test_submit_sends_the_application(client, draft):
    response = client.post(_url(draft, "awards:submit"))

    assert response.status_code == 302
    assert flash(response) == [
        (
            "The application is submitted. The Secretariat will check its eligibility; "
            "you will receive an e-mail."
        )
    ]
    assert state(draft)["status"] == ApplicationStatus.SUBMITTED


def test_submit_with_what_is_missing_is_refused(client):
    the_cast = cast()
    application = make_application(
        edition=the_cast.edition, city=the_cast.city_a, letter=False, answers=False
    )
    login(client, the_cast.users["editor_a"])
    before = state(application)

    page = client.get(_url(application))
    response = client.post(_url(application, "awards:submit"))

    assert page.context["missing"] == [
        "Answer the question “What did the experience change? (1)”.",
        "Attach the letter from the mayor (a PDF document).",
    ]
    assert flash(response) == [
        (
            "Answer the question “What did the experience change? (1)”. "
            "Attach the letter from the mayor (a PDF document)."
        )
    ]
    assert state(application) == before


def test_submit_after_the_deadline_is_refused_and_stays_a_draft(client, draft):
    edition = edition_close_call(edition=draft.edition)
    before = state(draft)

    response = client.post(_url(draft, "awards:submit"))

    assert response.status_code == 302
    [message] = flash(response)
    assert message.startswith("The deadline for applications was ")
    assert message.endswith("(Europe/Madrid time): applications can no longer be submitted.")
    assert state(draft) == before
    assert state(draft)["status"] == ApplicationStatus.DRAFT
    assert edition.deadline < datetime.datetime.now(datetime.UTC)


def test_submit_one_second_after_the_deadline_is_refused(client, draft):
    deadline = draft.edition.deadline
    before = state(draft)

    with time_machine.travel(deadline + datetime.timedelta(seconds=1), tick=False):
        client.force_login(draft.city.role_grants.get().user)  # a fresh session at that moment
        response = client.post(_url(draft, "awards:submit"))

    assert flash(response)[0].startswith("The deadline for applications was ")
    assert state(draft) == before


def test_application_page_shows_the_deadline_in_the_edition_time_zone_and_the_time_left(client, draft):
    zone = ZoneInfo("America/Sao_Paulo")
    deadline = datetime.datetime(2027, 3, 31, 23, 59, tzinfo=zone)
    edition_update(
        edition=draft.edition,
        actor=None,
        time_zone="America/Sao_Paulo",
        call_opens_at=datetime.datetime(2027, 1, 1, tzinfo=zone),
        deadline=deadline,
    )

    with time_machine.travel(deadline - datetime.timedelta(days=2, hours=3), tick=False):
        client.force_login(draft.city.role_grants.get().user)  # a fresh session at that moment
        page = client.get(_url(draft)).content.decode().replace("\xa0", " ")

    assert "Deadline: <strong>March 31, 2027, 11:59 p.m.</strong> (America/Sao_Paulo time)." in page
    assert "Time left: 2 days, 3 hours." in page


# --- Withdrawing -----------------------------------------------------------------------------------------


def test_withdraw_asks_for_confirmation(client, draft):
    before = state(draft)

    page = client.get(_url(draft, "awards:withdraw"))
    unconfirmed = client.post(_url(draft, "awards:withdraw"), {})

    assert page.status_code == 200
    assert "Yes, withdraw this application" in page.content.decode()
    assert unconfirmed.status_code == 200
    assert "This field is required." in unconfirmed.content.decode()
    assert state(draft) == before


def test_withdraw_confirmed_withdraws_and_shows_in_the_history(client):
    the_cast = cast()
    application = make_application(
        edition=the_cast.edition, city=the_cast.city_a, status=ApplicationStatus.SUBMITTED
    )
    login(client, the_cast.users["editor_a"])

    response = client.post(_url(application, "awards:withdraw"), {"confirm": "on"})

    assert response.status_code == 302
    assert flash(response) == ["The application is withdrawn."]
    assert state(application)["status"] == ApplicationStatus.WITHDRAWN
    page = client.get(_url(application))
    assert [item["label"] for item in page.context["history"]] == [
        "started",
        "letter from the mayor attached",
        "submitted",
        "withdrawn",
    ]
    assert page.context["can_withdraw"] is False


def test_withdraw_of_a_decided_application_is_refused(client):
    the_cast = cast()
    application = make_application(
        edition=the_cast.edition, city=the_cast.city_a, status=ApplicationStatus.NOT_SELECTED
    )
    login(client, the_cast.users["staff"])
    before = state(application)

    response = client.post(_url(application, "awards:withdraw"), {"confirm": "on"})

    assert response.status_code == 302
    assert flash(response) == ["This application is “Not selected”: it can no longer be withdrawn."]
    assert state(application) == before


# --- Status, history, reasons ------------------------------------------------------------------------------


def test_application_page_shows_the_secretariat_reason_when_not_eligible(client):
    the_cast = cast()
    application = make_application(
        edition=the_cast.edition, city=the_cast.city_a, status=ApplicationStatus.INELIGIBLE
    )
    login(client, the_cast.users["editor_a"])

    page = client.get(_url(application)).content.decode()

    assert "Why the application is not eligible" in page
    assert "The fees of 2025 are not paid." in page


def test_application_history_names_the_secretariat_not_its_staff(client):
    the_cast = cast()
    staff = StaffFactory(first_name="Ana", last_name="Secretaria")
    application = make_application(
        edition=the_cast.edition, city=the_cast.city_a, status=ApplicationStatus.SUBMITTED, actor=staff
    )
    login(client, the_cast.users["editor_a"])

    history = client.get(_url(application)).context["history"]

    assert [(item["label"], item["actor"]) for item in history] == [
        ("started", "the Secretariat"),
        ("letter from the mayor attached", "the Secretariat"),
        ("submitted", "the Secretariat"),
    ]


def test_application_decision_is_secret_for_the_city_until_the_results_are_published(client):
    the_cast = cast()
    application = make_application(
        edition=the_cast.edition, city=the_cast.city_a, status=ApplicationStatus.IN_REVIEW
    )
    jury_to_decision(process=the_cast.edition.review_process)
    application_decide(
        application=application, result=ApplicationStatus.WINNER, statement="A model.", actor=None
    )
    login(client, the_cast.users["editor_a"])

    before = client.get(_url(application))
    mine_before = client.get(reverse("awards:mine"))
    edition_results_publish(edition=the_cast.edition, actor=None)
    after = client.get(_url(application))

    assert (before.context["status"], before.context["statement"]) == (ApplicationStatus.IN_REVIEW, "")
    assert "award" not in [item["entry"].action for item in before.context["history"]]
    assert "Winner" not in before.content.decode()
    assert [row["status"] for row in mine_before.context["rows"]] == [ApplicationStatus.IN_REVIEW]
    assert (after.context["status"], after.context["statement"]) == (ApplicationStatus.WINNER, "A model.")
    assert after.context["can_download_certificate"] is True
    certificate = client.get(_url(application, "awards:certificate"))
    assert certificate.status_code == 200
    assert certificate.content.startswith(b"%PDF")


def test_certificate_before_the_results_is_refused(client):
    the_cast = cast()
    application = make_application(
        edition=the_cast.edition, city=the_cast.city_a, status=ApplicationStatus.IN_REVIEW
    )
    jury_to_decision(process=the_cast.edition.review_process)
    application_decide(application=application, result=ApplicationStatus.WINNER, actor=None)
    login(client, the_cast.users["editor_a"])

    response = client.get(_url(application, "awards:certificate"))

    assert response.status_code == 403
