"""How the demo's written practices are stored, and how one becomes the texts of one city's experience.

A ``Practice`` is a kind of programme that educating cities really run, written once by us in its
original language, with the same title and summary written in the other languages. Its texts hold
placeholders that each city fills differently: ``{city}``, ``{of_city}`` ("de Lyon", "d’Antibes",
"do Porto"), ``{in_city}`` ("à Lyon", "no Porto"), ``{year}`` (the start year), ``{year_next}`` and the
practice's own figures (``{schools}``...), drawn per city from the ranges the practice gives.

Rich fields are written as plain paragraphs separated by blank lines; a paragraph whose lines all start
with "- " becomes a list. ``rich_text`` turns that into the HTML the experience stores.
"""

from dataclasses import dataclass, field

from educities.experiences.enums import BudgetRange


@dataclass(frozen=True)
class Practice:
    key: str
    language: str
    title: str
    summary: str
    context: str
    objectives: str
    actions: str
    results: str
    lessons: str
    themes: tuple[str, ...]
    targets: tuple[str, ...]
    sdgs: tuple[str, ...]
    principles: tuple[int, ...]
    departments: tuple[str, ...]
    partners: tuple[tuple[str, str], ...]
    budget: str
    figures: dict[str, tuple[int, int]]
    # language → (title, summary), with the same placeholders as the original.
    translations: dict[str, tuple[str, str]]
    # language → every text field, for the few experiences translated in full.
    full: dict[str, dict[str, str]] = field(default_factory=dict)
    # Only cities of these countries write it (default: any city of the language).
    countries: tuple[str, ...] = ()
    # The years it may have started in.
    start_years: tuple[int, int] = (2008, 2022)
    # How many cities run it in the demo.
    uses: int = 4


def practice(
    *,
    key: str,
    language: str,
    title: str,
    summary: str,
    context: str,
    objectives: str,
    actions: str,
    results: str,
    lessons: str,
    themes: str,
    targets: str,
    sdgs: str,
    principles: str,
    departments: str,
    partners: list[tuple[str, str]],
    budget: str = BudgetRange.FROM_10K,
    figures: dict[str, tuple[int, int]] | None = None,
    translations: dict[str, tuple[str, str]],
    full: dict[str, dict[str, str]] | None = None,
    countries: str = "",
    start_years: tuple[int, int] = (2008, 2022),
    uses: int = 4,
) -> Practice:
    """A practice from the compact form the data modules use (vocabularies as space-separated codes)."""
    return Practice(
        key=key,
        language=language,
        title=title,
        summary=summary,
        context=context,
        objectives=objectives,
        actions=actions,
        results=results,
        lessons=lessons,
        themes=tuple(themes.split()),
        targets=tuple(targets.split()),
        sdgs=tuple(sdgs.split()),
        principles=tuple(int(number) for number in principles.split()),
        departments=tuple(departments.split()),
        partners=tuple(partners),
        budget=str(budget),
        figures=dict(figures or {}),
        translations=translations,
        full=dict(full or {}),
        countries=tuple(countries.split()),
        start_years=start_years,
        uses=uses,
    )


def plain_text(text: str) -> str:
    """One line, single spaces: how titles and summaries are stored."""
    return " ".join(text.split())


def rich_text(text: str) -> str:
    """Paragraphs separated by blank lines → ``<p>``; a block starting with "- " → ``<ul>``, one item
    per "- " line (an item may go on over the next lines)."""
    blocks = [block.strip() for block in text.strip().split("\n\n") if block.strip()]
    html = []
    for block in blocks:
        lines = [line.strip() for line in block.splitlines() if line.strip()]
        if lines[0].startswith("- "):
            items: list[str] = []
            for line in lines:
                if line.startswith("- "):
                    items.append(line[2:])
                else:
                    items[-1] += f" {line}"
            html.append("<ul>" + "".join(f"<li>{plain_text(item)}</li>" for item in items) + "</ul>")
        else:
            html.append(f"<p>{plain_text(block)}</p>")
    return "".join(html)


# --- city names in a sentence -----------------------------------------------------------------

# The name a language uses for a city, when it differs from the registry's.
EXONYMS: dict[str, dict[str, str]] = {
    "Lisbon": {"pt": "Lisboa", "es": "Lisboa", "fr": "Lisbonne", "ca": "Lisboa"},
    "Turin": {"es": "Turín", "pt": "Turim", "it": "Torino", "ca": "Torí"},
    "Genoa": {"fr": "Gênes", "es": "Génova", "pt": "Génova", "ca": "Gènova"},
    "Gothenburg": {"fr": "Göteborg", "es": "Gotemburgo", "pt": "Gotemburgo", "ca": "Göteborg"},
    "Antwerp": {"fr": "Anvers", "es": "Amberes", "pt": "Antuérpia", "ca": "Anvers"},
    "Sevilla": {"en": "Seville", "fr": "Séville", "pt": "Sevilha"},
    "Mexico City": {"es": "Ciudad de México", "fr": "Mexico", "pt": "Cidade do México"},
    "Guatemala City": {"es": "Ciudad de Guatemala", "fr": "Guatemala", "pt": "Cidade da Guatemala"},
    "Cadiz": {"es": "Cádiz", "pt": "Cádis"},
    "Seoul": {"fr": "Séoul", "es": "Seúl", "pt": "Seul"},
    "Busan": {"fr": "Pusan"},
    "Helsinki": {},
    "Tunis": {"es": "Túnez", "pt": "Tunes"},
    "Rabat": {},
    "Dakar": {"pt": "Dacar"},
    "Girardot City": {"es": "Girardot", "fr": "Girardot", "pt": "Girardot", "en": "Girardot"},
    "Gasteiz / Vitoria": {"es": "Vitoria-Gasteiz", "en": "Vitoria-Gasteiz", "fr": "Vitoria-Gasteiz"},
    "Arrasate / Mondragón": {"es": "Arrasate-Mondragón", "en": "Arrasate-Mondragón"},
    "Irákleion": {"en": "Heraklion", "fr": "Héraklion", "es": "Heraclión", "pt": "Heraclião"},
    "Tríkala": {"en": "Trikala", "fr": "Trikala", "es": "Trikala", "pt": "Trikala"},
    "Lamía": {"en": "Lamia", "fr": "Lamia"},
}
# Portuguese names that take the masculine article: "do Porto", "no Porto".
_PT_MASCULINE = frozenset(
    {"Porto", "Rio de Janeiro", "Recife", "Funchal", "Montijo", "Cacém", "Entroncamento"}
)
_VOWELS = "AEIOUÀÁÂÉÈÊÍÓÔÚHÉ"


def city_name(name: str, language: str) -> str:
    return EXONYMS.get(name, {}).get(language, name)


def city_forms(name: str, language: str) -> dict[str, str]:
    """``city``, ``of_city`` and ``in_city`` for ``name`` in ``language``."""
    city = city_name(name, language)
    if language == "pt":
        if city in _PT_MASCULINE:
            return {"city": city, "of_city": f"do {city}", "in_city": f"no {city}"}
        return {"city": city, "of_city": f"de {city}", "in_city": f"em {city}"}
    if language == "fr":
        if city.startswith("Le "):
            return {"city": city, "of_city": f"du {city[3:]}", "in_city": f"au {city[3:]}"}
        if city.startswith("Les "):
            return {"city": city, "of_city": f"des {city[4:]}", "in_city": f"aux {city[4:]}"}
        of = f"d’{city}" if city[:1].upper() in _VOWELS else f"de {city}"
        return {"city": city, "of_city": of, "in_city": f"à {city}"}
    if language in {"es", "ca"}:
        if city.startswith("El "):
            return {"city": city, "of_city": f"del {city[3:]}", "in_city": f"en {city}"}
        if language == "ca" and city[:1].upper() in _VOWELS:
            return {"city": city, "of_city": f"d’{city}", "in_city": f"a {city}"}
        return {
            "city": city,
            "of_city": f"de {city}",
            "in_city": f"{'a' if language == 'ca' else 'en'} {city}",
        }
    return {"city": city, "of_city": f"of {city}", "in_city": f"in {city}"}
