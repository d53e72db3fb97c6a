"""{% translated %} and {% translation_notice %}: the text shown, escaped, and what the page says about it."""

import datetime as dt

import pytest
import time_machine
from django.contrib.contenttypes.models import ContentType
from django.template import Context, RequestContext, Template
from django.test import RequestFactory
from django.utils import translation

from educities.core.domain.translations import (
    translation_mark_reviewed,
    translation_save_human,
    translation_save_machine,
    translation_set_original,
)
from educities.core.domain.translations_queries import translations_prefetch
from educities.members.models import Network
from tests.factories import NetworkFactory, StaffFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

MARCH = dt.datetime(2026, 3, 3, 10, 0, tzinfo=dt.UTC)
PAGE = (
    '{% load translations %}{% translated network "description" as value %}'
    "<div>{{ value }}</div>{% translation_notice value %}"
)


def _render(source, *, language="en", query="", **context):
    request = RequestFactory().get(f"/{language}/networks/x/{query}")
    with translation.override(language):
        return Template(source).render(RequestContext(request, context)).strip()


@pytest.fixture
def network():
    network = NetworkFactory()
    with time_machine.travel(MARCH, tick=False):
        translation_set_original(obj=network, field="description", language="es", text="Ciudades educadoras")
    return network


def test_translated_tag_original_language_has_no_notice(network):
    assert _render(PAGE, language="es", network=network) == "<div>Ciudades educadoras</div>"


def test_translated_tag_fallback_notice_in_english_and_french(network):
    assert _render(PAGE, language="en", network=network) == (
        "<div>Ciudades educadoras</div>"
        '<p class="translation-notice" role="note">Not yet translated into your language: '
        "shown in its original language (Spanish).</p>"
    )
    assert _render(PAGE, language="fr", network=network) == (
        "<div>Ciudades educadoras</div>"
        '<p class="translation-notice" role="note">Pas encore traduit dans votre langue\u00a0: '
        "affiché dans sa langue d’origine (Espagnol).</p>"
    )


def test_translated_tag_machine_translation_notice_in_english_and_french(network):
    with time_machine.travel(MARCH, tick=False):
        translation_save_machine(
            obj=network, field="description", language="en", text="Educating cities", engine="deepl"
        )
        translation_save_machine(
            obj=network,
            field="description",
            language="fr",
            text="Villes éducatrices",
            engine="libretranslate",
        )

    assert _render(PAGE, language="en", network=network) == (
        "<div>Educating cities</div>"
        '<p class="translation-notice" role="note">Machine translation (DeepL, 3 March 2026). '
        '<a href="?original=1" hreflang="es">Show the original (Spanish)</a></p>'
    )
    assert _render(PAGE, language="fr", network=network) == (
        "<div>Villes éducatrices</div>"
        '<p class="translation-notice" role="note">Traduction automatique (LibreTranslate, 3 mars 2026). '
        '<a href="?original=1" hreflang="es">Afficher l’original (Espagnol)</a></p>'
    )


def test_translated_tag_reviewed_human_and_stale_notices(network):
    translator = StaffFactory()
    with time_machine.travel(MARCH, tick=False):
        translation_save_machine(
            obj=network, field="description", language="en", text="Educating cities", engine="deepl"
        )
        translation_mark_reviewed(obj=network, field="description", language="en", actor=translator)
        translation_save_human(
            obj=network, field="description", language="fr", text="Villes éducatrices", actor=translator
        )

    assert _render(PAGE, network=network) == (
        "<div>Educating cities</div>"
        '<p class="translation-notice" role="note">'
        "Machine translation checked by a person (DeepL, 3 March 2026). "
        '<a href="?original=1" hreflang="es">Show the original (Spanish)</a></p>'
    )
    translation_set_original(obj=network, field="description", language="es", text="Ciudades que educan")
    assert _render(PAGE, language="fr", network=network) == (
        "<div>Villes éducatrices</div>"
        '<p class="translation-notice" role="note">'
        "Traduit par une personne (langue d’origine\u00a0: Espagnol). "
        "<strong>Cette traduction n’est peut-être plus à jour.</strong> "
        '<a href="?original=1" hreflang="es">Afficher l’original (Espagnol)</a></p>'
    )
    assert _render(PAGE, language="en", network=network).split("</div>")[1] == (
        '<p class="translation-notice" role="note">'
        "Machine translation checked by a person (DeepL, 3 March 2026). "
        "<strong>This translation may be out of date.</strong> "
        '<a href="?original=1" hreflang="es">Show the original (Spanish)</a></p>'
    )


def test_translated_tag_original_on_request_keeps_the_query_and_links_back(network):
    translation_save_machine(
        obj=network, field="description", language="en", text="Educating cities", engine="deepl"
    )

    assert _render(PAGE, network=network, query="?page=2&original=1") == (
        "<div>Ciudades educadoras</div>"
        '<p class="translation-notice" role="note">Shown in its original language (Spanish). '
        '<a href="?page=2">Show the translation</a></p>'
    )
    assert 'href="?page=2&amp;original=1"' in _render(PAGE, network=network, query="?page=2")


def test_translated_tag_escapes_text(network):
    translation_save_human(
        obj=network,
        field="description",
        language="en",
        text='<script>alert(1)</script><img src=x onerror="alert(2)">',
        actor=StaffFactory(),
    )

    html = _render(PAGE, network=network)

    assert html.startswith(
        "<div>&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=&quot;alert(2)&quot;&gt;</div>"
    )
    assert "<script" not in html


RICH_EXPECTED = '<p>Hello <strong>you</strong></p><a rel="noopener noreferrer nofollow">link</a>'


def test_translated_tag_rich_sanitises_text(network):
    translation_save_human(
        obj=network,
        field="description",
        language="en",
        text='<p>Hello <strong>you</strong></p><script>alert(1)</script><a href="javascript:x">link</a>',
        actor=StaffFactory(),
    )
    source = '{% load translations %}{% translated network "description" rich=True as value %}{{ value }}'

    assert _render(source, network=network) == RICH_EXPECTED
    direct = '{% load translations %}{% translated network "description" rich=True %}'
    assert _render(direct, network=network) == RICH_EXPECTED


def test_translated_tag_without_as_prints_escaped_text(network):
    source = '{% load translations %}{% translated network "description" %}'
    translation_set_original(obj=network, field="description", language="es", text="a < b & c")

    assert _render(source, language="es", network=network) == "a &lt; b &amp; c"


def test_translated_tag_uses_the_prefetched_dict_without_queries(network, django_assert_num_queries):
    others = [NetworkFactory() for _index in range(3)]
    for index, other in enumerate(others):
        translation_set_original(obj=other, field="description", language="en", text=f"Text {index}")
    objects = [network, *others]
    ContentType.objects.get_for_model(Network)
    with translation.override("en"):
        prefetched = translations_prefetch(objects=objects, fields=["description"], language="en")
    source = (
        '{% load translations %}{% for network in networks %}{% translated network "description" as v %}'
        "[{{ v }}]{% endfor %}"
    )

    with django_assert_num_queries(0):
        html = _render(source, networks=objects, translations=prefetched)

    assert html == "[Ciudades educadoras][Text 0][Text 1][Text 2]"


def test_translation_notice_ignores_values_that_are_not_translations():
    assert _render("{% load translations %}{% translation_notice value %}", value="text") == ""


def test_translation_notice_without_a_request_has_no_link(network):
    translation_save_machine(
        obj=network, field="description", language="en", text="Educating cities", engine="deepl"
    )

    with translation.override("en"):
        html = Template(PAGE).render(Context({"network": network}))

    assert "<a " not in html
    assert "Machine translation (DeepL, " in html


def test_translation_notice_escapes_an_unknown_engine_name(network):
    with time_machine.travel(MARCH, tick=False):
        translation_save_machine(
            obj=network, field="description", language="en", text="Hi", engine="<b onmouseover=x>"
        )

    assert "Machine translation (&lt;b onmouseover=x&gt;, 3 March 2026)." in _render(PAGE, network=network)
