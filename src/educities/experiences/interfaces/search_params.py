"""The query string of the search page, read once for the page, its map, its exports and its pages.

``?q=…&theme=participation&theme=culture&country=ES&sort=date&page=2``: each facet is a repeated
parameter named like the facet (values combine: OR inside a facet, AND across facets, as the search
service does). Values that cannot exist are dropped with a message (the page) or refused (exports);
nothing here ever raises on user input.
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from django.conf import settings
from django.http import QueryDict
from django.utils.translation import gettext as _

from educities.core.search import SearchQuery
from educities.experiences.domain.search import FACETS
from educities.experiences.enums import SustainableDevelopmentGoal, TargetGroup, Theme

PER_PAGE = 20
# The service reads at most a couple of hundred characters; more only makes every link on the page long.
TEXT_MAX_CHARS = 1000
VALUES_MAX = 30  # per facet
SORTS = ("relevance", "date")
# Parameters of the page that are not facets.
OTHER_PARAMETERS = ("q", "sort", "page", "original")

_PATTERNS = {
    "country": re.compile(r"[A-Z]{2}"),
    "network": re.compile(r"[-a-zA-Z0-9_]{1,160}"),
    "principle": re.compile(r"[0-9]{1,3}"),
    "year": re.compile(r"[0-9]{4}"),
}


def _allowed(facet: str, value: str) -> bool:
    if facet in _PATTERNS:
        return bool(_PATTERNS[facet].fullmatch(value))
    if facet == "theme":
        return value in Theme.values
    if facet == "target_group":
        return value in TargetGroup.values
    if facet == "sdg":
        return value in SustainableDevelopmentGoal.values
    if facet == "language":
        return value in {code for code, _name in settings.LANGUAGES}
    if facet == "award":
        return value == "yes"
    return False


@dataclass(frozen=True)
class SearchParams:
    text: str = ""
    filters: dict[str, list[str]] = field(default_factory=dict)
    sort: str = "relevance"
    page: int = 1
    # What was dropped or changed, said to the reader (the page) or refused (exports).
    notices: list[str] = field(default_factory=list)
    invalid: bool = False  # some filter value could not be used

    def query(self, *, language: str, page: int | None = None, per_page: int = PER_PAGE) -> SearchQuery:
        return SearchQuery(
            text=self.text,
            filters=self.filters,
            sort=self.sort,
            page=self.page if page is None else page,
            per_page=per_page,
            language=language,
            facets=FACETS,
        )

    def selected(self, facet: str) -> list[str]:
        return self.filters.get(facet, [])

    @property
    def has_criteria(self) -> bool:
        return bool(self.text or self.filters)


def search_params_parse(data: QueryDict | Mapping) -> SearchParams:
    """The search parameters of ``data`` (a request's GET), valid ones only, with what was dropped."""
    getlist = (
        data.getlist if isinstance(data, QueryDict) else (lambda key: [data[key]] if key in data else [])
    )
    notices: list[str] = []
    invalid = False

    raw_text = str((getlist("q") or [""])[-1])
    text = " ".join(raw_text.split())
    if len(text) > TEXT_MAX_CHARS:
        text = text[:TEXT_MAX_CHARS]
        notices.append(
            _("Your search was too long: only its first %(count)d characters were used.")
            % {"count": TEXT_MAX_CHARS}
        )

    filters: dict[str, list[str]] = {}
    for facet in FACETS:
        values = [str(value).strip() for value in getlist(facet)]
        values = list(dict.fromkeys(value for value in values if value))
        if facet == "country":
            values = [value.upper() for value in values]
        kept = [value for value in values if _allowed(facet, value)][:VALUES_MAX]
        if len(kept) < len(values):
            invalid = True
            notices.append(
                _("Some values of the filter “%(filter)s” do not exist and were ignored.")
                % {"filter": facet_title(facet)}
            )
        if kept:
            filters[facet] = kept

    sort = str((getlist("sort") or ["relevance"])[-1]) or "relevance"
    if sort not in SORTS:
        notices.append(_("Unknown sort order: sorted by relevance."))
        sort = "relevance"

    raw_page = str((getlist("page") or [""])[-1])
    page = 1
    if raw_page:
        if re.fullmatch(r"[0-9]{1,6}", raw_page) and int(raw_page) >= 1:
            page = int(raw_page)
        else:
            notices.append(
                _("“%(page)s” is not a page number: showing the first page.") % {"page": raw_page[:20]}
            )
    return SearchParams(text=text, filters=filters, sort=sort, page=page, notices=notices, invalid=invalid)


def search_params_querydict(params: SearchParams, **changes) -> QueryDict:
    """The query string of ``params`` (valid values only), with ``changes`` (``page=2``, ``sort=None``...)."""
    query = QueryDict(mutable=True)
    if params.text:
        query["q"] = params.text
    for facet in FACETS:
        if params.filters.get(facet):
            query.setlist(facet, params.filters[facet])
    if params.sort != "relevance":
        query["sort"] = params.sort
    if params.page != 1:
        query["page"] = str(params.page)
    for key, value in changes.items():
        query.pop(key, None)
        if value is not None:
            query[key] = str(value)
    return query


def facet_title(facet: str) -> str:
    """The heading of a facet on the page."""
    titles = {
        "country": _("Country"),
        "network": _("Network"),
        "theme": _("Theme"),
        "principle": _("Charter principle"),
        "sdg": _("Sustainable Development Goal"),
        "target_group": _("Target group"),
        "year": _("Start year"),
        "language": _("Original language"),
        "award": _("Award"),
    }
    return str(titles.get(facet, facet))
