"""How to cite an experience: a sentence for people, BibTeX and RIS for reference managers.

An experience is cited as the work of its city (the author), published in the association's bank of
experiences in the year it was first published, with its address and the date it was read.
"""

import datetime
import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

from educities.experiences.models import Experience

PUBLISHER = "International Association of Educating Cities"
CITATION_FORMATS = {
    "bib": ("application/x-bibtex; charset=utf-8", "bib"),
    "ris": ("application/x-research-info-systems; charset=utf-8", "ris"),
}


@dataclass(frozen=True)
class Citation:
    author: str  # the city, with its country
    year: str
    title: str
    url: str
    accessed: datetime.date
    language: str
    key: str

    @property
    def text(self) -> str:
        template = _(
            "%(author)s (%(year)s). %(title)s. Bank of experiences, %(publisher)s. "
            "%(url)s (accessed %(date)s)."
        )
        return template % {
            "author": self.author,
            "year": self.year,
            "title": self.title,
            "publisher": PUBLISHER,
            "url": self.url,
            "date": self.accessed.isoformat(),
        }


def experience_citation(
    *, experience: Experience, title: str, url: str, accessed: datetime.date, country_name: str
) -> Citation:
    """The citation of ``experience`` (its city and country loaded) under ``title`` (as shown)."""
    when = experience.published_at or experience.created_at
    year = str(when.year) if when else (str(experience.start_date.year) if experience.start_date else "")
    return Citation(
        author=f"{experience.city.name}, {country_name}",
        year=year or _("n.d."),
        title=_one_line(title),
        url=url,
        accessed=accessed,
        language=experience.original_language,
        key=f"educities-{experience.slug}"[:120],
    )


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


_BIBTEX_SPECIAL = re.compile(r"([\\{}%&$#_^~])")
_BIBTEX_REPLACEMENTS = {"\\": r"\textbackslash{}", "^": r"\^{}", "~": r"\~{}"}


def _bibtex(text: str) -> str:
    return _BIBTEX_SPECIAL.sub(
        lambda match: _BIBTEX_REPLACEMENTS.get(match[1], "\\" + match[1]), _one_line(text)
    )


def citation_bibtex(citation: Citation) -> str:
    # Double braces around the author: a corporate author, not "last name, first name".
    return (
        f"@misc{{{citation.key},\n"
        f"  author = {{{{{_bibtex(citation.author)}}}}},\n"
        f"  title = {{{_bibtex(citation.title)}}},\n"
        f"  year = {{{_bibtex(citation.year)}}},\n"
        f"  howpublished = {{Bank of experiences, {_bibtex(PUBLISHER)}}},\n"
        f"  url = {{{_bibtex(citation.url)}}},\n"
        f"  urldate = {{{citation.accessed.isoformat()}}},\n"
        f"  language = {{{citation.language}}}\n"
        "}\n"
    )


def citation_ris(citation: Citation) -> str:
    lines = [
        ("TY", "ELEC"),
        ("AU", citation.author),
        ("TI", citation.title),
        ("PY", citation.year),
        ("PB", PUBLISHER),
        ("T2", "Bank of experiences"),
        ("UR", citation.url),
        ("Y2", citation.accessed.strftime("%Y/%m/%d")),
        ("LA", citation.language),
        ("ER", ""),
    ]
    return "".join(f"{tag}  - {_one_line(value)}\r\n" for tag, value in lines)
