"""The city editor's side of the bank of experiences: a guided form that saves drafts, the files, the
list of the city's experiences and one experience's status, history and steps.

Permissions (experiences/rules.py): anonymous users go to the sign-in page (302); a signed-in user who
may not do something gets 403; an unknown experience, step or file is 404 (looked up before the
permission check, like the members editor pages). Saving goes through experiences.domain; a refused
value or step is shown to the user and changes nothing.
"""

import re

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from educities.core.domain.errors import DomainError, PermissionRefused
from educities.core.validators import has_control_characters
from educities.experiences.domain.attachments import (
    ATTACHMENTS_MAX,
    experience_attachment_add,
    experience_attachment_remove,
    experience_attachments_working,
)
from educities.experiences.domain.drafts import (
    experience_create,
    experience_draft_save,
    experience_open_revision,
    experience_working_values,
)
from educities.experiences.domain.queries_editor import (
    experience_history,
    experience_steps_for,
    experiences_edited_by,
    revision_steps_for,
)
from educities.experiences.domain.values import ValuesInvalid
from educities.experiences.domain.workflow import (
    experience_missing_for_submission,
    experience_transition,
    revision_transition,
)
from educities.experiences.enums import (
    EXPERIENCE_EDITABLE_STATES,
    EXPERIENCE_PUBLIC_STATES,
    EXPERIENCE_STEPS,
    REVISION_EDITABLE_STATES,
    REVISION_STEPS,
    AttachmentKind,
    ExperienceStatus,
    RevisionStatus,
)
from educities.experiences.interfaces.display import ValueLabels, language_name
from educities.experiences.interfaces.forms_editor import (
    AttachmentForm,
    BasicsForm,
    ClassificationForm,
    DescriptionForm,
    ExperienceNewForm,
    PeopleForm,
)
from educities.experiences.interfaces.preview import experience_preview
from educities.experiences.models import Experience, ExperienceAttachment, ExperienceRevision
from educities.members.enums import MembershipStatus, RoleKind
from educities.members.models import City

STEPS: tuple[tuple[str, str], ...] = (
    ("basics", gettext_lazy("Basics")),
    ("description", gettext_lazy("Description")),
    ("classification", gettext_lazy("Classification")),
    ("people", gettext_lazy("People and links")),
    ("files", gettext_lazy("Files")),
    ("review", gettext_lazy("Review and submit")),
)
STEP_CODES = tuple(code for code, _label in STEPS)
FORM_STEPS = {
    "basics": BasicsForm,
    "description": DescriptionForm,
    "classification": ClassificationForm,
    "people": PeopleForm,
}
COMMENT_MAX_LENGTH = 5000

# What the buttons say and what the page says once the step is done.
STEP_BUTTONS = {
    "submit": gettext_lazy("Submit for publication"),
    "withdraw": gettext_lazy("Withdraw from review"),
    "revise": gettext_lazy("Revise and submit again"),
    "archive": gettext_lazy("Archive"),
    "revision_submit": gettext_lazy("Submit my changes"),
    "revision_withdraw": gettext_lazy("Withdraw my changes from review"),
    "revision_discard": gettext_lazy("Discard my changes"),
}
STEP_DONE = {
    "submit": gettext_lazy("The experience is submitted. The Secretariat will review it."),
    "withdraw": gettext_lazy("The experience is back to draft: you can change it."),
    "revise": gettext_lazy("The experience is back to draft: change it and submit it again."),
    "archive": gettext_lazy("The experience is archived."),
    "restore": gettext_lazy("The experience is published again."),
    "review_start": gettext_lazy("The review has started."),
    "request_changes": gettext_lazy("Changes are requested from the city."),
    "publish": gettext_lazy("The experience is published."),
    "reject": gettext_lazy("The experience is rejected."),
    "revision_submit": gettext_lazy(
        "Your changes are submitted. The published version stays online until the Secretariat publishes them."
    ),
    "revision_withdraw": gettext_lazy("Your changes are back to draft: you can change them."),
    "revision_discard": gettext_lazy("Your changes are discarded."),
    "revision_review_start": gettext_lazy("The review of the changes has started."),
    "revision_request_changes": gettext_lazy("Changes are requested from the city."),
    "revision_publish": gettext_lazy("The changes are published."),
    "revision_reject": gettext_lazy("The changes are rejected."),
}
HISTORY_LABELS = {
    "create": gettext_lazy("started"),
    "submit": gettext_lazy("submitted"),
    "withdraw": gettext_lazy("withdrawn from review"),
    "review_start": gettext_lazy("review started"),
    "request_changes": gettext_lazy("changes requested"),
    "publish": gettext_lazy("published"),
    "reject": gettext_lazy("rejected"),
    "revise": gettext_lazy("back to draft after rejection"),
    "archive": gettext_lazy("archived"),
    "restore": gettext_lazy("published again"),
    "feature": gettext_lazy("made a focus experience"),
    "unfeature": gettext_lazy("no longer a focus experience"),
    "revision_submit": gettext_lazy("changes submitted"),
    "revision_withdraw": gettext_lazy("changes withdrawn from review"),
    "revision_review_start": gettext_lazy("review of changes started"),
    "revision_request_changes": gettext_lazy("changes to the changes requested"),
    "revision_publish": gettext_lazy("changes published"),
    "revision_reject": gettext_lazy("changes rejected"),
    "revision_discard": gettext_lazy("changes discarded"),
    "import": gettext_lazy("imported"),
    "translation_save": gettext_lazy("translation saved"),
    "translation_review": gettext_lazy("machine translation reviewed"),
}
TRANSLATION_ACTIONS = frozenset({"translation_save", "translation_review"})
# Entries whose comment is the Secretariat's word to the city.
MODERATOR_ACTIONS = frozenset(
    {
        "request_changes",
        "reject",
        "publish",
        "archive",
        "restore",
        "revision_request_changes",
        "revision_reject",
        "revision_publish",
    }
)
_REVISION_NUMBER = re.compile(r"#\d+")


def _experience_for(request, slug: str, permission: str = "experiences.change_experience") -> Experience:
    experience = get_object_or_404(Experience.objects.select_related("city", "city__country"), slug=slug)
    if not request.user.has_perm(permission, experience):
        raise PermissionDenied
    return experience


def _cities_for_new(user) -> list[City]:
    """The cities ``user`` may start an experience for (member cities they edit; any member for staff)."""
    cities = City.objects.filter(
        membership_status__in=[MembershipStatus.MEMBER, MembershipStatus.SUSPENDED]
    ).order_by("name", "pk")
    if not user.has_perm("experiences.moderate_experience"):
        cities = cities.filter(role_grants__user=user, role_grants__kind=RoleKind.CITY_EDITOR).distinct()
    return [city for city in cities if user.has_perm("experiences.add_experience", city)]


def _open_revision(experience: Experience) -> ExperienceRevision | None:
    if experience.status not in EXPERIENCE_PUBLIC_STATES:
        return None
    return experience_open_revision(experience=experience)


def _not_editable_reason(experience: Experience, revision: ExperienceRevision | None) -> str:
    """Why the city cannot change the experience now ("" when it can)."""
    if experience.status in EXPERIENCE_EDITABLE_STATES:
        return ""
    if experience.status in EXPERIENCE_PUBLIC_STATES:
        if revision is None or revision.status in REVISION_EDITABLE_STATES:
            return ""
        return _("Your changes are being reviewed: withdraw them from review before changing them again.")
    return _("This experience is being reviewed: withdraw it from review before changing it.")


def _last_request(experience: Experience, revision: ExperienceRevision | None, history) -> str:
    """The Secretariat's last request for changes, while the city is answering it."""
    if revision is not None and revision.status == RevisionStatus.CHANGES_REQUESTED:
        action = "revision_request_changes"
    elif revision is None and experience.status in {
        ExperienceStatus.CHANGES_REQUESTED,
        ExperienceStatus.REJECTED,
    }:
        action = "request_changes" if experience.status == ExperienceStatus.CHANGES_REQUESTED else "reject"
    else:
        return ""
    comments = [entry.comment for entry in history if entry.action == action and entry.comment]
    return comments[-1] if comments else ""


def _history_item(entry) -> dict:
    """One audit entry as the city reads it. A translator is not of the city: their e-mail address is
    not shown, and a translation entry says which text and language rather than their codes."""
    actor = entry.actor
    if actor is None:
        who = "—"
    elif actor.is_staff:
        who = _("the Secretariat")
    else:
        who = actor.get_full_name() or (
            _("a translator") if entry.action in TRANSLATION_ACTIONS else actor.email
        )
    comment = entry.comment
    if entry.action in TRANSLATION_ACTIONS:
        comment = _("%(text)s, in %(language)s") % {
            "text": ValueLabels.label(entry.comment),
            "language": language_name(entry.to_state),
        }
    return {
        "entry": entry,
        "label": HISTORY_LABELS.get(entry.action, entry.action),
        "actor": who,
        "comment": comment,
    }


def _safe_next(request, default: str) -> str:
    target = request.POST.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


# --- Starting an experience -------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def experience_new(request):
    cities = _cities_for_new(request.user)
    if not cities:
        raise PermissionDenied
    if request.method == "POST":
        form = ExperienceNewForm(request.POST, cities=cities)
        if form.is_valid():
            try:
                experience = experience_create(
                    actor=request.user, city=form.chosen_city(), values=form.values()
                )
            except ValuesInvalid as error:
                for key, texts in error.errors.items():
                    for text in texts:
                        form.add_error(key if key in form.fields else None, text)
            except DomainError as error:
                form.add_error(None, error.message)
            else:
                messages.success(
                    request, _("The draft is saved. Continue with the other steps when you like.")
                )
                return redirect("experiences:edit", slug=experience.slug, step="basics")
    else:
        form = ExperienceNewForm(cities=cities, initial={"original_language": request.LANGUAGE_CODE})
    return render(request, "experiences/editor/new.html", {"form": form, "cities": cities})


# --- The guided form ----------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "HEAD"])
def experience_edit_start(request, slug):
    _experience_for(request, slug)
    return redirect("experiences:edit", slug=slug, step="basics")


def _step_context(request, experience: Experience, revision, step: str) -> dict:
    index = STEP_CODES.index(step)
    history = experience_history(experience=experience)
    return {
        "experience": experience,
        "revision": revision,
        "is_revision": experience.status in EXPERIENCE_PUBLIC_STATES,
        "step": step,
        "step_label": dict(STEPS)[step],
        "steps": [
            {
                "code": code,
                "label": label,
                "url": reverse("experiences:edit", kwargs={"slug": experience.slug, "step": code}),
                "current": code == step,
                "number": number,
            }
            for number, (code, label) in enumerate(STEPS, start=1)
        ],
        "step_number": index + 1,
        "steps_count": len(STEPS),
        "next_step": STEP_CODES[index + 1] if index + 1 < len(STEP_CODES) else None,
        "previous_step": STEP_CODES[index - 1] if index > 0 else None,
        "last_request": _last_request(experience, revision, history),
    }


def _files_context(experience: Experience, revision, forms: dict | None = None) -> dict:
    working = experience_attachments_working(experience=experience, revision=revision)
    removed_ids = set((revision.data.get("attachments_removed") or []) if revision is not None else [])
    removed = (
        list(experience.attachments.filter(revision__isnull=True, pk__in=removed_ids)) if removed_ids else []
    )
    forms = forms or {}
    return {
        "documents": [a for a in working if a.kind == AttachmentKind.DOCUMENT],
        "images": [a for a in working if a.kind == AttachmentKind.IMAGE],
        "removed_attachments": removed,
        "document_form": forms.get(AttachmentKind.DOCUMENT) or AttachmentForm(kind=AttachmentKind.DOCUMENT),
        "image_form": forms.get(AttachmentKind.IMAGE) or AttachmentForm(kind=AttachmentKind.IMAGE),
        "documents_max": ATTACHMENTS_MAX[AttachmentKind.DOCUMENT],
        "images_max": ATTACHMENTS_MAX[AttachmentKind.IMAGE],
    }


def _review_context(request, experience: Experience, revision) -> dict:
    values = experience_working_values(experience=experience)
    attachments = experience_attachments_working(experience=experience, revision=revision)
    if revision is not None:
        steps = revision_steps_for(user=request.user, revision=revision)
    elif experience.status in EXPERIENCE_PUBLIC_STATES:
        steps = []
    else:
        steps = experience_steps_for(user=request.user, experience=experience)
    return {
        "missing": experience_missing_for_submission(values=values),
        "preview": experience_preview(values=values, city=experience.city, attachments=attachments),
        "actions": [(step, STEP_BUTTONS[step]) for step in steps if step in STEP_BUTTONS],
    }


def _render_step(request, experience, revision, step, *, form=None, upload_forms=None, status=200):
    context = _step_context(request, experience, revision, step)
    context["form"] = form
    if step == "files":
        context.update(_files_context(experience, revision, upload_forms))
    elif step == "review":
        context.update(_review_context(request, experience, revision))
    return render(request, "experiences/editor/edit.html", context, status=status)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def experience_edit(request, slug, step):
    experience = _experience_for(request, slug)
    if step not in STEP_CODES:
        raise Http404
    revision = _open_revision(experience)
    reason = _not_editable_reason(experience, revision)
    if reason:
        messages.info(request, reason)
        return redirect("experiences:manage", slug=experience.slug)
    form_class = FORM_STEPS.get(step)
    if form_class is None:
        if request.method == "POST":
            return redirect("experiences:edit", slug=experience.slug, step=step)
        return _render_step(request, experience, revision, step)
    extra = {"city": experience.city} if form_class is PeopleForm else {}
    if request.method == "POST":
        form = form_class(request.POST, **extra)
        if form.is_valid():
            try:
                experience_draft_save(actor=request.user, experience=experience, values=form.values())
            except ValuesInvalid as error:
                form.add_value_errors(error.errors)
            except PermissionRefused as error:
                raise PermissionDenied from error
            except DomainError as error:
                form.add_error(None, error.message)
            else:
                if experience.status in EXPERIENCE_PUBLIC_STATES:
                    messages.success(
                        request,
                        _(
                            "Your changes are saved. The published version stays online until the "
                            "Secretariat publishes them."
                        ),
                    )
                else:
                    messages.success(request, _("The draft is saved."))
                index = STEP_CODES.index(step)
                target = step
                if request.POST.get("then") == "continue" and index + 1 < len(STEP_CODES):
                    target = STEP_CODES[index + 1]
                return redirect("experiences:edit", slug=experience.slug, step=target)
    else:
        values = experience_working_values(experience=experience)
        if form_class is PeopleForm:
            extra.update(PeopleForm.rows_for(values))
        form = form_class(initial=form_class.initial_for(values), **extra)
    return _render_step(request, experience, revision, step, form=form)


# --- Files --------------------------------------------------------------------------------------------


@login_required
@require_POST
def attachment_add(request, slug):
    experience = _experience_for(request, slug)
    kind = request.POST.get("kind")
    if kind not in AttachmentKind.values:
        messages.error(request, _("Choose whether the file is a PDF document or an image."))
        return redirect("experiences:edit", slug=experience.slug, step="files")
    revision = _open_revision(experience)
    reason = _not_editable_reason(experience, revision)
    if reason:
        messages.info(request, reason)
        return redirect("experiences:manage", slug=experience.slug)
    form = AttachmentForm(request.POST, request.FILES, kind=kind)
    if form.is_valid():
        try:
            attachment = experience_attachment_add(
                actor=request.user,
                experience=experience,
                upload=form.cleaned_data["file"],
                kind=kind,
                title=form.cleaned_data["title"],
                alt_text=form.cleaned_data.get("alt_text", ""),
            )
        except PermissionRefused as error:
            raise PermissionDenied from error
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The file “%(title)s” is added.") % {"title": attachment.title})
            return redirect("experiences:edit", slug=experience.slug, step="files")
    revision = _open_revision(experience)
    return _render_step(request, experience, revision, "files", upload_forms={kind: form})


@login_required
@require_POST
def attachment_remove(request, slug, pk):
    experience = _experience_for(request, slug)
    attachment = get_object_or_404(ExperienceAttachment, pk=pk, experience=experience)
    try:
        experience_attachment_remove(actor=request.user, experience=experience, attachment=attachment)
    except PermissionRefused as error:
        raise PermissionDenied from error
    except DomainError as error:
        messages.error(request, error.message)
    else:
        if experience.status in EXPERIENCE_PUBLIC_STATES and attachment.revision_id is None:
            messages.success(
                request,
                _("The file “%(title)s” will be removed when the Secretariat publishes your changes.")
                % {"title": attachment.title},
            )
        else:
            messages.success(request, _("The file “%(title)s” is removed.") % {"title": attachment.title})
    return redirect("experiences:edit", slug=experience.slug, step="files")


# --- The city's experiences, one experience's status, the steps ----------------------------------------


@login_required
@require_http_methods(["GET", "HEAD"])
def experiences_mine(request):
    rows = []
    for experience in experiences_edited_by(user=request.user):
        revision = experience.open_revisions[0] if experience.open_revisions else None
        if revision is not None:
            revision.experience = experience
        steps = experience_steps_for(user=request.user, experience=experience)
        steps += revision_steps_for(user=request.user, revision=revision)
        rows.append(
            {
                "experience": experience,
                "revision": revision,
                "can_edit": not _not_editable_reason(experience, revision),
                "actions": [(step, STEP_BUTTONS[step]) for step in steps],
            }
        )
    return render(
        request,
        "experiences/editor/mine.html",
        {"rows": rows, "can_add": bool(_cities_for_new(request.user))},
    )


@login_required
@require_http_methods(["GET", "HEAD"])
def experience_manage(request, slug):
    experience = _experience_for(request, slug)
    revision = _open_revision(experience)
    history = experience_history(experience=experience)
    steps = experience_steps_for(user=request.user, experience=experience)
    steps += revision_steps_for(user=request.user, revision=revision)
    comments = [
        entry
        for entry in history
        if entry.action in MODERATOR_ACTIONS
        and entry.comment
        and not _REVISION_NUMBER.fullmatch(entry.comment)
    ]
    return render(
        request,
        "experiences/editor/manage.html",
        {
            "experience": experience,
            "revision": revision,
            "history": [_history_item(entry) for entry in history],
            "comments": comments,
            "can_edit": not _not_editable_reason(experience, revision),
            "actions": [(step, STEP_BUTTONS[step]) for step in steps],
            "is_public": experience.status in EXPERIENCE_PUBLIC_STATES,
        },
    )


@login_required
@require_POST
def experience_step(request, slug, action):
    """Take a workflow step: an experience step (``submit``, ``publish``...) or a step of its open
    revision (``revision_submit``, ``revision_discard``...). The domain checks who may take it."""
    experience = get_object_or_404(Experience.objects.select_related("city"), slug=slug)
    user = request.user
    if not (
        user.has_perm("experiences.change_experience", experience)
        or user.has_perm("experiences.moderate_experience", experience)
    ):
        raise PermissionDenied
    revision_step = action.removeprefix("revision_") if action.startswith("revision_") else None
    if revision_step is not None and revision_step not in REVISION_STEPS:
        raise Http404
    if revision_step is None and action not in EXPERIENCE_STEPS:
        raise Http404
    default = reverse("experiences:manage", kwargs={"slug": experience.slug})
    comment = (request.POST.get("comment") or "").strip()
    if len(comment) > COMMENT_MAX_LENGTH or has_control_characters(
        comment.replace("\n", "").replace("\r", "").replace("\t", "")
    ):
        messages.error(
            request,
            _("The comment is too long (at most %(max)s characters) or has control characters.")
            % {"max": COMMENT_MAX_LENGTH},
        )
        return redirect(_safe_next(request, default))
    try:
        if revision_step is not None:
            revision = _open_revision(experience)
            if revision is None:
                raise DomainError(_("This experience has no pending changes."))
            revision.experience = experience
            revision_transition(revision=revision, action=revision_step, actor=user, comment=comment)
        else:
            experience_transition(experience=experience, action=action, actor=user, comment=comment)
    except PermissionRefused as error:
        raise PermissionDenied from error
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, STEP_DONE.get(action, _("Done.")))
    return redirect(_safe_next(request, default))
