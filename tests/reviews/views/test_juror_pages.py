"""The jurors' pages: the processes they sit on, their dashboard, an item with the jury's scores and
discussion from the deliberation on, the discussion's notes and declared conflicts."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from educities.reviews.domain.processes import process_phase_change
from educities.reviews.domain.scoring import note_add
from educities.reviews.enums import ConflictKind, ConflictSource, ReviewPhase
from educities.reviews.models import Assignment, Conflict, Note
from tests.factories import CityFactory, UserFactory
from tests.reviews.factories import assign, make_item, make_juror, make_process, make_review, process_walk
from tests.reviews.subjects_support import city_subject, db_state, item_url, jury_world

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.fixture(autouse=True)
def _cities_are_subjects():
    with city_subject():
        yield


# --- jury/ ---------------------------------------------------------------------------------------------


def test_home_lists_the_processes_the_user_sits_on(client):
    mine = make_process(name="Award 2026")
    make_process(name="Someone else's jury")
    juror = make_juror(mine)
    client.force_login(juror.user)

    html = client.get(reverse("jury:home")).content.decode()

    assert f'href="{reverse("jury:dashboard", args=[mine.pk])}"' in html
    assert "Award 2026" in html
    assert "Someone else&#x27;s jury" not in html
    assert "You are not a juror of any review." not in html


def test_home_for_a_non_juror_says_so(client):
    make_process(name="Award 2026")
    client.force_login(UserFactory())

    response = client.get(reverse("jury:home"))

    assert response.status_code == 200
    assert "You are not a juror of any review." in response.content.decode()
    assert "Award 2026" not in response.content.decode()


# --- jury/<process>/ -------------------------------------------------------------------------------------


def test_dashboard_shows_each_items_own_review_state(client):
    process = make_process(phase=ReviewPhase.BLIND)
    juror = make_juror(process)
    untouched, drafted, done = (make_item(process, title=title) for title in ("Alpha", "Beta", "Gamma"))
    assign(juror, untouched, drafted, done)
    make_review(drafted, juror, values=[5, 5, 5], complete=False)
    make_review(done, juror, values=[6, 7, 8])
    client.force_login(juror.user)

    html = client.get(reverse("jury:dashboard", args=[process.pk])).content.decode()

    assert "Blind scoring" in html
    assert "You see only your own scores" in html
    rows = html.split("<tbody>")[1].split("</tbody>")[0].split("<tr>")[1:]
    assert ["Alpha" in rows[0], "Beta" in rows[1], "Gamma" in rows[2]] == [True, True, True]
    assert "review-state-not_started" in rows[0]
    assert "review-state-draft" in rows[1]
    assert "review-state-complete" in rows[2]
    assert ">7.00<" in rows[2]
    assert html.count('<span class="figure-value">1</span>') == 3


def test_dashboard_shows_every_item_from_the_deliberation_on(client):
    process = make_process(phase=ReviewPhase.BLIND)
    juror = make_juror(process)
    scored = make_item(process, title="Scored by me")
    make_item(process, title="Not mine")
    make_review(scored, juror, values=[5, 5, 5])
    process_phase_change(process=process, step="deliberate", actor=None)
    client.force_login(juror.user)

    html = client.get(reverse("jury:dashboard", args=[process.pk])).content.decode()

    assert "Scored by me" in html
    assert "Not mine" in html
    assert "You can still change your own scores." in html


def _dashboard_queries(client, items: int) -> int:
    process = make_process(phase=ReviewPhase.SETUP)
    juror = make_juror(process, city=None)
    made = [make_item(process, city=CityFactory()) for _ in range(items)]
    assign(juror, *made)
    process_walk(process, ReviewPhase.BLIND)
    for item in made[::2]:
        make_review(item, juror, values=[5, 6, 7], complete=False)
    client.force_login(juror.user)
    url = reverse("jury:dashboard", args=[process.pk])
    client.get(url)  # warm the session and the content types
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    assert response.content.decode().count("review-state-draft") == len(made[::2])
    return len(queries)


def test_dashboard_query_count_does_not_grow_with_items(client):
    few = _dashboard_queries(client, 3)
    client.logout()
    many = _dashboard_queries(client, 30)

    assert few == many


# --- jury/items/<item>/ ----------------------------------------------------------------------------------


def test_item_page_renders_the_subject_through_the_registry(client):
    world = jury_world(ReviewPhase.BLIND)
    world.city.name = "Santos <script>alert(1)</script>"
    world.city.save()
    client.force_login(world.user("assigned"))

    html = client.get(item_url(world.item)).content.decode()

    assert "<dt>City</dt><dd>Santos &lt;script&gt;alert(1)&lt;/script&gt;</dd>" in html
    assert "<dt>Population</dt><dd>150000</dd>" in html
    assert f'<a href="/en/cities/{world.city.slug}/">' in html
    assert "<script>alert(1)" not in html


def test_item_page_of_an_unregistered_subject_shows_the_title_only(client):
    process = make_process(phase=ReviewPhase.BLIND)
    juror = make_juror(process)
    item = make_item(process, title="About a user account")  # users are not review subjects
    assign(juror, item)
    client.force_login(juror.user)

    response = client.get(item_url(item))

    assert response.status_code == 200
    assert "About a user account" in response.content.decode()
    assert "its title is all there is to show" in response.content.decode()


def test_item_page_in_blind_scoring_hides_the_other_jurors(client):
    world = jury_world(ReviewPhase.BLIND)
    other = make_juror(world.process)
    make_review(world.item, other, values=[1, 2, 3], comment="Other juror's secret")
    client.force_login(world.user("assigned"))

    html = client.get(item_url(world.item)).content.decode()

    assert "The jury's scores" not in html
    assert "Other juror" not in html
    assert "Discussion" not in html


def test_item_page_in_deliberation_shows_every_visible_score_and_the_discussion(client):
    world = jury_world(ReviewPhase.BLIND)
    others = [
        make_juror(world.process, user=UserFactory(first_name=name, last_name="Juror")) for name in "AB"
    ]
    make_review(world.item, world.jurors["assigned"], values=[8, 8, 8])
    make_review(world.item, others[0], values=[8, 7, None])
    make_review(world.item, others[1], values=[1, 1, 1])
    # A review written before its juror's conflict was found stays stored but is never shown or counted.
    conflicted = make_juror(world.process, user=UserFactory(first_name="Hidden", last_name="Juror"))
    make_review(world.item, conflicted, values=[0, 0, 0])
    Conflict.objects.create(
        reviewer=conflicted, item=world.item, kind=ConflictKind.PERSONAL, source=ConflictSource.DECLARED
    )
    process_phase_change(process=world.process, step="deliberate", actor=None)
    note = note_add(item=world.item, actor=others[0].user, body="Why so low?")
    note_add(item=world.item, actor=others[1].user, body="Weak evidence.", parent=note)
    client.force_login(world.user("assigned"))

    html = client.get(item_url(world.item)).content.decode()

    assert "The jury's scores" in html
    assert "A Juror" in html
    assert "B Juror" in html
    assert "Hidden Juror" not in html
    assert html.count('<tr class="outlier">') == 1
    assert html.count(">outlier</span>") == 1
    assert "<dt>Reviews counted</dt><dd>3</dd>" in html
    assert "the jurors disagree" in html
    assert html.index("Why so low?") < html.index("Weak evidence.")
    assert 'class="note note-depth-1" id="note-' in html
    assert f'<input type="hidden" name="parent" value="{note.pk}">' in html


def test_item_page_of_staff_shows_scores_without_a_scoring_form(client):
    world = jury_world(ReviewPhase.BLIND)
    make_review(world.item, world.jurors["assigned"], values=[8, 8, 8])
    client.force_login(world.user("staff"))

    html = client.get(item_url(world.item)).content.decode()

    assert 'name="version"' not in html
    assert "You are not a juror of this review." in html
    assert "The jury's scores" in html


# --- notes ------------------------------------------------------------------------------------------------


@pytest.fixture
def deliberating():
    return jury_world(ReviewPhase.DELIBERATION)


def test_note_add_and_reply(client, deliberating):
    world = deliberating
    client.force_login(world.user("unassigned"))

    first = client.post(item_url(world.item, "note_add"), {"body": "  A first point.  "})
    note = Note.objects.get()
    reply = client.post(item_url(world.item, "note_add"), {"body": "A reply.", "parent": str(note.pk)})

    assert first.status_code == 302
    assert first["Location"] == item_url(world.item) + f"#note-{note.pk}"
    assert note.body == "A first point."
    assert reply.status_code == 302
    assert list(Note.objects.order_by("pk").values_list("body", "parent_id")) == [
        ("A first point.", None),
        ("A reply.", note.pk),
    ]


def test_note_reply_to_a_note_of_another_item_is_refused(client, deliberating):
    world = deliberating
    other_item = make_item(world.process)
    foreign = Note.objects.create(item=other_item, author=world.user("staff"), body="Elsewhere")
    client.force_login(world.user("assigned"))
    before = db_state(world.process)

    response = client.post(item_url(world.item, "note_add"), {"body": "Hi", "parent": str(foreign.pk)})

    assert response.status_code == 400
    assert "The message you reply to is not part of this discussion." in response.content.decode()
    assert db_state(world.process) == before


@pytest.mark.parametrize(
    "data",
    [
        {"body": ""},
        {"body": "   "},
        {},
        {"body": "x" * 10_001},
        {"body": "a\x00b"},
        {"body": "ok", "parent": "abc"},
        {"body": "ok", "parent": "-3"},
        {"body": "ok", "parent": "9" * 30},
    ],
)
def test_note_hostile_post_changes_nothing(client, deliberating, data):
    world = deliberating
    client.force_login(world.user("assigned"))
    before = db_state(world.process)

    response = client.post(item_url(world.item, "note_add"), data)

    assert response.status_code == 400
    assert "Your message was not sent." in response.content.decode()
    assert db_state(world.process) == before


def test_note_get_is_not_allowed(client, deliberating):
    client.force_login(deliberating.user("assigned"))

    assert client.get(item_url(deliberating.item, "note_add")).status_code == 405


# --- conflicts --------------------------------------------------------------------------------------------


def test_conflict_declare_takes_the_item_off_the_juror(client):
    world = jury_world(ReviewPhase.BLIND)
    client.force_login(world.user("assigned"))

    form = client.get(item_url(world.item, "declare_conflict"))
    response = client.post(
        item_url(world.item, "declare_conflict"), {"kind": "professional", "note": "Adviser"}
    )
    after = client.get(item_url(world.item))
    dashboard = client.get(reverse("jury:dashboard", args=[world.process.pk]))

    assert form.status_code == 200
    assert response.status_code == 302
    assert response["Location"] == reverse("jury:dashboard", args=[world.process.pk])
    conflict = Conflict.objects.get(reviewer=world.jurors["assigned"])
    assert (conflict.kind, conflict.source, conflict.note) == ("professional", "declared", "Adviser")
    assert not Assignment.objects.filter(reviewer=world.jurors["assigned"]).exists()
    assert after.status_code == 404
    assert world.item.title not in dashboard.content.decode()


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"kind": "same_city"},
        {"kind": "automatic"},
        {"kind": "personal", "note": "x" * 2001},
        {"kind": "personal", "note": "a\x00b"},
    ],
)
def test_conflict_hostile_post_changes_nothing(client, data):
    world = jury_world(ReviewPhase.BLIND)
    client.force_login(world.user("assigned"))
    before = db_state(world.process)

    response = client.post(item_url(world.item, "declare_conflict"), data)

    assert response.status_code == 400
    assert "Nothing was recorded." in response.content.decode()
    assert db_state(world.process) == before
