"""The demo bank of experiences: loaded once for the module (members first, as ``manage.py demo_load``
does), inside a transaction rolled back at the end, so the other tests never see it."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.test.utils import override_settings

from educities.core.enums import Provenance
from educities.core.models import AuditEntry, TextTranslation
from educities.core.search import SearchQuery, clear_snapshots, search_matching_ids, search_run
from educities.experiences.demo.loader import (
    FEATURED,
    OPEN_REVISIONS,
    PRACTICES,
    STALE,
    STATE_COUNTS,
    TRANSLATOR,
    experiences_demo_load,
)
from educities.experiences.domain.search import SEARCH_INDEX
from educities.experiences.enums import TEXT_FIELDS, ExperienceStatus
from educities.experiences.models import Experience, ExperienceLink, ExperienceRevision
from educities.members.demo.loader import demo_load
from educities.members.enums import RoleKind

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

TOTAL = 301
KNOWN_TITLE = "Conselho Municipal das Crianças do Porto"


def _quiet(_line: str) -> None:
    pass


@pytest.fixture(scope="module")
def bank(django_db_setup, django_db_blocker, tmp_path_factory):
    """The members' and the experiences' demo data, loaded once; the counts of the first run."""
    root = tmp_path_factory.mktemp("demo")
    with (
        django_db_blocker.unblock(),
        override_settings(
            MEDIA_ROOT=root / "media",
            PRIVATE_MEDIA_ROOT=root / "private",
            PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
        ),
    ):
        outer = transaction.atomic()
        outer.__enter__()
        try:
            demo_load(log=_quiet)
            counts = experiences_demo_load(log=_quiet)
            yield counts
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture
def fresh_search():
    clear_snapshots()
    yield
    clear_snapshots()


def test_demo_practices_have_every_translation_they_need():
    for practice in PRACTICES:
        others = {"en", "fr", "es", "pt"} - {practice.language}
        assert others <= set(practice.translations), practice.key
        for language, texts in practice.full.items():
            assert set(texts) == set(TEXT_FIELDS) - {"title", "summary"}, (practice.key, language)
    assert 70 <= len(PRACTICES) <= 80
    assert len({practice.key for practice in PRACTICES}) == len(PRACTICES)


def test_demo_experiences_end_in_the_designed_states(bank):
    published = TOTAL - sum(STATE_COUNTS.values())

    assert bank["experiences"] == Experience.objects.count() == TOTAL
    assert {state: bank[f"experiences {state}"] for state in ExperienceStatus.values} == {
        **STATE_COUNTS,
        ExperienceStatus.PUBLISHED: published,
    }
    assert published == 231
    assert bank["focus experiences"] == FEATURED
    assert bank["award-winning"] == 0  # winners come from the award demo
    assert bank["revisions published"] == STALE
    assert bank["revisions waiting for review"] == OPEN_REVISIONS


def test_demo_experiences_are_spread_over_languages_cities_and_countries(bank):
    assert {code: bank[f"written in {code}"] for code in ("en", "fr", "es", "pt", "ca")} == {
        "en": 69,
        "fr": 57,
        "es": 106,
        "pt": 61,
        "ca": 8,
    }
    assert bank["cities with experiences"] >= 120
    assert bank["countries with experiences"] >= 30
    assert Experience.objects.values("title").distinct().count() == TOTAL


def test_demo_experiences_link_only_to_city_websites(bank):
    hosts = set(ExperienceLink.objects.values_list("url", flat=True))

    assert len(hosts) >= 30
    assert all(url.startswith("https://") and url.count("/") == 2 for url in hosts)


def test_demo_moderation_left_comments_in_the_city_language(bank):
    content_type = ContentType.objects.get_for_model(Experience)
    entries = AuditEntry.objects.filter(content_type=content_type, action__in=["request_changes", "reject"])

    assert entries.count() == STATE_COUNTS["changes_requested"] + STATE_COUNTS["rejected"]
    assert not entries.filter(comment="").exists()
    spanish = Experience.objects.filter(status="changes_requested", original_language="es").first()
    comment = entries.get(object_id=str(spanish.pk)).comment
    assert comment.split()[0] in {"Gracias", "El", "La"}


def test_demo_translations_have_both_provenances_and_some_are_stale(bank):
    translator = TRANSLATOR[0]

    assert bank["human translations"] > 300
    assert bank["machine translations"] > 300
    assert bank["stale translations"] >= STALE
    assert 0.55 <= bank["experiences translated"] / bank["experiences published"] <= 0.65
    humans = TextTranslation.objects.filter(provenance=Provenance.HUMAN)
    assert set(humans.values_list("translator__email", flat=True)) == {translator}
    machines = TextTranslation.objects.filter(provenance=Provenance.MACHINE)
    assert set(machines.values_list("engine", flat=True)) == {"deepl"}
    full = TextTranslation.objects.filter(field="lessons").exclude(provenance=Provenance.ORIGINAL)
    assert full.values("object_id").distinct().count() >= 20
    grants = {grant.kind for grant in humans.first().translator.role_grants.all()}
    assert grants == {RoleKind.TRANSLATOR}


def test_demo_known_experience_has_a_french_machine_translation_of_every_text(bank):
    known = Experience.objects.get(title=KNOWN_TITLE)
    rows = TextTranslation.objects.filter(
        content_type=ContentType.objects.get_for_model(Experience), object_id=str(known.pk), language="fr"
    )

    assert (known.city.name, known.original_language, known.status) == ("Porto", "pt", "published")
    assert known.is_featured
    assert {row.field: (row.provenance, row.engine) for row in rows} == dict.fromkeys(
        TEXT_FIELDS, (Provenance.MACHINE, "deepl")
    )
    assert rows.get(field="title").text == "Conseil municipal des enfants de Porto"


def test_demo_search_finds_a_portuguese_experience_by_a_french_word(bank, fresh_search):
    known = Experience.objects.get(title=KNOWN_TITLE)
    query = SearchQuery(text="enfants", filters={"language": ["pt"]}, language="fr", per_page=100)

    found = search_matching_ids(index=SEARCH_INDEX, text="enfants", filters={"language": ["pt"]})
    results = search_run(index=SEARCH_INDEX, query=query)

    assert "enfants" not in " ".join(getattr(known, field) for field in TEXT_FIELDS)
    assert known.pk in found
    hit = next(hit for hit in results.hits if hit.object_id == known.pk)
    assert hit.language == "fr"
    assert "enfants" in hit.title_html


def test_demo_stale_translations_come_from_a_published_revision(bank):
    revision = ExperienceRevision.objects.filter(status="published").select_related("experience").first()
    experience = revision.experience
    content_type = ContentType.objects.get_for_model(Experience)
    rows = TextTranslation.objects.filter(
        content_type=content_type, object_id=str(experience.pk), field="summary"
    )
    original = rows.get(provenance=Provenance.ORIGINAL)

    assert revision.data["summary"] == experience.summary != revision.base["summary"]
    assert [row.source_digest == original.source_digest for row in rows.exclude(pk=original.pk)] == [
        False
    ] * rows.exclude(pk=original.pk).count()
    assert experience.last_published_at > experience.published_at


def test_demo_experiences_load_twice_changes_nothing(bank):
    audit = AuditEntry.objects.count()
    translations = TextTranslation.objects.count()

    counts = experiences_demo_load(log=_quiet)

    assert counts == bank
    assert AuditEntry.objects.count() == audit
    assert TextTranslation.objects.count() == translations
