"""What a review item is about, shown by the app that owns it: the registry of review subjects.

The review engine knows nothing of award applications, congress proposals or articles. The app that puts
its objects under review registers their model once, in its ``AppConfig.ready()``::

    from educities.reviews.subjects import subject_register

    subject_register(
        Application,
        template="awards/jury/application_subject.html",
        context=lambda application, request: {"application": application, "answers": ...},
        url=None,
    )

- ``template`` is rendered into the juror's item page (``reviews/juror/item.html``), inside a
  ``<section>`` whose heading (level 2) is the item's title: start the template's own headings at level 3.
- ``context(subject, request) -> dict`` gives the template its variables (the page's own context is not
  passed on: the template sees these, ``item`` and what the context processors give: ``request``,
  ``user``, ``perms``...). It is called only after the permission check (``reviews.view_item``), once per
  page: it may run queries.
- ``url(subject, request) -> str | None`` (optional): a link to the subject's own page for this user
  (``None`` when there is none they may open). The API gives it as ``subject.url``.

A subject with nothing more than a few labelled values may use ``FIELDS_TEMPLATE`` with a context
``{"fields": [(label, value), ...]}`` (values are escaped, line breaks kept).

An item whose model is not registered, or whose subject was deleted, is shown by its title only.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from educities.reviews.models import ReviewItem

FALLBACK_TEMPLATE = "reviews/juror/_subject_fallback.html"
FIELDS_TEMPLATE = "reviews/juror/_subject_fields.html"

SubjectContext = Callable[[Any, HttpRequest], dict]
SubjectUrl = Callable[[Any, HttpRequest], str | None]


@dataclass(frozen=True)
class SubjectKind:
    """How one model of subjects is shown to the jury."""

    model: type[models.Model]
    template: str
    context: SubjectContext
    url: SubjectUrl | None = None


@dataclass(frozen=True)
class SubjectDisplay:
    """What the item page includes for one item: a template and its context, and a link if any."""

    template: str
    context: dict = field(default_factory=dict)
    url: str | None = None
    kind_label: str = ""
    is_registered: bool = False


_REGISTRY: dict[str, SubjectKind] = {}


def _key(model: type[models.Model]) -> str:
    return model._meta.label_lower


def subject_register(
    model: type[models.Model],
    *,
    template: str,
    context: SubjectContext,
    url: SubjectUrl | None = None,
) -> None:
    """Show items about ``model`` with ``template`` and ``context``; registering again replaces it."""
    if not (isinstance(model, type) and issubclass(model, models.Model)):
        raise TypeError("subject_register() needs a model class.")
    if not callable(context) or (url is not None and not callable(url)):
        raise TypeError("subject_register(): context and url must be callables.")
    _REGISTRY[_key(model)] = SubjectKind(model=model, template=template, context=context, url=url)


def subject_unregister(model: type[models.Model]) -> None:
    """Forget ``model`` (tests that register a model of their own put the registry back with it)."""
    _REGISTRY.pop(_key(model), None)


def subject_kind_for(model: type[models.Model] | None) -> SubjectKind | None:
    return None if model is None else _REGISTRY.get(_key(model))


def _content_type(item: ReviewItem) -> ContentType:
    # The content types are cached by their manager: no query per item.
    return ContentType.objects.get_for_id(item.content_type_id)


def subject_type(item: ReviewItem) -> str:
    """``app_label.model`` of the item's subject, e.g. ``awards.application``."""
    content_type = _content_type(item)
    return f"{content_type.app_label}.{content_type.model}"


def _kind_label(item: ReviewItem) -> str:
    model = _content_type(item).model_class()
    return str(model._meta.verbose_name) if model is not None else ""


def subject_url(*, item: ReviewItem, request: HttpRequest) -> str | None:
    """The link to the item's subject for this request's user, if its app gives one."""
    kind = subject_kind_for(_content_type(item).model_class())
    if kind is None or kind.url is None:
        return None
    subject = item.subject
    return None if subject is None else kind.url(subject, request)


def subject_display(*, item: ReviewItem, request: HttpRequest) -> SubjectDisplay:
    """The template, context and link that show ``item``'s subject (call after the permission check)."""
    kind = subject_kind_for(_content_type(item).model_class())
    subject = item.subject if kind is not None else None
    if kind is None or subject is None:
        return SubjectDisplay(
            template=FALLBACK_TEMPLATE,
            context={"item": item, "subject_missing": kind is not None},
            kind_label=_kind_label(item),
        )
    context = dict(kind.context(subject, request) or {})
    context.setdefault("item", item)
    return SubjectDisplay(
        template=kind.template,
        context=context,
        url=kind.url(subject, request) if kind.url is not None else None,
        kind_label=_kind_label(item),
        is_registered=True,
    )


def subject_html(*, display: SubjectDisplay, request: HttpRequest) -> SafeString:
    """The subject's template rendered with its context (and the request's context processors)."""
    return render_to_string(display.template, display.context, request=request)
