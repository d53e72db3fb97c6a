"""The city editor's guided form, from the first title to the submission, and the pages around it."""

import pytest
from django.urls import reverse
from django.utils import translation

from educities.core.models import AuditEntry
from educities.experiences.domain.translations import experience_translation_save
from educities.experiences.domain.values import experience_values
from educities.experiences.domain.workflow import experience_transition
from educities.experiences.enums import ExperienceStatus
from educities.experiences.models import Experience
from educities.members.enums import MembershipStatus
from tests.experiences.factories import experience_values_complete, make_experience, make_translator
from tests.experiences.views.helpers import flash, login, state
from tests.factories import (
    CharterPrincipleFactory,
    CityFactory,
    ContactFactory,
    StaffFactory,
    make_city_editor,
)

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def _edit(experience, step):
    return reverse("experiences:edit", kwargs={"slug": experience.slug, "step": step})


def _step(experience, action):
    return reverse("experiences:step", kwargs={"slug": experience.slug, "action": action})


def _manage(experience):
    return reverse("experiences:manage", kwargs={"slug": experience.slug})


BASICS = {
    "original_language": "pt",
    "title": "Conselho das crianças",
    "summary": "Crianças de 8 a 12 anos aconselham a câmara.\nTodos os meses.",
    "start_date": "2019-09-01",
    "end_date": "",
    "is_ongoing": "on",
    "budget_range": "10k-50k",
    "then": "continue",
}


# --- Starting -----------------------------------------------------------------------------------------


def test_new_with_one_city_hides_the_choice_and_creates_a_draft(client):
    city = CityFactory(name="Braga")
    editor = make_city_editor(city)
    login(client, editor)

    page = client.get(reverse("experiences:new"))
    response = client.post(
        reverse("experiences:new"), {"city": city.pk, "original_language": "pt", "title": " Conselho "}
    )

    html = page.content.decode()
    assert f'<input type="hidden" name="city" value="{city.pk}"' in html
    assert "City: <strong>Braga</strong>" in html
    experience = Experience.objects.get()
    assert response.status_code == 302
    assert response.url == _edit(experience, "basics")
    assert (experience.city, experience.status, experience.title, experience.original_language) == (
        city,
        ExperienceStatus.DRAFT,
        "Conselho",
        "pt",
    )
    assert experience.created_by == editor
    assert experience.slug == "conselho-braga"
    assert flash(response) == ["The draft is saved. Continue with the other steps when you like."]


def test_new_with_several_cities_offers_only_member_cities_the_user_edits(client):
    first, second = CityFactory(name="Braga"), CityFactory(name="Évora")
    applied = CityFactory(name="Applicant", membership_status=MembershipStatus.APPLIED)
    someone_elses = CityFactory(name="Elsewhere")
    editor = make_city_editor(first)
    from educities.members.domain.roles import role_grant_city_editor

    role_grant_city_editor(user=editor, city=second)
    role_grant_city_editor(user=editor, city=applied)
    login(client, editor)

    page = client.get(reverse("experiences:new"))
    refused = client.post(
        reverse("experiences:new"),
        {"city": someone_elses.pk, "original_language": "en", "title": "Mine"},
    )
    created = client.post(
        reverse("experiences:new"), {"city": second.pk, "original_language": "en", "title": "Mine"}
    )

    choices = page.context["form"].fields["city"].choices
    assert choices == [(first.pk, "Braga"), (second.pk, "Évora")]
    assert refused.status_code == 200
    assert "Select a valid choice." in refused.content.decode()
    assert list(Experience.objects.values_list("city__name", flat=True)) == ["Évora"]
    assert created.status_code == 302


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"original_language": "en", "title": ""}, "title", "This field is required."),
        ({"original_language": "xx", "title": "A"}, "original_language", "Select a valid choice."),
        ({"original_language": "en", "title": "A\x07B"}, "title", "Remove the control characters"),
        ({"original_language": "en", "title": "x" * 100_000}, "title", "at most 200 characters"),
    ],
)
def test_new_refuses_bad_input_and_creates_nothing(client, data, field, message):
    city = CityFactory()
    login(client, make_city_editor(city))

    response = client.post(reverse("experiences:new"), {"city": city.pk, **data})

    assert response.status_code == 200
    assert any(message in error for error in response.context["form"].errors[field])
    assert Experience.objects.count() == 0


# --- The steps ----------------------------------------------------------------------------------------


def test_step_indicator_marks_the_current_step(client):
    experience = make_experience()
    login(client, make_city_editor(experience.city))

    html = client.get(_edit(experience, "classification")).content.decode()

    assert html.count('aria-current="step"') == 1
    assert (
        f'<li class="current"><a href="{_edit(experience, "classification")}" aria-current="step">'
        '<span class="visually-hidden">Step 3: </span>Classification</a></li>'
    ) in html
    assert "Step 3 of 6: Classification" in html


def test_basics_save_and_continue_goes_to_the_next_step(client):
    experience = make_experience(title="Old title")
    login(client, make_city_editor(experience.city))

    response = client.post(_edit(experience, "basics"), BASICS)

    assert response.status_code == 302
    assert response.url == _edit(experience, "description")
    values = experience_values(Experience.objects.get(pk=experience.pk))
    assert {key: values[key] for key in ("original_language", "title", "summary", "start_date")} == {
        "original_language": "pt",
        "title": "Conselho das crianças",
        "summary": "Crianças de 8 a 12 anos aconselham a câmara.\nTodos os meses.",
        "start_date": "2019-09-01",
    }
    assert (values["end_date"], values["is_ongoing"], values["budget_range"]) == (None, True, "10k-50k")
    assert flash(response) == ["The draft is saved."]


def test_save_draft_stays_on_the_step(client):
    experience = make_experience()
    login(client, make_city_editor(experience.city))

    response = client.post(_edit(experience, "basics"), {**BASICS, "then": "stay"})

    assert response.url == _edit(experience, "basics")


def test_basics_page_shows_the_working_values(client):
    experience = make_experience(title="Consell d'infants", summary="Resum", start_date="2020-01-31")
    login(client, make_city_editor(experience.city))

    form = client.get(_edit(experience, "basics")).context["form"]

    assert form.initial["title"] == "Consell d'infants"
    assert form.initial["summary"] == "Resum"
    assert form["start_date"].value() == "2020-01-31"


def test_description_turns_plain_paragraphs_into_rich_text_and_sanitises_html(client):
    experience = make_experience()
    login(client, make_city_editor(experience.city))

    response = client.post(
        _edit(experience, "description"),
        {
            "context": "First paragraph & more.\nSame paragraph.\n\nSecond paragraph.",
            "objectives": "<p>Give <strong>children</strong> a voice.</p><script>alert(1)</script>",
            "actions": "<ul><li>Elections</li><li>Monthly meetings</li></ul>",
            "results": "",
            "lessons": '<p><a href="https://example.org/x" onclick="x()">Guide</a></p>',
            "then": "continue",
        },
    )

    assert response.url == _edit(experience, "classification")
    saved = Experience.objects.get(pk=experience.pk)
    assert saved.context == "<p>First paragraph &amp; more.<br>Same paragraph.</p><p>Second paragraph.</p>"
    assert saved.objectives == "<p>Give <strong>children</strong> a voice.</p>"
    assert saved.actions == "<ul><li>Elections</li><li>Monthly meetings</li></ul>"
    assert saved.results == ""
    assert saved.lessons == (
        '<p><a href="https://example.org/x" rel="noopener noreferrer nofollow">Guide</a></p>'
    )


def test_classification_saves_codes_and_principles(client):
    experience = make_experience(themes=[], sdgs=[], departments=[], target_groups=[])
    CharterPrincipleFactory(number=1)
    CharterPrincipleFactory(number=2)
    login(client, make_city_editor(experience.city))

    page = client.get(_edit(experience, "classification"))
    response = client.post(
        _edit(experience, "classification"),
        {
            "themes": ["participation", "culture"],
            "target_groups": ["families"],
            "sdgs": ["16", "4"],
            "principles": ["2"],
            "departments": ["youth", "education"],
        },
    )

    html = page.content.decode()
    assert "<legend>Themes</legend>" in html
    assert "<legend>The right to the educating city</legend>" in html
    assert response.status_code == 302
    values = experience_values(Experience.objects.get(pk=experience.pk))
    assert (values["themes"], values["target_groups"], values["sdgs"]) == (
        ["participation", "culture"],
        ["families"],
        ["4", "16"],
    )
    assert (values["principles"], values["departments"]) == ([2], ["education", "youth"])


def test_people_saves_contact_partners_and_links_and_ignores_blank_rows(client):
    experience = make_experience(partners=[], links=[])
    contact = ContactFactory(city=experience.city, full_name="Ana Lima", position="Education")
    ContactFactory(city=experience.city, full_name="Hidden Person", is_public=False)
    login(client, make_city_editor(experience.city))

    page = client.get(_edit(experience, "people"))
    response = client.post(
        _edit(experience, "people"),
        {
            "contact": str(contact.pk),
            "partner_0_name": "Universidade do Minho",
            "partner_0_kind": "university",
            "partner_1_name": "",
            "partner_1_kind": "",
            "partner_2_name": "  ",
            "partner_2_kind": "school",
            "partner_3_name": "Associação de Pais",
            "partner_3_kind": "civil_society",
            "link_0_url": "",
            "link_0_label": "",
            "link_1_url": "https://example.org/conselho",
            "link_1_label": "O conselho",
        },
    )

    assert page.context["form"].fields["contact"].choices[1:] == [(contact.pk, "Ana Lima (Education)")]
    assert "Hidden Person" not in page.content.decode()
    assert response.status_code == 302
    values = experience_values(Experience.objects.get(pk=experience.pk))
    assert values["contact"] == contact.pk
    assert values["partners"] == [
        {"name": "Universidade do Minho", "kind": "university"},
        {"name": "Associação de Pais", "kind": "civil_society"},
    ]
    assert values["links"] == [{"url": "https://example.org/conselho", "label": "O conselho"}]


def test_people_shows_written_rows_and_three_blank_ones(client):
    experience = make_experience(
        partners=[{"name": "A", "kind": "school"}, {"name": "B", "kind": "media"}], links=[]
    )
    login(client, make_city_editor(experience.city))

    form = client.get(_edit(experience, "people")).context["form"]

    assert (form.partner_rows, form.link_rows) == (5, 3)
    assert form.initial["partner_1_name"] == "B"


@pytest.mark.parametrize(
    ("step", "data", "field", "message"),
    [
        (
            "basics",
            {**BASICS, "end_date": "2019-01-01", "is_ongoing": ""},
            "end_date",
            "The end date cannot be before the start date.",
        ),
        (
            "basics",
            {**BASICS, "end_date": "2020-01-01"},
            "end_date",
            "An ongoing experience has no end date.",
        ),
        ("basics", {**BASICS, "start_date": "2019-02-30"}, "start_date", "Enter a valid date."),
        (
            "basics",
            {**BASICS, "title": "x" * 100_000},
            "title",
            "This text is too long (at most 200 characters).",
        ),
        (
            "basics",
            {**BASICS, "title": "Tab\there"},
            "title",
            "Remove the control characters from this text.",
        ),
        (
            "basics",
            {**BASICS, "summary": "Bell\x07"},
            "summary",
            "Remove the control characters from this text.",
        ),
        (
            "basics",
            {**BASICS, "summary": "s" * 801},
            "summary",
            "This text is too long (at most 800 characters).",
        ),
        ("basics", {**BASICS, "budget_range": "a lot"}, "budget_range", "Select a valid choice."),
        ("basics", {**BASICS, "original_language": "de"}, "original_language", "Select a valid choice."),
        (
            "description",
            {"context": "<p>" + "x" * 60_001 + "</p>"},
            "context",
            "This text is too long (at most 60000 characters).",
        ),
        (
            "classification",
            {"themes": ["participation", "astrology"]},
            "themes",
            "Select a valid choice. astrology is not one of the available choices.",
        ),
        (
            "classification",
            {"sdgs": ["18"]},
            "sdgs",
            "Select a valid choice. 18 is not one of the available choices.",
        ),
        (
            "classification",
            {"principles": ["99"]},
            "principles",
            "Select a valid choice. 99 is not one of the available choices.",
        ),
    ],
)
def test_step_refuses_bad_input_shows_the_error_by_the_field_and_changes_nothing(
    client, step, data, field, message
):
    experience = make_experience()
    CharterPrincipleFactory(number=1)
    login(client, make_city_editor(experience.city))
    before = state(experience)

    response = client.post(_edit(experience, step), data)

    assert response.status_code == 200
    assert any(message in error for error in response.context["form"].errors[field])
    html = response.content.decode()
    assert "Nothing was saved. Please correct the errors below." in html
    assert 'aria-invalid="true"' in html
    assert state(experience) == before


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"partner_0_name": "Escola", "partner_0_kind": ""}, "Partner 1: choose a kind of partner."),
        ({"partner_0_name": "Escola", "partner_0_kind": "cult"}, "Select a valid choice."),
        (
            {"partner_0_name": "Bad\x1bname", "partner_0_kind": "school"},
            "Partner 1: the name is too long or has control characters.",
        ),
        (
            {"link_0_url": "javascript:alert(1)", "link_0_label": "x"},
            "Link 1: enter a web address starting with http:// or https://.",
        ),
        (
            {"link_0_url": "ftp://example.org/", "link_0_label": ""},
            "Link 1: enter a web address starting with http:// or https://.",
        ),
        (
            {"link_0_url": "", "link_0_label": "A label without address"},
            "Link 1: enter a web address starting with http:// or https://.",
        ),
        (
            {"link_0_url": "https://example.org/", "link_0_label": "l" * 201},
            "Link 1: the label is too long or has control characters.",
        ),
    ],
)
def test_people_refuses_bad_rows_and_changes_nothing(client, data, message):
    experience = make_experience()
    login(client, make_city_editor(experience.city))
    before = state(experience)

    response = client.post(_edit(experience, "people"), data)

    assert response.status_code == 200
    assert message in response.content.decode().replace("&#x27;", "'") or message in str(
        response.context["form"].errors
    )
    assert state(experience) == before


def test_people_refuses_too_many_partners(client):
    experience = make_experience()
    login(client, make_city_editor(experience.city))
    before = state(experience)
    data = {}
    for index in range(45):
        data[f"partner_{index}_name"] = f"Partner {index}"
        data[f"partner_{index}_kind"] = "school"

    response = client.post(_edit(experience, "people"), data)

    assert response.status_code == 200
    assert response.context["form"].list_errors == {"partners": ["At most 40 entries."]}
    assert state(experience) == before


@pytest.mark.parametrize("contact_kind", ["other_city", "without_consent", "unknown", "junk"])
def test_people_refuses_contact_of_another_city_or_without_consent(client, contact_kind):
    experience = make_experience()
    values = {
        "other_city": lambda: str(ContactFactory().pk),
        "without_consent": lambda: str(ContactFactory(city=experience.city, is_public=False).pk),
        "unknown": lambda: "999999",
        "junk": lambda: "1 OR 1=1",
    }
    contact = values[contact_kind]()
    login(client, make_city_editor(experience.city))
    before = state(experience)

    response = client.post(_edit(experience, "people"), {"contact": contact})

    assert response.status_code == 200
    assert response.context["form"].errors["contact"] == [
        f"Select a valid choice. {contact} is not one of the available choices."
    ]
    assert state(experience) == before


def test_unknown_step_is_404(client):
    experience = make_experience()
    login(client, make_city_editor(experience.city))

    assert client.get(_edit(experience, "payment")).status_code == 404


def test_review_lists_what_is_missing_and_offers_no_submission_until_complete(client):
    experience = make_experience(summary="", actions="", themes=[], start_date=None)
    login(client, make_city_editor(experience.city))

    response = client.get(_edit(experience, "review"))

    assert response.context["missing"] == [
        "summary",
        "actions and methodology",
        "at least one theme",
        "start date",
    ]
    html = response.content.decode()
    assert "Before you can submit, complete:" in html
    assert "<li>at least one theme</li>" in html
    # The button is there (the domain refuses): the city sees why in the message.
    refused = client.post(_step(experience, "submit"), {"next": _edit(experience, "review")})
    assert refused.url == _edit(experience, "review")
    assert flash(refused) == [
        "Before submitting, complete: summary, actions and methodology, at least one theme, start date."
    ]
    assert Experience.objects.get(pk=experience.pk).status == ExperienceStatus.DRAFT


def test_review_previews_every_value(client):
    CharterPrincipleFactory(number=4, labels={"en": "Principle four"})
    experience = make_experience(
        original_language="fr",
        title="Conseil des enfants",
        principles=[4],
        budget_range="lt10k",
        end_date="2021-06-30",
    )
    contact = ContactFactory(city=experience.city, full_name="Léa Martin", position="")
    from educities.experiences.domain.drafts import experience_draft_save

    experience_draft_save(actor=None, experience=experience, values={"contact": contact.pk})
    login(client, make_city_editor(experience.city))

    html = client.get(_edit(experience, "review")).content.decode()

    assert '<h4 class="preview-title" lang="fr">Conseil des enfants</h4>' in html
    assert "Children aged 8 to 12 advise the city council on public space." in html
    assert (
        '<div class="richtext" lang="fr">'
        "<p>Twenty schools elect two delegates each; the council meets monthly.</p></div>"
    ) in html
    assert "<li>Children’s and young people’s participation</li>" in html
    assert "<li>4. Quality education</li>" in html
    assert "<li>4. Principle four</li>" in html
    assert "<li>Education</li>" in html
    assert "<li>Urban planning</li>" in html
    assert '<span lang="fr">Escola Básica</span> <span class="muted">(School)</span>' in html
    assert (
        '<a href="https://example.org/council" rel="noopener noreferrer nofollow" lang="fr">The council</a>'
        in html
    )
    assert "Léa Martin" in html
    assert "Under 10,000 EUR" in html
    assert "Sept. 1, 2019 – June 30, 2021" in html
    assert "Everything needed is written." in html


def test_submit_from_the_review_step(client, mailoutbox):
    experience = make_experience()
    editor = make_city_editor(experience.city)
    login(client, editor)

    html = client.get(_edit(experience, "review")).content.decode()
    response = client.post(_step(experience, "submit"), {"next": _manage(experience)})

    assert f'action="{_step(experience, "submit")}"' in html
    assert response.status_code == 302
    assert response.url == _manage(experience)
    assert Experience.objects.get(pk=experience.pk).status == ExperienceStatus.SUBMITTED
    assert flash(response) == ["The experience is submitted. The Secretariat will review it."]
    assert AuditEntry.objects.filter(action="submit", actor=editor).count() == 1


def test_edit_of_a_submitted_experience_sends_to_the_manage_page(client):
    experience = make_experience(status=ExperienceStatus.SUBMITTED)
    login(client, make_city_editor(experience.city))
    before = state(experience)

    page = client.get(_edit(experience, "basics"))
    posted = client.post(_edit(experience, "basics"), BASICS)

    assert (page.status_code, page.url) == (302, _manage(experience))
    assert (posted.status_code, posted.url) == (302, _manage(experience))
    assert flash(page) == ["This experience is being reviewed: withdraw it from review before changing it."]
    assert state(experience) == before


def test_changes_requested_shows_the_comment_on_the_form(client):
    experience = make_experience(status=ExperienceStatus.SUBMITTED)
    experience_transition(
        experience=experience, action="request_changes", actor=StaffFactory(), comment="Add <b>figures</b>."
    )
    login(client, make_city_editor(experience.city))

    html = client.get(_edit(experience, "basics")).content.decode()

    assert "The Secretariat asks for changes" in html
    assert "<blockquote>Add &lt;b&gt;figures&lt;/b&gt;.</blockquote>" in html


# --- My experiences, manage, steps -------------------------------------------------------------------


def test_mine_lists_the_experiences_of_my_cities_with_their_actions(client):
    city = CityFactory(name="Braga")
    draft = make_experience(city=city, title="Draft one")
    submitted = make_experience(city=city, status=ExperienceStatus.SUBMITTED, title="Submitted one")
    rejected = make_experience(city=city, status=ExperienceStatus.REJECTED, title="Rejected one")
    published = make_experience(city=city, status=ExperienceStatus.PUBLISHED, title="Published one")
    make_experience(title="Someone else's")
    login(client, make_city_editor(city))

    response = client.get(reverse("experiences:mine"))

    rows = {row["experience"].title: row for row in response.context["rows"]}
    assert set(rows) == {"Draft one", "Submitted one", "Rejected one", "Published one"}
    assert [action for action, _label in rows["Draft one"]["actions"]] == ["submit"]
    assert [action for action, _label in rows["Submitted one"]["actions"]] == ["withdraw"]
    assert [action for action, _label in rows["Rejected one"]["actions"]] == ["revise"]
    assert [action for action, _label in rows["Published one"]["actions"]] == ["archive"]
    assert (rows["Draft one"]["can_edit"], rows["Submitted one"]["can_edit"]) == (True, False)
    html = response.content.decode()
    assert f'href="{_edit(published, "basics")}"' in html
    assert f'href="{_edit(submitted, "basics")}"' not in html
    assert f'action="{_step(draft, "submit")}"' in html
    assert f'action="{_step(rejected, "revise")}"' in html
    assert "Write a new experience" in html
    assert "Someone else" not in html


def test_mine_query_count_does_not_grow_with_experiences(client, django_assert_num_queries):
    city = CityFactory()
    editor = make_city_editor(city)
    make_experience(city=city, status=ExperienceStatus.PUBLISHED)
    login(client, editor)
    client.get(reverse("experiences:mine"))  # warm the content-type and session caches

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as one:
        client.get(reverse("experiences:mine"))
    for _number in range(3):
        make_experience(city=city, status=ExperienceStatus.PUBLISHED)
    from educities.experiences.domain.drafts import experience_draft_save

    experience_draft_save(actor=None, experience=Experience.objects.first(), values={"summary": "New."})

    with django_assert_num_queries(len(one.captured_queries)):
        response = client.get(reverse("experiences:mine"))
    assert len(response.context["rows"]) == 4


def test_mine_for_staff_links_to_the_moderation_queue_when_it_exists(client):
    login(client, StaffFactory())

    response = client.get(reverse("experiences:mine"))

    assert response.status_code == 200
    assert response.context["rows"] == []
    from django.urls import NoReverseMatch

    try:
        url = reverse("experiences:moderation")
    except NoReverseMatch:
        url = None
    html = response.content.decode()
    if url:
        assert f'href="{url}"' in html
    assert "Your cities have no experience yet." not in html


def test_mine_for_a_plain_user_is_empty_without_new_button(client):
    from tests.factories import UserFactory

    login(client, UserFactory())

    response = client.get(reverse("experiences:mine"))

    assert response.context["rows"] == []
    assert response.context["can_add"] is False
    assert "Write a new experience" not in response.content.decode()


def test_manage_shows_status_comments_history_and_steps(client):
    experience = make_experience(status=ExperienceStatus.SUBMITTED)
    staff = StaffFactory(first_name="Mireia", last_name="Secretariat")
    experience_transition(
        experience=experience, action="request_changes", actor=staff, comment="Please add results."
    )
    editor = make_city_editor(experience.city, first_name="Ana", last_name="Lima")
    login(client, editor)
    client.post(_step(experience, "withdraw"))

    response = client.get(_manage(experience))

    html = response.content.decode()
    assert [entry.comment for entry in response.context["comments"]] == ["Please add results."]
    assert [item["label"] for item in response.context["history"]] == [
        "started",
        "submitted",
        "changes requested",
        "withdrawn from review",
    ]
    assert "<td>the Secretariat</td>" in html
    assert "<td>Ana Lima</td>" in html
    assert "Mireia" not in html
    assert [action for action, _label in response.context["actions"]] == ["submit"]
    assert f'href="{_edit(experience, "basics")}"' in html


def test_step_withdraw_revise_archive(client):
    editor_city = CityFactory()
    editor = make_city_editor(editor_city)
    submitted = make_experience(city=editor_city, status=ExperienceStatus.SUBMITTED)
    rejected = make_experience(city=editor_city, status=ExperienceStatus.REJECTED)
    published = make_experience(city=editor_city, status=ExperienceStatus.PUBLISHED)
    login(client, editor)

    client.post(_step(submitted, "withdraw"))
    client.post(_step(rejected, "revise"))
    response = client.post(_step(published, "archive"), {"next": reverse("experiences:mine")})

    statuses = dict(Experience.objects.values_list("pk", "status"))
    assert (statuses[submitted.pk], statuses[rejected.pk], statuses[published.pk]) == (
        ExperienceStatus.DRAFT,
        ExperienceStatus.DRAFT,
        ExperienceStatus.ARCHIVED,
    )
    assert response.url == reverse("experiences:mine")


def test_step_not_allowed_from_the_state_shows_a_message_and_changes_nothing(client):
    experience = make_experience()
    login(client, make_city_editor(experience.city))
    before = state(experience)

    response = client.post(_step(experience, "archive"))

    assert response.url == _manage(experience)
    assert flash(response) == [f"“{experience.title}” cannot go from “draft” to “archived”."]
    assert state(experience) == before


def test_step_of_the_moderators_is_403_for_an_editor(client):
    experience = make_experience(status=ExperienceStatus.SUBMITTED)
    login(client, make_city_editor(experience.city))

    response = client.post(_step(experience, "publish"))

    assert response.status_code == 403
    assert Experience.objects.get(pk=experience.pk).status == ExperienceStatus.SUBMITTED


def test_step_for_staff_takes_moderation_steps_with_a_comment(client):
    experience = make_experience(status=ExperienceStatus.SUBMITTED)
    login(client, StaffFactory())

    without = client.post(_step(experience, "reject"))
    rejected = client.post(_step(experience, "reject"), {"comment": "Not an educating practice."})

    assert flash(without) == ["Tell the city why: a comment is required for this step."]
    assert rejected.status_code == 302
    assert Experience.objects.get(pk=experience.pk).status == ExperienceStatus.REJECTED
    assert AuditEntry.objects.get(action="reject").comment == "Not an educating practice."


@pytest.mark.parametrize("action", ["delete", "revision_archive", "revision_", "submit;drop"])
def test_step_unknown_action_is_404(client, action):
    experience = make_experience()
    login(client, make_city_editor(experience.city))

    assert client.post(_step(experience, action)).status_code == 404


def test_step_get_is_405(client):
    experience = make_experience()
    login(client, make_city_editor(experience.city))

    assert client.get(_step(experience, "submit")).status_code == 405


@pytest.mark.parametrize(
    "target", ["https://evil.example/phish", "//evil.example/", "javascript:alert(1)", "\\\\evil.example"]
)
def test_step_ignores_an_unsafe_next(client, target):
    experience = make_experience()
    login(client, make_city_editor(experience.city))

    response = client.post(_step(experience, "submit"), {"next": target})

    assert response.url == _manage(experience)


@pytest.mark.parametrize("comment", ["x" * 5001, "NUL\x00byte", "bell\x07"])
def test_step_refuses_a_bad_comment_and_changes_nothing(client, comment):
    experience = make_experience(status=ExperienceStatus.SUBMITTED)
    login(client, StaffFactory())
    before = state(experience)

    response = client.post(_step(experience, "request_changes"), {"comment": comment})

    assert response.status_code == 302
    assert flash(response) == ["The comment is too long (at most 5000 characters) or has control characters."]
    assert state(experience) == before


def test_revision_step_without_an_open_revision_says_so(client):
    experience = make_experience(status=ExperienceStatus.PUBLISHED)
    login(client, make_city_editor(experience.city))

    response = client.post(_step(experience, "revision_submit"))

    assert flash(response) == ["This experience has no pending changes."]


def test_whole_flow_from_new_to_submitted(client):
    city = CityFactory(name="Braga")
    editor = make_city_editor(city)
    CharterPrincipleFactory(number=1)
    login(client, editor)

    created = client.post(
        reverse("experiences:new"), {"city": city.pk, "original_language": "pt", "title": "T"}
    )
    experience = Experience.objects.get()
    steps = [
        ("basics", BASICS),
        ("description", {"context": "Contexto.", "actions": "Eleições em 20 escolas.", "then": "continue"}),
        ("classification", {"themes": ["children_participation"], "principles": ["1"], "then": "continue"}),
        ("people", {"partner_0_name": "Escola", "partner_0_kind": "school", "then": "continue"}),
    ]
    urls = [created.url]
    for step, data in steps:
        urls.append(client.post(_edit(experience, step), data).url)
    review = client.get(_edit(experience, "review"))
    submitted = client.post(_step(experience, "submit"), {"next": _manage(experience)})

    assert urls == [
        _edit(experience, step) for step in ("basics", "description", "classification", "people", "files")
    ]
    assert review.context["missing"] == []
    assert submitted.url == _manage(experience)
    experience.refresh_from_db()
    assert experience.status == ExperienceStatus.SUBMITTED
    expected = experience_values_complete(
        original_language="pt",
        title="Conselho das crianças",
        summary=BASICS["summary"],
        context="<p>Contexto.</p>",
        objectives="",
        actions="<p>Eleições em 20 escolas.</p>",
        results="",
        lessons="",
        start_date="2019-09-01",
        end_date=None,
        is_ongoing=True,
        budget_range="10k-50k",
        contact=None,
        principles=[1],
        themes=["children_participation"],
        target_groups=[],
        sdgs=[],
        departments=[],
        partners=[{"name": "Escola", "kind": "school"}],
        links=[],
    )
    assert experience_values(experience) == expected


def test_manage_history_names_translations_without_the_translators_address(client):
    experience = make_experience(status=ExperienceStatus.PUBLISHED)
    translator = make_translator(first_name="", last_name="", email="volunteer@translators.example.org")
    experience_translation_save(
        experience=experience, field="title", language="fr", text="Conseil des enfants", actor=translator
    )
    login(client, make_city_editor(experience.city))

    response = client.get(_manage(experience))

    html = response.content.decode()
    assert [(item["label"], item["actor"], item["comment"]) for item in response.context["history"]][-1] == (
        "translation saved",
        "a translator",
        "Title, in French",
    )
    assert "volunteer@translators.example.org" not in html
    assert "translation_save" not in html
