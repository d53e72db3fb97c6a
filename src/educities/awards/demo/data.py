"""The award's demo data: five past editions with their results and the open 6th edition. Written by us.

The themes, the years, the 2018 figures (62 candidacies, 49 cities, 12 countries), the 2020 candidacies (58)
and the 2020 winners (Medellín, Santos, Torres Vedras) come from the brief; everything else here (the
other recorded figures, the other winners and finalists, axes, rules, statements, jurors, answers and
comments) is invented for the demo and must not be read as the association's history.

Each result names a city and a piece of the title of one of its experiences in the demo bank; the one
experience the bank does not have (Torres Vedras's culture programme) is written here in full.
"""

import datetime
from dataclasses import dataclass, field

from educities.awards.enums import ApplicationStatus

W = ApplicationStatus.WINNER
M = ApplicationStatus.SPECIAL_MENTION
F = ApplicationStatus.FINALIST

TIME_ZONE = "Europe/Madrid"
TRANSLATION_LANGUAGES = ("en", "fr", "es", "pt", "ca")

MONTHS = {
    "en": "January February March April May June July August September October November December",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
    "ca": "de gener|de febrer|de març|d’abril|de maig|de juny|de juliol|d’agost|de setembre|d’octubre|"
    "de novembre|de desembre",
}


def date_in(language: str, day: datetime.date) -> str:
    """``day`` as the language writes it in a sentence (30 June 2015, 30 de junio de 2015...)."""
    separator = "|" if language == "ca" else " "
    month = MONTHS[language].split(separator)[day.month - 1]
    if language == "en":
        return f"{day.day} {month} {day.year}"
    if language == "fr":
        return f"{'1er' if day.day == 1 else day.day} {month} {day.year}"
    if language == "ca":
        return f"{day.day} {month} de {day.year}"
    return f"{day.day} de {month} de {day.year}"


# The rules of every edition, in each language: who may apply, how the jury judges, where the award is given.
RULES = {
    "en": (
        "Member cities with their fees paid up may apply with at most {max} experiences each, started "
        "before {cutoff}; each application comes with a letter from the mayor. The cities of the jury, the "
        "host of the next congress and the winners of the previous edition cannot apply.\n\n"
        "A jury of Executive Committee cities and independent experts assesses each experience's "
        "relevance, impact and scope, the involvement of the local government and the work across its "
        "departments, the participation of civil society and business, and its innovation, consolidation "
        "and transferability. The award may be declared void. The winners receive it {place}."
    ),
    "fr": (
        "Les villes membres à jour de leurs cotisations peuvent présenter au plus {max} expériences "
        "chacune, commencées avant le {cutoff} ; chaque candidature est accompagnée d’une lettre du maire. "
        "Les villes du jury, la ville hôte du prochain congrès et les lauréates de l’édition précédente ne "
        "peuvent pas se présenter.\n\n"
        "Un jury formé de villes du Comité exécutif et d’experts indépendants évalue la pertinence, "
        "l’impact et la portée de chaque expérience, l’implication du gouvernement local et le travail "
        "entre ses services, la participation de la société civile et des entreprises, ainsi que son "
        "caractère innovant, sa consolidation et sa transférabilité. Le prix peut être déclaré désert. "
        "Les lauréates le reçoivent {place}."
    ),
    "es": (
        "Pueden presentarse las ciudades miembros al corriente de sus cuotas, con un máximo de {max} "
        "experiencias por ciudad, iniciadas antes del {cutoff}; cada candidatura incluye una carta de la "
        "alcaldía. No pueden presentarse las ciudades del jurado, la ciudad sede del próximo congreso ni "
        "las ganadoras de la edición anterior.\n\n"
        "Un jurado formado por ciudades del Comité Ejecutivo y personas expertas independientes valora la "
        "pertinencia, el impacto y el alcance de cada experiencia, la implicación del gobierno local y el "
        "trabajo transversal entre sus áreas, la participación de la sociedad civil y de las empresas, y "
        "su carácter innovador, su consolidación y su transferibilidad. El premio puede declararse "
        "desierto. Las ciudades ganadoras lo reciben {place}."
    ),
    "pt": (
        "Podem candidatar-se as cidades membros com as quotas em dia, com um máximo de {max} experiências "
        "por cidade, iniciadas antes de {cutoff}; cada candidatura inclui uma carta do presidente da "
        "câmara. Não podem candidatar-se as cidades do júri, a cidade anfitriã do próximo congresso nem "
        "as vencedoras da edição anterior.\n\n"
        "Um júri formado por cidades do Comité Executivo e por especialistas independentes avalia a "
        "pertinência, o impacto e o alcance de cada experiência, o envolvimento do governo local e o "
        "trabalho entre os seus serviços, a participação da sociedade civil e das empresas, e o seu "
        "caráter inovador, a sua consolidação e a sua transferibilidade. O prémio pode não ser atribuído. "
        "As cidades vencedoras recebem-no {place}."
    ),
    "ca": (
        "Poden presentar-s’hi les ciutats membres al corrent de les quotes, amb un màxim de {max} "
        "experiències per ciutat, iniciades abans del {cutoff}; cada candidatura inclou una carta de "
        "l’alcaldia. No s’hi poden presentar les ciutats del jurat, la ciutat amfitriona del proper "
        "congrés ni les guanyadores de l’edició anterior.\n\n"
        "Un jurat format per ciutats del Comitè Executiu i persones expertes independents valora la "
        "pertinència, l’impacte i l’abast de cada experiència, la implicació del govern local i el "
        "treball transversal entre les seves àrees, la participació de la societat civil i de les "
        "empreses, i el seu caràcter innovador, la seva consolidació i la seva transferibilitat. El premi "
        "es pot declarar desert. Les ciutats guanyadores el reben {place}."
    ),
}


@dataclass(frozen=True)
class Result:
    """A past application and what the jury decided: the city, a piece of its experience's title."""

    city: str
    country: str
    title: str
    status: str
    statement: str = ""


@dataclass(frozen=True)
class EditionData:
    number: int
    year: int
    language: str
    # language → (theme, axes one per line, "at the congress ..." for the rules)
    texts: dict[str, tuple[str, str, str]]
    ceremony_place: str
    cutoff: datetime.date
    host: tuple[str, str]
    # The timeline of past editions (the open edition's is relative to the day of loading).
    call_opens: datetime.date | None = None
    deadline: datetime.date | None = None
    jury_starts_on: datetime.date | None = None
    decision_on: datetime.date | None = None
    ceremony_on: datetime.date | None = None
    figures: tuple[int, int, int] | None = None
    jury_statement: str = ""
    results: tuple[Result, ...] = ()
    max_applications: int = 2

    def rules(self, language: str) -> str:
        place = self.texts[language][2]
        return RULES[language].format(
            max=self.max_applications, cutoff=date_in(language, self.cutoff), place=place
        )


_ROSARIO = {
    "en": "at the XIV International Congress of Educating Cities in Rosario (Argentina)",
    "fr": "lors du XIVe Congrès international des villes éducatrices à Rosario (Argentine)",
    "es": "en el XIV Congreso Internacional de Ciudades Educadoras, en Rosario (Argentina)",
    "pt": "no XIV Congresso Internacional das Cidades Educadoras, em Rosario (Argentina)",
    "ca": "al XIV Congrés Internacional de Ciutats Educadores, a Rosario (Argentina)",
}
_CASCAIS = {
    "en": "at the XV International Congress of Educating Cities in Cascais (Portugal)",
    "fr": "lors du XVe Congrès international des villes éducatrices à Cascais (Portugal)",
    "es": "en el XV Congreso Internacional de Ciudades Educadoras, en Cascais (Portugal)",
    "pt": "no XV Congresso Internacional das Cidades Educadoras, em Cascais (Portugal)",
    "ca": "al XV Congrés Internacional de Ciutats Educadores, a Cascais (Portugal)",
}
_KATOWICE = {
    "en": "at the XVI International Congress of Educating Cities in Katowice (Poland)",
    "fr": "lors du XVIe Congrès international des villes éducatrices à Katowice (Pologne)",
    "es": "en el XVI Congreso Internacional de Ciudades Educadoras, en Katowice (Polonia)",
    "pt": "no XVI Congresso Internacional das Cidades Educadoras, em Katowice (Polónia)",
    "ca": "al XVI Congrés Internacional de Ciutats Educadores, a Katowice (Polònia)",
}
_ANDONG = {
    "en": "at the XVII International Congress of Educating Cities in Andong (Republic of Korea)",
    "fr": "lors du XVIIe Congrès international des villes éducatrices à Andong (République de Corée)",
    "es": "en el XVII Congreso Internacional de Ciudades Educadoras, en Andong (República de Corea)",
    "pt": "no XVII Congresso Internacional das Cidades Educadoras, em Andong (República da Coreia)",
    "ca": "al XVII Congrés Internacional de Ciutats Educadores, a Andong (República de Corea)",
}
_CURITIBA = {
    "en": "at the XVIII International Congress of Educating Cities in Curitiba (Brazil)",
    "fr": "lors du XVIIIe Congrès international des villes éducatrices à Curitiba (Brésil)",
    "es": "en el XVIII Congreso Internacional de Ciudades Educadoras, en Curitiba (Brasil)",
    "pt": "no XVIII Congresso Internacional das Cidades Educadoras, em Curitiba (Brasil)",
    "ca": "al XVIII Congrés Internacional de Ciutats Educadores, a Curitiba (Brasil)",
}
_GRANOLLERS = {
    "en": "at the XIX International Congress of Educating Cities in Granollers (Spain)",
    "fr": "lors du XIXe Congrès international des villes éducatrices à Granollers (Espagne)",
    "es": "en el XIX Congreso Internacional de Ciudades Educadoras, en Granollers (España)",
    "pt": "no XIX Congresso Internacional das Cidades Educadoras, em Granollers (Espanha)",
    "ca": "al XIX Congrés Internacional de Ciutats Educadores, a Granollers (Espanya)",
}


def _texts(themes: dict[str, str], axes: dict[str, str], places: dict[str, str]) -> dict:
    return {
        language: (
            themes[language],
            "\n".join(line.strip() for line in axes[language].strip().splitlines()),
            places[language],
        )
        for language in TRANSLATION_LANGUAGES
    }


PAST_EDITIONS: tuple[EditionData, ...] = (
    EditionData(
        number=1,
        year=2016,
        language="es",
        texts=_texts(
            {
                "es": "Convivir en la ciudad",
                "en": "Living together",
                "fr": "Vivre ensemble",
                "pt": "Viver juntos",
                "ca": "Conviure a la ciutat",
            },
            {
                "es": """Mediación y resolución pacífica de conflictos en barrios y escuelas
                Acogida e inclusión de las personas recién llegadas
                Espacios públicos compartidos por todas las generaciones""",
                "en": """Mediation and the peaceful resolution of conflicts in neighbourhoods and schools
                Welcoming and including newcomers
                Public spaces shared by every generation""",
                "fr": """Médiation et résolution pacifique des conflits dans les quartiers et les écoles
                Accueil et inclusion des nouveaux arrivants
                Des espaces publics partagés par toutes les générations""",
                "pt": """Mediação e resolução pacífica de conflitos nos bairros e nas escolas
                Acolhimento e inclusão de quem chega
                Espaços públicos partilhados por todas as gerações""",
                "ca": """Mediació i resolució pacífica de conflictes als barris i a les escoles
                Acollida i inclusió de les persones nouvingudes
                Espais públics compartits per totes les generacions""",
            },
            _ROSARIO,
        ),
        call_opens=datetime.date(2015, 10, 1),
        deadline=datetime.date(2016, 1, 31),
        jury_starts_on=datetime.date(2016, 2, 15),
        decision_on=datetime.date(2016, 4, 15),
        ceremony_on=datetime.date(2016, 6, 2),
        ceremony_place="Rosario (Argentina)",
        cutoff=datetime.date(2015, 6, 30),
        host=("Rosario", "AR"),
        figures=(56, 44, 14),
        jury_statement=(
            "El jurado destaca la calidad de las candidaturas recibidas en esta primera edición y la "
            "variedad de caminos con que las ciudades hacen de la convivencia un aprendizaje compartido. "
            "Las experiencias premiadas abren la escuela y la biblioteca al barrio y confían a la propia "
            "comunidad la resolución de sus conflictos."
        ),
        results=(
            Result(
                "L'Hospitalet de Llobregat",
                "ES",
                "Patis oberts",
                W,
                "Por convertir los patios escolares en plazas de barrio gestionadas con las familias y las "
                "entidades, con una presencia educativa que cuida la convivencia.",
            ),
            Result(
                "Halluin",
                "FR",
                "La médiathèque",
                W,
                "Por hacer de la mediateca un lugar de encuentro abierto a todo el barrio, donde vecinos "
                "de orígenes y edades distintas aprenden juntos.",
            ),
            Result(
                "San Carlos de Bariloche",
                "AR",
                "mediación comunitaria",
                W,
                "Por un servicio de mediación cercano y gratuito que forma a vecinas y vecinos como "
                "mediadores y previene la escalada de los conflictos.",
            ),
            Result(
                "Tampere",
                "FI",
                "Welcome programme",
                M,
                "Por la acogida coordinada de las familias recién llegadas entre escuela, servicios "
                "sociales y asociaciones.",
            ),
            Result("Braga", "PT", "Acolher para incluir", F),
            Result("Katowice", "PL", "Welcome programme", F),
            Result("Dakar", "SN", "Chantiers éducatifs", F),
            Result("Girardot City", "CO", "mediación comunitaria", F),
        ),
    ),
    EditionData(
        number=2,
        year=2018,
        language="fr",
        texts=_texts(
            {
                "fr": "L’éducation à la citoyenneté par la participation",
                "en": "Civic education through participation",
                "es": "La educación cívica a través de la participación",
                "pt": "A educação cívica através da participação",
                "ca": "L’educació cívica a través de la participació",
            },
            {
                "fr": """La participation des enfants et des jeunes aux décisions municipales
                Les budgets participatifs comme apprentissage de la démocratie
                L’école et les services municipaux, lieux de citoyenneté""",
                "en": """Children's and young people's participation in municipal decisions
                Participatory budgets as a way of learning democracy
                Schools and municipal services as places of citizenship""",
                "es": """La participación de niños, niñas y jóvenes en las decisiones municipales
                Los presupuestos participativos como aprendizaje de la democracia
                La escuela y los servicios municipales como lugares de ciudadanía""",
                "pt": """A participação das crianças e dos jovens nas decisões municipais
                Os orçamentos participativos como aprendizagem da democracia
                A escola e os serviços municipais como lugares de cidadania""",
                "ca": """La participació d’infants i joves en les decisions municipals
                Els pressupostos participatius com a aprenentatge de la democràcia
                L’escola i els serveis municipals com a llocs de ciutadania""",
            },
            _CASCAIS,
        ),
        call_opens=datetime.date(2017, 11, 15),
        deadline=datetime.date(2018, 3, 15),
        jury_starts_on=datetime.date(2018, 4, 3),
        decision_on=datetime.date(2018, 6, 29),
        ceremony_on=datetime.date(2018, 11, 14),
        ceremony_place="Cascais (Portugal)",
        cutoff=datetime.date(2017, 6, 30),
        host=("Cascais", "PT"),
        figures=(62, 49, 12),
        jury_statement=(
            "Le jury salue des expériences où les enfants et les jeunes ne sont pas seulement consultés "
            "mais décident, disposent d’un budget et rendent compte de leurs choix. Les villes lauréates "
            "montrent que la participation s’apprend en la pratiquant, à l’école comme à la mairie."
        ),
        results=(
            Result(
                "Montevideo",
                "UY",
                "Aprendizaje-servicio",
                W,
                "Pour un apprentissage-service qui relie chaque année les écoles aux besoins réels des "
                "quartiers, avec des projets choisis par les élèves.",
            ),
            Result(
                "Seoul",
                "KR",
                "Youth civic budget",
                W,
                "Pour un budget citoyen des jeunes doté de moyens réels, dont les projets sont votés et "
                "suivis par les jeunes eux-mêmes.",
            ),
            Result(
                "Rosario",
                "AR",
                "Consejo de la Infancia",
                W,
                "Pour un conseil des enfants pionnier, écouté par les services municipaux depuis plus "
                "d’une décennie.",
            ),
            Result("Paris", "FR", "Budget participatif des collégiens", F),
            Result("Fresnillo", "MX", "Presupuestos participativos", F),
            Result("Sequeira", "PT", "Orçamento Participativo Jovem", F),
            Result("Saint-Dié-des-Vosges", "FR", "Conseil municipal des enfants", F),
            Result("Busan", "KR", "Youth civic budget", F),
        ),
    ),
    EditionData(
        number=3,
        year=2020,
        language="en",
        texts=_texts(
            {
                "en": "Inclusion and democratisation of culture",
                "fr": "Inclusion et démocratisation de la culture",
                "es": "Inclusión y democratización de la cultura",
                "pt": "Inclusão e democratização da cultura",
                "ca": "Inclusió i democratització de la cultura",
            },
            {
                "en": """Access to culture in every neighbourhood and at every age
                Libraries, museums and arts schools as places of social inclusion
                Cultural creation with the communities that are usually left out""",
                "fr": """L’accès à la culture dans chaque quartier et à tout âge
                Bibliothèques, musées et écoles d’art, lieux d’inclusion sociale
                La création culturelle avec les publics qui en sont le plus souvent exclus""",
                "es": """El acceso a la cultura en todos los barrios y a todas las edades
                Bibliotecas, museos y escuelas de arte como lugares de inclusión social
                La creación cultural con las comunidades que suelen quedar al margen""",
                "pt": """O acesso à cultura em todos os bairros e em todas as idades
                Bibliotecas, museus e escolas de artes como lugares de inclusão social
                A criação cultural com as comunidades que costumam ficar de fora""",
                "ca": """L’accés a la cultura a tots els barris i a totes les edats
                Biblioteques, museus i escoles d’art com a llocs d’inclusió social
                La creació cultural amb les comunitats que acostumen a quedar al marge""",
            },
            _KATOWICE,
        ),
        call_opens=datetime.date(2019, 10, 1),
        deadline=datetime.date(2020, 1, 31),
        jury_starts_on=datetime.date(2020, 2, 17),
        decision_on=datetime.date(2020, 7, 15),
        ceremony_on=datetime.date(2020, 11, 26),
        ceremony_place="Online (the congress planned in Katowice, Poland)",
        cutoff=datetime.date(2019, 6, 30),
        host=("Katowice", "PL"),
        figures=(58, 47, 13),
        jury_statement=(
            "The jury met online this year, and found in the 58 candidacies a strong belief that culture "
            "is a right and not a privilege. The three winners take culture to where people live: library "
            "parks in Medellín's hillside neighbourhoods, museums that open at night for Santos's "
            "teenagers, and arts workshops in every parish of Torres Vedras. The seven finalists show the "
            "same commitment in very different cities."
        ),
        results=(
            Result(
                "Medellín",
                "CO",
                "Parques biblioteca",
                W,
                "For library parks that brought reading, arts and meeting places to the neighbourhoods "
                "that had least, designed with their residents.",
            ),
            Result(
                "Santos",
                "BR",
                "Museu à noite",
                W,
                "For opening the city's museums at night to teenagers, who programme the evenings with "
                "the museum teams and bring their friends.",
            ),
            Result(
                "Torres Vedras",
                "PT",
                "Artes em todas as freguesias",
                W,
                "For a cultural programme that reaches every parish, rural ones included, and makes "
                "residents of all ages co-authors of what is shown.",
            ),
            Result("Curitiba", "BR", "Orquestras nos bairros", F),
            Result("Gothenburg", "SE", "The library as the city", F),
            Result("Figueres", "ES", "Orquestas infantiles", F),
            Result("Iksan", "KR", "Neighbourhood music school", F),
            Result("Fougères", "FR", "La médiathèque", F),
            Result("Mendoza", "AR", "Rutas de la memoria", F),
            Result("Chrzanów", "PL", "Heritage as a classroom", F),
        ),
    ),
    EditionData(
        number=4,
        year=2022,
        language="pt",
        texts=_texts(
            {
                "pt": "O cuidado na cidade",
                "en": "Care in the city",
                "fr": "Le soin dans la ville",
                "es": "Los cuidados en la ciudad",
                "ca": "Les cures a la ciutat",
            },
            {
                "pt": """Cuidar da infância e das famílias desde os primeiros anos
                Relações entre gerações e acompanhamento das pessoas idosas
                Saúde emocional e bem-estar da comunidade""",
                "en": """Caring for children and families from the earliest years
                Bonds between generations and support for older people
                Emotional health and the well-being of the community""",
                "fr": """Prendre soin de l’enfance et des familles dès les premières années
                Liens entre générations et accompagnement des personnes âgées
                Santé émotionnelle et bien-être de la communauté""",
                "es": """Cuidar de la infancia y de las familias desde los primeros años
                Relaciones entre generaciones y acompañamiento de las personas mayores
                Salud emocional y bienestar de la comunidad""",
                "ca": """Tenir cura de la infància i de les famílies des dels primers anys
                Relacions entre generacions i acompanyament de la gent gran
                Salut emocional i benestar de la comunitat""",
            },
            _ANDONG,
        ),
        call_opens=datetime.date(2021, 10, 15),
        deadline=datetime.date(2022, 2, 28),
        jury_starts_on=datetime.date(2022, 3, 14),
        decision_on=datetime.date(2022, 6, 30),
        ceremony_on=datetime.date(2022, 10, 27),
        ceremony_place="Andong (Republic of Korea)",
        cutoff=datetime.date(2021, 6, 30),
        host=("Andong", "KR"),
        figures=(71, 60, 16),
        jury_statement=(
            "Depois de dois anos de pandemia, o júri recebeu candidaturas que colocam o cuidado no centro "
            "da política educativa local. As cidades vencedoras cuidam das crianças desde o nascimento, "
            "juntam gerações debaixo do mesmo teto e tratam o cuidado como uma responsabilidade partilhada "
            "por toda a comunidade."
        ),
        results=(
            Result(
                "Córdoba",
                "AR",
                "Buen comienzo",
                W,
                "Pela atenção integral à primeira infância, que junta saúde, educação e apoio às famílias "
                "em cada bairro.",
            ),
            Result(
                "Castelló de la Plana",
                "ES",
                "Viviendas intergeneracionales",
                W,
                "Por habitações onde jovens e idosos vivem e se apoiam mutuamente, com acompanhamento "
                "municipal.",
            ),
            Result(
                "Espoo",
                "FI",
                "Homeshare",
                W,
                "Por um programa de coabitação entre estudantes e pessoas idosas simples, avaliado e fácil "
                "de transferir.",
            ),
            Result(
                "Rio de Mouro",
                "PT",
                "Universidade Sénior",
                M,
                "Por uma universidade sénior que mantém as pessoas idosas ativas e ligadas à comunidade.",
            ),
            Result("Roquetas de Mar", "ES", "Escuela municipal de familias", F),
            Result("Puertollano", "ES", "Espacios de escucha", F),
            Result("Mokpo", "KR", "Sport for all abilities", F),
            Result("Bayonne", "FR", "Café des parents", F),
            Result("Leganés", "ES", "Viviendas intergeneracionales", F),
        ),
    ),
    EditionData(
        number=5,
        year=2024,
        language="es",
        texts=_texts(
            {
                "es": "La educación en valores",
                "en": "Values-based education",
                "fr": "L’éducation aux valeurs",
                "pt": "A educação em valores",
                "ca": "L’educació en valors",
            },
            {
                "es": """Memoria democrática y derechos humanos
                Igualdad de género y respeto a la diversidad
                Solidaridad, cuidado del entorno y compromiso con la comunidad""",
                "en": """Democratic memory and human rights
                Gender equality and respect for diversity
                Solidarity, care for the environment and commitment to the community""",
                "fr": """Mémoire démocratique et droits humains
                Égalité entre les femmes et les hommes et respect de la diversité
                Solidarité, soin de l’environnement et engagement envers la communauté""",
                "pt": """Memória democrática e direitos humanos
                Igualdade de género e respeito pela diversidade
                Solidariedade, cuidado com o ambiente e compromisso com a comunidade""",
                "ca": """Memòria democràtica i drets humans
                Igualtat de gènere i respecte a la diversitat
                Solidaritat, cura de l’entorn i compromís amb la comunitat""",
            },
            _CURITIBA,
        ),
        call_opens=datetime.date(2023, 10, 16),
        deadline=datetime.date(2024, 2, 29),
        jury_starts_on=datetime.date(2024, 3, 18),
        decision_on=datetime.date(2024, 6, 28),
        ceremony_on=datetime.date(2024, 11, 21),
        ceremony_place="Curitiba (Brazil)",
        cutoff=datetime.date(2023, 6, 30),
        host=("Curitiba", "BR"),
        figures=(66, 55, 15),
        jury_statement=(
            "El jurado valora experiencias que enseñan valores con hechos y no solo con palabras: "
            "recorridos por la memoria de la ciudad, patios que reparten el espacio con equidad y un "
            "patrimonio que el alumnado adopta y cuida. Felicita a todas las ciudades candidatas por su "
            "compromiso."
        ),
        results=(
            Result(
                "Getafe",
                "ES",
                "Rutas de la memoria",
                W,
                "Por unas rutas de la memoria que implican a todos los centros educativos y a las "
                "entidades de derechos humanos de la ciudad.",
            ),
            Result(
                "Sevilla",
                "ES",
                "Patios coeducativos",
                W,
                "Por transformar los patios escolares con la comunidad educativa para que niñas y niños "
                "compartan el espacio y el juego en igualdad.",
            ),
            Result(
                "Kraśnik",
                "PL",
                "Heritage as a classroom",
                W,
                "Por un programa en el que cada escuela adopta un monumento y lo da a conocer a la "
                "ciudadanía.",
            ),
            Result(
                "Montpellier",
                "FR",
                "Budget participatif des collégiens",
                M,
                "Por un presupuesto participativo en el que el alumnado aprende a decidir por el bien común.",
            ),
            Result("Murcia", "ES", "Patios coeducativos", F),
            Result("Tunis", "TN", "Chantiers éducatifs", F),
            Result("Ulsan", "KR", "Reading buddies", F),
            Result("Coimbra", "PT", "A cidade como sala de aula", F),
            Result("Hérouville-Saint-Clair", "FR", "Toutes sportives", F),
        ),
    ),
)

# --- the open edition --------------------------------------------------------------------------

OPEN_EDITION = EditionData(
    number=6,
    year=2026,
    language="en",
    texts=_texts(
        {
            "en": "Education as a source of inclusion and social cohesion",
            "fr": "L’éducation, source d’inclusion et de cohésion sociale",
            "es": "La educación como fuente de inclusión y cohesión social",
            "pt": "A educação como fonte de inclusão e coesão social",
            "ca": "L’educació com a font d’inclusió i cohesió social",
        },
        {
            "en": """Learning opportunities for the people who are furthest from them
            Meeting places between neighbourhoods, cultures and generations
            Schools, services and associations working as one educating community""",
            "fr": """Des occasions d’apprendre pour les personnes qui en sont les plus éloignées
            Des lieux de rencontre entre quartiers, cultures et générations
            Écoles, services et associations réunis en une même communauté éducative""",
            "es": """Oportunidades de aprendizaje para las personas más alejadas de ellas
            Lugares de encuentro entre barrios, culturas y generaciones
            Escuelas, servicios y entidades que trabajan como una sola comunidad educativa""",
            "pt": """Oportunidades de aprendizagem para quem está mais longe delas
            Lugares de encontro entre bairros, culturas e gerações
            Escolas, serviços e associações a trabalhar como uma só comunidade educativa""",
            "ca": """Oportunitats d’aprenentatge per a les persones que en són més lluny
            Llocs de trobada entre barris, cultures i generacions
            Escoles, serveis i entitats que treballen com una sola comunitat educativa""",
        },
        _GRANOLLERS,
    ),
    ceremony_place="Granollers (Spain)",
    cutoff=datetime.date(2024, 1, 1),
    host=("Granollers", "ES"),
)
# Days from the day the demo is loaded: the edition is always in its jury phase.
OPEN_TIMELINE_DAYS = {
    "call_opens": -150,
    "deadline": -20,
    "jury_starts_on": -18,
    "decision_on": 30,
    "ceremony_on": 60,
}

# (text, guidance, required, characters at most), in English, with their translations below.
QUESTIONS: tuple[tuple[str, str, bool, int], ...] = (
    (
        "How does the experience use education to include people who were left out, and whom does it reach?",
        "Say who took part, how many, and how you reached the people who usually stay away.",
        True,
        3000,
    ),
    (
        "How does it strengthen social cohesion between groups, neighbourhoods or generations?",
        "Give evidence: evaluations, figures, testimonies, changes in services.",
        True,
        3000,
    ),
    (
        "What would another city need to adapt it?",
        "Optional: team, budget, partners, the first steps.",
        False,
        1500,
    ),
)
QUESTION_TRANSLATIONS: dict[str, tuple[tuple[str, str], ...]] = {
    "fr": (
        (
            (
                "Comment l’expérience utilise-t-elle l’éducation pour inclure les personnes laissées de "
                "côté, et qui touche-t-elle ?"
            ),
            (
                "Dites qui a participé, combien, et comment vous avez atteint les personnes qui restent "
                "d’habitude à l’écart."
            ),
        ),
        (
            "Comment renforce-t-elle la cohésion sociale entre groupes, quartiers ou générations ?",
            "Donnez des preuves : évaluations, chiffres, témoignages, changements dans les services.",
        ),
        (
            "De quoi une autre ville aurait-elle besoin pour l’adapter ?",
            "Facultatif : équipe, budget, partenaires, premières étapes.",
        ),
    ),
    "es": (
        (
            (
                "¿Cómo utiliza la experiencia la educación para incluir a las personas que se habían quedado "
                "fuera, y a quién llega?"
            ),
            "Indique quién participó, cuántas personas y cómo llegaron a quienes suelen quedarse al margen.",
        ),
        (
            "¿Cómo refuerza la cohesión social entre grupos, barrios o generaciones?",
            "Aporte pruebas: evaluaciones, cifras, testimonios, cambios en los servicios.",
        ),
        (
            "¿Qué necesitaría otra ciudad para adaptarla?",
            "Opcional: equipo, presupuesto, socios, primeros pasos.",
        ),
    ),
    "pt": (
        (
            "Como é que a experiência usa a educação para incluir quem tinha ficado de fora, e a quem chega?",
            "Diga quem participou, quantas pessoas e como chegaram a quem costuma ficar afastado.",
        ),
        (
            "Como é que reforça a coesão social entre grupos, bairros ou gerações?",
            "Apresente provas: avaliações, números, testemunhos, mudanças nos serviços.",
        ),
        (
            "De que precisaria outra cidade para a adaptar?",
            "Opcional: equipa, orçamento, parceiros, primeiros passos.",
        ),
    ),
    "ca": (
        (
            (
                "Com fa servir l’experiència l’educació per incloure les persones que n’havien quedat "
                "fora, i a qui arriba?"
            ),
            "Indiqueu qui hi va participar, quantes persones i com vau arribar a qui sol quedar al marge.",
        ),
        (
            "Com reforça la cohesió social entre grups, barris o generacions?",
            "Aporteu proves: avaluacions, xifres, testimonis, canvis en els serveis.",
        ),
        (
            "Què necessitaria una altra ciutat per adaptar-la?",
            "Opcional: equip, pressupost, socis, primers passos.",
        ),
    ),
}


@dataclass(frozen=True)
class Juror:
    email: str
    first_name: str
    last_name: str
    city: tuple[str, str] | None
    country: str
    organisation: str
    # The language the juror writes their comments in.
    language: str = "en"


# Executive Committee cities plus independent experts. The first is the account the README names.
JURORS: tuple[Juror, ...] = (
    Juror(
        "juror@educities.localhost",
        "Judit",
        "Juror",
        ("Lisbon", "PT"),
        "PT",
        "Lisbon City Council (Executive Committee)",
    ),
    Juror(
        "juror1@demo.educities.org",
        "Marcela",
        "Quiroga",
        ("Rosario", "AR"),
        "AR",
        "Municipalidad de Rosario (Executive Committee)",
        "es",
    ),
    Juror(
        "juror2@demo.educities.org",
        "Giulia",
        "Ferraris",
        ("Turin", "IT"),
        "IT",
        "Città di Torino (Executive Committee)",
    ),
    Juror(
        "juror3@demo.educities.org",
        "Min-jun",
        "Park",
        ("Changwon", "KR"),
        "KR",
        "Changwon City (Executive Committee)",
    ),
    Juror(
        "juror4@demo.educities.org",
        "Katarzyna",
        "Nowak",
        ("Katowice", "PL"),
        "PL",
        "City of Katowice (Executive Committee)",
    ),
    Juror(
        "juror5@demo.educities.org",
        "Aminata",
        "Sow",
        None,
        "SN",
        "Independent expert in adult literacy and community education",
        "fr",
    ),
    Juror(
        "juror6@demo.educities.org",
        "Helen",
        "McAllister",
        None,
        "IE",
        "Independent expert in inclusive education policy",
    ),
)

DECLARED_CONFLICT_NOTE = (
    "I advised this city's education department on a related programme in 2024: I would rather not score it."
)
STAFF_CONFLICT_NOTE = "A close relative of the juror leads one of the programme's partner associations."

# How many applications of the open edition end in each state (the tests check these numbers).
OPEN_STATE_COUNTS: dict[str, int] = {
    ApplicationStatus.DRAFT: 3,
    ApplicationStatus.SUBMITTED: 2,
    ApplicationStatus.ELIGIBLE: 1,
    ApplicationStatus.INELIGIBLE: 3,
    ApplicationStatus.WITHDRAWN: 2,
    ApplicationStatus.IN_REVIEW: 14,
}
# The themes of the experiences cities send to the open edition, in order of preference.
OPEN_THEMES = ("social_inclusion", "coexistence", "interculturality", "intergenerational")


@dataclass(frozen=True)
class Refused:
    """An application the Secretariat declares ineligible: the city, a new experience's title, the reason."""

    city: str
    country: str
    new_title: str
    reason: str
    language: str


INELIGIBLE: tuple[Refused, ...] = (
    Refused(
        "Getafe",
        "ES",
        "Getafe convive: mediación escolar y vecinal",
        "Getafe ganó la edición anterior (2024): según las bases, no puede presentarse a esta edición.",
        "es",
    ),
    Refused(
        "Granollers",
        "ES",
        "Granollers acoge: aprender la lengua en los barrios",
        "Granollers es la sede del XIX Congreso Internacional, donde se entrega el premio de esta "
        "edición: según las bases, la ciudad sede del próximo congreso no puede presentarse.",
        "es",
    ),
    Refused(
        "Turin",
        "IT",
        "",
        "Turin sits on this edition's jury (Executive Committee): the cities of the jury cannot apply.",
        "en",
    ),
)
OVERRIDE_REASON = (
    "The pilot in two schools began in 2023, before the cut-off date; the start date in the bank is the "
    "city-wide extension. Confirmed with the city's education department."
)
# A fee the Secretariat knows is settled though the record still shows it unpaid (past editions only).
PAST_OVERRIDE_REASON = "Confirmed by the Secretariat when the jury met (rules and records of the time)."
WITHDRAW_REASONS = (
    "The city prefers to apply to the next edition, once the programme's evaluation is finished.",
    "The new city council asked to withdraw the application while the programme is being redesigned.",
)
# A draft written from scratch: the city creates its experience in the bank from the application.
NEW_DRAFT_TITLE = {
    "en": "Learning neighbourhoods: adult education in every community centre",
    "fr": "Quartiers apprenants : des cours pour adultes dans chaque centre social",
    "es": "Barrios que aprenden: formación de personas adultas en cada centro cívico",
    "pt": "Bairros que aprendem: formação de adultos em cada centro comunitário",
}

# Answers to the three questions, per language: two versions of the first two, one of the third.
ANSWERS: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "en": (
        (
            (
                "“{title}” was designed for the residents our services reached least: families on low "
                "incomes, "
                "newcomers and young people out of school. In its last year it reached {people} people, most "
                "of them through the associations and schools of the neighbourhoods, which invited them "
                "personally rather than waiting for them to come."
            ),
            (
                "The programme started from a simple finding of our education department: the people who "
                "needed it most never came to our courses. {city} took the activities to them, in community "
                "centres, schools and squares; {people} people took part last year, two thirds for the "
                "first time."
            ),
        ),
        (
            (
                "Participants from different neighbourhoods and backgrounds now meet every week. The "
                "evaluation "
                "carried out with the university shows that {percent} % of them say they know more "
                "neighbours "
                "than before, and three services changed how they work with families as a result."
            ),
            (
                "The programme brings together generations and cultures that used to share the city without "
                "meeting. {percent} % of participants say they feel part of the neighbourhood, and the "
                "associations involved now run joint activities without the city's help."
            ),
        ),
        (
            (
                "A small stable team (two people), a modest budget, the support of the mayor and an "
                "agreement "
                "with the schools and associations of one neighbourhood to start with."
            ),
        ),
    ),
    "fr": (
        (
            (
                "« {title} » a été conçue pour les habitants que nos services touchaient le moins : familles "
                "modestes, nouveaux arrivants, jeunes sortis de l’école. La dernière année, elle a touché "
                "{people} personnes, pour la plupart invitées personnellement par les associations et les "
                "écoles des quartiers."
            ),
            (
                "Tout est parti d’un constat du service éducation : ceux qui en avaient le plus besoin ne "
                "venaient jamais. {city} a porté les activités vers eux, dans les centres sociaux, les "
                "écoles "
                "et sur les places ; {people} personnes ont participé l’an dernier, dont deux tiers pour la "
                "première fois."
            ),
        ),
        (
            (
                "Des participants de quartiers et d’origines différents se retrouvent désormais chaque "
                "semaine. "
                "L’évaluation menée avec l’université montre que {percent} % d’entre eux connaissent plus de "
                "voisins qu’avant, et trois services ont changé leur manière de travailler avec les familles."
            ),
            (
                "Le programme réunit des générations et des cultures qui partageaient la ville sans se "
                "rencontrer. {percent} % des participants disent se sentir partie prenante du quartier, et "
                "les "
                "associations mènent désormais des activités communes sans l’aide de la ville."
            ),
        ),
        (
            (
                "Une petite équipe stable (deux personnes), un budget modeste, le soutien du maire et un "
                "accord "
                "avec les écoles et les associations d’un premier quartier."
            ),
        ),
    ),
    "es": (
        (
            (
                "«{title}» se diseñó para los vecinos y vecinas a los que menos llegaban nuestros servicios: "
                "familias con pocos recursos, personas recién llegadas y jóvenes fuera de la escuela. El "
                "último "
                "año llegó a {people} personas, la mayoría invitadas personalmente por las entidades y "
                "escuelas "
                "de los barrios."
            ),
            (
                "Todo partió de una constatación del área de educación: quienes más lo necesitaban nunca "
                "venían. {city} llevó las actividades hasta ellos, a centros cívicos, escuelas y plazas; "
                "el año "
                "pasado participaron {people} personas, dos tercios por primera vez."
            ),
        ),
        (
            (
                "Personas de barrios y orígenes distintos se encuentran ahora cada semana. La evaluación "
                "hecha "
                "con la universidad muestra que el {percent} % conoce a más vecinos que antes, y tres "
                "servicios "
                "municipales cambiaron su forma de trabajar con las familias."
            ),
            (
                "El programa reúne generaciones y culturas que compartían la ciudad sin encontrarse. El "
                "{percent} % de las personas participantes dice sentirse parte del barrio, y las entidades "
                "organizan ya actividades conjuntas sin apoyo municipal."
            ),
        ),
        (
            (
                "Un equipo pequeño y estable (dos personas), un presupuesto modesto, el apoyo de la "
                "alcaldía y "
                "un acuerdo con las escuelas y entidades de un primer barrio."
            ),
        ),
    ),
    "pt": (
        (
            (
                "«{title}» foi pensada para os munícipes a quem os nossos serviços menos chegavam: "
                "famílias com "
                "poucos recursos, pessoas recém-chegadas e jovens fora da escola. No último ano chegou a "
                "{people} pessoas, na maioria convidadas pessoalmente pelas associações e escolas dos "
                "bairros."
            ),
            (
                "Tudo partiu de uma constatação da divisão de educação: quem mais precisava nunca vinha. "
                "{city} levou as atividades até essas pessoas, aos centros comunitários, às escolas e às "
                "praças; "
                "no ano passado participaram {people} pessoas, dois terços pela primeira vez."
            ),
        ),
        (
            (
                "Pessoas de bairros e origens diferentes encontram-se agora todas as semanas. A avaliação "
                "feita "
                "com a universidade mostra que {percent} % conhecem mais vizinhos do que antes, e três "
                "serviços "
                "municipais mudaram a forma de trabalhar com as famílias."
            ),
            (
                "O programa junta gerações e culturas que partilhavam a cidade sem se encontrarem. "
                "{percent} % "
                "dos participantes dizem sentir-se parte do bairro, e as associações organizam já atividades "
                "em conjunto sem apoio municipal."
            ),
        ),
        (
            (
                "Uma equipa pequena e estável (duas pessoas), um orçamento modesto, o apoio do presidente da "
                "câmara e um acordo com as escolas e associações de um primeiro bairro."
            ),
        ),
    ),
}

# What jurors write: per language, remarks on a criterion (good, fair, weak) and an overall comment.
COMMENTS: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "good": (
            "Clear evidence, well documented.",
            "Strong point of the application.",
            "Convincing: the figures back it up.",
        ),
        "fair": (
            "Reasonable, but the application says little about it.",
            "Some evidence; I would like to see the evaluation.",
        ),
        "weak": (
            "Hardly shown in the application.",
            "Not convincing: mostly intentions.",
        ),
        "overall": (
            "A solid experience that fits the theme well; the evaluation could be stronger.",
            "Very relevant and well run; transferable to many member cities.",
            "Interesting, but it reads more as a service than as an educating project.",
        ),
    },
    "es": {
        "good": (
            "Evidencias claras y bien documentadas.",
            "Punto fuerte de la candidatura.",
            "Convincente: las cifras lo respaldan.",
        ),
        "fair": (
            "Razonable, pero la candidatura dice poco al respecto.",
            "Algunas evidencias; me gustaría ver la evaluación.",
        ),
        "weak": (
            "Apenas se muestra en la candidatura.",
            "Poco convincente: sobre todo intenciones.",
        ),
        "overall": (
            "Una experiencia sólida que encaja bien con el tema; la evaluación podría ser más sólida.",
            "Muy pertinente y bien gestionada; transferible a muchas ciudades miembros.",
            "Interesante, pero se parece más a un servicio que a un proyecto educador.",
        ),
    },
    "fr": {
        "good": (
            "Des preuves claires et bien documentées.",
            "Point fort de la candidature.",
            "Convaincant : les chiffres le confirment.",
        ),
        "fair": (
            "Raisonnable, mais la candidature en dit peu.",
            "Quelques éléments ; j’aimerais voir l’évaluation.",
        ),
        "weak": (
            "À peine montré dans la candidature.",
            "Peu convaincant : surtout des intentions.",
        ),
        "overall": (
            "Une expérience solide, bien dans le thème ; l’évaluation pourrait être plus rigoureuse.",
            "Très pertinente et bien menée ; transférable à de nombreuses villes membres.",
            "Intéressante, mais elle ressemble davantage à un service qu’à un projet éducatif.",
        ),
    },
}
OUTLIER_COMMENT = {
    "en": (
        "I do not see the educating dimension: this is a social service with a new name. Low scores on "
        "purpose."
    ),
    "es": (
        "No veo la dimensión educadora: es un servicio social con otro nombre. Puntuaciones bajas a "
        "propósito."
    ),
    "fr": (
        "Je ne vois pas la dimension éducative : c’est un service social sous un autre nom. Notes basses à "
        "dessein."
    ),
}
NOT_APPLICABLE_COMMENT = {
    "en": "No businesses are involved, and the theme does not call for them.",
    "es": "No participan empresas, y el tema no lo requiere.",
    "fr": "Aucune entreprise n’y participe, et le thème ne l’exige pas.",
}


# --- the one experience the bank does not have -------------------------------------------------


@dataclass(frozen=True)
class WrittenExperience:
    city: str
    country: str
    language: str
    values: dict
    # language → (title, summary)
    translations: dict[str, tuple[str, str]] = field(default_factory=dict)


TORRES_VEDRAS = WrittenExperience(
    city="Torres Vedras",
    country="PT",
    language="pt",
    values={
        "original_language": "pt",
        "title": "Artes em todas as freguesias de Torres Vedras",
        "summary": (
            "Oficinas de teatro, música, dança e artes plásticas em todas as freguesias do concelho, "
            "rurais incluídas, com artistas residentes que criam com os habitantes de todas as idades "
            "espetáculos e exposições mostrados no centro da cidade e nas próprias aldeias."
        ),
        "context": (
            "<p>A oferta cultural do concelho estava concentrada na cidade: nas freguesias rurais, muitas "
            "crianças e pessoas idosas nunca tinham entrado num teatro. Em 2015, a câmara decidiu levar os "
            "artistas às aldeias em vez de esperar que o público viesse.</p>"
        ),
        "objectives": (
            "<ul><li>Garantir a todos os habitantes, onde quer que vivam, o acesso à criação artística.</li>"
            "<li>Fazer das pessoas coautoras e não apenas espectadoras.</li>"
            "<li>Juntar gerações e freguesias à volta de projetos comuns.</li></ul>"
        ),
        "actions": (
            "<p>Cada ano, seis artistas residentes trabalham durante três meses numa freguesia, com as "
            "escolas, o centro de dia, as coletividades e quem quiser participar. O transporte é gratuito "
            "para os ensaios e as apresentações.</p>"
            "<ul><li>Oficinas semanais abertas e gratuitas.</li>"
            "<li>Um espetáculo ou uma exposição final na freguesia e no Teatro-Cine.</li>"
            "<li>Uma formação para os técnicos das juntas de freguesia.</li></ul>"
        ),
        "results": (
            "<p>Desde 2015, as oficinas chegaram às 13 freguesias do concelho e a cerca de 4 200 "
            "participantes, 38 % com mais de 65 anos. O público do Teatro-Cine vindo das freguesias rurais "
            "triplicou.</p>"
        ),
        "lessons": (
            "<p>A cultura chega a todos quando se desloca: o transporte e a presença longa dos artistas "
            "contam mais do que o programa. O modelo adapta-se a qualquer concelho com aldeias afastadas do "
            "centro.</p>"
        ),
        "start_date": "2015-09-01",
        "is_ongoing": True,
        "budget_range": "50k-200k",
        "themes": ["culture", "social_inclusion", "intergenerational"],
        "target_groups": ["children", "older_people", "general_public"],
        "sdgs": ["4", "10", "11"],
        "departments": ["culture", "education", "social"],
        "principles": [],
        "partners": [
            {"name": "Agrupamentos de escolas de Torres Vedras", "kind": "school"},
            {"name": "Coletividades e associações culturais das freguesias", "kind": "civil_society"},
        ],
        "links": [{"url": "https://www.cm-tvedras.pt", "label": "Sítio do município"}],
    },
    translations={
        "en": (
            "Arts in every parish of Torres Vedras",
            (
                "Theatre, music, dance and visual arts workshops in every parish of the municipality, rural "
                "ones included, with resident artists who create shows and exhibitions with residents of all "
                "ages, presented both in the town centre and in the villages themselves."
            ),
        ),
        "fr": (
            "Les arts dans toutes les paroisses de Torres Vedras",
            (
                "Des ateliers de théâtre, de musique, de danse et d’arts plastiques dans toutes les "
                "paroisses de "
                "la commune, rurales comprises, avec des artistes en résidence qui créent avec les "
                "habitants de "
                "tous âges des spectacles et des expositions montrés au centre-ville et dans les villages."
            ),
        ),
        "es": (
            "Artes en todas las parroquias de Torres Vedras",
            (
                "Talleres de teatro, música, danza y artes plásticas en todas las parroquias del municipio, "
                "también las rurales, con artistas residentes que crean con vecinos de todas las edades "
                "espectáculos y exposiciones que se muestran en el centro de la ciudad y en los propios "
                "pueblos."
            ),
        ),
    },
)
WRITTEN_EXPERIENCES = (TORRES_VEDRAS,)
