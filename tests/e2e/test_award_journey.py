"""The Educating City Award from the call to the results, in a real headless Chromium, mostly in Spanish.

Rosario (Argentina), a member city with its fees paid up, applies with an experience of the bank: its
editor sees every eligibility rule met, links the experience, answers the questions, attaches the mayor's
letter and submits (a confirmation e-mail goes out). The Secretariat confirms the eligibility, sends the
application to the jury, assigns three jurors automatically and opens the blind scoring. Three jurors
from other countries score it (one criterion "not applicable"); a fourth, from Córdoba (Argentina), is
conflicted automatically (same country) and never sees it. In the deliberation one juror writes and
another replies; the Secretariat moves to the decision, reads the ranking, records the winner with a
statement and publishes the results. A Spanish visitor finds the winner on the edition's page and the
experience under the bank's "award" facet. axe-core checks the pages on the way.

Browser contexts: the city editor, the Secretariat, four jurors and a visitor, all in Spanish (es-ES).
"""

from decimal import Decimal

import pytest
from django.core import mail
from playwright.sync_api import Page, expect

from educities.awards.domain.editions import edition_question_translate, edition_text_translate
from educities.awards.enums import ApplicationStatus, EditionPhase
from educities.awards.models import Application
from educities.core.domain.audit import audit_entries_for
from educities.experiences.enums import ExperienceStatus
from educities.members.domain.roles import role_grant_city_editor
from educities.members.enums import FeeStatus, MembershipStatus
from educities.reviews.domain.queries import process_ranking
from educities.reviews.enums import ConflictKind, ReviewPhase
from educities.reviews.models import Assignment, Conflict, Note, Review, ReviewProcess
from tests.awards.factories import edition_close_call, make_edition, make_juror
from tests.e2e.conftest import axe_serious_violations
from tests.e2e.helpers import sign_in, verified_user
from tests.experiences.factories import make_experience
from tests.factories import CityFactory, CountryFactory, FeeRecordFactory, make_pdf_bytes

pytestmark = [pytest.mark.django_db(transaction=True)]

YEAR = 2026
SPANISH = "es-ES"
THEME_ES = "La educación como fuente de inclusión y cohesión social"
TITLE = "Consejo de niñas y niños de Rosario"
ANSWERS = (
    "Las niñas y los niños de cuarto grado proponen cada año un proyecto para su barrio.",
    "Doce plazas se rediseñaron con ellos; la escuela y el municipio trabajan juntos.",
)
STATEMENT = "Una experiencia que da voz a la infancia y transforma el espacio público."
# Each juror's scores, one per criterion in their order (None: not applicable), and their totals.
SCORES = {
    "ana": [8, 7, 9, 6, 8, None],  # 38 / 5 = 7.60 (the criterion not applicable is left out)
    "bernard": [7, 7, 7, 7, 7, 7],  # 7.00
    "carla": [8, 9, 8, 9, 8, 9],  # 8.50
}
MEAN = Decimal("7.70")  # (7.60 + 7.00 + 8.50) / 3


def _assert_accessible(page: Page) -> None:
    assert axe_serious_violations(page) == [], page.url


def _submit(page: Page, button) -> None:
    """Click a submit button and wait until the page the server answers with has loaded."""
    with page.expect_navigation():
        button.click()


def _success(page: Page) -> None:
    expect(page.locator(".messages .message-success")).to_be_visible()


def test_rosario_applies_is_scored_by_a_blind_jury_and_wins_in_spanish(live_server, page_factory, settings):
    settings.STAFF_MFA_REQUIRED = False
    base = live_server.url

    # --- The world: an open edition (Madrid time), Rosario with its fees paid up, its editor and its
    # experience, the Secretariat and four jurors (the fourth from Argentina, like Rosario). ---
    edition = make_edition(
        phase=EditionPhase.OPEN,
        number=6,
        year=YEAR,
        theme="Education as a source of inclusion and social cohesion",
        time_zone="Europe/Madrid",
        questions=2,
    )
    edition_text_translate(edition=edition, field="theme", language="es", text=THEME_ES, actor=None)
    questions = list(edition.questions.order_by("position"))
    for number, question in enumerate(questions, start=1):
        edition_question_translate(
            question=question,
            language="es",
            text=f"¿Qué cambió la experiencia? ({number})",
            help_text="Dé cifras si las tiene.",
            actor=None,
        )
    argentina = CountryFactory(code="AR")
    rosario = CityFactory(
        name="Rosario", slug="rosario", country=argentina, membership_status=MembershipStatus.MEMBER
    )
    FeeRecordFactory(city=rosario, year=YEAR, status=FeeStatus.PAID)
    editor = verified_user(
        email="educacion@rosario.example.org", first_name="Lucía", last_name="Gómez", language="es"
    )
    role_grant_city_editor(user=editor, city=rosario)
    experience = make_experience(
        city=rosario,
        status=ExperienceStatus.PUBLISHED,
        original_language="es",
        title=TITLE,
        summary="Niñas y niños de 8 a 12 años aconsejan al municipio sobre el espacio público.",
    )
    staff = verified_user(staff=True, email="secretaria@example.org", language="es")
    jurors = {
        "ana": ("ES", "Barcelona", "Ana", "Puig"),
        "bernard": ("FR", "Lyon", "Bernard", "Martin"),
        "carla": ("PT", "Lisboa", "Carla", "Sousa"),
        "diego": ("AR", "Córdoba", "Diego", "Fernández"),
    }
    users, reviewers = {}, {}
    for key, (code, city_name, first, last) in jurors.items():
        city = CityFactory(name=city_name, country=CountryFactory(code=code))
        users[key] = verified_user(
            email=f"{key}@jury.example.org", first_name=first, last_name=last, language="es"
        )
        reviewers[key] = make_juror(edition=edition, user=users[key], city=city)
    process = edition.review_process
    criteria = list(process.criteria.order_by("position"))
    assert len(criteria) == len(SCORES["ana"])

    # --- The editor of Rosario applies, in Spanish. ---
    city_page = page_factory(locale=SPANISH)
    sign_in(city_page, base, editor, language="es", next_url=f"/es/award/{YEAR}/apply/")
    expect(city_page).to_have_url(f"{base}/es/award/{YEAR}/apply/")
    checks = city_page.locator("table.award-checks tbody tr")
    expect(checks).to_have_count(5)
    expect(city_page.locator("table.award-checks .check-passed")).to_have_count(5)
    expect(city_page.locator("table.award-checks .check-failed")).to_have_count(0)
    _assert_accessible(city_page)
    start = city_page.locator(f"main form[action='/es/award/{YEAR}/apply/'][method=post]")
    start.locator("select[name=experience]").select_option(str(experience.pk))
    expect(start.locator("select[name=language]")).to_have_value("es")
    _submit(city_page, start.locator("button[type=submit]"))
    application = Application.objects.get(edition=edition, city=rosario)
    expect(city_page).to_have_url(f"{base}/es/award/applications/{application.pk}/")
    _success(city_page)
    assert application.status == ApplicationStatus.DRAFT
    assert application.experience_id == experience.pk
    assert application.language == "es"

    answers_form = city_page.locator(f"form.award-form[action='/es/award/applications/{application.pk}/']")
    expect(answers_form.locator("label").filter(has_text="¿Qué cambió la experiencia? (1)")).to_be_visible()
    for question, text in zip(questions, ANSWERS, strict=True):
        answers_form.locator(f"textarea[name=answer_{question.pk}]").fill(text)
    _submit(city_page, answers_form.locator("button[type=submit]"))
    _success(city_page)
    assert dict(application.answers.values_list("question_id", "text")) == {
        question.pk: text for question, text in zip(questions, ANSWERS, strict=True)
    }

    letter_form = city_page.locator("form.upload-form")
    letter_form.locator("input[type=file][name=letter]").set_input_files(
        {"name": "carta-intendente.pdf", "mimeType": "application/pdf", "buffer": make_pdf_bytes("Carta")}
    )
    _submit(city_page, letter_form.locator("button[type=submit]"))
    _success(city_page)
    application.refresh_from_db()
    assert application.mayor_letter
    expect(city_page.locator(f"a[href='/es/award/applications/{application.pk}/letter.pdf']")).to_be_visible()
    # Every rule is met now, the letter included; nothing is missing before submitting.
    expect(city_page.locator("table.award-checks .check-failed")).to_have_count(0)
    expect(city_page.locator("table.award-checks .check-passed")).to_have_count(7)
    expect(city_page.locator(".award-submit .message-warn")).to_have_count(0)
    _assert_accessible(city_page)

    mail.outbox.clear()
    _submit(
        city_page, city_page.locator(f"form[action='/es/award/applications/{application.pk}/submit/'] button")
    )
    _success(city_page)
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED
    assert application.submitted_at is not None
    confirmations = [message for message in mail.outbox if editor.email in message.to]
    assert len(confirmations) == 1
    assert TITLE in confirmations[0].body
    assert f"/es/award/applications/{application.pk}/" in confirmations[0].body
    # The form is gone: a submitted application can no longer change.
    expect(city_page.locator("form.award-form")).to_have_count(0)

    # The deadline passes (the call closes: the edition's jury is at work).
    edition_close_call(edition=edition)

    # --- The Secretariat confirms the eligibility and sends the application to the jury. ---
    staff_page = page_factory(locale=SPANISH)
    sign_in(staff_page, base, staff, language="es", next_url=f"/es/backoffice/award/{YEAR}/applications/")
    expect(staff_page).to_have_url(f"{base}/es/backoffice/award/{YEAR}/applications/")
    row = staff_page.locator(f"#application-{application.pk}")
    expect(row).to_contain_text("Rosario")
    expect(row.locator(".rule-failed")).to_have_count(0)
    _assert_accessible(staff_page)
    _submit(
        staff_page,
        row.locator(
            f"form[action='/es/backoffice/award/{YEAR}/applications/{application.pk}/eligible/'] button"
        ),
    )
    _success(staff_page)
    application.refresh_from_db()
    assert application.status == ApplicationStatus.ELIGIBLE
    assert application.eligibility_overridden is False

    _submit(
        staff_page,
        staff_page.locator(f"form[action='/es/backoffice/award/{YEAR}/applications/send-to-jury/'] button"),
    )
    _success(staff_page)
    application.refresh_from_db()
    assert application.status == ApplicationStatus.IN_REVIEW
    item = application.review_item
    assert item is not None
    assert item.process_id == process.pk
    assert item.city_id == rosario.pk
    # Diego (Córdoba, Argentina) is conflicted automatically with the application of Rosario.
    assert list(Conflict.objects.filter(item=item).values_list("reviewer_id", "kind")) == [
        (reviewers["diego"].pk, ConflictKind.SAME_COUNTRY)
    ]

    # --- Jury management: three jurors assigned automatically, then the blind scoring opens. ---
    staff_page.goto(f"{base}/es/jury/{process.pk}/manage/")
    expect(
        staff_page.locator(f"td.cell-conflict[data-cell='{item.pk}-{reviewers['diego'].pk}']")
    ).to_be_visible()
    auto = staff_page.locator(f"form[action='/es/jury/{process.pk}/manage/assignments/auto/']")
    auto.locator("input[name=per_item]").fill("3")
    _submit(staff_page, auto.locator("button[type=submit]"))
    _success(staff_page)
    assigned = set(Assignment.objects.filter(item=item).values_list("reviewer_id", flat=True))
    assert assigned == {reviewers[key].pk for key in SCORES}
    for key in SCORES:
        expect(
            staff_page.locator(f"td.cell-assigned[data-cell='{item.pk}-{reviewers[key].pk}']")
        ).to_be_visible()
    _assert_accessible(staff_page)
    _phase_step(staff_page, process.pk, "open_scoring")
    assert ReviewProcess.objects.get(pk=process.pk).phase == ReviewPhase.BLIND

    # --- Blind scoring: three jurors score every criterion and save as complete. ---
    item_url = f"{base}/es/jury/items/{item.pk}/"
    juror_pages = {}
    for index, (key, values) in enumerate(SCORES.items()):
        page = juror_pages[key] = page_factory(locale=SPANISH)
        sign_in(page, base, users[key], language="es", next_url=f"/es/jury/{process.pk}/")
        expect(page).to_have_url(f"{base}/es/jury/{process.pk}/")
        page.locator(f"table.jury-items a[href='/es/jury/items/{item.pk}/']").click()
        expect(page).to_have_url(item_url)
        expect(page.locator(".award-subject")).to_contain_text(ANSWERS[0])
        # Blind: no other juror's scores, no discussion.
        expect(page.locator("#jury-scores")).to_have_count(0)
        if index == 0:
            _assert_accessible(page)
        form = page.locator(f"form.scoring-form[action='/es/jury/items/{item.pk}/']")
        for criterion, value in zip(criteria, values, strict=True):
            if value is None:
                form.locator(f"input[name=na_{criterion.pk}]").check()
            else:
                form.locator(f"input[name=score_{criterion.pk}]").fill(str(value))
        form.locator(f"textarea[name=comment_{criteria[0].pk}]").fill("Muy pertinente para el tema.")
        _submit(page, form.locator("button[name=action][value=complete]"))
        _success(page)
        review = Review.objects.get(item=item, reviewer=reviewers[key])
        assert review.submitted_at is not None
        scored = [value for value in values if value is not None]
        assert review.total == (Decimal(sum(scored)) / len(scored)).quantize(Decimal("0.01"))
        assert review.scores.filter(not_applicable=True).count() == values.count(None)
    assert Review.objects.filter(item=item, submitted_at__isnull=False).count() == 3
    application.refresh_from_db()
    assert application.status == ApplicationStatus.IN_REVIEW

    # The conflicted juror: no such item on the dashboard, 404 on its page.
    diego = page_factory(locale=SPANISH)
    sign_in(diego, base, users["diego"], language="es", next_url=f"/es/jury/{process.pk}/")
    expect(diego).to_have_url(f"{base}/es/jury/{process.pk}/")
    expect(diego.locator("main h1")).to_be_visible()
    expect(diego.locator(f"a[href^='/es/jury/items/{item.pk}/']")).to_have_count(0)
    expect(diego.locator("main")).not_to_contain_text(TITLE)
    assert diego.goto(item_url).status == 404
    expect(diego.locator("body")).not_to_contain_text(TITLE)

    # --- Deliberation: every score is visible; Ana writes, Bernard replies. ---
    staff_page.goto(f"{base}/es/jury/{process.pk}/manage/")
    _phase_step(staff_page, process.pk, "deliberate")
    assert ReviewProcess.objects.get(pk=process.pk).phase == ReviewPhase.DELIBERATION

    ana = juror_pages["ana"]
    ana.goto(item_url)
    expect(ana.locator("table.jury-scores tbody tr")).to_have_count(3)
    expect(ana.locator("table.jury-scores tfoot")).to_contain_text("7,70")
    note_form = ana.locator("#note-form")
    note_form.locator("textarea[name=body]").fill("Propongo esta experiencia como ganadora.")
    _submit(ana, note_form.locator("button[type=submit]"))
    _success(ana)
    note = Note.objects.get(item=item)
    assert note.author_id == users["ana"].pk
    assert note.parent_id is None

    bernard = juror_pages["bernard"]
    bernard.goto(item_url)
    thread = bernard.locator("ol.notes")
    expect(thread.locator(f"#note-{note.pk}")).to_contain_text("Propongo esta experiencia como ganadora.")
    reply = thread.locator(f"#note-{note.pk} details.note-reply")
    reply.locator("summary").click()
    reply.locator(f"#reply-{note.pk}").fill("De acuerdo: el impacto en los barrios es claro.")
    _submit(bernard, reply.locator("button[type=submit]"))
    _success(bernard)
    answer = Note.objects.get(item=item, parent=note)
    assert answer.author_id == users["bernard"].pk

    ana.goto(item_url)
    expect(ana.locator("ol.notes > li")).to_have_count(2)
    expect(ana.locator(f"#note-{answer.pk}")).to_contain_text(
        "De acuerdo: el impacto en los barrios es claro."
    )
    expect(ana.locator(f"#note-{answer.pk} a[href='#note-{note.pk}']")).to_be_visible()
    _assert_accessible(ana)
    # Still nothing for the conflicted juror, even now that every juror sees every item.
    assert diego.goto(item_url).status == 404
    diego.goto(f"{base}/es/jury/{process.pk}/")
    expect(diego.locator(f"a[href^='/es/jury/items/{item.pk}/']")).to_have_count(0)

    # --- Decision: the ranking, the winner with its statement, the results published. ---
    staff_page.goto(f"{base}/es/jury/{process.pk}/manage/")
    _phase_step(staff_page, process.pk, "decide")
    assert ReviewProcess.objects.get(pk=process.pk).phase == ReviewPhase.DECISION
    ranking = process_ranking(process=process)
    assert [(ranked.rank, ranked.item.pk, ranked.aggregate.reviews) for ranked in ranking] == [
        (1, item.pk, 3)
    ]
    assert ranking[0].aggregate.mean.quantize(Decimal("0.01")) == MEAN

    staff_page.goto(f"{base}/es/jury/{process.pk}/ranking/")
    first = staff_page.locator("table.ranking tbody tr").first
    expect(staff_page.locator("table.ranking tbody tr")).to_have_count(1)
    expect(first.locator("td").nth(0)).to_have_text("1")
    expect(first.locator("th")).to_contain_text(TITLE)
    expect(first.locator("td").nth(1)).to_have_text("3")
    expect(first.locator("td").nth(2)).to_have_text("7,70")
    _assert_accessible(staff_page)

    staff_page.goto(f"{base}/es/backoffice/award/{YEAR}/decision/")
    decision_row = staff_page.locator(f"tr#application-{application.pk}")
    expect(decision_row.locator("td").first).to_have_text("1")
    expect(decision_row).to_contain_text("7,70")
    _assert_accessible(staff_page)
    decide = decision_row.locator("form.decision-form")
    decide.locator(f"select[name='decide-{application.pk}-result']").select_option(ApplicationStatus.WINNER)
    decide.locator(f"textarea[name='decide-{application.pk}-statement']").fill(STATEMENT)
    _submit(staff_page, decide.locator("button[type=submit]"))
    _success(staff_page)
    application.refresh_from_db()
    assert application.status == ApplicationStatus.WINNER
    assert application.statement == STATEMENT
    _submit(
        staff_page, staff_page.locator(f"form[action='/es/backoffice/award/{YEAR}/decision/publish/'] button")
    )
    _success(staff_page)
    edition.refresh_from_db()
    assert edition.results_published_at is not None
    assert ReviewProcess.objects.get(pk=process.pk).phase == ReviewPhase.CLOSED
    experience.refresh_from_db()
    assert experience.is_award_winning is True
    application.refresh_from_db()
    assert application.certificate_number
    expect(
        staff_page.locator(f"#certificates a[href='/es/award/applications/{application.pk}/certificate.pdf']")
    ).to_be_visible()

    # The application's audit trail, step by step, with who took each step.
    assert [(entry.action, entry.actor_id) for entry in audit_entries_for(subject=application)] == [
        ("create", editor.pk),
        ("letter_attach", editor.pk),
        ("submit", editor.pk),
        ("confirm_eligible", staff.pk),
        ("send_to_jury", staff.pk),
        ("award", staff.pk),
    ]
    assert Review.objects.filter(item=item).count() == 3
    assert not Review.objects.filter(item=item, reviewer=reviewers["diego"]).exists()

    # The city learns the result: its application is a winner, with its certificate.
    city_page.goto(f"{base}/es/award/applications/{application.pk}/")
    expect(
        city_page.locator(f"a[href='/es/award/applications/{application.pk}/certificate.pdf']")
    ).to_be_visible()
    expect(city_page.locator("main")).to_contain_text(STATEMENT)

    # --- A Spanish visitor: the edition's page names the winner; the bank's award facet lists it. ---
    visitor = page_factory(locale=SPANISH)
    visitor.goto(f"{base}/es/award/{YEAR}/")
    expect(visitor.locator("h1")).to_have_text(THEME_ES)
    winners = visitor.locator("section[aria-labelledby=results-winners]")
    expect(winners.locator(".result-card")).to_have_count(1)
    expect(winners.locator(".result-card h4")).to_have_text("Rosario")
    experience_link = winners.get_by_role("link", name=TITLE)
    expect(experience_link).to_have_attribute("href", f"/es/experiences/{experience.slug}/")
    expect(winners).to_contain_text(STATEMENT)
    _assert_accessible(visitor)
    visitor.locator("a[href='/es/experiences/?award=yes']").click()
    expect(visitor).to_have_url(f"{base}/es/experiences/?award=yes")
    result = visitor.get_by_role("link", name=TITLE)
    expect(result).to_be_visible()
    _assert_accessible(visitor)
    result.click()
    expect(visitor).to_have_url(f"{base}/es/experiences/{experience.slug}/")
    expect(visitor.locator("h1")).to_have_text(TITLE)


def _phase_step(page: Page, process_id: int, step: str) -> None:
    """On the jury management page, take the phase ``step`` (its own form, with a hidden ``step``)."""
    form = page.locator(
        f"form[action='/es/jury/{process_id}/manage/phase/']",
        has=page.locator(f"input[name=step][value={step}]"),
    )
    _submit(page, form.locator("button[type=submit]"))
    _success(page)
