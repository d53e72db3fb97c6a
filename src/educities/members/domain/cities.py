from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from educities.core.domain.audit import audit_record
from educities.core.domain.errors import DomainError, PermissionRefused
from educities.members.models import City, Contact

# The population is not here: it sets the city's fee band, so only the Secretariat changes it (in the admin).
CITY_EDITABLE_FIELDS = ("region", "latitude", "longitude", "website", "description")
# Longer values are cut in the audit comment (a profile text can be 10,000 characters).
AUDIT_VALUE_MAX_LENGTH = 80
CONTACT_FIELDS = (
    "full_name",
    "position",
    "department",
    "email",
    "phone",
    "language",
    "is_primary",
    "is_public",
)


def city_slug(*, name: str, country_code: str, taken: set[str] | None = None) -> str:
    """An ASCII slug for a new city, "<name>-<country>", numbered when already used.

    A name with no Latin letters or digits (서울, Αθήνα) gives "city-<country>".
    ``taken`` lets a bulk loader check against the slugs it is about to create instead of the database.
    """
    code = slugify(country_code) or "xx"
    base = f"{(slugify(name) or 'city')[:126].strip('-')}-{code}"
    slug, n = base, 2
    while (slug in taken) if taken is not None else City.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def _require(actor, permission: str, city: City) -> None:
    if actor is not None and not actor.has_perm(permission, city):
        raise PermissionRefused(_("You are not allowed to do this."))


@transaction.atomic
def city_update(*, actor, city: City, **changes) -> City:
    """Change a city's public profile. Name and country are the Secretariat's (they identify the city)."""
    _require(actor, "members.change_city", city)
    unknown = set(changes) - set(CITY_EDITABLE_FIELDS)
    if unknown:
        raise DomainError(
            _("These fields cannot be changed here: %(fields)s") % {"fields": ", ".join(sorted(unknown))}
        )
    changed = [field for field, value in changes.items() if getattr(city, field) != value]
    comment = "; ".join(
        f"{field}: {_audit_value(getattr(city, field))} → {_audit_value(changes[field])}" for field in changed
    )
    for field in changed:
        setattr(city, field, changes[field])
    if changed:
        city.save(update_fields=[*changed, "updated_at"])
        audit_record(subject=city, action="city_update", actor=actor, comment=comment)
    return city


def _audit_value(value) -> str:
    text = " ".join(str(value).split()) if value not in (None, "") else "—"
    if len(text) > AUDIT_VALUE_MAX_LENGTH:
        return text[: AUDIT_VALUE_MAX_LENGTH - 1] + "…"
    return text


@transaction.atomic
def contact_save(*, actor, city: City, contact: Contact | None = None, **values) -> Contact:
    _require(actor, "members.change_contacts", city)
    if contact is not None and contact.city_id != city.pk:
        raise PermissionRefused(_("You are not allowed to do this."))
    email = values.get("email", contact.email if contact else "").strip().lower()
    duplicate = Contact.objects.filter(city=city, email__iexact=email)
    if contact is not None:
        duplicate = duplicate.exclude(pk=contact.pk)
    if duplicate.exists():
        raise DomainError(_("This city already has a contact with the e-mail %(email)s.") % {"email": email})
    contact = contact or Contact(city=city)
    for field in CONTACT_FIELDS:
        if field in values:
            setattr(contact, field, values[field])
    contact.email = email
    if contact.is_primary:
        Contact.objects.filter(city=city, is_primary=True).exclude(pk=contact.pk).update(is_primary=False)
    contact.save()
    audit_record(subject=city, action="contact_save", actor=actor, comment=contact.full_name)
    return contact


@transaction.atomic
def contact_delete(*, actor, contact: Contact) -> None:
    _require(actor, "members.change_contacts", contact.city)
    audit_record(subject=contact.city, action="contact_delete", actor=actor, comment=contact.full_name)
    contact.delete()
