"""The public pages of the bank of experiences: search (with its map and exports), the experience page
(with its citation downloads) and the Atom feed of new experiences.

They parse the query string once (``interfaces.search_params``), ask the search service for ids, load
those experiences in one go (``domain.queries``) and their texts in the reader's language
(``translations_prefetch``). Nothing the reader types can make them fail: the service answers every
query with results or a message.
"""

import dataclasses

from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.gzip import gzip_page
from django.views.decorators.http import require_safe

from educities.core.domain.translations_queries import TranslatedValue, translations_prefetch
from educities.core.search import search_matching_ids, search_points, search_run, search_similar
from educities.core.templatetags.richtext import richtext
from educities.experiences.domain.queries import (
    experience_map_rows,
    experience_public_detail,
    experiences_by_ids,
    experiences_for_export,
)
from educities.experiences.domain.search import FACETS, SEARCH_INDEX
from educities.experiences.enums import (
    EXPERIENCE_PUBLIC_STATES,
    RICH_FIELDS,
    TAG_CHOICES,
    TEXT_FIELDS,
    AttachmentKind,
    ExperienceStatus,
    TagKind,
)
from educities.experiences.interfaces.citation import (
    CITATION_FORMATS,
    citation_bibtex,
    citation_ris,
    experience_citation,
)
from educities.experiences.interfaces.exporters import EXPORT_FORMATS, experiences_export
from educities.experiences.interfaces.facets import country_name, facet_groups, facet_labels
from educities.experiences.interfaces.jsonld import experience_jsonld, jsonld_script
from educities.experiences.interfaces.search_params import (
    PER_PAGE,
    SearchParams,
    facet_title,
    search_params_parse,
    search_params_querydict,
)
from educities.experiences.models import Experience
from educities.members.domain.queries_public import map_points_for

LIST_FIELDS = ("title", "summary")
MAP_POINTS_MAX = 5000
SIMILAR_COUNT = 4


def _url(name: str, params: SearchParams, **changes) -> str:
    query = search_params_querydict(params, **changes)
    base = reverse(name)
    return f"{base}?{query.urlencode()}" if query else base


def _selected_filters(params: SearchParams) -> list[dict]:
    """Each chosen filter value with its label and the address of the page without it."""
    chips = []
    for facet in FACETS:
        values = params.selected(facet)
        if not values:
            continue
        labels = facet_labels(facet, values)
        for value in values:
            remaining = {**params.filters, facet: [other for other in values if other != value]}
            without = SearchParams(text=params.text, filters=remaining, sort=params.sort)
            chips.append(
                {
                    "facet": facet_title(facet),
                    "label": labels[value],
                    "remove_url": _url("experiences:search", without),
                }
            )
    return chips


@require_safe
def search_view(request):
    params = search_params_parse(request.GET)
    language = get_language()
    results = search_run(index=SEARCH_INDEX, query=params.query(language=language))
    experiences = experiences_by_ids(ids=[hit.object_id for hit in results.hits])
    by_id = {experience.pk: experience for experience in experiences}
    items = [
        {"hit": hit, "experience": by_id[hit.object_id]} for hit in results.hits if hit.object_id in by_id
    ]
    notices = list(params.notices)
    if results.total and results.page != params.page:
        notices.append(
            _("There is no page %(page)s: showing page %(shown)d.")
            % {"page": params.page, "shown": results.page}
        )
    shown = SearchParams(text=params.text, filters=params.filters, sort=params.sort, page=results.page)
    return render(
        request,
        "experiences/public/search.html",
        {
            "params": params,
            "results": results,
            "items": items,
            "translations": translations_prefetch(objects=experiences, fields=LIST_FIELDS, language=language),
            "facet_groups": facet_groups(counts=results.facets, params=params),
            "selected_filters": _selected_filters(params),
            "notices": notices,
            "previous_url": (
                _url("experiences:search", shown, page=results.page - 1 if results.page > 2 else None)
                if results.page > 1
                else ""
            ),
            "next_url": (
                _url("experiences:search", shown, page=results.page + 1)
                if results.page < results.num_pages
                else ""
            ),
            "first_number": (results.page - 1) * PER_PAGE + 1,
            "map_points_url": _url("experiences:map_points", params, page=None, sort=None),
            "export_urls": {fmt: _url_with_format(params, fmt) for fmt in EXPORT_FORMATS},
            "clear_url": reverse("experiences:search"),
        },
    )


def _url_with_format(params: SearchParams, fmt: str) -> str:
    query = search_params_querydict(params, page=None)
    base = reverse("experiences:export", kwargs={"fmt": fmt})
    return f"{base}?{query.urlencode()}" if query else base


@require_safe
@cache_control(public=True, max_age=300)
@gzip_page  # public data with no secret in it, so compression leaks nothing
def map_points_view(request):
    """The map points of the experiences the search page's query and filters find (one per experience,
    at its city). Invalid filter values are ignored, as on the page."""
    params = search_params_parse(request.GET)
    points = search_points(index=SEARCH_INDEX, text=params.text, filters=params.filters)[:MAP_POINTS_MAX]
    rows = experience_map_rows(ids=[point[0] for point in points])
    titles = translations_prefetch(objects=rows, fields=["title"], language=get_language())
    by_id = {row.pk: row for row in rows}
    payload = [
        {
            "name": titles[(object_id, "title")].text,
            "url": by_id[object_id].get_absolute_url(),
            "lat": round(latitude, 5),
            "lng": round(longitude, 5),
        }
        for object_id, latitude, longitude in points
        if object_id in by_id
    ]
    return JsonResponse({"points": payload})


@require_safe
def export_view(request, fmt: str):
    if fmt not in EXPORT_FORMATS:
        return _export_error(
            request,
            _("“%(format)s” is not an export format. Choose one of: %(formats)s.")
            % {"format": fmt[:20], "formats": ", ".join(EXPORT_FORMATS)},
        )
    params = search_params_parse(request.GET)
    if params.invalid:
        return _export_error(request, " ".join(params.notices))
    ids = search_matching_ids(index=SEARCH_INDEX, text=params.text, filters=params.filters)
    # Newest first (the order of ``search_matching_ids``), whatever the page's sort: a stable file.
    experiences = experiences_for_export(ids=ids)
    content = experiences_export(experiences=experiences, fmt=fmt, absolute_url=request.build_absolute_uri)
    export_format = EXPORT_FORMATS[fmt]
    response = HttpResponse(content, content_type=export_format.content_type)
    response["Content-Disposition"] = f'attachment; filename="experiences.{export_format.extension}"'
    return response


def _export_error(request, message: str) -> HttpResponse:
    return render(request, "experiences/public/export_error.html", {"message": message}, status=400)


def _visible_experience(request, slug: str) -> Experience:
    """The experience at ``slug`` if this reader may see it; 404 otherwise (a draft does not exist for
    the public)."""
    try:
        experience = experience_public_detail(slug=slug)
    except Experience.DoesNotExist:
        raise Http404(_("No experience has this address.")) from None
    if not request.user.has_perm("experiences.view_experience", experience):
        raise Http404(_("No experience has this address."))
    return experience


def _vocabularies(experience: Experience) -> list[dict]:
    labels = {kind: dict(TAG_CHOICES[kind].choices) for kind in TAG_CHOICES}
    order = {
        kind: {code: index for index, code in enumerate(TAG_CHOICES[kind].values)} for kind in TAG_CHOICES
    }
    by_kind: dict[str, list[str]] = {}
    for tag in experience.tags.all():
        by_kind.setdefault(tag.kind, []).append(tag.code)
    titles = {
        TagKind.THEME: _("Themes"),
        TagKind.TARGET_GROUP: _("Target groups"),
        TagKind.SDG: _("Sustainable Development Goals"),
        TagKind.DEPARTMENT: _("Municipal departments involved"),
    }
    groups = []
    for kind in (TagKind.THEME, TagKind.TARGET_GROUP, TagKind.SDG, TagKind.DEPARTMENT):
        codes = sorted(by_kind.get(kind, []), key=lambda code, kind=kind: order[kind].get(code, 999))
        if codes:
            groups.append(
                {
                    "kind": str(kind),
                    "title": titles[kind],
                    "values": [{"code": code, "label": str(labels[kind].get(code, code))} for code in codes],
                }
            )
    return groups


def _notice_key(value: TranslatedValue) -> tuple:
    return (value.language, value.provenance, value.engine, value.is_fallback, value.is_stale)


def _sections(experience: Experience, translations: dict, title: TranslatedValue) -> list[dict]:
    """The rich-text sections that have text, each saying where its text comes from only when that
    differs from what the page said just before (the title's notice, or the previous section's)."""
    sections = []
    said = _notice_key(title)
    for field in RICH_FIELDS:
        value = translations[(experience.pk, field)]
        if not value.text:
            continue
        key = _notice_key(value)
        sections.append(
            {
                "field": field,
                "label": Experience._meta.get_field(field).verbose_name,
                "value": dataclasses.replace(value, text=richtext(value.text)),
                "show_notice": key != said,
            }
        )
        said = key
    return sections


def _detail_context(request, experience: Experience) -> dict:
    language = get_language()
    original = request.GET.get("original") == "1"
    translations = translations_prefetch(
        objects=[experience], fields=TEXT_FIELDS, language=language, original=original
    )
    title = translations[(experience.pk, "title")]
    summary = translations[(experience.pk, "summary")]
    similar = []
    if experience.status == ExperienceStatus.PUBLISHED:
        similar = experiences_by_ids(
            ids=search_similar(index=SEARCH_INDEX, object_id=experience.pk, limit=SIMILAR_COUNT)
        )
        translations.update(translations_prefetch(objects=similar, fields=LIST_FIELDS, language=language))
    attachments = experience.live_attachments
    images = [item for item in attachments if item.kind == AttachmentKind.IMAGE]
    documents = [item for item in attachments if item.kind == AttachmentKind.DOCUMENT]
    contact = experience.contact
    if contact is not None and not (contact.is_public and contact.city_id == experience.city_id):
        contact = None  # only a person of this city who agreed to be shown
    vocabularies = _vocabularies(experience)
    country = country_name(str(experience.city.country.code))
    url = request.build_absolute_uri(experience.get_absolute_url())
    keywords = [
        value["label"]
        for group in vocabularies
        if group["kind"] == TagKind.THEME
        for value in group["values"]
    ]
    jsonld = experience_jsonld(
        experience=experience,
        url=url,
        name=title.text,
        description=summary.text,
        language=title.language or experience.original_language,
        keywords=keywords,
        city_url=request.build_absolute_uri(experience.city.get_absolute_url()),
        country_name=country,
        image_urls=[request.build_absolute_uri(image.file.url) for image in images],
    )
    citation = experience_citation(
        experience=experience, title=title.text, url=url, accessed=timezone.localdate(), country_name=country
    )
    return {
        "experience": experience,
        "translations": translations,
        "title": title,
        "summary": summary,
        "sections": _sections(experience, translations, title),
        "is_preview": experience.status not in EXPERIENCE_PUBLIC_STATES,
        "is_archived": experience.status == ExperienceStatus.ARCHIVED,
        "country_name": country,
        "vocabularies": vocabularies,
        "principles": list(experience.principles.all()),
        "partners": list(experience.partners.all()),
        "links": list(experience.links.all()),
        "images": images,
        "documents": documents,
        "contact": contact,
        "networks": [membership.network for membership in experience.city.network_memberships.all()],
        "similar": similar,
        "map_points": map_points_for(cities=[experience.city]),
        "jsonld_script": jsonld_script(jsonld),
        "citation": citation,
        "show_original": original,
    }


@require_safe
def detail_view(request, slug: str):
    experience = _visible_experience(request, slug)
    return render(request, "experiences/public/detail.html", _detail_context(request, experience))


@require_safe
def citation_view(request, slug: str, fmt: str):
    if fmt not in CITATION_FORMATS:
        raise Http404(_("This citation format does not exist."))
    experience = _visible_experience(request, slug)
    title = translations_prefetch(objects=[experience], fields=["title"], language=get_language())[
        (experience.pk, "title")
    ]
    citation = experience_citation(
        experience=experience,
        title=title.text,
        url=request.build_absolute_uri(experience.get_absolute_url()),
        accessed=timezone.localdate(),
        country_name=country_name(str(experience.city.country.code)),
    )
    content_type, extension = CITATION_FORMATS[fmt]
    text = citation_bibtex(citation) if fmt == "bib" else citation_ris(citation)
    response = HttpResponse(text.encode("utf-8"), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{experience.slug}.{extension}"'
    return response
