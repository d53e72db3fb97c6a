"""The translators' workspace: what needs translating, and one experience's texts side by side.

The queue needs ``experiences.view_translation_queue`` (translators and Secretariat staff); the
translation page ``experiences.translate_experience`` on the experience (translators, staff and the
city's own editors). Writing, reviewing and asking the machine go through ``domain/translations.py``,
which checks again; a refused request shows its message and changes nothing.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.contrib.humanize.templatetags.humanize import intcomma
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from educities.core.domain.errors import DomainError
from educities.core.translation.providers import DeepLProvider, LibreTranslateProvider
from educities.experiences.domain.queries_translation import (
    TRANSLATION_NEEDS,
    experience_field_translations,
    experience_translation_coverage,
    experiences_translation_queue,
    translation_queue_items,
)
from educities.experiences.domain.translations import (
    experience_translation_review,
    experience_translation_save,
    experience_translations_request,
)
from educities.experiences.enums import EXPERIENCE_PUBLIC_STATES, RICH_FIELDS
from educities.experiences.interfaces.display import ValueLabels, language_name
from educities.experiences.interfaces.forms_moderation import (
    TranslationActionForm,
    TranslationQueueFilterForm,
)
from educities.experiences.models import Experience
from educities.experiences.views.moderation import permission_required
from educities.members.interfaces.charts import horizontal_bar_chart

PER_PAGE = 25
ENGINE_LABELS = {provider.name: provider.label for provider in (DeepLProvider, LibreTranslateProvider)}


def _languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def machine_translation_enabled() -> bool:
    return (getattr(settings, "TRANSLATION_PROVIDER", "") or "none").strip().lower() != "none"


def _default_language() -> str:
    current = translation.get_language() or settings.LANGUAGE_CODE
    return current if current in _languages() else _languages()[0]


# --- The queue ----------------------------------------------------------------------------------


def _percent(part: int, whole: int) -> int:
    return round(100 * part / whole) if whole else 0


def _percent_text(value: int) -> str:
    return _("%(percent)s %%") % {"percent": intcomma(value)}


def _coverage_rows() -> list[dict]:
    rows = []
    for code, coverage in experience_translation_coverage().items():
        total = coverage.original + coverage.translated + coverage.missing
        up_to_date = coverage.original + coverage.translated - coverage.stale
        rows.append(
            {
                "language": code,
                "name": language_name(code),
                "coverage": coverage,
                "total": total,
                "up_to_date": up_to_date,
                "percent": _percent(up_to_date, total),
                "percent_text": _percent_text(_percent(up_to_date, total)),
            }
        )
    return rows


@require_safe
@permission_required("experiences.view_translation_queue")
def translation_queue(request):
    data = {key: request.GET[key] for key in ("language", "state") if key in request.GET}
    language, need = _default_language(), ""
    if data:
        form = TranslationQueueFilterForm(data)
        if not form.is_valid():
            messages.warning(request, _("Some filters were not understood and are ignored."))
        language = form.cleaned_data.get("language") or language
        need = form.cleaned_data.get("state") or ""
    else:
        form = TranslationQueueFilterForm(initial={"language": language})
    page_obj = Paginator(experiences_translation_queue(language=language, need=need), PER_PAGE).get_page(
        request.GET.get("page")
    )
    coverage = _coverage_rows()
    chart = horizontal_bar_chart(
        [(row["name"], row["percent"]) for row in coverage],
        value_text=_percent_text,
    )
    labels = ValueLabels([])
    items = [
        {
            "experience": item.experience,
            "missing": [labels.label(field) for field in item.missing],
            "stale": [labels.label(field) for field in item.stale],
            "machine": [labels.label(field) for field in item.machine],
        }
        for item in translation_queue_items(experiences=list(page_obj.object_list), language=language)
    ]
    return render(
        request,
        "experiences/translation/queue.html",
        {
            "form": form,
            "language": language,
            "language_name": language_name(language),
            "need": need,
            "need_labels": dict(TRANSLATION_NEEDS),
            "page_obj": page_obj,
            "items": items,
            "coverage": coverage,
            "chart": chart,
            "section": "translations",
        },
    )


# --- One experience in one language -------------------------------------------------------------


@require_http_methods(["GET", "HEAD", "POST"])
def translate(request, slug, language):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    experience = get_object_or_404(Experience.objects.select_related("city__country"), slug=slug)
    if not request.user.has_perm("experiences.translate_experience", experience):
        raise PermissionDenied
    if language not in _languages():
        messages.error(
            request,
            _("“%(language)s” is not one of the site’s languages (%(languages)s).")
            % {"language": language[:20], "languages": ", ".join(_languages())},
        )
        return redirect("experiences:translations")
    if request.method == "POST":
        return _translate_act(request, experience, language)
    labels = ValueLabels([])
    fields = [
        {
            "item": item,
            "label": labels.label(item.field),
            "rich": item.field in RICH_FIELDS,
            "engine_label": ENGINE_LABELS.get(item.translation.engine, item.translation.engine)
            if item.translation is not None
            else "",
        }
        for item in experience_field_translations(experience=experience, language=language)
    ]
    return render(
        request,
        "experiences/translation/translate.html",
        {
            "experience": experience,
            "language": language,
            "language_name": language_name(language),
            "original_language_name": language_name(experience.original_language),
            "is_original_language": language == experience.original_language,
            "is_translatable": experience.status in EXPERIENCE_PUBLIC_STATES,
            "other_languages": [
                {"code": code, "name": language_name(code)}
                for code in _languages()
                if code not in {language, experience.original_language}
            ],
            "fields": fields,
            "can_review": request.user.has_perm("experiences.review_translation", experience),
            "machine_enabled": machine_translation_enabled(),
            "section": "translations",
        },
    )


def _translate_act(request, experience: Experience, language: str):
    back = reverse("experiences:translate", kwargs={"slug": experience.slug, "language": language})
    form = TranslationActionForm(request.POST)
    if not form.is_valid():
        problems = " ".join(str(error) for errors in form.errors.values() for error in errors)
        messages.error(request, _("%(problems)s Nothing was changed.") % {"problems": problems})
        return redirect(back)
    action, field = form.cleaned_data["action"], form.cleaned_data["field"]
    if action == "review" and not request.user.has_perm("experiences.review_translation", experience):
        raise PermissionDenied
    labels = ValueLabels([])
    try:
        if action == "save":
            experience_translation_save(
                experience=experience,
                field=field,
                language=language,
                text=form.cleaned_data["text"],
                actor=request.user,
            )
            done = _("The translation of “%(field)s” into %(language)s is saved.")
        elif action == "review":
            experience_translation_review(
                experience=experience, field=field, language=language, actor=request.user
            )
            done = _("The machine translation of “%(field)s” into %(language)s is marked as reviewed.")
        else:
            requested = experience_translations_request(
                experience=experience, actor=request.user, languages=[language]
            )
            if not requested:
                messages.warning(
                    request,
                    _(
                        "Machine translation is not available: no translation provider is configured "
                        "on this site. Nothing was requested."
                    ),
                )
                return redirect(back)
            messages.success(
                request,
                _(
                    "Machine translation into %(language)s was requested for the missing and out-of-date "
                    "texts. It shows here once it is done."
                )
                % {"language": language_name(language)},
            )
            return redirect(back)
    except DomainError as error:
        messages.error(request, _("%(problem)s Nothing was changed.") % {"problem": error.message})
        return redirect(back)
    messages.success(request, done % {"field": labels.label(field), "language": language_name(language)})
    return redirect(f"{back}#field-{field}")
