"""The Secretariat's award pages doing their work: editions, settings in the edition's time zone, texts,
eligibility, the jury, decisions, results, certificates, letters and exports (with their exact headers)."""

import csv
import datetime
import io
from zoneinfo import ZoneInfo

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape

from educities.awards.domain.editions import default_criteria
from educities.awards.domain.eligibility import eligibility_check, eligibility_checks
from educities.awards.enums import ApplicationStatus, EditionPhase
from educities.awards.models import Application, Edition
from educities.core.enums import Provenance
from educities.core.models import TextTranslation
from educities.experiences.models import Experience
from educities.members.enums import FeeStatus
from educities.reviews.enums import ReviewPhase
from tests.awards.factories import edition_close_call, jury_to_decision, make_application
from tests.awards.factories import make_juror as make_juror_of_edition
from tests.awards.views.test_staff_permissions import messages_of, quick_edition, url
from tests.factories import CityFactory, FeeRecordFactory, StaffFactory
from tests.reviews.factories import make_juror, make_review, process_walk

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

SAO_PAULO = ZoneInfo("America/Sao_Paulo")


@pytest.fixture
def staff_client(client):
    client.force_login(StaffFactory())
    return client


# --- Editions -------------------------------------------------------------------------------------


def test_editions_list_counts_applications_by_status(staff_client):
    edition = quick_edition()
    make_application(edition=edition, status=ApplicationStatus.SUBMITTED)
    make_application(edition=edition, status=ApplicationStatus.SUBMITTED)
    make_application(edition=edition, status=ApplicationStatus.ELIGIBLE)
    draft = quick_edition(EditionPhase.DRAFT)

    response = staff_client.get(url("editions"))

    assert response.status_code == 200
    rows = {row["edition"].pk: row for row in response.context["rows"]}
    assert [(c["status"], c["count"]) for c in rows[edition.pk]["counts"]] == [
        ("submitted", 2),
        ("eligible", 1),
    ]
    assert rows[edition.pk]["total"] == 3
    assert rows[edition.pk]["phase"] == EditionPhase.OPEN
    assert (rows[draft.pk]["phase"], rows[draft.pk]["counts"]) == (EditionPhase.DRAFT, [])
    html = response.content.decode()
    assert '<span class="count-value">2</span> Submitted' in html
    assert f'href="{url("edition", edition)}"' in html


def test_new_edition_form_proposes_the_six_criteria_and_defaults(staff_client):
    response = staff_client.get(url("edition_new"))

    assert response.status_code == 200
    form, formset = response.context["form"], response.context["formset"]
    assert [f.initial["name"] for f in formset.forms[:6]] == [spec.name for spec in default_criteria()]
    assert len(formset.forms) == 8  # two empty rows for more criteria
    assert (
        form["max_applications_per_city"].value(),
        form["scale_min"].value(),
        form["scale_max"].value(),
    ) == (
        2,
        0,
        10,
    )
    assert form["jurors_per_application"].value() == 3
    assert 'list="award-time-zones"' in response.content.decode()


def _new_edition_post(response, **changes) -> dict:
    """The new-edition form as a browser would send it, with the default criteria untouched."""
    formset = response.context["formset"]
    data = {
        "edition-number": "6",
        "edition-year": "2026",
        "edition-theme": "Education as a source of inclusion and social cohesion",
        "edition-original_language": "en",
        "edition-axes": "Schools\nCulture",
        "edition-rules": "Member cities may apply.",
        "edition-time_zone": "America/Sao_Paulo",
        "edition-call_opens_at": "2026-01-15T09:00",
        "edition-deadline": "2026-03-31T23:59",
        "edition-jury_starts_on": "2026-04-15",
        "edition-decision_on": "2026-06-30",
        "edition-ceremony_on": "2026-11-05",
        "edition-ceremony_place": "Granollers",
        "edition-initiative_cutoff": "2025-06-30",
        "edition-max_applications_per_city": "2",
        "edition-scale_min": "0",
        "edition-scale_max": "10",
        "edition-jurors_per_application": "3",
        "criteria-TOTAL_FORMS": str(len(formset.forms)),
        "criteria-INITIAL_FORMS": "0",
    }
    for index, form in enumerate(formset.forms):
        for field in ("name", "description", "weight"):
            value = form.initial.get(field, "")
            data[f"criteria-{index}-{field}"] = "" if value is None else str(value)
    data.update(changes)
    return data


def test_new_edition_reads_the_timeline_in_the_edition_time_zone(staff_client):
    host = CityFactory(name="Granollers")
    data = _new_edition_post(staff_client.get(url("edition_new")), **{"edition-next_congress_host": host.pk})

    response = staff_client.post(url("edition_new"), data)

    edition = Edition.objects.get()
    assert response.status_code == 302
    assert response.url == url("edition", edition)
    assert messages_of(response) == ["The 2026 edition is created. Announce it when its call is ready."]
    assert edition.deadline == datetime.datetime(2026, 3, 31, 23, 59, tzinfo=SAO_PAULO)
    assert edition.deadline == datetime.datetime(2026, 4, 1, 2, 59, tzinfo=datetime.UTC)
    assert edition.call_opens_at == datetime.datetime(2026, 1, 15, 9, 0, tzinfo=SAO_PAULO)
    assert (edition.time_zone, edition.next_congress_host, edition.is_published) == (
        "America/Sao_Paulo",
        host,
        False,
    )
    assert (edition.jury_starts_on, edition.initiative_cutoff) == (
        datetime.date(2026, 4, 15),
        datetime.date(2025, 6, 30),
    )
    process = edition.review_process
    assert (process.scale_min, process.scale_max, process.reviewers_per_item) == (0, 10, 3)
    assert list(process.criteria.order_by("position").values_list("name", flat=True)) == [
        spec.name for spec in default_criteria()
    ]
    # Untouched default criteria keep their translations from the catalogs.
    assert (
        TextTranslation.objects.filter(content_type__model="criterion", language="fr", field="name").count()
        == 6
    )


def test_new_edition_with_changed_criteria(staff_client):
    data = _new_edition_post(
        staff_client.get(url("edition_new")),
        **{
            "criteria-0-name": "Relevance to the theme",
            "criteria-0-weight": "2",
            "criteria-5-name": "",
            "criteria-6-name": "Gender equality",
            "criteria-6-weight": "0.5",
        },
    )

    response = staff_client.post(url("edition_new"), data)

    assert response.status_code == 302
    criteria = Edition.objects.get().review_process.criteria.order_by("position")
    names = [spec.name for spec in default_criteria()]
    assert [(c.name, str(c.weight)) for c in criteria] == [
        ("Relevance to the theme", "2.00"),
        *[(name, "1.00") for name in names[1:5]],
        ("Gender equality", "0.50"),
    ]


def _settings_post(edition: Edition, **changes) -> dict:
    data = {
        "action": "settings",
        "settings-number": edition.number,
        "settings-year": edition.year,
        "settings-theme": edition.theme,
        "settings-original_language": edition.original_language,
        "settings-axes": edition.axes,
        "settings-rules": edition.rules,
        "settings-time_zone": edition.time_zone,
        "settings-max_applications_per_city": edition.max_applications_per_city,
        "settings-scale_min": 0,
        "settings-scale_max": 10,
        "settings-jurors_per_application": 3,
    }
    data.update({f"settings-{key}": value for key, value in changes.items()})
    return data


def test_settings_show_and_save_the_timeline_in_the_edition_time_zone(staff_client):
    edition = quick_edition(EditionPhase.DRAFT, time_zone="America/Sao_Paulo")

    response = staff_client.post(
        url("edition", edition),
        _settings_post(edition, call_opens_at="2031-01-10T08:00", deadline="2031-03-31T23:59", scale_max=20),
    )

    assert response.status_code == 302
    assert response.url == url("edition", edition) + "#settings"
    assert messages_of(response) == [f"The settings of the {edition.year} edition are saved."]
    edition.refresh_from_db()
    edition.review_process.refresh_from_db()
    assert edition.deadline == datetime.datetime(2031, 3, 31, 23, 59, tzinfo=SAO_PAULO)
    assert edition.review_process.scale_max == 20
    page = staff_client.get(url("edition", edition)).content.decode()
    assert 'name="settings-deadline" value="2031-03-31T23:59"' in page
    assert 'name="settings-call_opens_at" value="2031-01-10T08:00"' in page


def test_settings_with_a_new_year_follow_the_edition(staff_client):
    edition = quick_edition(EditionPhase.DRAFT)

    response = staff_client.post(url("edition", edition), _settings_post(edition, year=2150 - 60))

    edition.refresh_from_db()
    assert edition.year == 2090
    assert response.url == url("edition", edition) + "#settings"


def test_settings_unchanged_change_nothing(staff_client):
    edition = quick_edition(EditionPhase.DRAFT)
    data = _settings_post(edition)
    data["settings-call_opens_at"] = edition.call_opens_at.astimezone(ZoneInfo(edition.time_zone)).strftime(
        "%Y-%m-%dT%H:%M"
    )
    data["settings-deadline"] = edition.deadline.astimezone(ZoneInfo(edition.time_zone)).strftime(
        "%Y-%m-%dT%H:%M"
    )
    data.update(
        {
            f"settings-{name}": getattr(edition, name).isoformat()
            for name in ("jury_starts_on", "decision_on", "ceremony_on", "initiative_cutoff")
        }
    )
    data["settings-ceremony_place"] = edition.ceremony_place
    updated = edition.updated_at

    response = staff_client.post(url("edition", edition), data)

    assert messages_of(response) == ["Nothing was changed."]
    edition.refresh_from_db()
    assert edition.updated_at == updated


def test_texts_in_another_language_are_saved_as_human_translations(staff_client):
    edition = quick_edition(EditionPhase.DRAFT)

    response = staff_client.post(
        url("edition", edition),
        {
            "action": "texts",
            "language": "pt",
            "text-pt-theme": "Educação e inclusão",
            "text-pt-axes": "Escolas",
        },
    )

    assert response.status_code == 302
    assert response.url == url("edition", edition) + "#texts-pt"
    assert messages_of(response) == ["The texts in Portuguese are saved."]
    rows = TextTranslation.objects.filter(
        object_id=str(edition.pk), content_type__model="edition", language="pt"
    )
    assert sorted(rows.values_list("field", "text", "provenance")) == [
        ("axes", "Escolas", Provenance.HUMAN),
        ("theme", "Educação e inclusão", Provenance.HUMAN),
    ]
    page = staff_client.get(url("edition", edition))
    block = next(b for b in page.context["text_blocks"] if b["language"] == "pt")
    assert block["form"]["theme"].value() == "Educação e inclusão"
    assert [b["language"] for b in page.context["text_blocks"]] == ["fr", "es", "pt"]


def test_question_added_edited_and_translated(staff_client):
    edition = quick_edition(EditionPhase.DRAFT)
    staff_client.post(
        url("edition", edition),
        {"action": "question_add", "question-new-text": "Who took part?", "question-new-max_chars": "800"},
    )
    question = edition.questions.order_by("position").last()

    staff_client.post(
        url("edition", edition),
        {
            "action": "question_edit",
            "question": question.pk,
            f"question-{question.pk}-text": "Who took part, and how?",
            f"question-{question.pk}-max_chars": "1200",
            f"question-{question.pk}-is_required": "on",
        },
    )
    response = staff_client.post(
        url("edition", edition),
        {
            "action": "question_translate",
            "question": question.pk,
            f"question-{question.pk}-tr-language": "es",
            f"question-{question.pk}-tr-text": "¿Quién participó?",
        },
    )

    question.refresh_from_db()
    assert (question.text, question.max_chars, question.is_required) == (
        "Who took part, and how?",
        1200,
        True,
    )
    assert messages_of(response)[-1] == "The question is saved in Spanish."
    assert TextTranslation.objects.get(object_id=str(question.pk), field="text", language="es").text == (
        "¿Quién participó?"
    )


def test_announce_needs_the_call_dates(staff_client):
    edition = quick_edition(EditionPhase.DRAFT, call_opens_at=None, deadline=None)

    response = staff_client.post(url("edition", edition), {"action": "announce"})

    assert messages_of(response) == [
        "Set when the call opens and its deadline before announcing the edition."
    ]
    edition.refresh_from_db()
    assert edition.is_published is False


def test_edition_page_links_the_jury_pages(staff_client):
    edition = quick_edition(EditionPhase.DRAFT)

    html = staff_client.get(url("edition", edition)).content.decode()

    process = edition.review_process_id
    assert f'href="{reverse("jury:manage", kwargs={"process_id": process})}"' in html
    assert f'href="{reverse("jury:ranking", kwargs={"process_id": process})}"' in html


# --- Applications ---------------------------------------------------------------------------------


def test_applications_page_shows_each_application_with_its_checks(staff_client):
    edition = quick_edition()
    application = make_application(edition=edition, status=ApplicationStatus.SUBMITTED, language="fr")
    make_application(edition=edition, status=ApplicationStatus.DRAFT)

    response = staff_client.get(url("applications", edition))

    assert response.status_code == 200
    (row,) = response.context["rows"]
    assert row["application"] == application
    assert [(check.rule.value, check.passed) for check in row["checks"]] == [
        ("fees", True),
        ("jury_city", True),
        ("congress_host", True),
        ("previous_winner", True),
        ("cutoff", True),
        ("max_applications", True),
        ("mayor_letter", True),
    ]
    html = response.content.decode()
    assert application.city.name in html
    assert application.city.country.name in html
    assert f'href="{application.experience.get_absolute_url()}"' in html
    assert "<dd>French</dd>" in html
    assert f'href="{url("letter", edition, pk=application.pk)}"' in html
    assert all(escape(check.reason) in html for check in row["checks"])
    assert "submitted_at" not in html


def test_applications_page_filters_by_status(staff_client):
    edition = quick_edition()
    submitted = make_application(edition=edition, status=ApplicationStatus.SUBMITTED)
    eligible = make_application(edition=edition, status=ApplicationStatus.ELIGIBLE)

    response = staff_client.get(url("applications", edition) + "?status=eligible")

    assert [row["application"] for row in response.context["rows"]] == [eligible]
    all_rows = staff_client.get(url("applications", edition)).context["rows"]
    assert {row["application"] for row in all_rows} == {submitted, eligible}


def test_override_with_a_reason_confirms_and_records_it(staff_client):
    edition = quick_edition()
    city = CityFactory()
    FeeRecordFactory(city=city, year=edition.year, status=FeeStatus.UNPAID)
    application = make_application(edition=edition, city=city, status=ApplicationStatus.SUBMITTED)

    response = staff_client.post(
        url("application_eligible", edition, pk=application.pk),
        {f"eligible-{application.pk}-override_reason": "The fee was paid yesterday; the bank confirmed."},
    )

    assert response.status_code == 302
    assert messages_of(response) == [f"{city.name}: the application is eligible."]
    application.refresh_from_db()
    assert (application.status, application.eligibility_overridden, application.eligibility_note) == (
        ApplicationStatus.ELIGIBLE,
        True,
        "The fee was paid yesterday; the bank confirmed.",
    )


def test_ineligible_with_a_reason_and_back_to_the_filtered_list(staff_client):
    edition = quick_edition()
    application = make_application(edition=edition, status=ApplicationStatus.SUBMITTED)
    back = url("applications", edition) + "?status=submitted"

    response = staff_client.post(
        url("application_ineligible", edition, pk=application.pk),
        {f"ineligible-{application.pk}-reason": "The initiative started in 2026.", "next": back},
    )

    assert response.url == back
    application.refresh_from_db()
    assert (application.status, application.eligibility_note) == (
        ApplicationStatus.INELIGIBLE,
        "The initiative started in 2026.",
    )


def test_next_outside_the_site_is_ignored(staff_client):
    edition = quick_edition()
    application = make_application(edition=edition, status=ApplicationStatus.SUBMITTED)

    response = staff_client.post(
        url("application_eligible", edition, pk=application.pk), {"next": "https://evil.example.org/"}
    )

    assert response.url == url("applications", edition)


def test_send_to_jury_moves_every_eligible_application(staff_client):
    edition = quick_edition()
    eligible = [make_application(edition=edition, status=ApplicationStatus.ELIGIBLE) for _ in range(2)]
    submitted = make_application(edition=edition, status=ApplicationStatus.SUBMITTED)

    response = staff_client.post(url("send_to_jury", edition))

    assert messages_of(response) == ["2 eligible applications sent to the jury."]
    for application in eligible:
        application.refresh_from_db()
        assert (application.status, application.review_item.process_id) == (
            ApplicationStatus.IN_REVIEW,
            edition.review_process_id,
        )
    submitted.refresh_from_db()
    assert submitted.status == ApplicationStatus.SUBMITTED
    again = staff_client.post(url("send_to_jury", edition))
    assert messages_of(again)[-1] == "No eligible application is waiting to be sent to the jury."


def test_letter_download_is_an_attachment_from_private_storage(staff_client):
    edition = quick_edition()
    application = make_application(edition=edition, status=ApplicationStatus.SUBMITTED)

    response = staff_client.get(url("letter", edition, pk=application.pk))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    filename = f"award-{edition.year}-{application.city.slug}-{application.pk}-mayor-letter.pdf"
    assert response["Content-Disposition"] == f'attachment; filename="{filename}"'
    assert response["Cache-Control"] == "private, no-store"
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_applications_page_queries_do_not_grow_with_applications(staff_client):
    edition = quick_edition()
    for _ in range(3):
        make_application(edition=edition, status=ApplicationStatus.SUBMITTED)
    with CaptureQueriesContext(connection) as few:
        staff_client.get(url("applications", edition))
    for _ in range(27):
        make_application(edition=edition, status=ApplicationStatus.SUBMITTED)

    with CaptureQueriesContext(connection) as many:
        response = staff_client.get(url("applications", edition))

    assert len(response.context["rows"]) == 30
    assert len(many.captured_queries) == len(few.captured_queries)


def test_checks_of_the_list_are_those_of_each_application():
    """The page reads every application's checks at once; they say what ``eligibility_check`` says."""
    previous = quick_edition(EditionPhase.OPEN)
    edition = quick_edition(EditionPhase.OPEN, number=previous.number + 1)
    owing, juror_city, winner_city, busy = (CityFactory() for _ in range(4))
    FeeRecordFactory(city=owing, year=edition.year, status=FeeStatus.UNPAID)
    make_juror_of_edition(edition=edition, city=juror_city)
    make_application(edition=previous, city=winner_city, status=ApplicationStatus.WINNER)
    applications = [
        make_application(edition=edition, city=owing, status=ApplicationStatus.SUBMITTED),
        make_application(edition=edition, city=juror_city, status=ApplicationStatus.SUBMITTED),
        make_application(edition=edition, city=winner_city, status=ApplicationStatus.SUBMITTED),
        make_application(edition=edition, city=busy, status=ApplicationStatus.SUBMITTED),
        make_application(edition=edition, city=busy, status=ApplicationStatus.DRAFT, letter=False),
    ]
    Edition.objects.filter(pk=edition.pk).update(next_congress_host=busy, max_applications_per_city=1)
    edition.refresh_from_db()
    loaded = list(Application.objects.filter(edition=edition).select_related("city", "experience"))

    together = eligibility_checks(edition=edition, applications=loaded)

    one_by_one = {
        application.pk: eligibility_check(edition=edition, city=application.city, application=application)
        for application in loaded
    }
    assert together == one_by_one
    assert {
        application.pk: sorted(check.rule.value for check in together[application.pk] if not check.passed)
        for application in applications
    } == {
        applications[0].pk: ["fees"],
        applications[1].pk: ["jury_city"],
        applications[2].pk: ["previous_winner"],
        applications[3].pk: ["congress_host"],
        applications[4].pk: ["congress_host", "max_applications", "mayor_letter"],
    }


# --- Decision and results -------------------------------------------------------------------------


def _scored_edition():
    """An edition in the jury's decision phase with two applications scored 8 and 5."""
    edition = quick_edition()
    strong = make_application(edition=edition, status=ApplicationStatus.IN_REVIEW)
    weak = make_application(edition=edition, status=ApplicationStatus.IN_REVIEW)
    edition_close_call(edition=edition)
    process = process_walk(edition.review_process, ReviewPhase.BLIND)
    juror = make_juror(process)
    strong.refresh_from_db()
    weak.refresh_from_db()
    make_review(strong.review_item, juror, values=[8, 8])
    make_review(weak.review_item, juror, values=[5, 5])
    jury_to_decision(process=process)
    return edition, strong, weak


def test_decision_page_ranks_and_records_the_decisions(staff_client):
    edition, strong, weak = _scored_edition()

    page = staff_client.get(url("decision", edition))

    assert page.context["can_decide"] is True
    assert [(row["ranked"].rank, row["application"]) for row in page.context["rows"]] == [
        (1, strong),
        (2, weak),
    ]
    response = staff_client.post(
        url("application_decide", edition, pk=strong.pk),
        {f"decide-{strong.pk}-result": "winner", f"decide-{strong.pk}-statement": "A model for every city."},
    )
    assert response.url == url("decision", edition) + f"#application-{strong.pk}"
    assert messages_of(response) == [f"{strong.city.name}: Winner."]
    strong.refresh_from_db()
    assert (strong.status, strong.statement) == (ApplicationStatus.WINNER, "A model for every city.")


def test_publishing_results_lists_the_certificates(staff_client):
    edition, strong, weak = _scored_edition()
    staff_client.post(
        url("application_decide", edition, pk=strong.pk), {f"decide-{strong.pk}-result": "winner"}
    )
    staff_client.post(
        url("application_decide", edition, pk=weak.pk), {f"decide-{weak.pk}-result": "not_selected"}
    )
    staff_client.post(url("jury_statement", edition), {"jury-statement": "Two strong experiences."})

    response = staff_client.post(url("results_publish", edition))

    assert messages_of(response)[-1] == f"The results of the {edition.year} edition are published."
    edition.refresh_from_db()
    assert edition.results_published_at is not None
    assert edition.jury_statement == "Two strong experiences."
    assert Experience.objects.get(pk=strong.experience_id).is_award_winning is True
    page = staff_client.get(url("decision", edition))
    assert page.context["certificates"] == [strong]
    assert page.context["can_decide"] is False
    assert f'href="{reverse("awards:certificate", kwargs={"pk": strong.pk})}"' in page.content.decode()
    certificate = staff_client.get(reverse("awards:certificate", kwargs={"pk": strong.pk}))
    assert (certificate.status_code, certificate["Content-Type"]) == (200, "application/pdf")


def test_declaring_void_with_a_statement(staff_client):
    edition, strong, _weak = _scored_edition()

    response = staff_client.post(
        url("declare_void", edition), {"void-statement": "No experience met the theme."}
    )

    assert messages_of(response) == [f"The award of {edition.year} is declared void."]
    edition.refresh_from_db()
    assert (edition.is_void, edition.jury_statement) == (True, "No experience met the theme.")
    strong.refresh_from_db()
    assert strong.status == ApplicationStatus.NOT_SELECTED
    assert (
        "The award of this edition was declared void."
        in staff_client.get(url("decision", edition)).content.decode()
    )


# --- Exports --------------------------------------------------------------------------------------

HEADERS = {
    "applications": [
        "edition",
        "number",
        "city",
        "country",
        "experience_title",
        "language",
        "status",
        "submitted_at",
        "eligibility_overridden",
        "note",
        "mean",
        "rank",
    ],
    "scores": [
        "application",
        "juror",
        "criterion",
        "weight",
        "value",
        "not_applicable",
        "comment",
        "review_total",
        "complete",
    ],
    "ranking": [
        "rank",
        "tie_break",
        "application",
        "city",
        "country",
        "reviews",
        "mean",
        "median",
        "stdev",
        "spread",
        "divergent",
    ],
}


@pytest.mark.parametrize("dataset", list(HEADERS))
def test_exports_have_stable_headers_in_csv_and_xlsx(staff_client, dataset):
    edition, _strong, _weak = _scored_edition()

    as_csv = staff_client.get(url("export", edition, dataset=dataset, fmt="csv"))
    as_xlsx = staff_client.get(url("export", edition, dataset=dataset, fmt="xlsx"))

    assert as_csv.status_code == 200
    assert as_csv["Content-Type"] == "text/csv; charset=utf-8"
    assert as_csv["Content-Disposition"] == f'attachment; filename="award-{edition.year}-{dataset}.csv"'
    rows = list(csv.reader(io.StringIO(as_csv.content.decode("utf-8-sig"))))
    assert rows[0] == HEADERS[dataset]
    assert len(rows) == {"applications": 3, "scores": 5, "ranking": 3}[dataset]
    assert as_xlsx["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert as_xlsx["Content-Disposition"] == f'attachment; filename="award-{edition.year}-{dataset}.xlsx"'
    sheet = openpyxl.load_workbook(io.BytesIO(as_xlsx.content)).active
    assert [cell.value for cell in next(sheet.iter_rows(max_row=1))] == HEADERS[dataset]


def test_ranking_export_rows(staff_client):
    edition, strong, weak = _scored_edition()

    response = staff_client.get(url("export", edition, dataset="ranking", fmt="csv"))

    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [(row["rank"], row["application"], row["city"], row["reviews"]) for row in rows] == [
        ("1", str(strong.pk), strong.city.name, "1"),
        ("2", str(weak.pk), weak.city.name, "1"),
    ]
