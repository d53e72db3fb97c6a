"""An award application as the jury reads it: registered as a review subject (awards/apps.py), shown with
the experience in the juror's language, the city's answers, the language and the link to the letter."""

import pytest
from django.contrib.sessions.middleware import SessionMiddleware
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation

from educities.awards.domain.editions import edition_question_translate
from educities.awards.enums import ApplicationStatus
from educities.awards.models import Application
from educities.core.domain.translations import translation_save_human
from educities.reviews.subjects import subject_display, subject_html, subject_kind_for
from tests.awards.factories import make_application
from tests.awards.views.test_city_support import assign_jurors, cast

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def _request(user, path: str = "/fr/jury/"):
    request = RequestFactory().get(path)
    SessionMiddleware(lambda request: None).process_request(request)
    request.user = user
    return request


def _in_review():
    the_cast = cast()
    application = make_application(
        edition=the_cast.edition, city=the_cast.city_a, status=ApplicationStatus.IN_REVIEW, language="es"
    )
    assign_jurors(the_cast, application)
    application.refresh_from_db()
    return the_cast, application


def test_application_is_registered_as_a_review_subject():
    kind = subject_kind_for(Application)

    assert kind is not None
    assert kind.template == "awards/jury/application_subject.html"


def test_jury_subject_shows_the_experience_in_the_juror_language_and_the_answers():
    the_cast, application = _in_review()
    experience = application.experience
    translation_save_human(
        obj=experience, field="title", language="fr", text="Conseil des enfants", actor=None
    )
    question = the_cast.edition.questions.get()
    edition_question_translate(
        question=question,
        language="fr",
        text="Qu'a changé l'expérience ?",
        help_text="Des chiffres.",
        actor=None,
    )
    request = _request(the_cast.users["juror"])

    with translation.override("fr"):
        display = subject_display(item=application.review_item, request=request)
        html = subject_html(display=display, request=request)

    context = display.context
    assert (context["experience_title"].text, context["experience_title"].language) == (
        "Conseil des enfants",
        "fr",
    )
    assert context["experience_summary"].is_fallback is True
    assert [(row["text"].text, row["answer"]) for row in context["answers"]] == [
        ("Qu'a changé l'expérience ?", "The council listened to children.")
    ]
    assert context["letter_url"] == f"/fr/award/applications/{application.pk}/letter.pdf"
    assert display.url is None  # a juror reads the application here, not on the city's page
    assert "Conseil des enfants" in html
    assert 'lang="es"' in html  # the answers are marked with the application's language
    assert f'href="{context["letter_url"]}"' in html


def test_jury_subject_gives_the_secretariat_a_link_to_the_application():
    the_cast, application = _in_review()

    display = subject_display(item=application.review_item, request=_request(the_cast.users["staff"]))

    assert display.url == reverse("awards:application", kwargs={"pk": application.pk})


def test_jury_subject_escapes_what_the_city_wrote():
    the_cast, application = _in_review()
    application.answers.update(text="<script>alert(1)</script>")
    request = _request(the_cast.users["juror"])

    html = subject_html(
        display=subject_display(item=application.review_item, request=request), request=request
    )

    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_juror_reads_the_application_page_without_the_city_tools(client):
    the_cast, application = _in_review()
    client.force_login(the_cast.users["juror"])

    response = client.get(reverse("awards:application", kwargs={"pk": application.pk}))

    page = response.content.decode()
    assert response.status_code == 200
    assert "The council listened to children." in page
    assert 'name="answer_' not in page
    assert reverse("awards:withdraw", kwargs={"pk": application.pk}) not in page
    assert "History" not in page
