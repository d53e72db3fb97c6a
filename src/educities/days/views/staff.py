"""The Secretariat's International Day pages (under /<language>/backoffice/day/): the campaigns, one
campaign's settings, texts in the other languages, poster and materials; the moderation of the activities
cities registered (post-moderation: they are public at once); the reminder to member cities with no
activity.

Campaign pages need ``days.manage_campaign``, the moderation pages ``days.moderate_activity`` (anonymous
people are sent to sign in, others get 403). An unknown year is 404; an activity or material that is not
the campaign's is refused with a message and nothing changes. Views parse input, call ``days.domain`` and
render; a refused change shows the domain's message beside its field.
"""

from functools import wraps
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count, F, Q
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from educities.core.domain.errors import DomainError
from educities.core.domain.translations_queries import translations_prefetch
from educities.days.domain.activities import activity_mark_reviewed, activity_transition
from educities.days.domain.campaigns import (
    campaign_create,
    campaign_poster_set,
    campaign_publish,
    campaign_translate,
    campaign_unpublish,
    campaign_update,
    default_window,
    material_add,
    material_remove,
)
from educities.days.domain.common import DayRefused, day_of
from educities.days.domain.reminders import reminder_first_day, reminder_recipients, reminders_send
from educities.days.enums import ACTIVITY_STEPS, ActivityStatus
from educities.days.interfaces.forms_staff import (
    REVIEW_ALL,
    REVIEW_HIDDEN,
    REVIEW_UNREVIEWED,
    CampaignForm,
    CampaignTextForm,
    HideForm,
    MaterialForm,
    ModerationFilterForm,
    PosterForm,
    form_problems,
)
from educities.days.models import CAMPAIGN_TEXT_FIELDS, Activity, Campaign
from educities.members.models import Country

MANAGE = "days.manage_campaign"
TEXT_LABELS = {
    "motto": gettext_lazy("Motto"),
    "manifesto": gettext_lazy("Manifesto"),
    "guide": gettext_lazy("Activity guide"),
}
MODERATE = "days.moderate_activity"
PER_PAGE = 50


def _required(permission: str):
    """Anonymous people are sent to sign in; signed-in people without ``permission`` get 403."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not request.user.has_perm(permission):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


def _methods(*allowed: str):
    """405 for other methods (after the permission check, so strangers learn nothing)."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if request.method not in allowed:
                return HttpResponse(status=405, headers={"Allow": ", ".join(allowed)})
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


def _campaign(year: int) -> Campaign:
    campaign = Campaign.objects.filter(year=year).first()
    if campaign is None:
        raise Http404(_("There is no International Day campaign in %(year)d.") % {"year": year})
    return campaign


def _url(name: str, campaign: Campaign, anchor: str = "") -> str:
    url = reverse(f"days_staff:{name}", kwargs={"year": campaign.year})
    return f"{url}#{anchor}" if anchor else url


def _safe_next(request, fallback: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback


def _language_name(code: str) -> str:
    return str(dict(settings.LANGUAGES).get(code, code))


def _apply_errors(form, error: DomainError, aliases: dict[str, str] | None = None) -> None:
    """A domain refusal on the form: each message beside its field, the others above the form."""
    errors = getattr(error, "errors", None)
    if not isinstance(error, DayRefused) or not errors:
        form.add_error(None, error.message)
        return
    aliases = aliases or {}
    for name, problems in errors.items():
        field = aliases.get(name, name)
        for problem in problems:
            form.add_error(field if field in form.fields else None, problem)


def _nav(campaign: Campaign | None, day_section: str) -> dict:
    return {"section": "day", "day_section": day_section, "campaign": campaign}


# --- Campaigns ------------------------------------------------------------------------------------


@_required(MANAGE)
@_methods("GET", "HEAD")
def campaigns_view(request):
    published = Q(activities__status=ActivityStatus.PUBLISHED)
    campaigns = list(
        Campaign.objects.annotate(
            activity_count=Count("activities", filter=published, distinct=True),
            city_count=Count("activities__city", filter=published, distinct=True),
            country_count=Count("activities__city__country", filter=published, distinct=True),
            unreviewed_count=Count(
                "activities", filter=Q(activities__reviewed_at__isnull=True), distinct=True
            ),
        ).order_by("-year")
    )
    return render(request, "days/staff/campaigns.html", {"campaigns": campaigns, **_nav(None, "campaigns")})


@_required(MANAGE)
@_methods("GET", "HEAD", "POST")
def campaign_new_view(request):
    if request.method == "POST":
        form = CampaignForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                campaign = campaign_create(
                    actor=request.user, **{name: data[name] for name in CampaignForm.FIELDS}
                )
            except DomainError as error:
                _apply_errors(form, error)
            else:
                messages.success(
                    request,
                    _("The %(year)d campaign is created. Publish it when its texts are ready.")
                    % {"year": campaign.year},
                )
                return redirect(_url("campaign", campaign))
    else:
        year = timezone.localdate().year
        if Campaign.objects.filter(year=year).exists():
            year += 1
        starts, ends = default_window(year)
        form = CampaignForm(
            initial={"year": year, "window_starts_on": starts, "window_ends_on": ends, "language": "en"}
        )
    return render(request, "days/staff/campaign_new.html", {"form": form, **_nav(None, "new")})


# --- One campaign: settings, publication, texts, poster, materials -------------------------------------


def _translation_state(value, language: str) -> str:
    """What a campaign text in ``language`` is: missing, out of date, a machine's or a person's."""
    if value.is_fallback or value.language != language or not value.text:
        return "missing"
    if value.is_stale:
        return "stale"
    return "machine" if value.is_machine else "translated"


def _text_blocks(campaign: Campaign, bound: dict) -> list[dict]:
    blocks = []
    for language, name in settings.LANGUAGES:
        if language == campaign.original_language:
            continue
        values = translations_prefetch(objects=[campaign], fields=CAMPAIGN_TEXT_FIELDS, language=language)
        values = {field: values[(campaign.pk, field)] for field in CAMPAIGN_TEXT_FIELDS}
        current = {
            field: "" if value.is_fallback or value.language != language else value.text
            for field, value in values.items()
        }
        states = {field: _translation_state(value, language) for field, value in values.items()}
        prefix = f"text-{language}"
        form = bound.get(prefix) or CampaignTextForm(initial=current, prefix=prefix)
        for field in form.fields.values():
            # The labels are in the reader's language; the texts typed are in ``language``.
            field.widget.attrs["lang"] = language
        blocks.append(
            {
                "language": language,
                "name": str(name),
                "states": [(TEXT_LABELS[field], states[field]) for field in CAMPAIGN_TEXT_FIELDS],
                "form": form,
            }
        )
    return blocks


def _campaign_context(campaign: Campaign, bound: dict | None = None) -> dict:
    bound = bound or {}
    published = Q(status=ActivityStatus.PUBLISHED)
    figures = campaign.activities.aggregate(
        activities=Count("pk", filter=published),
        cities=Count("city", filter=published, distinct=True),
        unreviewed=Count("pk", filter=Q(reviewed_at__isnull=True)),
    )
    return {
        "figures": figures,
        "day": day_of(campaign.year),
        "settings_form": bound.get("settings")
        or CampaignForm(initial=CampaignForm.initial_for(campaign), with_year=False, prefix="settings"),
        "original_language_name": _language_name(campaign.original_language),
        "text_blocks": _text_blocks(campaign, bound),
        "poster_form": bound.get("poster")
        or PosterForm(
            initial={"alt_text": campaign.poster_alt}, has_poster=bool(campaign.poster), prefix="poster"
        ),
        "materials": list(campaign.materials.order_by("position", "pk")),
        "material_form": bound.get("material") or MaterialForm(prefix="material"),
        **_nav(campaign, "campaign"),
    }


def _save_settings(request, campaign: Campaign) -> tuple[str | None, dict]:
    form = CampaignForm(request.POST, with_year=False, prefix="settings")
    if not form.is_valid():
        return None, {"settings": form}
    current = CampaignForm.initial_for(campaign)
    changes = {name: value for name, value in form.cleaned_data.items() if value != current.get(name)}
    if not changes:
        messages.info(request, _("Nothing was changed."))
        return _url("campaign", campaign, "settings"), {}
    try:
        campaign_update(campaign=campaign, actor=request.user, **changes)
    except DomainError as error:
        campaign.refresh_from_db()
        _apply_errors(form, error)
        return None, {"settings": form}
    messages.success(request, _("The settings of the %(year)d campaign are saved.") % {"year": campaign.year})
    return _url("campaign", campaign, "settings"), {}


def _publish(request, campaign: Campaign) -> tuple[str | None, dict]:
    try:
        campaign_publish(campaign=campaign, actor=request.user)
    except DomainError as error:
        messages.error(request, _("%(problem)s Nothing was changed.") % {"problem": error.message})
    else:
        messages.success(
            request,
            _("The %(year)d campaign is published: cities can register their activities.")
            % {"year": campaign.year},
        )
    return _url("campaign", campaign), {}


def _unpublish(request, campaign: Campaign) -> tuple[str | None, dict]:
    try:
        campaign_unpublish(campaign=campaign, actor=request.user)
    except DomainError as error:
        messages.error(request, _("%(problem)s Nothing was changed.") % {"problem": error.message})
    else:
        messages.success(
            request,
            _("The %(year)d campaign is no longer public.") % {"year": campaign.year},
        )
    return _url("campaign", campaign), {}


def _save_texts(request, campaign: Campaign) -> tuple[str | None, dict]:
    language = request.POST.get("language", "")
    others = [code for code, _name in settings.LANGUAGES if code != campaign.original_language]
    if language not in others:
        messages.error(
            request,
            _("Choose one of the other languages (%(languages)s). Nothing was changed.")
            % {"languages": ", ".join(others)},
        )
        return _url("campaign", campaign, "texts"), {}
    prefix = f"text-{language}"
    form = CampaignTextForm(request.POST, prefix=prefix)
    if not form.is_valid():
        return None, {prefix: form}
    try:
        campaign_translate(campaign=campaign, language=language, actor=request.user, **form.cleaned_data)
    except DomainError as error:
        _apply_errors(form, error)
        return None, {prefix: form}
    messages.success(
        request, _("The texts in %(language)s are saved.") % {"language": _language_name(language)}
    )
    return _url("campaign", campaign, f"texts-{language}"), {}


def _save_poster(request, campaign: Campaign) -> tuple[str | None, dict]:
    form = PosterForm(request.POST, request.FILES, has_poster=bool(campaign.poster), prefix="poster")
    if not form.is_valid():
        return None, {"poster": form}
    try:
        campaign_poster_set(
            campaign=campaign,
            upload=form.cleaned_data["upload"],
            alt_text=form.cleaned_data["alt_text"],
            actor=request.user,
        )
    except DomainError as error:
        campaign.refresh_from_db()
        _apply_errors(form, error)
        return None, {"poster": form}
    messages.success(request, _("The poster is saved."))
    return _url("campaign", campaign, "poster"), {}


def _add_material(request, campaign: Campaign) -> tuple[str | None, dict]:
    form = MaterialForm(request.POST, request.FILES, prefix="material")
    if not form.is_valid():
        return None, {"material": form}
    try:
        material_add(campaign=campaign, actor=request.user, **form.cleaned_data)
    except DomainError as error:
        _apply_errors(form, error)
        return None, {"material": form}
    messages.success(
        request, _("“%(title)s” is added to the materials.") % {"title": form.cleaned_data["title"]}
    )
    return _url("campaign", campaign, "materials"), {}


def _remove_material(request, campaign: Campaign) -> tuple[str | None, dict]:
    raw = request.POST.get("material", "")
    material = campaign.materials.filter(pk=int(raw)).first() if raw.isdigit() else None
    if material is None:
        messages.error(
            request,
            _("This file is not one of the %(year)d campaign’s materials. Nothing was changed.")
            % {"year": campaign.year},
        )
        return _url("campaign", campaign, "materials"), {}
    material.campaign = campaign
    try:
        material_remove(material=material, actor=request.user)
    except DomainError as error:
        messages.error(request, _("%(problem)s Nothing was changed.") % {"problem": error.message})
    else:
        messages.success(request, _("“%(title)s” is removed from the materials.") % {"title": material.title})
    return _url("campaign", campaign, "materials"), {}


CAMPAIGN_ACTIONS = {
    "settings": _save_settings,
    "publish": _publish,
    "unpublish": _unpublish,
    "texts": _save_texts,
    "poster": _save_poster,
    "material_add": _add_material,
    "material_remove": _remove_material,
}


@_required(MANAGE)
@_methods("GET", "HEAD", "POST")
def campaign_view(request, year: int):
    campaign = _campaign(year)
    bound: dict = {}
    if request.method == "POST":
        action = request.POST.get("action", "")
        if action not in CAMPAIGN_ACTIONS:
            messages.error(request, _("Unknown action. Nothing was changed."))
            return redirect(_url("campaign", campaign))
        target, bound = CAMPAIGN_ACTIONS[action](request, campaign)
        if target is not None:
            return redirect(target)
        messages.error(request, _("Some values need correcting (see below). Nothing was changed."))
    return render(request, "days/staff/campaign.html", _campaign_context(campaign, bound))


# --- Moderation -----------------------------------------------------------------------------------


def _countries(campaign: Campaign) -> list[tuple[str, str]]:
    countries = Country.objects.filter(cities__day_activities__campaign=campaign).distinct()
    return sorted(((str(country.code), country.name) for country in countries), key=lambda item: item[1])


def _moderation_activities(campaign: Campaign, values: dict):
    activities = (
        Activity.objects.filter(campaign=campaign)
        .select_related("city__country", "created_by")
        .prefetch_related("photos")
    )
    if values["show"] == REVIEW_UNREVIEWED:
        activities = activities.filter(reviewed_at__isnull=True)
    elif values["show"] == REVIEW_HIDDEN:
        activities = activities.filter(status=ActivityStatus.HIDDEN)
    if values["country"]:
        activities = activities.filter(city__country__code=values["country"])
    if values["q"]:
        words = values["q"].split()[:10]
        for word in words:
            activities = activities.filter(
                Q(title__icontains=word) | Q(city__name__icontains=word) | Q(organiser__icontains=word)
            )
    return activities.order_by(F("reviewed_at").asc(nulls_first=True), "created_at", "pk")


def _steps(activity: Activity) -> set[str]:
    return {step for step, (sources, _target) in ACTIVITY_STEPS.items() if activity.status in sources}


@_required(MODERATE)
@_methods("GET", "HEAD")
def moderation_view(request, year: int):
    campaign = _campaign(year)
    countries = _countries(campaign)
    filter_form = ModerationFilterForm(request.GET or None, countries=countries)
    if request.GET and not filter_form.is_valid():
        messages.warning(request, _("Some filters were not understood and are ignored."))
    values = filter_form.values()
    paginator = Paginator(_moderation_activities(campaign, values), PER_PAGE)
    page = paginator.get_page(request.GET.get("page"))
    rows = []
    for activity in page.object_list:
        steps = _steps(activity)
        rows.append(
            {
                "activity": activity,
                "can_hide": "hide" in steps,
                "can_show": "show" in steps,
                "hide_form": HideForm(prefix=f"hide-{activity.pk}"),
            }
        )
    query = {key: value for key, value in values.items() if value}
    counts = campaign.activities.aggregate(
        unreviewed=Count("pk", filter=Q(reviewed_at__isnull=True)),
        hidden=Count("pk", filter=Q(status=ActivityStatus.HIDDEN)),
        total=Count("pk"),
    )
    return render(
        request,
        "days/staff/moderation.html",
        {
            "filter_form": filter_form,
            "values": values,
            "rows": rows,
            "page": page,
            "paginator": paginator,
            "counts": counts,
            "query": urlencode(query),
            "next": request.get_full_path(),
            "show_all": REVIEW_ALL,
            **_nav(campaign, "moderation"),
        },
    )


def _moderated_activity(request, campaign: Campaign, pk: int) -> Activity | None:
    activity = Activity.objects.select_related("campaign", "city").filter(pk=pk, campaign=campaign).first()
    if activity is None:
        messages.error(
            request,
            _("This activity is not one of the %(year)d campaign. Nothing was changed.")
            % {"year": campaign.year},
        )
    return activity


@_required(MODERATE)
@_methods("POST")
def activity_hide_view(request, year: int, pk: int):
    campaign = _campaign(year)
    back = _safe_next(request, _url("moderation", campaign))
    activity = _moderated_activity(request, campaign, pk)
    if activity is None:
        return redirect(back)
    form = HideForm(request.POST, prefix=f"hide-{activity.pk}")
    if not form.is_valid():
        messages.error(
            request,
            _("“%(title)s”: %(problems)s Nothing was changed.")
            % {"title": activity.title, "problems": form_problems(form)},
        )
        return redirect(back)
    try:
        activity_transition(
            activity=activity, step="hide", actor=request.user, reason=form.cleaned_data["reason"]
        )
    except DomainError as error:
        messages.error(
            request,
            _("“%(title)s”: %(problem)s Nothing was changed.")
            % {"title": activity.title, "problem": error.message},
        )
    else:
        messages.success(
            request,
            _("“%(title)s” is hidden; the city's editors are told why.") % {"title": activity.title},
        )
    return redirect(back)


@_required(MODERATE)
@_methods("POST")
def activity_show_view(request, year: int, pk: int):
    campaign = _campaign(year)
    back = _safe_next(request, _url("moderation", campaign))
    activity = _moderated_activity(request, campaign, pk)
    if activity is None:
        return redirect(back)
    try:
        activity_transition(activity=activity, step="show", actor=request.user)
    except DomainError as error:
        messages.error(
            request,
            _("“%(title)s”: %(problem)s Nothing was changed.")
            % {"title": activity.title, "problem": error.message},
        )
    else:
        messages.success(request, _("“%(title)s” is shown on the agenda again.") % {"title": activity.title})
    return redirect(back)


@_required(MODERATE)
@_methods("POST")
def activities_review_view(request, year: int):
    """Mark one activity (``only``) or the selected ones (``activities``) as reviewed."""
    campaign = _campaign(year)
    back = _safe_next(request, _url("moderation", campaign))
    raw = [request.POST["only"]] if request.POST.get("only") else request.POST.getlist("activities")
    ids = {int(value) for value in raw if value.isdigit()}
    if not ids or len(ids) != len(raw):
        messages.error(request, _("Select the activities to mark as reviewed. Nothing was changed."))
        return redirect(back)
    activities = list(Activity.objects.filter(campaign=campaign, pk__in=ids))
    if len(activities) != len(ids):
        messages.error(
            request,
            _("Some of these activities are not of the %(year)d campaign. Nothing was changed.")
            % {"year": campaign.year},
        )
        return redirect(back)
    try:
        marked = activity_mark_reviewed(activities=activities, actor=request.user)
    except DomainError as error:
        messages.error(request, _("%(problem)s Nothing was changed.") % {"problem": error.message})
        return redirect(back)
    if marked:
        messages.success(
            request,
            ngettext(
                "%(count)d activity is marked as reviewed.",
                "%(count)d activities are marked as reviewed.",
                marked,
            )
            % {"count": marked},
        )
    else:
        messages.info(request, _("These activities were already reviewed."))
    return redirect(back)


# --- Reminders ------------------------------------------------------------------------------------


@_required(MANAGE)
@_methods("GET", "HEAD")
def reminders_view(request, year: int):
    campaign = _campaign(year)
    cities = reminder_recipients(campaign=campaign)
    first_day = reminder_first_day(campaign)
    today = timezone.localdate()
    return render(
        request,
        "days/staff/reminders.html",
        {
            "cities": cities,
            "without_address": sum(1 for city in cities if not city.reminder_emails),
            "first_day": first_day,
            "day": day_of(campaign.year),
            "is_due": first_day <= today <= day_of(campaign.year),
            "is_past": today > day_of(campaign.year),
            "days_left": (first_day - today).days if today < first_day else 0,
            **_nav(campaign, "reminders"),
        },
    )


@_required(MANAGE)
@_methods("POST")
def reminders_send_view(request, year: int):
    campaign = _campaign(year)
    back = _url("reminders", campaign)
    try:
        with transaction.atomic():
            count = reminders_send(campaign=campaign, actor=request.user, force=True)
    except DomainError as error:
        messages.error(request, _("%(problem)s Nothing was sent.") % {"problem": error.message})
        return redirect(back)
    if count:
        messages.success(
            request,
            ngettext(
                "The reminder is sent to %(count)d city.",
                "The reminder is sent to %(count)d cities.",
                count,
            )
            % {"count": count},
        )
    else:
        messages.info(request, _("No member city without an activity has an address: no reminder was sent."))
    return redirect(back)
