"""The congresses' demo data: the XVI International Congress (Katowice 2020), a national network congress
open for registration (the Spanish network, Gijón 2027) and the bids to host the congresses of 2028 and 2030.

From the brief: Katowice 2020 was planned as the XVI congress and moved online; Andong 2022, Curitiba
2024 and Granollers 2026 follow; cities bid for 2028; networks run national congresses. The dates chosen
here are ours: Katowice from Wednesday 18 to Friday 20 November 2020 (Europe/Warsaw), in a hybrid format
(a small audience in the hall under the health rules of the time, most delegates online); Gijón on
Thursday 22 and Friday 23 April 2027. Everything else (programmes, speakers, proposals, scores, bids,
notes) is invented for the demo and must not be read as the association's history. People's e-mail
addresses are at example.org.
"""

import datetime
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.utils.text import slugify

from educities.congresses.enums import ProposalKind, ProposalStatus, SessionKind

EXECUTIVE_EMAIL = "executive@educities.localhost"
STAFF_EMAIL = "staff@educities.localhost"
EDITOR_EMAIL = "editor@educities.localhost"
TRANSLATOR_EMAIL = "translator@demo.educities.org"
TRANSLATION_LANGUAGES = ("en", "fr", "es", "pt", "ca")

# --- Katowice 2020 -----------------------------------------------------------------------------------

KATOWICE_SLUG = "katowice-2020"
KATOWICE_ZONE = "Europe/Warsaw"
_WARSAW = ZoneInfo(KATOWICE_ZONE)
_MADRID = ZoneInfo("Europe/Madrid")
KATOWICE_DAYS = (datetime.date(2020, 11, 18), datetime.date(2020, 11, 20))
KATOWICE_HOST = ("Katowice", "PL")
KATOWICE_CAPACITY = 90
# When things happened (the loader moves the clock to each of them).
KATOWICE_TIMELINE = {
    "created": datetime.datetime(2019, 12, 9, 10, 0, tzinfo=_WARSAW),
    "published": datetime.datetime(2020, 1, 13, 12, 0, tzinfo=_WARSAW),
    "call_opens": datetime.datetime(2020, 1, 15, 9, 0, tzinfo=_WARSAW),
    "call_closes": datetime.datetime(2020, 4, 30, 23, 59, tzinfo=_WARSAW),
    "jury": datetime.datetime(2020, 5, 4, 10, 0, tzinfo=_WARSAW),
    "scoring_opens": datetime.datetime(2020, 5, 6, 9, 0, tzinfo=_WARSAW),
    "deliberation": datetime.datetime(2020, 5, 27, 16, 0, tzinfo=_WARSAW),
    "decision": datetime.datetime(2020, 6, 3, 11, 0, tzinfo=_WARSAW),
    "format_changed": datetime.datetime(2020, 6, 10, 12, 0, tzinfo=_WARSAW),
    "registration_opens": datetime.datetime(2020, 6, 15, 9, 0, tzinfo=_WARSAW),
    "programme": datetime.datetime(2020, 9, 14, 10, 0, tzinfo=_WARSAW),
    "programme_published": datetime.datetime(2020, 10, 1, 10, 0, tzinfo=_WARSAW),
    "registration_closes": datetime.datetime(2020, 11, 13, 23, 59, tzinfo=_WARSAW),
    "review_closed": datetime.datetime(2020, 11, 25, 10, 0, tzinfo=_WARSAW),
}

KATOWICE_TITLE = {
    "en": "XVI International Congress of Educating Cities",
    "fr": "XVIe Congrès international des villes éducatrices",
    "es": "XVI Congreso Internacional de Ciudades Educadoras",
    "pt": "XVI Congresso Internacional das Cidades Educadoras",
    "ca": "XVI Congrés Internacional de Ciutats Educadores",
}
KATOWICE_DESCRIPTION = {
    "en": (
        "Katowice, a city that learned its way from coal to culture, hosts the sixteenth congress of the "
        "association under the theme “Cities in transition: learning together for a changing world”. "
        "Three days of plenaries, workshops, communications from member cities and study visits look at "
        "how cities educate through the great transitions of our time: ecological, digital and social.\n\n"
        "Planned in Katowice's International Congress Centre, the congress moved to a hybrid format "
        "because of the COVID-19 pandemic: a small audience in the hall under the health rules, most "
        "delegates online, every plenary broadcast with interpretation into English, French, Spanish "
        "and Portuguese."
    ),
    "fr": (
        "Katowice, une ville passée du charbon à la culture, accueille le seizième congrès de "
        "l’association sur le thème « Villes en transition : apprendre ensemble pour un monde qui "
        "change ». Trois jours de plénières, d’ateliers, de communications des villes membres et de "
        "visites d’étude pour voir comment les villes éduquent au cœur des grandes transitions de notre "
        "temps : écologique, numérique et sociale.\n\n"
        "Prévu au Centre international des congrès de Katowice, le congrès est passé à un format hybride "
        "en raison de la pandémie de COVID-19 : un public restreint dans la salle selon les règles "
        "sanitaires, la plupart des délégués en ligne, chaque plénière diffusée avec interprétation en "
        "anglais, français, espagnol et portugais."
    ),
    "es": (
        "Katowice, una ciudad que aprendió a pasar del carbón a la cultura, acoge el decimosexto congreso "
        "de la asociación con el lema «Ciudades en transición: aprender juntos para un mundo que "
        "cambia». Tres días de plenarios, talleres, comunicaciones de las ciudades miembro y visitas de "
        "estudio sobre cómo educan las ciudades en las grandes transiciones de nuestro tiempo: "
        "ecológica, digital y social.\n\n"
        "Previsto en el Centro Internacional de Congresos de Katowice, el congreso pasó a un formato "
        "híbrido por la pandemia de COVID-19: un público reducido en la sala con las normas sanitarias, "
        "la mayoría de las delegaciones en línea y todos los plenarios retransmitidos con interpretación "
        "al inglés, francés, español y portugués."
    ),
    "pt": (
        "Katowice, uma cidade que aprendeu a passar do carvão à cultura, acolhe o décimo sexto congresso "
        "da associação com o tema «Cidades em transição: aprender juntos para um mundo que muda». Três "
        "dias de plenários, oficinas, comunicações das cidades membros e visitas de estudo sobre a forma "
        "como as cidades educam nas grandes transições do nosso tempo: ecológica, digital e social.\n\n"
        "Previsto para o Centro Internacional de Congressos de Katowice, o congresso passou a um formato "
        "híbrido por causa da pandemia de COVID-19: um público reduzido na sala segundo as regras "
        "sanitárias, a maioria dos delegados online, todos os plenários transmitidos com interpretação "
        "para inglês, francês, espanhol e português."
    ),
    "ca": (
        "Katowice, una ciutat que va aprendre a passar del carbó a la cultura, acull el setzè congrés de "
        "l’associació amb el lema «Ciutats en transició: aprendre junts per a un món que canvia». Tres "
        "dies de plenaris, tallers, comunicacions de les ciutats membres i visites d’estudi sobre com "
        "eduquen les ciutats en les grans transicions del nostre temps: ecològica, digital i social.\n\n"
        "Previst al Centre Internacional de Congressos de Katowice, el congrés va passar a un format "
        "híbrid per la pandèmia de COVID-19: un públic reduït a la sala amb les normes sanitàries, la "
        "majoria de delegacions en línia i tots els plenaris retransmesos amb interpretació a l’anglès, "
        "el francès, l’espanyol i el portuguès."
    ),
}
KATOWICE_VENUE = "International Congress Centre"
KATOWICE_ADDRESS = "plac Sławika i Antałka 1, 40-163 Katowice, Poland"
KATOWICE_COORDINATES = (50.2649, 19.0252)
KATOWICE_CONTACT = "congress2020@katowice.example.org"


@dataclass(frozen=True)
class TypeData:
    name: str
    description: str
    fee: str = "0"
    requires_member_city: bool = False
    needs_approval: bool = False
    counts_toward_capacity: bool = True
    is_public: bool = True


KATOWICE_TYPES: dict[str, TypeData] = {
    "delegate": TypeData(
        "Delegate of a member city",
        "Elected representatives and staff of member cities. Includes the programme, interpretation, the "
        "documentation and, for those in Katowice, the study visits and lunches.",
        fee="250",
        requires_member_city=True,
    ),
    "accompanying": TypeData(
        "Accompanying person",
        "A person travelling with a delegate: the cultural programme and the study visits.",
        fee="90",
    ),
    "speaker": TypeData(
        "Speaker",
        "Keynote speakers, panellists and moderators invited by the organisers (registered by the "
        "Secretariat).",
        counts_toward_capacity=False,
        is_public=False,
    ),
    "press": TypeData(
        "Press",
        "Journalists with a press card; the Secretariat confirms each registration.",
        needs_approval=True,
        counts_toward_capacity=False,
    ),
}

# The two questions every participant answers (the first is required).
ATTENDANCE_CHOICES = ["In the hall in Katowice", "Online"]
KATOWICE_QUESTIONS = (
    ("How will you attend the congress?", "choice", ATTENDANCE_CHOICES, True),
    ("Do you need interpretation or accessibility support? Tell us which.", "text", [], False),
)
ACCESS_NEEDS = (
    "Interpretation into Portuguese, please.",
    "Interpretation into French.",
    "Wheelchair access to the hall.",
    "Subtitles in Spanish for the online sessions.",
    "Vegetarian lunch.",
)

# How many registrations of each type, and what happens to them (the tests check these numbers).
KATOWICE_DELEGATES = 94
KATOWICE_ACCOMPANYING = 6
# Delegates who cancel (places go to the waiting list), waitlisted people who give up, unpaid fees.
KATOWICE_CANCELLED_CONFIRMED = 6
KATOWICE_CANCELLED_WAITING = 1
KATOWICE_UNPAID = 5
KATOWICE_WAIVED = 3
# Share of the confirmed participants checked in (in the hall or at the online desk).
KATOWICE_CHECK_IN_SHARE = 0.8

ACCOMPANYING_PEOPLE = (
    ("Lucía Ferrer Pons", "lucia.ferrer@example.org", "es"),
    ("Paulo Henrique Lima", "paulo.lima@example.org", "pt"),
    ("Anne-Sophie Girard", "annesophie.girard@example.org", "fr"),
    ("Tomasz Zieliński", "tomasz.zielinski@example.org", "en"),
    ("Marta Oliveira Santos", "marta.oliveira@example.org", "pt"),
    ("Jordi Vila Serra", "jordi.vila@example.org", "ca"),
)

PRESS_PEOPLE = (
    ("Agnieszka Wróbel", "agnieszka.wrobel@example.org", "Silesia Today (regional daily)", "en"),
    ("Julien Marchand", "julien.marchand@example.org", "Territoires & Éducation (magazine)", "fr"),
    ("Carla Méndez", "carla.mendez@example.org", "Revista Ciudad y Escuela", "es"),
    ("Ricardo Faria", "ricardo.faria@example.org", "Educação em Rede (online magazine)", "pt"),
    ("Hannah Berg", "hannah.berg@example.org", "Urban Learning Review", "en"),
)
DELEGATE_CANCEL_COMMENT = (
    "Our delegate cannot travel: a colleague will follow the congress online for the city."
)
# The press registration the Secretariat cancels (not a journalist), by index in PRESS_PEOPLE.
PRESS_CANCELLED = 4
PRESS_CANCEL_COMMENT = "We could not confirm a press card: you are welcome to register as a delegate."


@dataclass(frozen=True)
class Person:
    name: str
    role: str
    organisation: str
    city: tuple[str, str] | None = None
    email: str = ""


# Invited speakers (invented people); registered as "Speaker" by the Secretariat.
KEYNOTES = {
    "mayor": Person("Marek Nowicki", "Mayor of Katowice", "City of Katowice", ("Katowice", "PL")),
    "president": Person(
        "Núria Puig i Soler", "President of the association", "Barcelona City Council", ("Barcelona", "ES")
    ),
    "secretary": Person("Elena Martín Roca", "Secretary General", "Secretariat of the association"),
    "coal": Person("Prof. Ewa Kowalczyk", "Keynote speaker", "University of Silesia"),
    "space": Person("Dr. Tiago Ramos", "Keynote speaker", "University of Coimbra, Centre for Social Studies"),
    "moderator": Person("Sofia Lindqvist", "Moderator", "Urban Learning Review"),
    "rosario": Person("Marcela Quiroga", "Speaker", "Municipalidad de Rosario", ("Rosario", "AR")),
    "lisbon": Person("Inês Carvalho", "Speaker", "Câmara Municipal de Lisboa", ("Lisbon", "PT")),
    "changwon": Person("Lee Ji-won", "Speaker", "Changwon City", ("Changwon", "KR")),
    "medellin": Person("Andrés Restrepo", "Speaker", "Alcaldía de Medellín", ("Medellín", "CO")),
    "santos": Person("Juliana Prado", "Speaker", "Prefeitura de Santos", ("Santos", "BR")),
    "torres": Person("Rui Mendes", "Speaker", "Câmara Municipal de Torres Vedras", ("Torres Vedras", "PT")),
    "andong": Person("Kim Soo-jin", "Speaker", "Andong City", ("Andong", "KR")),
    "espoo": Person("Aino Virtanen", "Rapporteur", "City of Espoo", ("Espoo", "FI")),
    "guide": Person("Piotr Lewandowski", "Guide", "Katowice City Guides"),
    "dakar": Person("Awa Ndiaye", "Speaker", "Ville de Dakar", ("Dakar", "SN")),
    "curitiba": Person("Fernanda Costa", "Moderator", "Prefeitura de Curitiba", ("Curitiba", "BR")),
    "gijon": Person("Carmen Suárez Prieto", "Speaker", "Ayuntamiento de Gijón", ("Gijón", "ES")),
}


def speaker_email(person: Person) -> str:
    """The speaker's address: their name without titles, in ASCII, at example.org."""
    name = person.name.removeprefix("Prof. ").removeprefix("Dr. ").removeprefix("Dra. ")
    return person.email or f"{slugify(name).replace('-', '.')}@example.org"


ROOMS = (
    ("plenary", "Plenary Hall", 150),
    ("silesia", "Silesia Room", 60),
    ("nikiszowiec", "Nikiszowiec Room", 40),
    ("online", "Online Studio", None),
)


@dataclass(frozen=True)
class SessionData:
    day: int
    start: str
    end: str
    room: str | None
    kind: str
    title: str
    description: str = ""
    language: str = ""
    speakers: tuple[str, ...] = ()
    # Online sessions and the streamed plenaries have a meeting link (on example.org).
    online: bool = False
    capacity: int | None = None


P, W, V, ON, B, C = (
    SessionKind.PLENARY,
    SessionKind.WORKSHOP,
    SessionKind.STUDY_VISIT,
    SessionKind.ONLINE,
    SessionKind.BREAK,
    SessionKind.CULTURAL,
)

KATOWICE_SESSIONS: tuple[SessionData, ...] = (
    # Wednesday 18 November
    SessionData(
        0,
        "09:00",
        "10:00",
        "plenary",
        P,
        "Opening ceremony",
        "Welcome by the host city and the association, and a minute of silence for the victims of the "
        "pandemic.",
        "en",
        ("mayor", "president", "secretary"),
        online=True,
    ),
    SessionData(0, "10:00", "10:30", None, B, "Coffee break and online networking"),
    SessionData(
        0,
        "10:30",
        "12:00",
        "plenary",
        P,
        "Keynote: from coal to culture, a city that learned to change",
        "How Katowice turned its mines into a museum, a concert hall and a university campus, and what "
        "its inhabitants learned on the way.",
        "en",
        ("coal", "moderator"),
        online=True,
    ),
    SessionData(
        0,
        "12:00",
        "13:00",
        "plenary",
        P,
        "Round table: educating cities in times of pandemic",
        "Mayors' teams from three continents tell how schools, libraries and social services kept "
        "educating through the lockdowns.",
        "en",
        ("moderator", "rosario", "lisbon", "changwon"),
        online=True,
    ),
    SessionData(0, "13:00", "14:00", None, B, "Lunch"),
    SessionData(
        0,
        "16:00",
        "17:30",
        "silesia",
        W,
        "Workshop: mapping the educating resources of a neighbourhood",
        "A hands-on method to draw, with residents, the map of everything that educates in a "
        "neighbourhood: places, people, associations.",
        "en",
        ("espoo",),
        capacity=40,
    ),
    SessionData(
        0,
        "16:00",
        "17:30",
        "nikiszowiec",
        W,
        "Taller: consejos de infancia que deciden",
        "Cómo pasar de consultar a la infancia a darle capacidad de decisión y presupuesto, con los "
        "ejemplos de Rosario y Gijón.",
        "es",
        ("rosario", "gijon"),
        capacity=30,
    ),
    SessionData(
        0,
        "16:00",
        "17:30",
        "online",
        ON,
        "Sesión en línea: ciudades latinoamericanas ante la brecha digital",
        "Ciudades de la Delegación para América Latina comparten cómo llevaron la escuela a los hogares "
        "sin conexión durante la pandemia.",
        "es",
        ("medellin", "curitiba"),
        online=True,
    ),
    SessionData(
        0,
        "18:30",
        "20:00",
        "plenary",
        C,
        "Concert of the Silesian Youth Orchestra",
        "Young musicians of Katowice's music schools play Górecki and Kilar; streamed live.",
        online=True,
    ),
    # Thursday 19 November
    SessionData(
        1,
        "09:00",
        "10:00",
        "plenary",
        P,
        "Keynote: public space as a classroom",
        "Streets, squares and parks as places where children and adults learn to live together.",
        "en",
        ("space", "moderator"),
        online=True,
    ),
    SessionData(1, "10:00", "10:30", None, B, "Coffee break and online networking"),
    SessionData(
        1,
        "12:00",
        "13:00",
        "plenary",
        P,
        "Educating City Award 2020: the winners present their experiences",
        "The three winners of the third edition, on the inclusion and democratisation of culture, "
        "present their experiences.",
        "en",
        ("secretary", "medellin", "santos", "torres"),
        online=True,
    ),
    SessionData(1, "13:00", "14:00", None, B, "Lunch"),
    SessionData(
        1,
        "14:00",
        "15:30",
        "plenary",
        P,
        "Thematic plenary: culture for all, culture by all",
        "Museums, libraries and festivals that open to the whole city, and the cities that make culture "
        "with their inhabitants rather than for them.",
        "en",
        ("moderator", "santos", "dakar", "andong"),
        online=True,
    ),
    SessionData(
        1,
        "14:00",
        "15:30",
        "silesia",
        W,
        "Workshop: evaluating the educational impact of municipal policies",
        "Indicators, stories and simple tools to show what a policy teaches, beyond what it delivers.",
        "en",
        ("espoo",),
        capacity=40,
    ),
    SessionData(
        1,
        "14:00",
        "15:30",
        "nikiszowiec",
        W,
        "Taller: la escuela abierta al barrio",
        "Patios, bibliotecas escolares y gimnasios abiertos fuera del horario lectivo: acuerdos, "
        "horarios, seguros y personal.",
        "es",
        ("gijon",),
        capacity=30,
    ),
    SessionData(
        1,
        "14:00",
        "15:30",
        "online",
        ON,
        "Online session: lifelong learning cities of the Asia-Pacific network",
        "Korean, Japanese and Australian member cities present their neighbourhood learning centres.",
        "en",
        ("changwon", "andong"),
        online=True,
    ),
    SessionData(
        1,
        "15:30",
        "17:00",
        "nikiszowiec",
        W,
        "Atelier : la participation des jeunes à la vie locale",
        "Conseils de jeunes, budgets participatifs et médias de jeunes : ce qui marche, ce qui s’essouffle.",
        "fr",
        ("dakar",),
        capacity=30,
    ),
    SessionData(
        1,
        "15:30",
        "17:00",
        "online",
        ON,
        "Sessão online: as cidades educadoras de língua portuguesa",
        "Cidades de Portugal, do Brasil e de Cabo Verde partilham projetos e preparam uma rede lusófona.",
        "pt",
        ("lisbon", "curitiba"),
        online=True,
    ),
    SessionData(
        1,
        "17:30",
        "18:30",
        "plenary",
        P,
        "Round table of the territorial and thematic networks",
        "The coordinators of the networks report on their work and their plans for 2021–2022.",
        "en",
        ("moderator", "rosario", "espoo"),
        online=True,
    ),
    SessionData(
        1,
        "19:00",
        "21:00",
        None,
        C,
        "An evening in the Nikiszowiec historic district",
        "A guided walk through the red-brick workers' estate, followed by dinner with local associations "
        "(in person, limited places).",
        "",
        ("guide",),
        capacity=40,
    ),
    # Friday 20 November
    SessionData(
        2,
        "09:00",
        "12:00",
        None,
        V,
        "Study visit: the Culture Zone, from coal mine to museum",
        "The Silesian Museum, the concert hall and the congress centre built on the former Katowice mine.",
        "en",
        ("guide",),
        capacity=25,
    ),
    SessionData(
        2,
        "09:00",
        "12:00",
        None,
        V,
        "Study visit: Nikiszowiec, a workers' estate and its community projects",
        "The community centre, the library and the artists' workshops that keep the district alive.",
        "en",
        ("guide",),
        capacity=25,
    ),
    SessionData(
        2,
        "09:00",
        "10:30",
        None,
        V,
        "Virtual study visit: Katowice's schools during the pandemic",
        "A live tour of two schools and the city's remote learning centre, with questions to teachers.",
        "en",
        ("mayor",),
        online=True,
    ),
    SessionData(
        2,
        "09:30",
        "11:30",
        "online",
        ON,
        "Session en ligne : les villes africaines du réseau",
        "Dakar, Tunis, Ouagadougou et Lomé présentent leurs priorités éducatives et leurs coopérations.",
        "fr",
        ("dakar",),
        online=True,
    ),
    SessionData(
        2,
        "12:00",
        "13:00",
        "plenary",
        P,
        "Conclusions and the Katowice declaration",
        "The rapporteurs sum up the congress; the delegates adopt the Katowice declaration on cities in "
        "transition.",
        "en",
        ("espoo", "secretary"),
        online=True,
    ),
    SessionData(
        2,
        "13:00",
        "13:30",
        "plenary",
        P,
        "Closing ceremony and handover to Andong 2022",
        "Katowice hands the congress flag to Andong, host of the XVII congress.",
        "en",
        ("mayor", "president", "andong"),
        online=True,
    ),
    SessionData(2, "13:30", "14:30", None, B, "Farewell lunch"),
)

# The slots of the communications made from accepted proposals: (day, start, end, room).
COMMUNICATION_SLOTS = (
    (0, "14:00", "14:45", "silesia"),
    (0, "14:45", "15:30", "silesia"),
    (0, "14:00", "14:45", "nikiszowiec"),
    (0, "14:45", "15:30", "nikiszowiec"),
    (0, "14:00", "14:45", "online"),
    (0, "14:45", "15:30", "online"),
    (1, "10:30", "11:15", "silesia"),
    (1, "11:15", "12:00", "silesia"),
    (1, "10:30", "11:15", "nikiszowiec"),
    (1, "11:15", "12:00", "nikiszowiec"),
    (1, "10:30", "11:15", "online"),
    (1, "11:15", "12:00", "online"),
    (1, "15:30", "16:15", "silesia"),
    (1, "16:15", "17:00", "silesia"),
)

CALL_GUIDELINES = (
    "Member cities may send up to three proposals: communications about a policy or programme, or "
    "experiences already published in the bank of experiences. Write the title and a summary of at most "
    "one page in English, French, Spanish or Portuguese, and name the speakers (one per line: name, "
    "position).\n\n"
    "A committee of Executive Committee cities and independent experts reviews the proposals on their "
    "relevance to the theme, their quality and results, their transferability and their clarity. Accepted "
    "proposals are presented in 45-minute communication sessions, in Katowice or online."
)

# Jurors of the call (accounts of the award's demo): e-mail → (city, organisation) as in the award.
CALL_JURORS = (
    "juror@educities.localhost",
    "juror1@demo.educities.org",
    "juror2@demo.educities.org",
    "juror4@demo.educities.org",
    "juror5@demo.educities.org",
    "juror6@demo.educities.org",
)

A, R, D, X = ProposalStatus.ACCEPTED, ProposalStatus.REJECTED, ProposalStatus.DRAFT, ProposalStatus.WITHDRAWN
COM, EXP = ProposalKind.COMMUNICATION, ProposalKind.EXPERIENCE


@dataclass(frozen=True)
class ProposalData:
    city: tuple[str, str]
    language: str
    kind: str
    title: str
    summary: str
    speakers: str
    outcome: str
    # Submitted by the README's city editor (Barcelona).
    by_editor: bool = False
    # How good the jury found it (0–10): accepted ones score high.
    quality: float = 7.0


PROPOSALS: tuple[ProposalData, ...] = (
    ProposalData(
        ("Barcelona", "ES"),
        "es",
        COM,
        "Patios escolares abiertos: refugios climáticos y de juego para todo el barrio",
        "Desde 2019, Barcelona transforma los patios de sus escuelas públicas con más sombra, vegetación y "
        "fuentes, y los abre al barrio los fines de semana y en verano. La comunicación presenta cómo se "
        "diseñan con el alumnado y las familias, cómo se gestionan con las entidades y qué ha cambiado en "
        "el juego y la convivencia.",
        "Marta Vidal Roig, Instituto Municipal de Educación\nOriol Camps, Ecología Urbana",
        A,
        by_editor=True,
        quality=8.4,
    ),
    ProposalData(
        ("Rosario", "AR"),
        "es",
        EXP,
        "La ciudad de los niños: treinta años de consejos infantiles en Rosario",
        "Rosario creó su primer consejo de niñas y niños en 1998. La comunicación repasa lo que los "
        "consejos han cambiado en la ciudad (plazas, recorridos, normas) y cómo se renueva la propuesta "
        "para que cada generación la haga suya.",
        "Lucas Benítez, Programa La Ciudad de los Niños",
        A,
        quality=8.6,
    ),
    ProposalData(
        ("Medellín", "CO"),
        "es",
        COM,
        "Parques biblioteca: cultura y educación en los barrios de ladera",
        "Los parques biblioteca llevaron equipamientos de calidad a los barrios con menos oportunidades. "
        "Presentamos su modelo de gestión comunitaria y su papel durante el confinamiento.",
        "Andrés Restrepo, Secretaría de Cultura Ciudadana",
        A,
        quality=8.2,
    ),
    ProposalData(
        ("Gijón", "ES"),
        "es",
        EXP,
        "Camino escolar seguro diseñado por el alumnado",
        "El alumnado de primaria de Gijón audita sus caminos a la escuela y propone cambios que la ciudad "
        "ejecuta. Compartimos la metodología, los resultados en movilidad autónoma y los acuerdos con el "
        "comercio local.",
        "Carmen Suárez Prieto, Fundación Municipal de Cultura, Educación y Universidad Popular",
        A,
        quality=7.9,
    ),
    ProposalData(
        ("Sevilla", "ES"),
        "es",
        COM,
        "Huertos escolares en red",
        "Una red de huertos en cuarenta centros educativos, con formación al profesorado y un banco de "
        "semillas compartido.",
        "Rocío Martín, Servicio de Educación",
        R,
        quality=5.6,
    ),
    ProposalData(
        ("Montevideo", "UY"),
        "es",
        COM,
        "Leer en la feria: la biblioteca sale a los mercados barriales",
        "Bibliotecarias de la Intendencia instalan cada semana un punto de lectura en las ferias "
        "vecinales. Presentamos cuatro años de datos sobre nuevos lectores y el trabajo con las "
        "organizaciones barriales.",
        "Valentina Sosa, Red de Bibliotecas",
        A,
        quality=7.7,
    ),
    ProposalData(
        ("Guadalajara", "MX"),
        "es",
        COM,
        "Jóvenes mediadores en el transporte público",
        "Un programa de voluntariado juvenil que acompaña a personas mayores y con discapacidad en las "
        "líneas de autobús.",
        "Diego Hernández, Instituto Municipal de la Juventud",
        R,
        quality=5.9,
    ),
    ProposalData(
        ("Valencia", "ES"),
        "es",
        COM,
        "El consejo de infancia en los presupuestos participativos",
        "Borrador: cómo el consejo de infancia propone y vota proyectos en los presupuestos de la ciudad.",
        "",
        D,
    ),
    ProposalData(
        ("Lisbon", "PT"),
        "pt",
        COM,
        "Bairros educadores: a escola e a comunidade em rede",
        "Em sete bairros de Lisboa, escolas, associações e serviços municipais partilham um plano "
        "educativo local. Apresentamos o modelo de governação, os recursos comuns e os primeiros "
        "resultados no sucesso escolar.",
        "Inês Carvalho, Departamento de Educação\nJoão Pedro Alves, Junta de Freguesia de Marvila",
        A,
        quality=8.3,
    ),
    ProposalData(
        ("Porto", "PT"),
        "pt",
        EXP,
        "Hortas urbanas como salas de aula ao ar livre",
        "As hortas municipais do Porto recebem turmas de todas as escolas do concelho ao longo do ano. "
        "Mostramos como se articulam com o currículo e com os hortelãos voluntários.",
        "Sara Magalhães, Divisão de Ambiente e Educação",
        A,
        quality=7.6,
    ),
    ProposalData(
        ("Santos", "BR"),
        "pt",
        EXP,
        "Educação patrimonial no porto de Santos",
        "Roteiros educativos pelo porto e pelo centro histórico para alunos da rede municipal, com "
        "estivadores aposentados como guias.",
        "Juliana Prado, Secretaria de Educação",
        A,
        quality=8.0,
    ),
    ProposalData(
        ("Curitiba", "BR"),
        "pt",
        COM,
        "Faróis do Saber: bibliotecas de bairro conectadas",
        "Os Faróis do Saber renovaram-se como espaços de inovação com acesso à internet e oficinas "
        "digitais para todas as idades. Apresentamos o novo modelo e o seu papel na pandemia.",
        "Fernanda Costa, Secretaria Municipal da Educação",
        A,
        quality=7.8,
    ),
    ProposalData(
        ("Torres Vedras", "PT"),
        "pt",
        COM,
        "Orçamento participativo jovem",
        "Jovens dos 14 aos 30 anos propõem e votam projetos para o concelho, com um orçamento próprio.",
        "Rui Mendes, Divisão de Juventude",
        R,
        quality=6.1,
    ),
    ProposalData(
        ("Braga", "PT"),
        "pt",
        COM,
        "Escola de pais e de avós",
        "Sessões de formação para famílias sobre o desenvolvimento das crianças e o uso dos ecrãs.",
        "Helena Rocha, Pelouro da Educação",
        R,
        quality=5.4,
    ),
    ProposalData(
        ("Lyon", "FR"),
        "fr",
        EXP,
        "La cour d’école oasis : renaturer avec les enfants",
        "Lyon transforme ses cours d’école bitumées en îlots de fraîcheur conçus avec les élèves, les "
        "enseignants et les parents. Nous présentons la démarche de concertation et l’évaluation des "
        "usages après travaux.",
        "Claire Dumont, Direction de l’éducation\nYanis Benali, Direction des espaces verts",
        A,
        quality=8.1,
    ),
    ProposalData(
        ("Rennes", "FR"),
        "fr",
        COM,
        "Le conseil municipal des jeunes au cœur des projets de quartier",
        "Les jeunes élus disposent d’un budget pour des projets dans leur quartier.",
        "Louis Perrin, Service jeunesse",
        R,
        quality=6.0,
    ),
    ProposalData(
        ("Dakar", "SN"),
        "fr",
        COM,
        "Les cases des tout-petits, premiers lieux d’éducation du quartier",
        "Les cases des tout-petits accueillent les enfants de 0 à 6 ans et leurs mères dans les quartiers "
        "populaires de Dakar. Nous présentons leur rôle pour la santé, l’éveil et l’alphabétisation des "
        "familles.",
        "Awa Ndiaye, Direction de la petite enfance",
        A,
        quality=7.5,
    ),
    ProposalData(
        ("Nantes", "FR"),
        "fr",
        COM,
        "Le musée hors les murs dans les quartiers prioritaires",
        "Des médiateurs du musée d’arts installent des expositions éphémères dans les centres sociaux.",
        "Élodie Garnier, Direction de la culture",
        X,
    ),
    ProposalData(
        ("Tunis", "TN"),
        "fr",
        COM,
        "La médina éducatrice : le patrimoine comme ressource pédagogique",
        "Des parcours pédagogiques dans la médina pour les écoles primaires de la ville.",
        "Sami Ben Youssef, Direction des affaires culturelles",
        R,
        quality=5.8,
    ),
    ProposalData(
        ("Changwon", "KR"),
        "en",
        COM,
        "A lifelong learning centre in every neighbourhood",
        "Changwon runs small learning centres in community halls within ten minutes' walk of every home. "
        "We present how the courses are chosen with residents and how the centres kept running online.",
        "Lee Ji-won, Lifelong Learning Division",
        A,
        quality=7.8,
    ),
    ProposalData(
        ("Andong", "KR"),
        "en",
        COM,
        "Heritage education in the Confucian academies",
        "Weekend programmes for families in the historic academies of Andong.",
        "Kim Soo-jin, Culture and Tourism Department",
        R,
        quality=6.2,
    ),
    ProposalData(
        ("Espoo", "FI"),
        "en",
        EXP,
        "Learning beyond the school walls: the Espoo model",
        "Every pupil in Espoo spends one day a month learning in the city: libraries, nature sites, "
        "companies and the city council. We show how the programme is organised and evaluated.",
        "Aino Virtanen, Education and Cultural Services",
        A,
        quality=8.5,
    ),
    ProposalData(
        ("Turin", "IT"),
        "en",
        COM,
        "Co-designing school streets with pupils",
        "Turin closes the streets in front of schools to traffic at the start and end of the day and "
        "redesigns them with the pupils. We present the first twenty school streets and what the "
        "children asked for.",
        "Giulia Ferraris, Department of Education\nMarco Bianchi, Mobility Department",
        A,
        quality=7.4,
    ),
    ProposalData(
        ("Gothenburg", "SE"),
        "en",
        COM,
        "Libraries as democratic meeting places",
        "Public debates organised in neighbourhood libraries before local elections.",
        "Karin Holm, Culture Department",
        R,
        quality=5.7,
    ),
    ProposalData(
        ("Helsinki", "FI"),
        "en",
        COM,
        "Youth work in the digital space during the lockdown",
        "Draft: how the city's youth workers met young people on games and social media.",
        "",
        D,
    ),
)
WITHDRAW_NOTE = "Our team moved to another project: we withdraw the proposal and hope to come back in 2022."
# Notes to the city, in the proposal's language.
ACCEPT_NOTES = {
    "en": "Congratulations: the committee accepted your proposal. The Secretariat will send you your slot.",
    "fr": (
        "Félicitations : le comité a retenu votre proposition. Le Secrétariat vous indiquera votre créneau."
    ),
    "es": "Enhorabuena: el comité ha aceptado su propuesta. La Secretaría le comunicará su horario.",
    "pt": "Parabéns: o comité aceitou a sua proposta. O Secretariado vai indicar-lhe o horário.",
}
REJECT_NOTES = {
    "en": (
        "Thank you for your proposal. The committee received many on this theme and chose those with the "
        "clearest results; we encourage you to publish it in the bank of experiences."
    ),
    "fr": (
        "Merci pour votre proposition. Le comité en a reçu beaucoup sur ce thème et a retenu celles dont "
        "les résultats étaient les plus clairs ; nous vous invitons à la publier dans la banque "
        "d’expériences."
    ),
    "es": (
        "Gracias por su propuesta. El comité recibió muchas sobre este tema y eligió las de resultados más "
        "claros; le animamos a publicarla en el banco de experiencias."
    ),
    "pt": (
        "Obrigado pela sua proposta. O comité recebeu muitas sobre este tema e escolheu as que tinham "
        "resultados mais claros; convidamo-lo a publicá-la no banco de experiências."
    ),
}
REVIEW_COMMENTS = {
    "good": (
        "Clear, well evidenced and easy for other cities to adapt.",
        "A strong programme with real results; the presentation plan is convincing.",
        "Very relevant to the theme of transition; speakers well chosen.",
    ),
    "fair": (
        "Interesting, but the results are described rather than shown.",
        "Relevant, though close to other proposals we received.",
    ),
    "weak": (
        "Too general: the summary does not say what changed.",
        "Little connection with the theme of the congress.",
    ),
    "overall": (
        "Recommended.",
        "I would accept it if there is room in the programme.",
        "Not a priority for this programme.",
    ),
}

# --- The national network congress: Gijón 2027 ---------------------------------------------------

GIJON_SLUG = "rece-gijon-2027"
GIJON_NETWORK = "Spanish Network of Educating Cities"
GIJON_HOST = ("Gijón", "ES")
GIJON_ZONE = "Europe/Madrid"
GIJON_DAYS = (datetime.date(2027, 4, 22), datetime.date(2027, 4, 23))
GIJON_CAPACITY = 60
# Registrations holding a place (of GIJON_CAPACITY): close to full, so the demo user can still register.
GIJON_REGISTERED = 56
GIJON_TIMELINE = {
    "created": datetime.datetime(2026, 9, 14, 10, 0, tzinfo=_MADRID),
    "published": datetime.datetime(2026, 9, 28, 12, 0, tzinfo=_MADRID),
    "registration_opens": datetime.datetime(2026, 10, 1, 9, 0, tzinfo=_MADRID),
    "registration_closes": datetime.datetime(2027, 4, 8, 23, 59, tzinfo=_MADRID),
    "last_registration": datetime.datetime(2026, 11, 24, 18, 0, tzinfo=_MADRID),
}
GIJON_TITLE = {
    "es": "Encuentro 2027 de la Red Estatal de Ciudades Educadoras",
    "en": "2027 Meeting of the Spanish Network of Educating Cities",
    "fr": "Rencontre 2027 du Réseau espagnol des villes éducatrices",
    "pt": "Encontro 2027 da Rede Espanhola de Cidades Educadoras",
    "ca": "Trobada 2027 de la Xarxa Estatal de Ciutats Educadores",
}
GIJON_DESCRIPTION = {
    "es": (
        "La Red Estatal de Ciudades Educadoras se reúne en Gijón para trabajar el lema «La ciudad que "
        "cuida, la ciudad que educa». Dos días de ponencias, talleres entre ciudades, una visita de "
        "estudio y la asamblea de la red. Plazas limitadas: hasta dos personas por ciudad miembro."
    ),
    "en": (
        "The Spanish Network of Educating Cities meets in Gijón under the motto “The city that cares, the "
        "city that educates”. Two days of talks, workshops between cities, a study visit and the network's "
        "assembly. Places are limited: up to two people per member city."
    ),
    "fr": (
        "Le Réseau espagnol des villes éducatrices se réunit à Gijón autour de la devise « La ville qui "
        "prend soin, la ville qui éduque ». Deux jours de conférences, d’ateliers entre villes, une visite "
        "d’étude et l’assemblée du réseau. Places limitées : deux personnes au plus par ville membre."
    ),
    "pt": (
        "A Rede Espanhola de Cidades Educadoras reúne-se em Gijón com o lema «A cidade que cuida, a cidade "
        "que educa». Dois dias de conferências, oficinas entre cidades, uma visita de estudo e a "
        "assembleia da rede. Lugares limitados: até duas pessoas por cidade membro."
    ),
    "ca": (
        "La Xarxa Estatal de Ciutats Educadores es reuneix a Gijón amb el lema «La ciutat que cuida, la "
        "ciutat que educa». Dos dies de ponències, tallers entre ciutats, una visita d’estudi i "
        "l’assemblea de la xarxa. Places limitades: fins a dues persones per ciutat membre."
    ),
}
GIJON_VENUE = "Centro de Cultura Antiguo Instituto"
GIJON_ADDRESS = "Calle Jovellanos, 21, 33201 Gijón"
GIJON_COORDINATES = (43.5446, -5.6627)
GIJON_CONTACT = "rece2027@gijon.example.org"
GIJON_TYPES: dict[str, TypeData] = {
    "city": TypeData(
        "Representante de ciudad miembro",
        "Personal técnico y cargos electos de las ciudades de la red. Incluye comidas y visita de estudio.",
        fee="60",
        requires_member_city=True,
    ),
    "guest": TypeData(
        "Persona invitada",
        "Entidades y universidades invitadas por la red. La Secretaría confirma cada inscripción.",
        needs_approval=True,
    ),
}
GIJON_QUESTIONS = (("¿Participarás en la visita de estudio del viernes por la mañana?", "yes_no", [], True),)
GIJON_GUESTS = (
    ("Beatriz Llana Corrales", "beatriz.llana@example.org", "Universidad de Oviedo, Facultad de Educación"),
    ("Nicolás Ferrero", "nicolas.ferrero@example.org", "Consejo de la Juventud de Asturias"),
)
GIJON_ROOMS = (("hall", "Salón de actos", 120), ("room", "Aula 1", 35))
GIJON_SPEAKERS = {
    "mayor": Person("Alcaldía de Gijón", "Bienvenida", "Ayuntamiento de Gijón", ("Gijón", "ES")),
    "gijon": KEYNOTES["gijon"],
    "talk": Person("Dra. Laura Prieto Gil", "Ponente", "Universidad de Oviedo"),
    "granollers": Person("Pere Soler i Ribas", "Ponente", "Ajuntament de Granollers", ("Granollers", "ES")),
    "bilbao": Person("Ane Goikoetxea", "Ponente", "Ayuntamiento de Bilbao", ("Bilbao", "ES")),
    "zaragoza": Person("Javier Lanuza", "Moderador", "Ayuntamiento de Zaragoza", ("Zaragoza", "ES")),
    "guide": Person("Equipo de Educación Ambiental", "Guía", "Ayuntamiento de Gijón", ("Gijón", "ES")),
}
GIJON_SESSIONS: tuple[SessionData, ...] = (
    SessionData(
        0,
        "10:00",
        "10:45",
        "hall",
        P,
        "Inauguración del Encuentro",
        "Bienvenida de la ciudad anfitriona y de la coordinación de la red.",
        "es",
        ("mayor", "gijon"),
    ),
    SessionData(
        0,
        "10:45",
        "12:00",
        "hall",
        P,
        "Ponencia: la ciudad que cuida, la ciudad que educa",
        "Los cuidados como política educativa local: tiempos, espacios y personas.",
        "es",
        ("talk", "zaragoza"),
    ),
    SessionData(0, "12:00", "12:30", None, B, "Pausa café"),
    SessionData(
        0,
        "12:30",
        "14:00",
        "room",
        W,
        "Taller: caminos escolares y entornos seguros",
        "Intercambio de experiencias entre ciudades con un caso práctico de Gijón.",
        "es",
        ("gijon",),
        capacity=35,
    ),
    SessionData(
        0,
        "12:30",
        "14:00",
        "hall",
        W,
        "Taller: consejos de infancia y adolescencia",
        "Cómo sostener la participación infantil más allá de un mandato.",
        "es",
        ("granollers", "bilbao"),
    ),
    SessionData(0, "14:00", "15:30", None, B, "Comida"),
    SessionData(
        0,
        "15:30",
        "17:30",
        "hall",
        P,
        "Asamblea de la Red Estatal de Ciudades Educadoras",
        "Informe de la coordinación, plan de trabajo 2027–2028 y elección de la sede del próximo encuentro.",
        "es",
        ("gijon", "zaragoza"),
    ),
    SessionData(
        1,
        "09:30",
        "12:00",
        None,
        V,
        "Visita de estudio: el Jardín Botánico y los huertos escolares",
        "Recorrido por los programas de educación ambiental de la ciudad (plazas limitadas).",
        "es",
        ("guide",),
        capacity=30,
    ),
    SessionData(
        1,
        "12:30",
        "13:30",
        "hall",
        P,
        "Conclusiones y clausura",
        "Relatoría de los talleres y despedida.",
        "es",
        ("gijon", "granollers"),
    ),
)

# --- Bids ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class BidData:
    city: tuple[str, str]
    congress_year: int
    language: str
    proposed_theme: str
    statement: str
    venue: str
    proposed_dates: str
    submitted: datetime.datetime
    # "accept", "decline" or "" (still submitted).
    decision: str = ""
    note: str = ""
    documents: tuple[str, ...] = field(default=("Bid dossier",))


BID_MEETING = "Executive Committee meeting, Barcelona, 11 June 2026"
BID_DECIDED = datetime.datetime(2026, 6, 11, 17, 0, tzinfo=_MADRID)
BIDS: tuple[BidData, ...] = (
    BidData(
        ("Montevideo", "UY"),
        2028,
        "es",
        "Ciudades que educan para la democracia: cuarenta años de ciudadanía",
        "Montevideo celebra en 2028 los cuarenta años de su descentralización municipal, nacida para "
        "acercar las decisiones a los barrios. Proponemos un congreso que muestre cómo una ciudad aprende "
        "democracia en sus centros comunales, sus ferias y sus escuelas, y que por primera vez reúna a las "
        "ciudades educadoras en el Río de la Plata. La Intendencia garantiza la sede, la interpretación en "
        "las cuatro lenguas oficiales y un programa de visitas en diez barrios.",
        "Palacio Municipal y Centro de Conferencias de la Intendencia de Montevideo",
        "Del 8 al 10 de noviembre de 2028",
        datetime.datetime(2026, 3, 20, 12, 0, tzinfo=_MADRID),
        decision="accept",
        note=(
            "The Executive Committee chooses Montevideo to host the XX International Congress in 2028, to "
            "be ratified by the General Assembly in Granollers. The committee values the strong "
            "programme of study visits and the commitment to interpretation in the four official languages."
        ),
        documents=("Bid dossier", "Letter of support from the mayor"),
    ),
    BidData(
        ("Gwangju", "KR"),
        2028,
        "en",
        "Cities of memory, cities of peace",
        "Gwangju, a city that turned its history of democratic struggle into an education for human "
        "rights, proposes a congress on memory and peace education. The city offers its Asia Culture "
        "Center as the venue and a programme of visits to its schools and lifelong learning centres.",
        "Asia Culture Center",
        "October 2028",
        datetime.datetime(2026, 4, 2, 12, 0, tzinfo=_MADRID),
        decision="decline",
        note=(
            "The Executive Committee thanks Gwangju for a very strong bid and, having held the 2022 congress "
            "in Andong, chooses a city of another region for 2028. It invites Gwangju to bid again for a "
            "coming congress."
        ),
    ),
    BidData(
        ("Porto", "PT"),
        2030,
        "pt",
        "A cidade que aprende com o rio e com o mar",
        "O Porto propõe acolher o congresso de 2030 para mostrar como uma cidade histórica educa através do "
        "seu património, das suas escolas e dos seus bairros ribeirinhos. A câmara municipal disponibiliza "
        "a Alfândega do Porto como sede e um programa de visitas a projetos de educação ambiental e "
        "patrimonial.",
        "Alfândega do Porto — Centro de Congressos",
        "Outubro de 2030",
        datetime.datetime(2026, 10, 20, 12, 0, tzinfo=_MADRID),
    ),
)
