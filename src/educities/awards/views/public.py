"""The public pages of the Educating City Award: the editions (with the chart of candidacies per edition
and the open call) and an edition's page (theme, axes, rules, timeline, figures, results).

Only announced editions exist for the public; the Secretariat may preview the others. Results show once
published (``edition_results`` / ``result_list`` stay empty before). Texts come in the reader's language,
else in the original with a notice (``?original=1`` shows the original). Each page reads a constant
number of queries, whatever the number of editions or results.
"""

from django.contrib.humanize.templatetags.humanize import intcomma
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from educities.awards.domain.common import moment_for_people
from educities.awards.domain.editions import edition_phase
from educities.awards.domain.queries import (
    edition_figures,
    edition_public,
    edition_results,
    edition_texts,
    editions_figures_series,
    editions_public,
)
from educities.awards.enums import RESULT_STATES, ApplicationStatus, EditionPhase
from educities.awards.models import Application, Edition
from educities.core.domain.translations_queries import translations_prefetch
from educities.experiences.enums import EXPERIENCE_PUBLIC_STATES
from educities.members.interfaces.charts import vertical_bar_chart

# Where the call has closed: the figures are final (before, a count would only say "so far").
FIGURES_PHASES = frozenset({EditionPhase.JURY, EditionPhase.RESULTS, EditionPhase.VOID})
YEAR_MAX = 9999  # a longer number is no year (and would overflow the database's integer)
RESULT_SECTIONS = {
    ApplicationStatus.WINNER: "winners",
    ApplicationStatus.SPECIAL_MENTION: "special_mentions",
    ApplicationStatus.FINALIST: "finalists",
}


def _figures_shown(edition: Edition, phase: str):
    """The edition's figures once its call has closed (or when figures were recorded), else None."""
    figures = getattr(edition, "figures", None) or edition_figures(edition=edition)
    if phase in FIGURES_PHASES or figures.recorded:
        return figures
    return None


def _deadline_text(edition: Edition) -> str:
    return moment_for_people(edition.deadline, time_zone=edition.time_zone) if edition.deadline else ""


def _series_charts(points) -> list[dict]:
    """Candidacies, cities and countries per edition: three small charts side by side."""
    charts = []
    for key, title, desc in (
        ("candidacies", _("Candidacies per edition"), _("Candidacies per edition (year):")),
        ("cities", _("Cities per edition"), _("Cities that applied, per edition (year):")),
        (
            "countries",
            _("Countries per edition"),
            _("Countries of the cities that applied, per edition (year):"),
        ),
    ):
        charts.append(
            {
                "id": f"chart-{key}",
                "title": title,
                "desc": desc,
                "chart": vertical_bar_chart(
                    [(str(point.year), getattr(point.figures, key)) for point in points],
                    width=400,
                    height=220,
                    font_size=13,
                    value_text=intcomma,
                ),
            }
        )
    return charts


@require_safe
def editions_view(request):
    language = get_language()
    editions = editions_public()
    themes = translations_prefetch(objects=editions, fields=["theme"], language=language)
    now = timezone.now()
    rows = []
    for edition in editions:
        phase = edition_phase(edition=edition, now=now)
        rows.append(
            {
                "edition": edition,
                "theme": themes[(edition.pk, "theme")],
                "phase": phase,
                "figures": _figures_shown(edition, phase),
                "deadline_text": _deadline_text(edition) if phase == EditionPhase.OPEN else "",
                "winners": [application.city for application in _results(edition)[ApplicationStatus.WINNER]],
            }
        )
    final_years = {row["edition"].year for row in rows if row["figures"] is not None}
    points = [point for point in editions_figures_series() if point.year in final_years]
    return render(
        request,
        "awards/public/editions.html",
        {
            "rows": rows,
            "open_calls": [row for row in rows if row["phase"] == EditionPhase.OPEN],
            "upcoming_calls": [row for row in rows if row["phase"] == EditionPhase.ANNOUNCED],
            "points": points,
            "charts": _series_charts(points) if points else [],
        },
    )


def _visible_edition(request, year: int) -> Edition:
    """The announced edition of ``year``; an edition not yet announced only for the Secretariat."""
    if year > YEAR_MAX:
        raise Http404(_("There is no edition of the award in this year."))
    edition = edition_public(year=year)
    if edition is None and request.user.is_authenticated:
        edition = Edition.objects.filter(year=year).first()  # a preview for the Secretariat
    if edition is None or not request.user.has_perm("awards.view_edition", edition):
        raise Http404(_("There is no edition of the award in this year."))
    return edition


def _results(edition: Edition) -> dict[str, list[Application]]:
    """Winners, special mentions and finalists (empty until the results are published)."""
    if not hasattr(edition, "result_list"):
        return edition_results(edition=edition)
    results: dict[str, list[Application]] = {status: [] for status in RESULT_STATES}
    if edition.results_published_at is not None:
        for application in edition.result_list:
            results[application.status].append(application)
    return results


def _result_rows(results: dict[str, list[Application]], language: str) -> list[dict]:
    public = [
        application.experience
        for applications in results.values()
        for application in applications
        if application.experience.status in EXPERIENCE_PUBLIC_STATES
    ]
    titles = translations_prefetch(objects=public, fields=["title"], language=language)
    headings = {
        ApplicationStatus.WINNER: _("Winners"),
        ApplicationStatus.SPECIAL_MENTION: _("Special mentions"),
        ApplicationStatus.FINALIST: _("Finalists"),
    }
    sections = []
    for status in RESULT_STATES:
        if not results[status]:
            continue
        items = []
        for application in results[status]:
            experience = application.experience
            title = titles.get((experience.pk, "title"))
            items.append(
                {
                    "application": application,
                    "city": application.city,
                    "country_name": application.city.country.name,
                    "experience": experience if title is not None else None,
                    "experience_title": title,
                }
            )
        sections.append({"key": RESULT_SECTIONS[status], "heading": headings[status], "items": items})
    return sections


@require_safe
def edition_view(request, year: int):
    edition = _visible_edition(request, year)
    language = get_language()
    original = request.GET.get("original") == "1"
    texts = edition_texts(edition=edition, language=language, original=original)
    phase = edition_phase(edition=edition)
    axes = texts["axes"]
    results_published = edition.results_published_at is not None
    sections = _result_rows(_results(edition), language) if results_published else []
    return render(
        request,
        "awards/public/edition.html",
        {
            "edition": edition,
            "phase": phase,
            "is_preview": not edition.is_published,
            "theme": texts["theme"],
            "axes": axes,
            "axes_lines": [line.strip() for line in axes.text.splitlines() if line.strip()],
            "rules": texts["rules"],
            "figures": _figures_shown(edition, phase),
            "call_opens_text": (
                moment_for_people(edition.call_opens_at, time_zone=edition.time_zone)
                if edition.call_opens_at
                else ""
            ),
            "deadline_text": _deadline_text(edition),
            "is_open": phase == EditionPhase.OPEN,
            "results_published": results_published,
            "result_sections": sections,
            "has_winners": any(section["key"] == "winners" for section in sections),
        },
    )
