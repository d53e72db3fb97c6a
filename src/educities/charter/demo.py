"""The 20 principles of the Charter of Educating Cities (2020 revision) as short labels.

The labels are our own short wording of each principle's subject, not the Charter's text, written
in the five UI languages. They are data: the demo loader stores them as ``CharterPrinciple`` rows.
"""

from educities.charter.models import CharterPrinciple, PrincipleGroup

# (number, group, {language: label})
PRINCIPLES: list[tuple[int, str, dict[str, str]]] = [
    # I. The right to the educating city
    (
        1,
        PrincipleGroup.RIGHT,
        {
            "en": "Inclusive education throughout life",
            "fr": "Une éducation inclusive tout au long de la vie",
            "es": "Educación inclusiva a lo largo de la vida",
            "pt": "Educação inclusiva ao longo da vida",
            "ca": "Educació inclusiva al llarg de la vida",
        },
    ),
    (
        2,
        PrincipleGroup.RIGHT,
        {
            "en": "Education policy in the broadest sense",
            "fr": "Une politique éducative au sens large",
            "es": "Una política educativa en sentido amplio",
            "pt": "Uma política educativa em sentido amplo",
            "ca": "Una política educativa en sentit ampli",
        },
    ),
    (
        3,
        PrincipleGroup.RIGHT,
        {
            "en": "Diversity and non-discrimination",
            "fr": "Diversité et non-discrimination",
            "es": "Diversidad y no discriminación",
            "pt": "Diversidade e não discriminação",
            "ca": "Diversitat i no-discriminació",
        },
    ),
    (
        4,
        PrincipleGroup.RIGHT,
        {
            "en": "Access to culture for everyone",
            "fr": "L’accès de tous à la culture",
            "es": "Acceso de todas las personas a la cultura",
            "pt": "Acesso de todas as pessoas à cultura",
            "ca": "Accés de tothom a la cultura",
        },
    ),
    (
        5,
        PrincipleGroup.RIGHT,
        {
            "en": "Dialogue between generations",
            "fr": "Le dialogue entre les générations",
            "es": "Diálogo entre generaciones",
            "pt": "Diálogo entre gerações",
            "ca": "Diàleg entre generacions",
        },
    ),
    # II. The commitment of the city
    (
        6,
        PrincipleGroup.COMMITMENT,
        {
            "en": "Knowing the territory",
            "fr": "Connaître son territoire",
            "es": "Conocer el territorio",
            "pt": "Conhecer o território",
            "ca": "Conèixer el territori",
        },
    ),
    (
        7,
        PrincipleGroup.COMMITMENT,
        {
            "en": "Access to information",
            "fr": "L’accès à l’information",
            "es": "Acceso a la información",
            "pt": "Acesso à informação",
            "ca": "Accés a la informació",
        },
    ),
    (
        8,
        PrincipleGroup.COMMITMENT,
        {
            "en": "Governance with citizen participation",
            "fr": "Une gouvernance ouverte à la participation citoyenne",
            "es": "Gobernanza con participación ciudadana",
            "pt": "Governação com participação cidadã",
            "ca": "Governança amb participació ciutadana",
        },
    ),
    (
        9,
        PrincipleGroup.COMMITMENT,
        {
            "en": "Monitoring and continuous improvement",
            "fr": "Suivi et amélioration continue",
            "es": "Seguimiento y mejora continua",
            "pt": "Acompanhamento e melhoria contínua",
            "ca": "Seguiment i millora contínua",
        },
    ),
    (
        10,
        PrincipleGroup.COMMITMENT,
        {
            "en": "The city’s own identity",
            "fr": "L’identité propre de la ville",
            "es": "La identidad propia de la ciudad",
            "pt": "A identidade própria da cidade",
            "ca": "La identitat pròpia de la ciutat",
        },
    ),
    (
        11,
        PrincipleGroup.COMMITMENT,
        {
            "en": "Public space for living together",
            "fr": "L’espace public, lieu du vivre-ensemble",
            "es": "El espacio público para la convivencia",
            "pt": "O espaço público para a convivência",
            "ca": "L’espai públic per a la convivència",
        },
    ),
    (
        12,
        PrincipleGroup.COMMITMENT,
        {
            "en": "Suitable municipal facilities and services",
            "fr": "Des équipements et services municipaux adaptés",
            "es": "Equipamientos y servicios municipales adecuados",
            "pt": "Equipamentos e serviços municipais adequados",
            "ca": "Equipaments i serveis municipals adequats",
        },
    ),
    # III. At the full service of its inhabitants
    (
        13,
        PrincipleGroup.SERVICE,
        {
            "en": "Sustainability",
            "fr": "Durabilité",
            "es": "Sostenibilidad",
            "pt": "Sustentabilidade",
            "ca": "Sostenibilitat",
        },
    ),
    (
        14,
        PrincipleGroup.SERVICE,
        {
            "en": "Promoting health",
            "fr": "Promouvoir la santé",
            "es": "Promoción de la salud",
            "pt": "Promoção da saúde",
            "ca": "Promoció de la salut",
        },
    ),
    (
        15,
        PrincipleGroup.SERVICE,
        {
            "en": "Training for educational agents",
            "fr": "La formation des acteurs éducatifs",
            "es": "Formación de los agentes educativos",
            "pt": "Formação dos agentes educativos",
            "ca": "Formació dels agents educatius",
        },
    ),
    (
        16,
        PrincipleGroup.SERVICE,
        {
            "en": "Guidance and access to work",
            "fr": "Orientation et insertion professionnelle",
            "es": "Orientación e inserción laboral",
            "pt": "Orientação e inserção profissional",
            "ca": "Orientació i inserció laboral",
        },
    ),
    (
        17,
        PrincipleGroup.SERVICE,
        {
            "en": "Social inclusion and cohesion",
            "fr": "Inclusion et cohésion sociales",
            "es": "Inclusión y cohesión social",
            "pt": "Inclusão e coesão social",
            "ca": "Inclusió i cohesió social",
        },
    ),
    (
        18,
        PrincipleGroup.SERVICE,
        {
            "en": "Shared responsibility against inequality",
            "fr": "Une responsabilité partagée face aux inégalités",
            "es": "Corresponsabilidad frente a las desigualdades",
            "pt": "Corresponsabilidade perante as desigualdades",
            "ca": "Coresponsabilitat davant les desigualtats",
        },
    ),
    (
        19,
        PrincipleGroup.SERVICE,
        {
            "en": "Associations and volunteering",
            "fr": "Vie associative et bénévolat",
            "es": "Asociacionismo y voluntariado",
            "pt": "Associativismo e voluntariado",
            "ca": "Associacionisme i voluntariat",
        },
    ),
    (
        20,
        PrincipleGroup.SERVICE,
        {
            "en": "Education for democratic and global citizenship",
            "fr": "Éduquer à une citoyenneté démocratique et mondiale",
            "es": "Educación para una ciudadanía democrática y global",
            "pt": "Educação para uma cidadania democrática e global",
            "ca": "Educació per a una ciutadania democràtica i global",
        },
    ),
]


def charter_principles_load() -> tuple[int, int]:
    """Create the missing principles and fill in missing labels; returns (created, updated).

    Labels someone already edited are kept. Running it again changes nothing: a row is only written
    when its group is wrong or a language has no label yet.
    """
    existing = {p.number: p for p in CharterPrinciple.objects.all()}
    created = updated = 0
    for number, group, labels in PRINCIPLES:
        principle = existing.get(number)
        if principle is None:
            CharterPrinciple.objects.create(number=number, group=group, labels=labels)
            created += 1
            continue
        merged = {**labels, **{lang: text for lang, text in principle.labels.items() if text}}
        if principle.group != group or principle.labels != merged:
            principle.group = group
            principle.labels = merged
            principle.save(update_fields=["group", "labels"])
            updated += 1
    return created, updated
