"""The Secretariat's pages of the award: editions, settings, applications and eligibility, decisions,
results and exports (under /<language>/backoffice/award/). Certificates are downloaded through the
city-side page (``awards:certificate``), which lets the Secretariat in too.

Every page needs ``awards.manage_award`` (anonymous people are sent to sign in, others get 403); the
steps on an application check their own permission on it too. Views parse input, call the domain
(``awards.domain``, ``reviews.domain``) and render; a refused step shows the domain's message and
changes nothing.
"""

from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST, require_safe

from educities.awards.domain.applications import (
    application_confirm_eligible,
    application_decide,
    application_declare_ineligible,
    applications_send_to_jury,
)
from educities.awards.domain.editions import (
    EditionInvalid,
    default_criteria,
    edition_announce,
    edition_create,
    edition_declare_void,
    edition_phase,
    edition_question_add,
    edition_question_delete,
    edition_question_translate,
    edition_question_update,
    edition_results_publish,
    edition_text_translate,
    edition_update,
)
from educities.awards.domain.eligibility import eligibility_checks
from educities.awards.domain.queries import applications_for_staff, edition_texts
from educities.awards.enums import (
    APPLICATION_STEPS,
    CERTIFICATE_STATES,
    OFFICIAL_LANGUAGES,
    ApplicationStatus,
)
from educities.awards.interfaces.exporters import (
    AWARD_EXPORT_FORMATS,
    EXPORTS,
    award_export,
    award_export_filename,
)
from educities.awards.interfaces.forms_staff import (
    COMMON_TIME_ZONES,
    TIME_ZONE_DATALIST_ID,
    ConfirmEligibleForm,
    CriterionEditForm,
    CriterionFormSet,
    DecisionForm,
    EditionForm,
    EditionTextForm,
    IneligibleForm,
    JuryStatementForm,
    QuestionForm,
    QuestionTranslateForm,
    StatusFilterForm,
    VoidForm,
    form_problems,
)
from educities.awards.models import EDITION_TEXT_FIELDS, Application, Edition
from educities.core.domain.errors import DomainError
from educities.reviews.domain.processes import (
    CriterionSpec,
    criterion_add,
    criterion_delete,
    criterion_update,
    process_update,
)
from educities.reviews.domain.queries import process_ranking
from educities.reviews.enums import ReviewPhase

MANAGE = "awards.manage_award"
# The fields of ``EditionForm`` that belong to the jury's review process, not to the edition.
PROCESS_FIELDS = {
    "scale_min": "scale_min",
    "scale_max": "scale_max",
    "jurors_per_application": "reviewers_per_item",
}


def _manage_required(view):
    """Anonymous people are sent to sign in; signed-in people without ``awards.manage_award`` get 403."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not request.user.has_perm(MANAGE):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def _require(request, permission: str, obj=None) -> None:
    if not request.user.has_perm(permission, obj):
        raise PermissionDenied


def _edition(year: int) -> Edition:
    edition = (
        Edition.objects.select_related("review_process", "next_congress_host__country")
        .filter(year=year)
        .first()
    )
    if edition is None:
        raise Http404(_("There is no edition of the award in %(year)d.") % {"year": year})
    return edition


def _application(request, edition: Edition, pk: int) -> Application | None:
    """The application ``pk`` of ``edition``; None (with a message) when it is not one of its applications."""
    application = (
        Application.objects.select_related(
            "edition__review_process", "city__country", "experience", "review_item"
        )
        .filter(pk=pk, edition=edition)
        .first()
    )
    if application is None:
        messages.error(
            request,
            _("This application is not one of the %(year)d edition. Nothing was changed.")
            % {"year": edition.year},
        )
    return application


def _safe_next(request, fallback: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback


def _url(name: str, edition: Edition, anchor: str = "") -> str:
    url = reverse(f"awards_staff:{name}", kwargs={"year": edition.year})
    return f"{url}#{anchor}" if anchor else url


def _optional_url(name: str, **kwargs) -> str:
    """The URL of a page another part of the site provides, or "" while it does not exist."""
    try:
        return reverse(name, kwargs=kwargs)
    except NoReverseMatch:
        return ""


def _nav(edition: Edition | None, award_section: str) -> dict:
    """What the back office's menus need: the award's section and the jury's pages of the edition."""
    context = {"section": "award", "award_section": award_section}
    if edition is not None:
        context["jury_manage_url"] = _optional_url("jury:manage", process_id=edition.review_process_id)
        context["jury_ranking_url"] = _optional_url("jury:ranking", process_id=edition.review_process_id)
    return context


def _apply_errors(form, error: EditionInvalid) -> None:
    for field, problems in error.errors.items():
        for problem in problems:
            form.add_error(field if field in form.fields else None, problem)


def _status_counts(edition_ids: list[int]) -> dict[int, dict[str, int]]:
    counts: dict[int, dict[str, int]] = {pk: {} for pk in edition_ids}
    rows = (
        Application.objects.filter(edition_id__in=edition_ids)
        .values_list("edition_id", "status")
        .annotate(total=Count("id"))
        .order_by()
    )
    for edition_id, status, total in rows:
        counts[edition_id][status] = total
    return counts


def _count_list(counts: dict[str, int]) -> list[dict]:
    return [
        {"status": status, "label": label, "count": counts[status]}
        for status, label in ApplicationStatus.choices
        if counts.get(status)
    ]


# --- Editions -------------------------------------------------------------------------------------


@require_safe
@_manage_required
def editions_view(request):
    editions = list(Edition.objects.select_related("review_process").order_by("-year"))
    counts = _status_counts([edition.pk for edition in editions])
    rows = [
        {
            "edition": edition,
            "phase": edition_phase(edition=edition),
            "counts": _count_list(counts[edition.pk]),
            "total": sum(counts[edition.pk].values()),
        }
        for edition in editions
    ]
    return render(request, "awards/staff/editions.html", {"rows": rows, **_nav(None, "editions")})


def _criteria_initial() -> list[dict]:
    return [
        {"name": spec.name, "description": spec.description, "weight": spec.weight}
        for spec in default_criteria()
    ]


def _criteria_from(formset) -> list[CriterionSpec]:
    """The formset's criteria; an unchanged default criterion keeps its translations."""
    defaults = {(spec.name, spec.description, spec.weight): spec for spec in default_criteria()}
    specs = []
    for form in formset.forms:
        data = form.cleaned_data
        if not data.get("name"):
            continue
        key = (data["name"], data.get("description") or "", data["weight"])
        specs.append(
            defaults.get(key)
            or CriterionSpec(
                name=data["name"], description=data.get("description") or "", weight=data["weight"]
            )
        )
    return specs


@_manage_required
def edition_new_view(request):
    if request.method == "POST":
        form = EditionForm(request.POST, prefix="edition")
        formset = CriterionFormSet(request.POST, prefix="criteria")
        if form.is_valid() and formset.is_valid():
            data = form.cleaned_data
            try:
                edition = edition_create(
                    actor=request.user,
                    number=data["number"],
                    year=data["year"],
                    theme=data["theme"],
                    original_language=data["original_language"],
                    axes=data["axes"],
                    rules=data["rules"],
                    time_zone=data["time_zone"],
                    call_opens_at=data["call_opens_at"],
                    deadline=data["deadline"],
                    jury_starts_on=data["jury_starts_on"],
                    decision_on=data["decision_on"],
                    ceremony_on=data["ceremony_on"],
                    ceremony_place=data["ceremony_place"],
                    initiative_cutoff=data["initiative_cutoff"],
                    max_applications_per_city=data["max_applications_per_city"],
                    scale_min=data["scale_min"],
                    scale_max=data["scale_max"],
                    jurors_per_application=data["jurors_per_application"],
                    next_congress_host=data["next_congress_host"],
                    criteria=_criteria_from(formset),
                )
            except EditionInvalid as error:
                _apply_errors(form, error)
            except DomainError as error:
                form.add_error(None, error.message)
            else:
                messages.success(
                    request,
                    _("The %(year)d edition is created. Announce it when its call is ready.")
                    % {"year": edition.year},
                )
                return redirect(_url("edition", edition))
    else:
        form = EditionForm(prefix="edition")
        formset = CriterionFormSet(initial=_criteria_initial(), prefix="criteria")
    return render(
        request,
        "awards/staff/edition_new.html",
        {
            "form": form,
            "formset": formset,
            "time_zones": COMMON_TIME_ZONES,
            "time_zone_list_id": TIME_ZONE_DATALIST_ID,
            **_nav(None, "new"),
        },
    )


# --- One edition: settings, texts, questions, criteria, announcement ---------------------------------


def _language_name(code: str) -> str:
    return str(dict(settings.LANGUAGES).get(code, code))


def _text_blocks(edition: Edition, bound: dict) -> list[dict]:
    blocks = []
    for language in OFFICIAL_LANGUAGES:
        if language == edition.original_language:
            continue
        values = edition_texts(edition=edition, language=language)
        current = {
            field: "" if value.is_fallback or value.language != language else value.text
            for field, value in values.items()
        }
        prefix = f"text-{language}"
        form = bound.get(prefix) or EditionTextForm(initial=current, prefix=prefix)
        for field in form.fields.values():
            # The labels are in the reader's language; the texts typed are in ``language``.
            field.widget.attrs["lang"] = language
        blocks.append(
            {"language": language, "name": _language_name(language), "values": values, "form": form}
        )
    return blocks


def _edition_context(request, edition: Edition, bound: dict | None = None) -> dict:
    bound = bound or {}
    process = edition.review_process
    questions = list(edition.questions.order_by("position"))
    criteria = list(process.criteria.order_by("position"))
    counts = _status_counts([edition.pk])[edition.pk]
    return {
        "edition": edition,
        "process": process,
        "phase": edition_phase(edition=edition),
        "is_final": edition.results_published_at is not None or edition.is_void,
        "settings_form": bound.get("settings")
        or EditionForm(initial=EditionForm.initial_for(edition), edition=edition, prefix="settings"),
        "time_zones": COMMON_TIME_ZONES,
        "time_zone_list_id": TIME_ZONE_DATALIST_ID,
        "original_language_name": _language_name(edition.original_language),
        "text_blocks": _text_blocks(edition, bound),
        "questions": [
            {
                "question": question,
                "form": bound.get(f"question-{question.pk}")
                or QuestionForm(initial=QuestionForm.initial_for(question), prefix=f"question-{question.pk}"),
                "translate_form": bound.get(f"question-{question.pk}-tr")
                or QuestionTranslateForm(prefix=f"question-{question.pk}-tr"),
            }
            for question in questions
        ],
        "question_form": bound.get("question-new") or QuestionForm(prefix="question-new"),
        "criteria": [
            {
                "criterion": criterion,
                "form": bound.get(f"criterion-{criterion.pk}")
                or CriterionEditForm(
                    initial={
                        "name": criterion.name,
                        "description": criterion.description,
                        "weight": criterion.weight,
                    },
                    prefix=f"criterion-{criterion.pk}",
                ),
            }
            for criterion in criteria
        ],
        "criterion_form": bound.get("criterion-new") or CriterionEditForm(prefix="criterion-new"),
        "counts": _count_list(counts),
        "total": sum(counts.values()),
        **_nav(edition, "edition"),
    }


def _changed_settings(edition: Edition, data: dict) -> tuple[dict, dict]:
    """What the settings form changes: (edition fields, review process fields)."""
    current = EditionForm.initial_for(edition)
    for name in EditionForm.TIMELINE_FIELDS:
        # The form shows minutes: seconds stored by other means are not a change.
        value = getattr(edition, name)
        current[name] = value.replace(second=0, microsecond=0) if value else None
    current["next_congress_host"] = edition.next_congress_host
    edition_fields, process_fields = {}, {}
    for name, value in data.items():
        if value == current.get(name):
            continue
        if name in PROCESS_FIELDS:
            process_fields[PROCESS_FIELDS[name]] = value
        else:
            edition_fields[name] = value
    return edition_fields, process_fields


def _save_settings(request, edition: Edition) -> tuple[str | None, dict]:
    form = EditionForm(request.POST, edition=edition, prefix="settings")
    if not form.is_valid():
        return None, {"settings": form}
    edition_fields, process_fields = _changed_settings(edition, form.cleaned_data)
    if not edition_fields and not process_fields:
        messages.info(request, _("Nothing was changed."))
        return _url("edition", edition, "settings"), {}
    try:
        with transaction.atomic():
            if edition_fields:
                edition_update(edition=edition, actor=request.user, **edition_fields)
            if process_fields:
                process_update(process=edition.review_process, actor=request.user, **process_fields)
    except EditionInvalid as error:
        edition.refresh_from_db()
        _apply_errors(form, error)
        return None, {"settings": form}
    except DomainError as error:
        edition.refresh_from_db()
        edition.review_process.refresh_from_db()
        form.add_error(None, error.message)
        return None, {"settings": form}
    messages.success(request, _("The settings of the %(year)d edition are saved.") % {"year": edition.year})
    return _url("edition", edition, "settings"), {}


def _save_texts(request, edition: Edition) -> tuple[str | None, dict]:
    language = request.POST.get("language", "")
    if language not in OFFICIAL_LANGUAGES or language == edition.original_language:
        messages.error(
            request,
            _("Choose one of the other official languages (%(languages)s). Nothing was changed.")
            % {
                "languages": ", ".join(
                    code for code in OFFICIAL_LANGUAGES if code != edition.original_language
                )
            },
        )
        return _url("edition", edition, "texts"), {}
    prefix = f"text-{language}"
    form = EditionTextForm(request.POST, prefix=prefix)
    if not form.is_valid():
        return None, {prefix: form}
    values = edition_texts(edition=edition, language=language)
    changes = {
        field: form.cleaned_data[field]
        for field in EDITION_TEXT_FIELDS
        if form.cleaned_data[field]
        and (
            values[field].is_fallback
            or values[field].language != language
            or values[field].text != form.cleaned_data[field]
            or values[field].is_stale
            or values[field].is_machine
        )
    }
    if not changes:
        messages.info(request, _("Nothing was changed."))
        return _url("edition", edition, f"texts-{language}"), {}
    try:
        with transaction.atomic():
            for field, text in changes.items():
                edition_text_translate(
                    edition=edition, field=field, language=language, text=text, actor=request.user
                )
    except DomainError as error:
        form.add_error(None, error.message)
        return None, {prefix: form}
    messages.success(
        request, _("The texts in %(language)s are saved.") % {"language": _language_name(language)}
    )
    return _url("edition", edition, f"texts-{language}"), {}


def _question(request, edition: Edition):
    try:
        pk = int(request.POST.get("question", ""))
    except ValueError:
        pk = None
    question = edition.questions.filter(pk=pk).first() if pk else None
    if question is None:
        messages.error(
            request,
            _("This question is not one of the %(year)d edition. Nothing was changed.")
            % {"year": edition.year},
        )
    return question


def _criterion(request, edition: Edition):
    try:
        pk = int(request.POST.get("criterion", ""))
    except ValueError:
        pk = None
    criterion = edition.review_process.criteria.filter(pk=pk).first() if pk else None
    if criterion is None:
        messages.error(
            request,
            _("This criterion is not one of the %(year)d edition. Nothing was changed.")
            % {"year": edition.year},
        )
    return criterion


def _question_action(request, edition: Edition, action: str) -> tuple[str | None, dict]:
    back = _url("edition", edition, "questions")
    if action == "question_add":
        form = QuestionForm(request.POST, prefix="question-new")
        if not form.is_valid():
            return None, {"question-new": form}
        try:
            edition_question_add(edition=edition, actor=request.user, **form.cleaned_data)
        except DomainError as error:
            form.add_error(None, error.message)
            return None, {"question-new": form}
        messages.success(request, _("The question is added."))
        return back, {}
    question = _question(request, edition)
    if question is None:
        return back, {}
    question.edition = edition
    if action == "question_delete":
        try:
            edition_question_delete(question=question, actor=request.user)
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("The question is deleted."))
        return back, {}
    if action == "question_edit":
        prefix = f"question-{question.pk}"
        form = QuestionForm(request.POST, prefix=prefix)
        if not form.is_valid():
            return None, {prefix: form}
        try:
            edition_question_update(question=question, actor=request.user, **form.cleaned_data)
        except DomainError as error:
            form.add_error(None, error.message)
            return None, {prefix: form}
        messages.success(request, _("The question is saved."))
        return f"{_url('edition', edition)}#question-{question.pk}", {}
    prefix = f"question-{question.pk}-tr"
    form = QuestionTranslateForm(request.POST, prefix=prefix)
    if not form.is_valid():
        return None, {prefix: form}
    try:
        edition_question_translate(question=question, actor=request.user, **form.cleaned_data)
    except DomainError as error:
        form.add_error(None, error.message)
        return None, {prefix: form}
    messages.success(
        request,
        _("The question is saved in %(language)s.")
        % {"language": _language_name(form.cleaned_data["language"])},
    )
    return f"{_url('edition', edition)}#question-{question.pk}", {}


def _criterion_action(request, edition: Edition, action: str) -> tuple[str | None, dict]:
    back = _url("edition", edition, "criteria")
    process = edition.review_process
    if action == "criterion_add":
        form = CriterionEditForm(request.POST, prefix="criterion-new")
        if not form.is_valid():
            return None, {"criterion-new": form}
        try:
            criterion_add(
                process=process, actor=request.user, language=edition.original_language, **form.cleaned_data
            )
        except DomainError as error:
            form.add_error(None, error.message)
            return None, {"criterion-new": form}
        messages.success(request, _("The criterion is added."))
        return back, {}
    criterion = _criterion(request, edition)
    if criterion is None:
        return back, {}
    criterion.process = process
    if action == "criterion_delete":
        try:
            criterion_delete(criterion=criterion, actor=request.user)
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("The criterion is deleted."))
        return back, {}
    prefix = f"criterion-{criterion.pk}"
    form = CriterionEditForm(request.POST, prefix=prefix)
    if not form.is_valid():
        return None, {prefix: form}
    try:
        criterion_update(criterion=criterion, actor=request.user, **form.cleaned_data)
    except DomainError as error:
        form.add_error(None, error.message)
        return None, {prefix: form}
    messages.success(request, _("The criterion is saved."))
    return back, {}


def _announce(request, edition: Edition) -> tuple[str | None, dict]:
    try:
        edition_announce(edition=edition, actor=request.user)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The %(year)d edition is announced.") % {"year": edition.year})
    return _url("edition", edition), {}


EDITION_ACTIONS = {
    "settings": _save_settings,
    "texts": _save_texts,
    "announce": _announce,
    **dict.fromkeys(("question_add", "question_edit", "question_delete", "question_translate")),
    **dict.fromkeys(("criterion_add", "criterion_edit", "criterion_delete")),
}


@_manage_required
def edition_view(request, year: int):
    edition = _edition(year)
    bound: dict = {}
    if request.method == "POST":
        action = request.POST.get("action", "")
        if action not in EDITION_ACTIONS:
            messages.error(request, _("Unknown action. Nothing was changed."))
            return redirect(_url("edition", edition))
        if action.startswith("question_"):
            target, bound = _question_action(request, edition, action)
        elif action.startswith("criterion_"):
            target, bound = _criterion_action(request, edition, action)
        else:
            target, bound = EDITION_ACTIONS[action](request, edition)
        if target is not None:
            if action == "settings":
                # The year may have changed: the page's address follows it.
                edition.refresh_from_db(fields=["year"])
                target = _url("edition", edition, "settings")
            return redirect(target)
        messages.error(request, _("Some values need correcting (see below). Nothing was changed."))
    elif request.method not in {"GET", "HEAD"}:
        return HttpResponse(status=405, headers={"Allow": "GET, HEAD, POST"})
    return render(request, "awards/staff/edition.html", _edition_context(request, edition, bound))


# --- Applications and eligibility ------------------------------------------------------------------


def _application_rows(edition: Edition, applications) -> list[dict]:
    rows = []
    all_checks = eligibility_checks(edition=edition, applications=applications)
    for application in applications:
        checks = all_checks[application.pk]
        steps = {
            step
            for step, (from_states, _to) in APPLICATION_STEPS.items()
            if application.status in from_states
        }
        failed = [check for check in checks if not check.passed]
        rows.append(
            {
                "application": application,
                "checks": checks,
                "failed": failed,
                "can_confirm": "confirm_eligible" in steps,
                "can_declare_ineligible": "declare_ineligible" in steps,
                "confirm_form": ConfirmEligibleForm(prefix=f"eligible-{application.pk}"),
                "ineligible_form": IneligibleForm(prefix=f"ineligible-{application.pk}"),
            }
        )
    return rows


@require_safe
@_manage_required
def applications_view(request, year: int):
    edition = _edition(year)
    status = ""
    filter_form = StatusFilterForm(request.GET or None)
    if request.GET:
        if filter_form.is_valid():
            status = filter_form.cleaned_data["status"]
        else:
            messages.warning(
                request,
                _("“%(value)s” is not a status: every application is shown.")
                % {"value": request.GET.get("status", "")[:40]},
            )
            filter_form = StatusFilterForm()
    applications = list(applications_for_staff(edition=edition, status=status or None))
    counts = _status_counts([edition.pk])[edition.pk]
    return render(
        request,
        "awards/staff/applications.html",
        {
            "edition": edition,
            "phase": edition_phase(edition=edition),
            "rows": _application_rows(edition, applications),
            "filter_form": filter_form,
            "status": status,
            "counts": _count_list(counts),
            "eligible_count": counts.get(ApplicationStatus.ELIGIBLE, 0),
            "can_send": edition.review_process.phase not in {ReviewPhase.DECISION, ReviewPhase.CLOSED},
            "next": request.get_full_path(),
            **_nav(edition, "applications"),
        },
    )


@require_POST
@_manage_required
def application_eligible_view(request, year: int, pk: int):
    edition = _edition(year)
    back = _safe_next(request, _url("applications", edition))
    application = _application(request, edition, pk)
    if application is None:
        return redirect(back)
    _require(request, "awards.review_eligibility", application)
    form = ConfirmEligibleForm(request.POST, prefix=f"eligible-{application.pk}")
    if not form.is_valid():
        messages.error(request, _("%(problems)s Nothing was changed.") % {"problems": form_problems(form)})
        return redirect(back)
    try:
        application_confirm_eligible(
            application=application, actor=request.user, override_reason=form.cleaned_data["override_reason"]
        )
    except DomainError as error:
        messages.error(
            request,
            _("%(city)s: %(problem)s Nothing was changed.")
            % {"city": application.city.name, "problem": error.message},
        )
    else:
        messages.success(
            request, _("%(city)s: the application is eligible.") % {"city": application.city.name}
        )
    return redirect(back)


@require_POST
@_manage_required
def application_ineligible_view(request, year: int, pk: int):
    edition = _edition(year)
    back = _safe_next(request, _url("applications", edition))
    application = _application(request, edition, pk)
    if application is None:
        return redirect(back)
    _require(request, "awards.review_eligibility", application)
    form = IneligibleForm(request.POST, prefix=f"ineligible-{application.pk}")
    if not form.is_valid():
        messages.error(
            request,
            _("%(city)s: %(problems)s Nothing was changed.")
            % {"city": application.city.name, "problems": form_problems(form)},
        )
        return redirect(back)
    try:
        application_declare_ineligible(
            application=application, actor=request.user, reason=form.cleaned_data["reason"]
        )
    except DomainError as error:
        messages.error(
            request,
            _("%(city)s: %(problem)s Nothing was changed.")
            % {"city": application.city.name, "problem": error.message},
        )
    else:
        messages.success(
            request,
            _("%(city)s: the application is declared not eligible.") % {"city": application.city.name},
        )
    return redirect(back)


@require_POST
@_manage_required
def applications_send_to_jury_view(request, year: int):
    edition = _edition(year)
    back = _safe_next(request, _url("applications", edition))
    try:
        sent = applications_send_to_jury(edition=edition, actor=request.user)
    except DomainError as error:
        messages.error(request, error.message)
        return redirect(back)
    if sent:
        text = ngettext(
            "%(count)d eligible application sent to the jury.",
            "%(count)d eligible applications sent to the jury.",
            sent,
        )
        messages.success(request, text % {"count": sent})
    else:
        messages.info(request, _("No eligible application is waiting to be sent to the jury."))
    return redirect(back)


def _attachment(content, *, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_safe
@_manage_required
def application_letter_view(request, year: int, pk: int):
    edition = _edition(year)
    application = Application.objects.select_related("city", "edition").filter(pk=pk, edition=edition).first()
    if application is None:
        raise Http404(_("This application is not one of the %(year)d edition.") % {"year": edition.year})
    _require(request, "awards.download_letter", application)
    letter = application.mayor_letter
    if not letter:
        raise Http404(_("This application has no letter from the mayor."))
    try:
        # The field's own storage: the private one, which no URL serves.
        handle = letter.storage.open(letter.name, "rb")
    except OSError as error:
        raise Http404(_("The letter cannot be found.")) from error
    filename = f"award-{edition.year}-{application.city.slug}-{application.pk}-mayor-letter.pdf"
    response = FileResponse(handle, content_type="application/pdf", as_attachment=True, filename=filename)
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


# --- Decisions and results ------------------------------------------------------------------------


def _decision_rows(edition: Edition) -> tuple[list[dict], list[dict]]:
    """(ranked rows, applications with a decision but no ranking row)."""
    ranking = process_ranking(process=edition.review_process)
    applications = {
        application.review_item_id: application
        for application in Application.objects.filter(
            edition=edition, review_item__isnull=False
        ).select_related("city__country", "experience")
    }
    rows = []
    for ranked in ranking:
        application = applications.pop(ranked.item.pk, None)
        if application is None:
            continue
        rows.append(_decision_row(application, ranked=ranked))
    others = [
        _decision_row(application)
        for application in sorted(applications.values(), key=lambda a: (a.city.name, a.pk))
        if application.status != ApplicationStatus.WITHDRAWN
    ]
    return rows, others


def _decision_row(application: Application, ranked=None) -> dict:
    initial = {"statement": application.statement}
    if application.status in dict(DecisionForm.base_fields["result"].choices):
        initial["result"] = application.status
    return {
        "application": application,
        "ranked": ranked,
        "form": DecisionForm(initial=initial, prefix=f"decide-{application.pk}"),
    }


@require_safe
@_manage_required
def decision_view(request, year: int):
    edition = _edition(year)
    process = edition.review_process
    rows, others = _decision_rows(edition)
    is_final = edition.results_published_at is not None or edition.is_void
    certificates = []
    if edition.results_published_at is not None:
        certificates = list(
            Application.objects.filter(edition=edition, status__in=CERTIFICATE_STATES)
            .select_related("city__country", "experience")
            .order_by("city__name", "pk")
        )
    return render(
        request,
        "awards/staff/decision.html",
        {
            "edition": edition,
            "process": process,
            "phase": edition_phase(edition=edition),
            "rows": rows,
            "others": others,
            "can_decide": process.phase == ReviewPhase.DECISION and not is_final,
            "is_final": is_final,
            "statement_form": JuryStatementForm(initial={"statement": edition.jury_statement}, prefix="jury"),
            "void_form": VoidForm(prefix="void"),
            "certificates": certificates,
            **_nav(edition, "decision"),
        },
    )


@require_POST
@_manage_required
def application_decide_view(request, year: int, pk: int):
    edition = _edition(year)
    back = _url("decision", edition)
    application = _application(request, edition, pk)
    if application is None:
        return redirect(back)
    form = DecisionForm(request.POST, prefix=f"decide-{application.pk}")
    if not form.is_valid():
        messages.error(
            request,
            _("%(city)s: %(problems)s Nothing was changed.")
            % {"city": application.city.name, "problems": form_problems(form)},
        )
        return redirect(f"{back}#application-{application.pk}")
    result = ApplicationStatus(form.cleaned_data["result"])
    try:
        application_decide(
            application=application,
            result=result,
            statement=form.cleaned_data["statement"],
            actor=request.user,
        )
    except DomainError as error:
        messages.error(
            request,
            _("%(city)s: %(problem)s Nothing was changed.")
            % {"city": application.city.name, "problem": error.message},
        )
    else:
        messages.success(
            request, _("%(city)s: %(result)s.") % {"city": application.city.name, "result": result.label}
        )
    return redirect(f"{back}#application-{application.pk}")


@require_POST
@_manage_required
def jury_statement_view(request, year: int):
    edition = _edition(year)
    back = _url("decision", edition, "statement")
    form = JuryStatementForm(request.POST, prefix="jury")
    if not form.is_valid():
        messages.error(request, _("%(problems)s Nothing was changed.") % {"problems": form_problems(form)})
        return redirect(back)
    try:
        edition_update(edition=edition, actor=request.user, jury_statement=form.cleaned_data["statement"])
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The statement of the jury is saved."))
    return redirect(back)


@require_POST
@_manage_required
def results_publish_view(request, year: int):
    edition = _edition(year)
    try:
        edition_results_publish(edition=edition, actor=request.user)
    except DomainError as error:
        messages.error(request, _("%(problem)s Nothing was changed.") % {"problem": error.message})
    else:
        messages.success(
            request, _("The results of the %(year)d edition are published.") % {"year": edition.year}
        )
    return redirect(_url("decision", edition))


@require_POST
@_manage_required
def declare_void_view(request, year: int):
    edition = _edition(year)
    back = _url("decision", edition, "void")
    form = VoidForm(request.POST, prefix="void")
    if not form.is_valid():
        messages.error(request, _("%(problems)s Nothing was changed.") % {"problems": form_problems(form)})
        return redirect(back)
    try:
        edition_declare_void(edition=edition, statement=form.cleaned_data["statement"], actor=request.user)
    except DomainError as error:
        messages.error(request, _("%(problem)s Nothing was changed.") % {"problem": error.message})
        return redirect(back)
    messages.success(request, _("The award of %(year)d is declared void.") % {"year": edition.year})
    return redirect(_url("decision", edition))


# --- Exports --------------------------------------------------------------------------------------


@require_safe
@_manage_required
def export_view(request, year: int, dataset: str, fmt: str):
    edition = _edition(year)
    _require(request, "awards.export", edition)
    if dataset not in EXPORTS or fmt not in AWARD_EXPORT_FORMATS:
        raise Http404(_("There is no such export."))
    content = award_export(edition=edition, kind=dataset, fmt=fmt)
    return _attachment(
        content,
        content_type=AWARD_EXPORT_FORMATS[fmt].content_type,
        filename=award_export_filename(edition=edition, kind=dataset, fmt=fmt),
    )
