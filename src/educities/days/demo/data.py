"""The International Day's demo data: eleven campaigns (2016–2026) and the activities of member cities.

From the brief: the Day is every 30 November since 2016; the mottos of 2019 ("improving the city by
listening"), 2021 ("the educating city leaves no one behind") and 2025 ("children's participation"); 130–180
cities take part each year. Everything else (the other mottos, the manifestos and guides, the activities,
places, organisers, figures and reports) is invented for the demo and must not be read as the
association's history.

Activities are written from the templates below in the city's language (Catalan for the cities of
Catalonia, Spanish, Portuguese and French where they are spoken, English elsewhere); ``{city}`` is replaced
by the city's name. Each campaign says how many activities each country registers.
"""

from dataclasses import dataclass, field

from educities.days.enums import ActivityAudience as A
from educities.days.enums import ActivityKind as K

LANGUAGES = ("en", "fr", "es", "pt", "ca")
# The Secretariat's account and the translator of the campaign texts (from the members' and experiences'
# demo data).
STAFF_EMAIL = "staff@educities.localhost"
EDITOR_EMAIL = "editor@educities.localhost"
TRANSLATOR_EMAIL = "translator@demo.educities.org"
# The README's city editor registers Barcelona's activities (2 in each of these campaigns).
EDITOR_CITY = ("Barcelona", "ES")
EDITOR_CAMPAIGNS = (2019, 2025, 2026)

# The language a city writes its activities in, by country (Catalonia: see ``CATALONIA_ADMIN1``).
LANGUAGE_BY_COUNTRY = {
    **dict.fromkeys(
        ("ES", "AR", "BO", "CL", "CO", "CR", "DO", "EC", "GT", "MX", "PE", "PY", "UY", "VE"), "es"
    ),
    **dict.fromkeys(("PT", "BR", "CV"), "pt"),
    **dict.fromkeys(("FR", "SN", "TN", "MA", "BF", "TG"), "fr"),
}
# The language people speak at the activity, when the text is in English (ISO 639-1).
SPOKEN_BY_COUNTRY = {
    "KR": "ko",
    "JP": "ja",
    "CN": "zh",
    "IT": "it",
    "FI": "fi",
    "SE": "sv",
    "NL": "nl",
    "BE": "nl",
    "DE": "de",
    "CH": "fr",
    "PL": "pl",
    "GR": "el",
    "AU": "en",
}


@dataclass(frozen=True)
class CampaignData:
    year: int
    language: str
    # language → text, in the five languages of the platform (the original is ``language``).
    motto: dict[str, str]
    manifesto: dict[str, str] = field(default_factory=dict)
    guide: dict[str, str] = field(default_factory=dict)
    # country → number of activities its member cities register (empty: the campaign has none).
    activities: dict[str, int] = field(default_factory=dict)
    # Which template pools the activities are written from (``THEMED`` keys, then ``GENERIC``).
    theme: str = ""
    # Share of activities online and hybrid (2020: the pandemic).
    online_share: float = 0.06
    hybrid_share: float = 0.02
    # Activities the cities cancel, and the ones the Secretariat hides (with ``HIDE_REASONS``).
    cancelled: int = 0
    hidden: int = 0
    # Share of the activities of a past campaign with a video after the Day.
    video_share: float = 0.0
    # The reminder to the cities with no activity was sent (on its day, 21 days before the Day).
    reminder: bool = False


MOTTOS: dict[int, dict[str, str]] = {
    2016: {
        "es": "La ciudad, un espacio para aprender juntos",
        "en": "The city, a place to learn together",
        "fr": "La ville, un espace pour apprendre ensemble",
        "pt": "A cidade, um espaço para aprender juntos",
        "ca": "La ciutat, un espai per aprendre junts",
    },
    2017: {
        "es": "Educar en el espacio público",
        "en": "Educating in the public space",
        "fr": "Éduquer dans l’espace public",
        "pt": "Educar no espaço público",
        "ca": "Educar a l’espai públic",
    },
    2018: {
        "es": "Ciudades que educan en la convivencia",
        "en": "Cities that teach us to live together",
        "fr": "Des villes qui apprennent à vivre ensemble",
        "pt": "Cidades que educam para a convivência",
        "ca": "Ciutats que eduquen en la convivència",
    },
    2019: {
        "es": "Mejorar la ciudad escuchando",
        "en": "Improving the city by listening",
        "fr": "Améliorer la ville en écoutant",
        "pt": "Melhorar a cidade escutando",
        "ca": "Millorar la ciutat escoltant",
    },
    2020: {
        "es": "La ciudad educadora no se detiene",
        "en": "The educating city does not stop",
        "fr": "La ville éducatrice ne s’arrête pas",
        "pt": "A cidade educadora não para",
        "ca": "La ciutat educadora no s’atura",
    },
    2021: {
        "es": "La ciudad educadora no deja a nadie atrás",
        "en": "The educating city leaves no one behind",
        "fr": "La ville éducatrice ne laisse personne de côté",
        "pt": "A cidade educadora não deixa ninguém para trás",
        "ca": "La ciutat educadora no deixa ningú enrere",
    },
    2022: {
        "es": "Ciudades que cuidan, ciudades que educan",
        "en": "Caring cities, educating cities",
        "fr": "Des villes qui prennent soin, des villes qui éduquent",
        "pt": "Cidades que cuidam, cidades que educam",
        "ca": "Ciutats que cuiden, ciutats que eduquen",
    },
    2023: {
        "es": "Educar para el planeta desde el barrio",
        "en": "Educating for the planet, starting from the neighbourhood",
        "fr": "Éduquer pour la planète, à partir du quartier",
        "pt": "Educar para o planeta a partir do bairro",
        "ca": "Educar per al planeta des del barri",
    },
    2024: {
        "es": "Educar en valores, construir comunidad",
        "en": "Educating in values, building community",
        "fr": "Éduquer aux valeurs, construire la communauté",
        "pt": "Educar em valores, construir comunidade",
        "ca": "Educar en valors, construir comunitat",
    },
    2025: {
        "en": "Children's participation",
        "fr": "La participation des enfants",
        "es": "La participación infantil",
        "pt": "A participação das crianças",
        "ca": "La participació infantil",
    },
    2026: {
        "es": "Cada barrio educa",
        "en": "Every neighbourhood educates",
        "fr": "Chaque quartier éduque",
        "pt": "Cada bairro educa",
        "ca": "Cada barri educa",
    },
}

MANIFESTO_2019 = {
    "es": (
        "Una ciudad que escucha aprende de quienes la habitan. Escuchar no es solo abrir un buzón de "
        "sugerencias: es bajar a la plaza, sentarse en el banco de la biblioteca, preguntar a las niñas y a "
        "los niños qué calle les da miedo y a las personas mayores qué banco les falta. Es dejar que las "
        "respuestas cambien los planes.\n\n"
        "El 30 de noviembre, las ciudades educadoras abrimos nuestras puertas para escuchar. Invitamos a "
        "vecinas y vecinos, escuelas, entidades y comercios a decirnos qué ciudad quieren, y nos "
        "comprometemos a devolverles lo que hayamos hecho con sus palabras."
    ),
    "en": (
        "A city that listens learns from the people who live in it. Listening is more than a suggestion "
        "box: it means going down to the square, sitting on the library bench, asking children which "
        "street frightens them and older people which bench is missing. It means letting the answers "
        "change the plans.\n\n"
        "On 30 November, educating cities open their doors to listen. We invite residents, schools, "
        "associations and shopkeepers to tell us which city they want, and we commit to telling them "
        "what we have done with their words."
    ),
    "fr": (
        "Une ville qui écoute apprend de celles et ceux qui l’habitent. Écouter, ce n’est pas seulement "
        "ouvrir une boîte à idées : c’est descendre sur la place, s’asseoir sur le banc de la "
        "bibliothèque, demander aux enfants quelle rue leur fait peur et aux personnes âgées quel banc "
        "leur manque. C’est accepter que les réponses changent les projets.\n\n"
        "Le 30 novembre, les villes éducatrices ouvrent leurs portes pour écouter. Nous invitons "
        "habitants, écoles, associations et commerçants à nous dire quelle ville ils veulent, et nous "
        "nous engageons à leur rendre compte de ce que nous aurons fait de leurs paroles."
    ),
    "pt": (
        "Uma cidade que escuta aprende com quem a habita. Escutar não é apenas abrir uma caixa de "
        "sugestões: é descer à praça, sentar-se no banco da biblioteca, perguntar às crianças que rua "
        "lhes mete medo e às pessoas mais velhas que banco lhes faz falta. É deixar que as respostas "
        "mudem os planos.\n\n"
        "No dia 30 de novembro, as cidades educadoras abrem as suas portas para escutar. Convidamos "
        "moradores, escolas, associações e comerciantes a dizer-nos que cidade querem, e comprometemo-nos "
        "a mostrar-lhes o que fizemos com as suas palavras."
    ),
    "ca": (
        "Una ciutat que escolta aprèn de qui l’habita. Escoltar no és només obrir una bústia de "
        "suggeriments: és baixar a la plaça, seure al banc de la biblioteca, preguntar als infants quin "
        "carrer els fa por i a la gent gran quin banc els falta. És deixar que les respostes canviïn els "
        "plans.\n\n"
        "El 30 de novembre, les ciutats educadores obrim les portes per escoltar. Convidem veïns i "
        "veïnes, escoles, entitats i comerços a dir-nos quina ciutat volen, i ens comprometem a retornar-"
        "los el que haurem fet amb les seves paraules."
    ),
}

GUIDE_2019 = {
    "es": (
        "1. Elige una pregunta concreta sobre tu ciudad (una plaza, un camino escolar, un servicio) y un "
        "lugar donde la gente ya se encuentra.\n"
        "2. Invita a quien no suele participar: infancia, juventud, personas mayores, recién llegados.\n"
        "3. Registra la actividad en la plataforma antes del 25 de noviembre, con la hora local, el lugar "
        "y, si es en línea, el enlace.\n"
        "4. Después del Día, anota cuántas personas participaron y qué propuestas salieron, y cuéntalo en "
        "un breve informe: la agenda mundial lo publicará."
    ),
    "en": (
        "1. Choose a concrete question about your city (a square, a route to school, a service) and a "
        "place where people already meet.\n"
        "2. Invite those who rarely take part: children, young people, older people, newcomers.\n"
        "3. Register the activity on the platform before 25 November, with its local time, its place "
        "and, if it is online, its link.\n"
        "4. After the Day, note how many people took part and which proposals came out, and tell it in a "
        "short report: the world agenda will publish it."
    ),
    "fr": (
        "1. Choisissez une question concrète sur votre ville (une place, un trajet vers l’école, un "
        "service) et un lieu où les gens se retrouvent déjà.\n"
        "2. Invitez celles et ceux qui participent rarement : enfants, jeunes, personnes âgées, "
        "nouveaux arrivants.\n"
        "3. Inscrivez l’activité sur la plateforme avant le 25 novembre, avec son heure locale, son lieu "
        "et, si elle a lieu en ligne, son lien.\n"
        "4. Après la Journée, notez le nombre de participants et les propositions recueillies, et "
        "racontez-les dans un court bilan : l’agenda mondial le publiera."
    ),
    "pt": (
        "1. Escolha uma pergunta concreta sobre a sua cidade (uma praça, um percurso para a escola, um "
        "serviço) e um lugar onde as pessoas já se encontram.\n"
        "2. Convide quem raramente participa: crianças, jovens, pessoas idosas, recém-chegados.\n"
        "3. Registe a atividade na plataforma antes de 25 de novembro, com a hora local, o local e, se for "
        "online, a ligação.\n"
        "4. Depois do Dia, anote quantas pessoas participaram e que propostas surgiram, e conte-o num "
        "breve relatório: a agenda mundial vai publicá-lo."
    ),
    "ca": (
        "1. Tria una pregunta concreta sobre la teva ciutat (una plaça, un camí escolar, un servei) i un "
        "lloc on la gent ja es troba.\n"
        "2. Convida qui no sol participar: infants, joves, gent gran, persones nouvingudes.\n"
        "3. Registra l’activitat a la plataforma abans del 25 de novembre, amb l’hora local, el lloc i, si "
        "és en línia, l’enllaç.\n"
        "4. Després del Dia, anota quantes persones hi han participat i quines propostes n’han sortit, i "
        "explica-ho en un breu informe: l’agenda mundial el publicarà."
    ),
}

MANIFESTO_2025 = {
    "en": (
        "Children are citizens today, not only tomorrow. They know which corner of the park is too dark, "
        "which crossing is too fast and which playground nobody uses, and they have ideas the adults have "
        "not had. An educating city asks them, gives them time and means, and changes what they ask it to "
        "change.\n\n"
        "On 30 November, member cities give the floor to children: councils of girls and boys meet the "
        "mayor, classes redesign school routes, young reporters interview the people who run the city. "
        "We commit to answering every proposal, even when the answer is not yet."
    ),
    "fr": (
        "Les enfants sont citoyens aujourd’hui, pas seulement demain. Ils savent quel coin du parc est "
        "trop sombre, quel passage piéton est trop rapide et quelle aire de jeux personne n’utilise, et "
        "ils ont des idées que les adultes n’ont pas eues. Une ville éducatrice leur pose la question, "
        "leur donne du temps et des moyens, et change ce qu’ils lui demandent de changer.\n\n"
        "Le 30 novembre, les villes membres donnent la parole aux enfants : des conseils de filles et de "
        "garçons rencontrent le maire, des classes redessinent le chemin de l’école, de jeunes reporters "
        "interrogent celles et ceux qui font la ville. Nous nous engageons à répondre à chaque "
        "proposition, même quand la réponse est « pas encore »."
    ),
    "es": (
        "Los niños y las niñas son ciudadanos hoy, no solo mañana. Saben qué rincón del parque está "
        "demasiado oscuro, qué paso de peatones es demasiado rápido y qué parque infantil no usa nadie, y "
        "tienen ideas que a los adultos no se nos han ocurrido. Una ciudad educadora les pregunta, les da "
        "tiempo y medios, y cambia lo que le piden cambiar.\n\n"
        "El 30 de noviembre, las ciudades miembro dan la palabra a la infancia: consejos de niñas y niños "
        "se reúnen con la alcaldía, clases enteras rediseñan el camino escolar, jóvenes reporteros "
        "entrevistan a quienes gestionan la ciudad. Nos comprometemos a responder a cada propuesta, aunque "
        "la respuesta sea «todavía no»."
    ),
    "pt": (
        "As crianças são cidadãs hoje, não só amanhã. Sabem que canto do parque é escuro demais, que "
        "passadeira é rápida demais e que parque infantil ninguém usa, e têm ideias que os adultos não "
        "tiveram. Uma cidade educadora pergunta-lhes, dá-lhes tempo e meios, e muda o que lhe pedem para "
        "mudar.\n\n"
        "No dia 30 de novembro, as cidades membros dão a palavra às crianças: conselhos de meninas e "
        "meninos reúnem-se com o presidente da câmara, turmas redesenham o caminho para a escola, jovens "
        "repórteres entrevistam quem gere a cidade. Comprometemo-nos a responder a cada proposta, mesmo "
        "quando a resposta é «ainda não»."
    ),
    "ca": (
        "Els infants són ciutadans avui, no només demà. Saben quin racó del parc és massa fosc, quin pas "
        "de vianants és massa ràpid i quin parc infantil no fa servir ningú, i tenen idees que els adults "
        "no hem tingut. Una ciutat educadora els pregunta, els dona temps i mitjans, i canvia el que li "
        "demanen que canviï.\n\n"
        "El 30 de novembre, les ciutats membres donen la paraula a la infància: consells de nenes i nens "
        "es reuneixen amb l’alcaldia, classes senceres redissenyen el camí escolar, joves reporters "
        "entrevisten qui gestiona la ciutat. Ens comprometem a respondre cada proposta, encara que la "
        "resposta sigui «encara no»."
    ),
}

GUIDE_2025 = {
    "en": (
        "1. Let children choose the question, or at least the way to answer it: a walk, a map, a vote, a "
        "drawing.\n"
        "2. Plan the activity in school time or at the weekend with families, in a place children know.\n"
        "3. Make sure an adult with the power to decide listens and answers: a councillor, the head of a "
        "service.\n"
        "4. Register it before 25 November with its local time and place; after the Day, add the number "
        "of participants, a short report and, if you have one, a video made with the children's "
        "agreement and their families'."
    ),
    "fr": (
        "1. Laissez les enfants choisir la question, ou au moins la manière d’y répondre : une balade, une "
        "carte, un vote, un dessin.\n"
        "2. Prévoyez l’activité sur le temps scolaire ou le week-end avec les familles, dans un lieu que "
        "les enfants connaissent.\n"
        "3. Veillez à ce qu’un adulte qui a le pouvoir de décider écoute et réponde : un élu, le "
        "responsable d’un service.\n"
        "4. Inscrivez-la avant le 25 novembre avec son heure locale et son lieu ; après la Journée, "
        "ajoutez le nombre de participants, un court bilan et, si vous en avez une, une vidéo réalisée "
        "avec l’accord des enfants et de leurs familles."
    ),
    "es": (
        "1. Deja que la infancia elija la pregunta, o al menos la manera de responderla: un paseo, un "
        "mapa, una votación, un dibujo.\n"
        "2. Prepara la actividad en horario escolar o en fin de semana con las familias, en un lugar que "
        "los niños y niñas conozcan.\n"
        "3. Asegúrate de que escucha y responde una persona adulta con capacidad de decidir: una concejala, "
        "el responsable de un servicio.\n"
        "4. Regístrala antes del 25 de noviembre con su hora local y su lugar; después del Día, añade el "
        "número de participantes, un breve informe y, si lo tienes, un vídeo hecho con el acuerdo de los "
        "niños y de sus familias."
    ),
    "pt": (
        "1. Deixe as crianças escolher a pergunta, ou pelo menos a forma de lhe responder: um passeio, um "
        "mapa, uma votação, um desenho.\n"
        "2. Prepare a atividade no horário escolar ou ao fim de semana com as famílias, num lugar que as "
        "crianças conheçam.\n"
        "3. Garanta que escuta e responde um adulto com poder de decisão: um vereador, o responsável de um "
        "serviço.\n"
        "4. Registe-a antes de 25 de novembro com a hora local e o local; depois do Dia, acrescente o "
        "número de participantes, um breve relatório e, se o tiver, um vídeo feito com o acordo das "
        "crianças e das suas famílias."
    ),
    "ca": (
        "1. Deixa que els infants triïn la pregunta, o almenys la manera de respondre-la: un passeig, un "
        "mapa, una votació, un dibuix.\n"
        "2. Prepara l’activitat en horari escolar o el cap de setmana amb les famílies, en un lloc que els "
        "infants coneguin.\n"
        "3. Assegura’t que escolta i respon una persona adulta amb capacitat de decidir: una regidora, el "
        "responsable d’un servei.\n"
        "4. Registra-la abans del 25 de novembre amb l’hora local i el lloc; després del Dia, afegeix el "
        "nombre de participants, un breu informe i, si en tens, un vídeo fet amb l’acord dels infants i de "
        "les seves famílies."
    ),
}

MANIFESTO_2026 = {
    "es": (
        "La ciudad educa en cada barrio: en el mercado y en el polideportivo, en el centro de salud y en la "
        "parada del autobús. Pero no todos los barrios tienen las mismas oportunidades, y la cohesión de una "
        "ciudad se mide en los que tienen menos.\n\n"
        "Este 30 de noviembre, las ciudades educadoras salen a sus barrios con las entidades que los "
        "sostienen: abrimos los equipamientos, reconocemos a quienes educan sin saberlo y escuchamos lo "
        "que cada barrio necesita para que nadie aprenda solo."
    ),
    "en": (
        "The city educates in every neighbourhood: at the market and at the sports centre, at the health "
        "centre and at the bus stop. But not every neighbourhood has the same opportunities, and a city's "
        "cohesion is measured where people have least.\n\n"
        "This 30 November, educating cities go out into their neighbourhoods with the associations that "
        "hold them together: we open our facilities, we recognise those who educate without knowing it, "
        "and we listen to what each neighbourhood needs so that nobody learns alone."
    ),
    "fr": (
        "La ville éduque dans chaque quartier : au marché et au gymnase, au centre de santé et à l’arrêt "
        "de bus. Mais tous les quartiers n’ont pas les mêmes chances, et la cohésion d’une ville se mesure "
        "là où l’on a le moins.\n\n"
        "Ce 30 novembre, les villes éducatrices sortent dans leurs quartiers avec les associations qui les "
        "font vivre : nous ouvrons nos équipements, nous reconnaissons celles et ceux qui éduquent sans le "
        "savoir, et nous écoutons ce dont chaque quartier a besoin pour que personne n’apprenne seul."
    ),
    "pt": (
        "A cidade educa em cada bairro: no mercado e no pavilhão desportivo, no centro de saúde e na "
        "paragem do autocarro. Mas nem todos os bairros têm as mesmas oportunidades, e a coesão de uma "
        "cidade mede-se onde as pessoas têm menos.\n\n"
        "Neste 30 de novembro, as cidades educadoras saem aos seus bairros com as associações que os "
        "sustentam: abrimos os equipamentos, reconhecemos quem educa sem o saber e escutamos aquilo de que "
        "cada bairro precisa para que ninguém aprenda sozinho."
    ),
    "ca": (
        "La ciutat educa a cada barri: al mercat i al poliesportiu, al centre de salut i a la parada de "
        "l’autobús. Però no tots els barris tenen les mateixes oportunitats, i la cohesió d’una ciutat es "
        "mesura en els que tenen menys.\n\n"
        "Aquest 30 de novembre, les ciutats educadores sortim als barris amb les entitats que els sostenen: "
        "obrim els equipaments, reconeixem qui educa sense saber-ho i escoltem el que cada barri necessita "
        "perquè ningú no aprengui sol."
    ),
}

GUIDE_2026 = {
    "es": (
        "1. Elige un barrio y una entidad que ya trabaje en él; prepara la actividad con ella.\n"
        "2. Abre un equipamiento municipal a quien no suele entrar: una biblioteca, un centro cívico, una "
        "escuela por la tarde.\n"
        "3. Registra la actividad en la plataforma con su hora local y su dirección; la agenda mundial la "
        "publica al momento.\n"
        "4. Después del Día, cuenta cuántas personas vinieron y qué se llevó el barrio."
    ),
    "en": (
        "1. Choose a neighbourhood and an association that already works there; prepare the activity "
        "with it.\n"
        "2. Open a municipal facility to people who rarely go in: a library, a civic centre, a school in "
        "the afternoon.\n"
        "3. Register the activity on the platform with its local time and address; the world agenda "
        "publishes it at once.\n"
        "4. After the Day, tell how many people came and what the neighbourhood took away."
    ),
    "fr": (
        "1. Choisissez un quartier et une association qui y travaille déjà ; préparez l’activité avec "
        "elle.\n"
        "2. Ouvrez un équipement municipal à celles et ceux qui n’y entrent pas : une bibliothèque, un "
        "centre social, une école l’après-midi.\n"
        "3. Inscrivez l’activité sur la plateforme avec son heure locale et son adresse ; l’agenda mondial "
        "la publie aussitôt.\n"
        "4. Après la Journée, racontez combien de personnes sont venues et ce que le quartier en a retiré."
    ),
    "pt": (
        "1. Escolha um bairro e uma associação que já trabalhe nele; prepare a atividade com ela.\n"
        "2. Abra um equipamento municipal a quem raramente entra: uma biblioteca, um centro comunitário, "
        "uma escola à tarde.\n"
        "3. Registe a atividade na plataforma com a hora local e a morada; a agenda mundial publica-a de "
        "imediato.\n"
        "4. Depois do Dia, conte quantas pessoas vieram e o que o bairro levou consigo."
    ),
    "ca": (
        "1. Tria un barri i una entitat que ja hi treballi; prepara l’activitat amb ella.\n"
        "2. Obre un equipament municipal a qui no hi sol entrar: una biblioteca, un centre cívic, una "
        "escola a la tarda.\n"
        "3. Registra l’activitat a la plataforma amb l’hora local i l’adreça; l’agenda mundial la publica "
        "a l’instant.\n"
        "4. Després del Dia, explica quantes persones hi van venir i què se’n va endur el barri."
    ),
}

# Activities per country. 2019 and 2025: about 150 in 20 countries; the other years fewer (generic).
_ACTIVITIES_2019 = {
    "ES": 40,
    "PT": 18,
    "FR": 14,
    "BR": 12,
    "AR": 10,
    "KR": 10,
    "IT": 8,
    "MX": 8,
    "CO": 6,
    "CL": 4,
    "UY": 3,
    "SN": 3,
    "TN": 2,
    "MA": 2,
    "CV": 2,
    "FI": 2,
    "BE": 2,
    "PL": 2,
    "PE": 2,
    "GR": 1,
}
_ACTIVITIES_2025 = {
    "ES": 42,
    "PT": 17,
    "FR": 13,
    "BR": 13,
    "AR": 9,
    "KR": 12,
    "IT": 7,
    "MX": 7,
    "CO": 6,
    "CL": 4,
    "UY": 3,
    "SN": 2,
    "TN": 2,
    "BF": 1,
    "CV": 2,
    "FI": 2,
    "SE": 2,
    "PL": 2,
    "EC": 2,
    "AU": 2,
}
_ACTIVITIES_2026 = {
    "ES": 12,
    "PT": 6,
    "FR": 4,
    "BR": 4,
    "AR": 3,
    "KR": 3,
    "IT": 2,
    "MX": 2,
    "CO": 2,
    "SN": 1,
    "FI": 1,
}


def _generic(total: int, weights: dict[str, int]) -> dict[str, int]:
    """``total`` activities shared among the countries in proportion to ``weights`` (largest first)."""
    whole = sum(weights.values())
    shares = {country: total * weight // whole for country, weight in weights.items()}
    for country in sorted(weights, key=lambda c: -weights[c]):
        if sum(shares.values()) >= total:
            break
        shares[country] += 1
    return {country: count for country, count in shares.items() if count}


_GENERIC_WEIGHTS = {"ES": 10, "PT": 4, "FR": 3, "BR": 3, "AR": 2, "KR": 2, "IT": 2, "MX": 2, "CO": 1, "UY": 1}

CAMPAIGNS: tuple[CampaignData, ...] = (
    CampaignData(2016, "es", MOTTOS[2016], activities=_generic(12, _GENERIC_WEIGHTS)),
    CampaignData(2017, "es", MOTTOS[2017], activities=_generic(16, _GENERIC_WEIGHTS)),
    CampaignData(2018, "es", MOTTOS[2018], activities=_generic(20, _GENERIC_WEIGHTS)),
    CampaignData(
        2019,
        "es",
        MOTTOS[2019],
        MANIFESTO_2019,
        GUIDE_2019,
        activities=_ACTIVITIES_2019,
        theme="listening",
        cancelled=2,
        hidden=1,
        video_share=0.2,
        reminder=True,
    ),
    CampaignData(
        2020,
        "es",
        MOTTOS[2020],
        activities=_generic(24, _GENERIC_WEIGHTS),
        online_share=0.7,
        hybrid_share=0.2,
    ),
    CampaignData(2021, "en", MOTTOS[2021], activities=_generic(30, _GENERIC_WEIGHTS), hybrid_share=0.1),
    CampaignData(2022, "es", MOTTOS[2022], activities=_generic(34, _GENERIC_WEIGHTS)),
    CampaignData(2023, "es", MOTTOS[2023], activities=_generic(38, _GENERIC_WEIGHTS)),
    CampaignData(2024, "pt", MOTTOS[2024], activities=_generic(44, _GENERIC_WEIGHTS)),
    CampaignData(
        2025,
        "en",
        MOTTOS[2025],
        MANIFESTO_2025,
        GUIDE_2025,
        activities=_ACTIVITIES_2025,
        theme="children",
        cancelled=3,
        hidden=2,
        video_share=0.25,
        reminder=True,
    ),
    CampaignData(
        2026,
        "es",
        MOTTOS[2026],
        MANIFESTO_2026,
        GUIDE_2026,
        activities=_ACTIVITIES_2026,
        theme="neighbourhood",
        cancelled=1,
    ),
)
CURRENT_YEAR = 2026
# The current campaign's activities are registered in the last weeks before the Day, on these days.
CURRENT_REGISTRATION_DAYS = (50, 1)  # from 50 days to 1 day before the day of loading

HIDE_REASONS = {
    "en": "Registered twice by the city: the other entry of this activity stays in the agenda.",
    "fr": "Inscrite deux fois par la ville : l’autre fiche de cette activité reste dans l’agenda.",
    "es": "La ciudad la registró dos veces: la otra ficha de esta actividad sigue en la agenda.",
    "pt": "Registada duas vezes pela cidade: a outra ficha desta atividade continua na agenda.",
    "ca": "La ciutat la va registrar dues vegades: l’altra fitxa d’aquesta activitat continua a l’agenda.",
}


@dataclass(frozen=True)
class ActivityText:
    """An activity a city may organise, in one language; ``{city}`` is the city's name."""

    kind: str
    title: str
    description: str
    report: str
    audiences: tuple[str, ...]
    # Where it happens: a key of ``PLACES`` (ignored when the activity is online).
    place: str
    # Suits an online edition (talks, debates, screenings).
    online_ok: bool = False


def _t(kind, place, audiences, title, description, report, online_ok=False) -> ActivityText:
    return ActivityText(kind, title, description, report, tuple(audiences), place, online_ok)


# --- 2019: improving the city by listening ----------------------------------------------------------

_LISTENING = {
    "es": [
        _t(
            K.DEBATE,
            "civic_centre",
            [A.EVERYONE],
            "Asamblea abierta: ¿qué ciudad queremos?",
            "Vecinas y vecinos de todas las edades se sientan con el equipo de gobierno para decir qué "
            "cambiarían de su barrio. Sin discursos: cada mesa trabaja una pregunta y la devuelve en voz "
            "alta.",
            "Siete mesas y más de cuarenta propuestas; la concejalía se comprometió a responder en un mes.",
            online_ok=True,
        ),
        _t(
            K.WALK,
            "square",
            [A.EVERYONE, A.OLDER_PEOPLE],
            "Paseo de escucha por el casco antiguo",
            "Un recorrido a pie guiado por las personas que viven en el barrio: ellas eligen las paradas y "
            "explican qué funciona y qué no. Técnicos municipales toman nota.",
            "El paseo señaló tres aceras impracticables y un banco que falta junto al centro de salud.",
        ),
        _t(
            K.CHILDREN_COUNCIL,
            "town_hall",
            [A.CHILDREN, A.FAMILIES],
            "El Consejo de Infancia presenta sus propuestas al Pleno",
            "Las niñas y los niños del Consejo de Infancia de {city} leen en el salón de plenos las "
            "propuestas recogidas en sus escuelas durante el trimestre.",
            "La alcaldía respondió a las doce propuestas; dos entrarán en el presupuesto del año próximo.",
        ),
        _t(
            K.WORKSHOP,
            "school",
            [A.YOUNG_PEOPLE, A.EDUCATORS],
            "Mapa sonoro del barrio",
            "El alumnado de secundaria graba los sonidos de su barrio (el mercado, el patio, el tráfico) y "
            "los sitúa en un mapa colaborativo que se presentará a la concejalía de Urbanismo.",
            "Ciento veinte grabaciones en el mapa; el ruido de la avenida fue el tema más comentado.",
        ),
        _t(
            K.EXHIBITION,
            "library",
            [A.EVERYONE, A.OLDER_PEOPLE],
            "Exposición «Voces del barrio»",
            "Retratos y testimonios de personas mayores que cuentan cómo ha cambiado la ciudad y qué les "
            "gustaría conservar. La exposición recoge también los comentarios de quien la visita.",
            "La exposición recibió unas trescientas visitas y un cuaderno lleno de comentarios.",
        ),
        _t(
            K.CONFERENCE,
            "cultural_centre",
            [A.PROFESSIONALS, A.EDUCATORS],
            "Conferencia: escuchar también es una política pública",
            "Una investigadora en participación ciudadana y dos técnicas municipales debaten cómo "
            "convertir lo que se escucha en decisiones, y cómo rendir cuentas después.",
            "Sala llena; la grabación se ha compartido con los servicios municipales.",
            online_ok=True,
        ),
        _t(
            K.OTHER,
            "square",
            [A.EVERYONE],
            "El buzón ambulante recorre los mercados",
            "Un triciclo con un buzón y dos educadoras recorre los mercados municipales de {city} para "
            "recoger sugerencias escritas, dibujadas o dictadas.",
            "Se recogieron 214 sugerencias, sobre todo de limpieza, sombra y bancos.",
        ),
        _t(
            K.SCREENING,
            "cultural_centre",
            [A.EVERYONE, A.YOUNG_PEOPLE],
            "Cine y coloquio: «La plaza es nuestra»",
            "Proyección de un documental sobre la reforma participativa de una plaza, seguida de un "
            "coloquio con las personas que la impulsaron.",
            "Coloquio animado; varios asistentes se apuntaron al próximo proceso participativo.",
            online_ok=True,
        ),
        _t(
            K.WORKSHOP,
            "civic_centre",
            [A.EDUCATORS, A.PROFESSIONALS],
            "Taller de escucha activa para profesionales municipales",
            "Personal de atención ciudadana, bibliotecas y servicios sociales practica técnicas de "
            "escucha activa con casos reales del día a día.",
            "Veinticinco profesionales formados; se pide repetir el taller en primavera.",
        ),
    ],
    "ca": [
        _t(
            K.DEBATE,
            "civic_centre",
            [A.EVERYONE],
            "Audiència pública: què li falta al barri?",
            "Veïns i veïnes de totes les edats expliquen al govern municipal què canviarien del barri. "
            "Cada taula treballa una pregunta i la retorna en veu alta al final de la tarda.",
            "Sis taules i una quarantena de propostes; el districte respondrà per escrit abans de Nadal.",
            online_ok=True,
        ),
        _t(
            K.WALK,
            "square",
            [A.EVERYONE, A.OLDER_PEOPLE],
            "Passeig d’escolta pel barri vell",
            "Un recorregut a peu guiat per la gent que hi viu: ells trien les parades i expliquen què "
            "funciona i què no. Personal tècnic municipal en pren nota.",
            "El passeig va detectar dues voreres impracticables i la manca d’ombra a la plaça.",
        ),
        _t(
            K.CHILDREN_COUNCIL,
            "town_hall",
            [A.CHILDREN, A.FAMILIES],
            "El Consell d’Infants de {city} presenta les seves propostes",
            "Els nens i les nenes del Consell d’Infants llegeixen al saló de plens les propostes recollides "
            "a les escoles durant el trimestre.",
            "L’alcaldia va respondre totes les propostes; el camí escolar segur entrarà al pressupost.",
        ),
        _t(
            K.WORKSHOP,
            "school",
            [A.YOUNG_PEOPLE, A.EDUCATORS],
            "Mapa sonor del barri",
            "L’alumnat de secundària enregistra els sons del barri (el mercat, el pati, el trànsit) i els "
            "situa en un mapa col·laboratiu que presentarà a l’àrea d’Urbanisme.",
            "Un centenar d’enregistraments al mapa; el soroll de la ronda va ser el tema més comentat.",
        ),
        _t(
            K.EXHIBITION,
            "library",
            [A.EVERYONE, A.OLDER_PEOPLE],
            "Exposició «Veus del barri»",
            "Retrats i testimonis de gent gran que explica com ha canviat la ciutat i què voldria "
            "conservar. Els visitants hi poden deixar els seus comentaris.",
            "Unes dues-centes visites i un mural ple de comentaris.",
        ),
        _t(
            K.INSTITUTIONAL,
            "town_hall",
            [A.EVERYONE],
            "Lectura del manifest del Dia de la Ciutat Educadora",
            "Representants d’escoles, entitats i del Consell d’Infants llegeixen el manifest a la plaça de "
            "l’Ajuntament, seguit d’un petit concert de l’escola de música.",
            "Lectura compartida per set veus; el concert va tancar l’acte.",
        ),
        _t(
            K.SCREENING,
            "cultural_centre",
            [A.EVERYONE, A.YOUNG_PEOPLE],
            "Cinefòrum: «La plaça és nostra»",
            "Projecció d’un documental sobre la reforma participativa d’una plaça, seguida d’un col·loqui "
            "amb les persones que la van impulsar.",
            "Col·loqui viu; diverses persones es van apuntar al proper procés participatiu.",
            online_ok=True,
        ),
    ],
    "pt": [
        _t(
            K.DEBATE,
            "civic_centre",
            [A.EVERYONE],
            "Assembleia aberta: que cidade queremos?",
            "Moradores de todas as idades sentam-se com o executivo municipal para dizer o que mudariam no "
            "seu bairro. Cada mesa trabalha uma pergunta e devolve-a em voz alta.",
            "Oito mesas e cerca de cinquenta propostas; a câmara comprometeu-se a responder num mês.",
            online_ok=True,
        ),
        _t(
            K.WALK,
            "square",
            [A.EVERYONE, A.OLDER_PEOPLE],
            "Caminhada de escuta pelo centro histórico",
            "Um percurso a pé guiado por quem vive no bairro: são os moradores que escolhem as paragens e "
            "explicam o que funciona e o que não funciona.",
            "A caminhada apontou passeios estreitos demais e a falta de bancos junto ao mercado.",
        ),
        _t(
            K.CHILDREN_COUNCIL,
            "town_hall",
            [A.CHILDREN, A.FAMILIES],
            "Assembleia Municipal das Crianças de {city}",
            "Crianças eleitas nas escolas do concelho apresentam na Assembleia Municipal as propostas que "
            "recolheram junto dos colegas.",
            "Foram aprovadas por unanimidade três recomendações sobre os recreios e os passeios.",
        ),
        _t(
            K.WORKSHOP,
            "school",
            [A.YOUNG_PEOPLE, A.EDUCATORS],
            "Oficina: o mapa dos sons do bairro",
            "Alunos do secundário gravam os sons do bairro e colocam-nos num mapa colaborativo que será "
            "apresentado aos serviços de urbanismo.",
            "Noventa gravações no mapa; o ruído da avenida principal dominou a conversa.",
        ),
        _t(
            K.EXHIBITION,
            "library",
            [A.EVERYONE, A.OLDER_PEOPLE],
            "Exposição «Vozes do bairro»",
            "Retratos e testemunhos de pessoas mais velhas sobre a cidade de ontem e a de amanhã; cada "
            "visitante pode deixar a sua mensagem.",
            "Mais de duzentas visitas e um livro de mensagens cheio.",
        ),
        _t(
            K.CONFERENCE,
            "cultural_centre",
            [A.PROFESSIONALS, A.EDUCATORS],
            "Conversa: escutar para decidir melhor",
            "Uma investigadora em participação e técnicos municipais conversam sobre como transformar o "
            "que se ouve em decisões, e como prestar contas depois.",
            "Auditório cheio; a gravação foi partilhada com os serviços municipais.",
            online_ok=True,
        ),
        _t(
            K.FESTIVAL,
            "park",
            [A.FAMILIES, A.CHILDREN],
            "Festa da escuta no parque",
            "Contadores de histórias, uma cabine onde cada pessoa grava o seu desejo para a cidade e jogos "
            "para as famílias durante toda a tarde.",
            "A cabine gravou 160 desejos, que vão ser ouvidos na próxima reunião de câmara.",
        ),
        _t(
            K.OTHER,
            "square",
            [A.EVERYONE],
            "A caixa de sugestões vai aos mercados",
            "Uma bicicleta com uma caixa de sugestões e duas educadoras percorre os mercados municipais para "
            "recolher ideias escritas, desenhadas ou ditadas.",
            "Recolhidas 180 sugestões, sobretudo sobre limpeza, sombra e bancos.",
        ),
    ],
    "fr": [
        _t(
            K.DEBATE,
            "civic_centre",
            [A.EVERYONE],
            "Forum ouvert : quelle ville voulons-nous ?",
            "Habitants de tous âges et élus s’installent autour de tables thématiques pour dire ce qu’ils "
            "changeraient dans leur quartier. Chaque table restitue ses idées en fin de soirée.",
            "Six tables, une quarantaine de propositions ; la mairie répondra dans le journal municipal.",
            online_ok=True,
        ),
        _t(
            K.WALK,
            "square",
            [A.EVERYONE, A.OLDER_PEOPLE],
            "Balade d’écoute dans le quartier",
            "Une marche exploratoire guidée par les habitantes et les habitants : ils choisissent les "
            "arrêts et montrent ce qui marche et ce qui ne marche pas.",
            "La balade a relevé trois traversées dangereuses et l’absence de bancs près de l’école.",
        ),
        _t(
            K.CHILDREN_COUNCIL,
            "town_hall",
            [A.CHILDREN, A.FAMILIES],
            "Séance plénière du Conseil municipal des enfants",
            "Les jeunes élus du Conseil municipal des enfants de {city} présentent au maire les projets "
            "qu’ils ont préparés dans leurs commissions.",
            "Le maire a retenu le projet de jardin partagé, qui sera réalisé au printemps.",
        ),
        _t(
            K.WORKSHOP,
            "school",
            [A.YOUNG_PEOPLE, A.EDUCATORS],
            "Atelier « Carte sonore du quartier »",
            "Des collégiens enregistrent les sons de leur quartier et les placent sur une carte "
            "collaborative remise au service de l’urbanisme.",
            "Quatre-vingts enregistrements sur la carte ; le bruit de la rocade a dominé les échanges.",
        ),
        _t(
            K.EXHIBITION,
            "library",
            [A.EVERYONE, A.OLDER_PEOPLE],
            "Exposition « Paroles d’habitants »",
            "Portraits et témoignages de personnes âgées qui racontent la ville d’hier et celle qu’elles "
            "souhaitent ; un livre d’or recueille les réactions des visiteurs.",
            "Environ 250 visiteurs et un livre d’or bien rempli.",
        ),
        _t(
            K.CONFERENCE,
            "cultural_centre",
            [A.PROFESSIONALS, A.EDUCATORS],
            "Conférence-débat : l’écoute, une politique publique",
            "Une chercheuse en démocratie participative et des agents municipaux échangent sur la manière "
            "de transformer l’écoute en décisions et d’en rendre compte.",
            "Salle comble ; l’enregistrement est diffusé auprès des services municipaux.",
            online_ok=True,
        ),
        _t(
            K.SCREENING,
            "cultural_centre",
            [A.EVERYONE, A.YOUNG_PEOPLE],
            "Ciné-débat « La place est à nous »",
            "Projection d’un documentaire sur la rénovation participative d’une place, suivie d’un débat "
            "avec celles et ceux qui l’ont portée.",
            "Débat animé ; plusieurs personnes se sont inscrites à la prochaine concertation.",
            online_ok=True,
        ),
    ],
    "en": [
        _t(
            K.DEBATE,
            "civic_centre",
            [A.EVERYONE],
            "Open town meeting: what city do we want?",
            "Residents of all ages sit with the city council at themed tables to say what they would change "
            "in their neighbourhood. Each table reports back at the end of the evening.",
            "Eight tables and about fifty proposals; the council will answer within a month.",
            online_ok=True,
        ),
        _t(
            K.WALK,
            "square",
            [A.EVERYONE, A.OLDER_PEOPLE],
            "Listening walk through the old town",
            "A walk led by the people who live there: they choose the stops and show what works and what "
            "does not. Council officers take notes.",
            "The walk pointed out two unusable pavements and a missing bench by the health centre.",
        ),
        _t(
            K.CHILDREN_COUNCIL,
            "town_hall",
            [A.CHILDREN, A.FAMILIES],
            "The children's council meets the mayor",
            "Pupils elected in the schools of {city} present to the mayor the proposals they have gathered "
            "from their classmates this term.",
            "The mayor answered every proposal; the new crossing near the school is already planned.",
        ),
        _t(
            K.WORKSHOP,
            "school",
            [A.YOUNG_PEOPLE, A.EDUCATORS],
            "Sound map of the neighbourhood",
            "Secondary school students record the sounds of their neighbourhood and place them on a shared "
            "map that will be handed to the planning department.",
            "About a hundred recordings on the map; traffic noise dominated the discussion.",
        ),
        _t(
            K.EXHIBITION,
            "library",
            [A.EVERYONE, A.OLDER_PEOPLE],
            "Exhibition: voices of the neighbourhood",
            "Portraits and stories of older residents about the city they remember and the one they would "
            "like; visitors leave their own comments on a wall.",
            "Around 200 visitors and a wall covered with comments.",
        ),
        _t(
            K.CONFERENCE,
            "cultural_centre",
            [A.PROFESSIONALS, A.EDUCATORS],
            "Talk: listening as public policy",
            "A researcher in civic participation and two council officers discuss how to turn what is "
            "heard into decisions, and how to report back afterwards.",
            "A full room; the recording has been shared with the council's departments.",
            online_ok=True,
        ),
        _t(
            K.OTHER,
            "square",
            [A.EVERYONE],
            "The suggestion bike visits the markets",
            "A cargo bike with a suggestion box and two youth workers tours the markets of {city} to collect "
            "ideas written, drawn or spoken.",
            "170 suggestions collected, most of them about cleanliness, shade and benches.",
        ),
    ],
}

# --- 2025: children's participation -----------------------------------------------------------------

_CHILDREN = {
    "es": [
        _t(
            K.CHILDREN_COUNCIL,
            "town_hall",
            [A.CHILDREN, A.FAMILIES],
            "Pleno infantil de {city}",
            "Las consejeras y los consejeros infantiles ocupan los escaños del salón de plenos y debaten con "
            "la alcaldesa las propuestas de sus escuelas sobre parques, caminos y comedores.",
            "Se aprobaron cinco propuestas; la alcaldía presentará en marzo cómo las va a cumplir.",
        ),
        _t(
            K.WALK,
            "school",
            [A.CHILDREN, A.EDUCATORS],
            "Caminamos al cole: auditoría infantil del camino escolar",
            "Grupos de quinto y sexto recorren su camino al colegio con un cuaderno de campo y marcan los "
            "cruces peligrosos, las aceras estrechas y los lugares donde se sienten seguros.",
            "Los niños y niñas marcaron diecisiete puntos; la policía local ya ha revisado cuatro.",
        ),
        _t(
            K.WORKSHOP,
            "library",
            [A.CHILDREN],
            "Taller: diseñamos el parque que queremos",
            "Con maquetas, plastilina y materiales reciclados, niñas y niños de 6 a 12 años diseñan el "
            "parque que se reformará el año que viene junto al equipo de arquitectura municipal.",
            "Treinta maquetas; el tobogán largo y la sombra fueron las peticiones más repetidas.",
        ),
        _t(
            K.EXHIBITION,
            "library",
            [A.EVERYONE, A.CHILDREN],
            "Exposición «La ciudad que dibujamos»",
            "Dibujos y textos de las escuelas de {city} sobre la ciudad que les gustaría. Cada obra lleva "
            "la respuesta escrita de la concejalía correspondiente.",
            "Más de cuatrocientos dibujos expuestos y respondidos uno a uno.",
        ),
        _t(
            K.DEBATE,
            "civic_centre",
            [A.YOUNG_PEOPLE],
            "Debate joven: ¿nos escucha el ayuntamiento?",
            "Adolescentes de los institutos debaten con concejales sobre los canales de participación "
            "juvenil: qué funciona, qué no y qué inventarían.",
            "Se acordó crear un canal de mensajería del Consejo de Juventud con respuesta en 15 días.",
            online_ok=True,
        ),
        _t(
            K.FESTIVAL,
            "park",
            [A.FAMILIES, A.CHILDREN],
            "Fiesta de los derechos de la infancia",
            "Juegos, cuentacuentos y un mural colectivo sobre los derechos de la infancia, preparado por "
            "las entidades de tiempo libre del barrio.",
            "Una tarde de juego con más de quinientas personas y un mural que ya decora el parque.",
        ),
        _t(
            K.CONFERENCE,
            "cultural_centre",
            [A.EDUCATORS, A.PROFESSIONALS],
            "Jornada técnica: participación infantil en las políticas locales",
            "Profesionales de educación, urbanismo y servicios sociales comparten cómo incluir la voz de la "
            "infancia en los proyectos municipales, con ejemplos de otras ciudades.",
            "Sesenta profesionales de ocho servicios; se creará un grupo de trabajo estable.",
            online_ok=True,
        ),
        _t(
            K.OTHER,
            "school",
            [A.CHILDREN, A.EDUCATORS],
            "Jóvenes reporteros entrevistan a la alcaldía",
            "Un equipo de periodistas de 10 a 12 años prepara sus preguntas en clase y entrevista a la "
            "alcaldesa y a los responsables de los servicios municipales.",
            "La entrevista se publicó en la revista escolar y en la radio municipal.",
        ),
        _t(
            K.SPORT,
            "sports_centre",
            [A.CHILDREN, A.FAMILIES],
            "Juegos en la calle: cortamos el tráfico para jugar",
            "Una calle del barrio se cierra al tráfico durante la mañana y se llena de juegos tradicionales "
            "propuestos por los propios niños y niñas.",
            "Calle llena toda la mañana; las familias piden repetirlo cada mes.",
        ),
    ],
    "ca": [
        _t(
            K.CHILDREN_COUNCIL,
            "town_hall",
            [A.CHILDREN, A.FAMILIES],
            "Ple infantil de {city}",
            "Els consellers i conselleres infantils ocupen els escons del saló de plens i debaten amb "
            "l’alcaldia les propostes de les escoles sobre parcs, camins i menjadors.",
            "Es van aprovar cinc propostes; l’alcaldia explicarà al març com les complirà.",
        ),
        _t(
            K.WALK,
            "school",
            [A.CHILDREN, A.EDUCATORS],
            "Camí escolar: els infants en fan l’auditoria",
            "Grups de cinquè i sisè recorren el camí a l’escola amb un quadern de camp i hi marquen els "
            "passos perillosos, les voreres estretes i els llocs on se senten segurs.",
            "Els infants van marcar catorze punts; la Guàrdia Urbana ja n’ha revisat tres.",
        ),
        _t(
            K.WORKSHOP,
            "library",
            [A.CHILDREN],
            "Taller: dissenyem el pati que volem",
            "Amb maquetes i materials reciclats, nens i nenes de 6 a 12 anys dissenyen el pati obert al "
            "barri que es transformarà l’any vinent, amb l’equip d’arquitectura municipal.",
            "Vint-i-cinc maquetes; més verd i més racons tranquils van ser les peticions més repetides.",
        ),
        _t(
            K.EXHIBITION,
            "library",
            [A.EVERYONE, A.CHILDREN],
            "Exposició «La ciutat que dibuixem»",
            "Dibuixos i textos de les escoles de {city} sobre la ciutat que voldrien. Cada obra porta la "
            "resposta escrita de la regidoria corresponent.",
            "Més de tres-cents dibuixos exposats i responguts un per un.",
        ),
        _t(
            K.DEBATE,
            "civic_centre",
            [A.YOUNG_PEOPLE],
            "Debat jove: ens escolta l’Ajuntament?",
            "Adolescents dels instituts debaten amb regidors i regidores sobre els canals de participació "
            "juvenil: què funciona, què no i què s’inventarien.",
            "Es va acordar obrir un canal del Consell de Joves amb resposta en quinze dies.",
            online_ok=True,
        ),
        _t(
            K.FESTIVAL,
            "park",
            [A.FAMILIES, A.CHILDREN],
            "Festa dels drets dels infants",
            "Jocs, contacontes i un mural col·lectiu sobre els drets dels infants, preparat pels esplais i "
            "els caus del barri.",
            "Una tarda de joc amb més de quatre-centes persones i un mural que ja decora la plaça.",
        ),
    ],
    "pt": [
        _t(
            K.CHILDREN_COUNCIL,
            "town_hall",
            [A.CHILDREN, A.FAMILIES],
            "Assembleia Municipal Infantil de {city}",
            "Os deputados e as deputadas municipais mirins ocupam o plenário e debatem com o executivo as "
            "propostas das suas escolas sobre parques, percursos e refeitórios.",
            "Foram aprovadas seis recomendações; o executivo responde por escrito até março.",
        ),
        _t(
            K.WALK,
            "school",
            [A.CHILDREN, A.EDUCATORS],
            "A pé para a escola: as crianças avaliam o percurso",
            "Turmas do 1.º ciclo percorrem o caminho para a escola com um caderno de campo e assinalam as "
            "passadeiras perigosas, os passeios estreitos e os sítios onde se sentem seguras.",
            "As crianças assinalaram quinze pontos; a polícia municipal já reviu quatro.",
        ),
        _t(
            K.WORKSHOP,
            "library",
            [A.CHILDREN],
            "Oficina: desenhamos o parque que queremos",
            "Com maquetas e materiais reciclados, crianças dos 6 aos 12 anos desenham o parque infantil que "
            "vai ser renovado no próximo ano, com a equipa de arquitetura da câmara.",
            "Trinta maquetas; sombra e um escorrega comprido foram os pedidos mais repetidos.",
        ),
        _t(
            K.EXHIBITION,
            "library",
            [A.EVERYONE, A.CHILDREN],
            "Exposição «A cidade que desenhamos»",
            "Desenhos e textos das escolas de {city} sobre a cidade que gostariam de ter. Cada trabalho tem "
            "a resposta escrita do pelouro correspondente.",
            "Mais de trezentos desenhos expostos e respondidos um a um.",
        ),
        _t(
            K.DEBATE,
            "civic_centre",
            [A.YOUNG_PEOPLE],
            "Debate jovem: a câmara ouve-nos?",
            "Alunos do secundário debatem com vereadores os canais de participação juvenil: o que funciona, "
            "o que falta e o que inventariam.",
            "Ficou decidido criar um orçamento participativo jovem já no próximo ano.",
            online_ok=True,
        ),
        _t(
            K.FESTIVAL,
            "park",
            [A.FAMILIES, A.CHILDREN],
            "Festa dos direitos da criança",
            "Jogos, histórias e um mural coletivo sobre os direitos da criança, preparados pelas "
            "associações juvenis do bairro.",
            "Uma tarde de brincadeira com quase quinhentas pessoas e um mural que ficou no parque.",
        ),
        _t(
            K.OTHER,
            "school",
            [A.CHILDREN, A.EDUCATORS],
            "Pequenos repórteres entrevistam o presidente da câmara",
            "Uma equipa de repórteres dos 10 aos 12 anos prepara as perguntas nas aulas e entrevista o "
            "presidente da câmara e os responsáveis dos serviços municipais.",
            "A entrevista foi publicada no jornal da escola e na rádio local.",
        ),
        _t(
            K.SPORT,
            "sports_centre",
            [A.CHILDREN, A.FAMILIES],
            "Rua para brincar",
            "Uma rua do bairro fecha ao trânsito durante a manhã e enche-se de jogos tradicionais "
            "escolhidos pelas próprias crianças.",
            "Rua cheia toda a manhã; as famílias pediram que se repita todos os meses.",
        ),
    ],
    "fr": [
        _t(
            K.CHILDREN_COUNCIL,
            "town_hall",
            [A.CHILDREN, A.FAMILIES],
            "Séance plénière du Conseil municipal d’enfants de {city}",
            "Les jeunes conseillers siègent dans la salle du conseil et débattent avec le maire des projets "
            "de leurs écoles : cours d’école, trajets, cantine.",
            "Cinq projets adoptés ; la mairie présentera leur calendrier en mars.",
        ),
        _t(
            K.WALK,
            "school",
            [A.CHILDREN, A.EDUCATORS],
            "Sur le chemin de l’école : les enfants font le diagnostic",
            "Des classes de CM1 et CM2 parcourent leur trajet vers l’école avec un carnet de bord et "
            "repèrent les traversées dangereuses et les endroits où ils se sentent en sécurité.",
            "Seize points relevés ; la police municipale en a déjà traité quatre.",
        ),
        _t(
            K.WORKSHOP,
            "library",
            [A.CHILDREN],
            "Atelier : imaginons la cour d’école de demain",
            "Avec des maquettes et du matériel de récupération, des enfants de 6 à 12 ans dessinent la cour "
            "oasis qui sera aménagée l’an prochain avec les services techniques.",
            "Vingt maquettes ; plus d’arbres et des coins calmes ont été les demandes les plus fréquentes.",
        ),
        _t(
            K.EXHIBITION,
            "library",
            [A.EVERYONE, A.CHILDREN],
            "Exposition « La ville dessinée par les enfants »",
            "Dessins et textes des écoles de {city} sur la ville qu’ils aimeraient ; chaque œuvre est "
            "accompagnée de la réponse écrite de l’élu concerné.",
            "Près de trois cents dessins exposés, chacun avec sa réponse.",
        ),
        _t(
            K.DEBATE,
            "civic_centre",
            [A.YOUNG_PEOPLE],
            "Débat jeunes : la mairie nous écoute-t-elle ?",
            "Des lycéens débattent avec des élus des moyens de participation des jeunes : ce qui marche, ce "
            "qui manque et ce qu’ils inventeraient.",
            "Un budget participatif jeunes sera lancé au printemps.",
            online_ok=True,
        ),
        _t(
            K.FESTIVAL,
            "park",
            [A.FAMILIES, A.CHILDREN],
            "Fête des droits de l’enfant",
            "Jeux, contes et une fresque collective sur les droits de l’enfant, préparés par les centres de "
            "loisirs du quartier.",
            "Un après-midi de jeux avec plus de trois cents personnes.",
        ),
    ],
    "en": [
        _t(
            K.CHILDREN_COUNCIL,
            "town_hall",
            [A.CHILDREN, A.FAMILIES],
            "Children's council plenary in {city}",
            "The members of the children's council take the seats of the council chamber and debate with "
            "the mayor the proposals of their schools on parks, routes and school meals.",
            "Five proposals approved; the mayor will report in March on how they are being carried out.",
        ),
        _t(
            K.WALK,
            "school",
            [A.CHILDREN, A.EDUCATORS],
            "Walk to school: children audit their route",
            "Primary classes walk their route to school with a field notebook and mark the dangerous "
            "crossings, the narrow pavements and the places where they feel safe.",
            "The children marked twelve spots; the traffic department has already fixed three.",
        ),
        _t(
            K.WORKSHOP,
            "library",
            [A.CHILDREN],
            "Workshop: design the playground you want",
            "With models and recycled materials, children aged 6 to 12 design the playground that will be "
            "rebuilt next year, together with the city's landscape architects.",
            "Twenty-five models; shade and a long slide were the most common wishes.",
        ),
        _t(
            K.EXHIBITION,
            "library",
            [A.EVERYONE, A.CHILDREN],
            "Exhibition: the city we draw",
            "Drawings and texts by the schools of {city} about the city they would like, each shown with "
            "the written answer of the department concerned.",
            "More than two hundred drawings on show, each one answered.",
        ),
        _t(
            K.DEBATE,
            "civic_centre",
            [A.YOUNG_PEOPLE],
            "Youth debate: does the city hall listen to us?",
            "Secondary school students debate with councillors how young people can take part: what works, "
            "what is missing and what they would invent.",
            "The council agreed to set up a youth panel that meets every term.",
            online_ok=True,
        ),
        _t(
            K.OTHER,
            "school",
            [A.CHILDREN, A.EDUCATORS],
            "Young reporters interview the mayor",
            "A team of reporters aged 10 to 12 prepares its questions in class and interviews the mayor and "
            "the heads of the city's services.",
            "The interview was published in the school magazine and on the city's website.",
        ),
    ],
}

# --- 2026: every neighbourhood educates -------------------------------------------------------------

_NEIGHBOURHOOD = {
    "es": [
        _t(
            K.FESTIVAL,
            "civic_centre",
            [A.EVERYONE, A.FAMILIES],
            "Puertas abiertas de los equipamientos del barrio",
            "Biblioteca, centro cívico, ludoteca y polideportivo abren a la vez con actividades para todas "
            "las edades; las entidades del barrio presentan lo que hacen durante el año.",
            "",
        ),
        _t(
            K.INSTITUTIONAL,
            "town_hall",
            [A.EVERYONE],
            "Reconocimiento a los agentes educativos del barrio",
            "El ayuntamiento de {city} reconoce a personas y entidades que educan sin ser escuela: el "
            "entrenador del club, la librera, la asociación de vecinos, la monitora del comedor.",
            "",
        ),
        _t(
            K.WALK,
            "square",
            [A.EVERYONE, A.OLDER_PEOPLE],
            "Ruta por la memoria del barrio",
            "Un paseo con vecinas y vecinos veteranos que cuentan la historia de las calles, las luchas y "
            "los oficios del barrio a los niños y niñas de la escuela.",
            "",
        ),
        _t(
            K.WORKSHOP,
            "library",
            [A.OLDER_PEOPLE, A.YOUNG_PEOPLE],
            "Taller intergeneracional de competencias digitales",
            "Jóvenes voluntarios enseñan a personas mayores a pedir cita médica y hacer trámites en línea; "
            "ellas, a cambio, les enseñan a cocinar un plato del barrio.",
            "",
        ),
    ],
    "ca": [
        _t(
            K.FESTIVAL,
            "civic_centre",
            [A.EVERYONE, A.FAMILIES],
            "Portes obertes dels equipaments del barri",
            "Biblioteca, centre cívic, ludoteca i poliesportiu obren alhora amb activitats per a totes les "
            "edats; les entitats del barri expliquen què fan durant l’any.",
            "",
        ),
        _t(
            K.WALK,
            "square",
            [A.EVERYONE, A.OLDER_PEOPLE],
            "Ruta per la memòria del barri",
            "Un passeig amb veïns i veïnes veterans que expliquen la història dels carrers, les lluites i "
            "els oficis del barri als nens i nenes de l’escola.",
            "",
        ),
        _t(
            K.DEBATE,
            "civic_centre",
            [A.EVERYONE],
            "Taula rodona: escola oberta, barri educador",
            "Direccions d’escola, famílies, esplais i serveis municipals parlen de com obrir els centres "
            "educatius al barri fora de l’horari lectiu.",
            "",
            online_ok=True,
        ),
        _t(
            K.WORKSHOP,
            "library",
            [A.OLDER_PEOPLE, A.YOUNG_PEOPLE],
            "Taller intergeneracional de competències digitals",
            "Joves voluntaris ensenyen a la gent gran a demanar hora al metge i a fer tràmits en línia; la "
            "gent gran, a canvi, els ensenya a cuinar un plat del barri.",
            "",
        ),
    ],
    "pt": [
        _t(
            K.FESTIVAL,
            "civic_centre",
            [A.EVERYONE, A.FAMILIES],
            "Portas abertas nos equipamentos do bairro",
            "Biblioteca, centro comunitário, ludoteca e pavilhão abrem ao mesmo tempo com atividades para "
            "todas as idades; as associações do bairro mostram o que fazem durante o ano.",
            "",
        ),
        _t(
            K.WALK,
            "square",
            [A.EVERYONE, A.OLDER_PEOPLE],
            "Roteiro da memória do bairro",
            "Um passeio com moradores antigos que contam às crianças da escola a história das ruas, das "
            "lutas e dos ofícios do bairro.",
            "",
        ),
        _t(
            K.INSTITUTIONAL,
            "town_hall",
            [A.EVERYONE],
            "Homenagem a quem educa no bairro",
            "A câmara de {city} homenageia pessoas e associações que educam sem serem escola: o treinador do "
            "clube, a livreira, a associação de moradores.",
            "",
        ),
    ],
    "fr": [
        _t(
            K.FESTIVAL,
            "civic_centre",
            [A.EVERYONE, A.FAMILIES],
            "Portes ouvertes des équipements du quartier",
            "Médiathèque, centre social, ludothèque et gymnase ouvrent ensemble avec des activités pour tous "
            "les âges ; les associations présentent ce qu’elles font toute l’année.",
            "",
        ),
        _t(
            K.WALK,
            "square",
            [A.EVERYONE, A.OLDER_PEOPLE],
            "Balade mémoire du quartier",
            "Des habitants de longue date racontent aux écoliers l’histoire des rues, des luttes et des "
            "métiers du quartier.",
            "",
        ),
    ],
    "en": [
        _t(
            K.FESTIVAL,
            "civic_centre",
            [A.EVERYONE, A.FAMILIES],
            "Open doors at the neighbourhood's facilities",
            "The library, community centre, toy library and sports hall open together with activities for "
            "every age; local associations show what they do all year.",
            "",
        ),
        _t(
            K.WORKSHOP,
            "library",
            [A.OLDER_PEOPLE, A.YOUNG_PEOPLE],
            "Intergenerational digital skills workshop",
            "Young volunteers help older residents book a doctor's appointment and use online services; in "
            "return, they learn to cook a dish from the neighbourhood.",
            "",
        ),
    ],
}

# --- Any year: what cities organise every 30 November --------------------------------------------

GENERIC = {
    "es": [
        _t(
            K.INSTITUTIONAL,
            "town_hall",
            [A.EVERYONE],
            "Lectura del manifiesto del Día de la Ciudad Educadora",
            "Representantes de escuelas, entidades y del Consejo de Infancia leen el manifiesto del año en "
            "la plaza del Ayuntamiento de {city}.",
            "Lectura a siete voces ante unas doscientas personas.",
            online_ok=True,
        ),
        _t(
            K.FESTIVAL,
            "square",
            [A.FAMILIES, A.EVERYONE],
            "Feria de la ciudad educadora",
            "Las entidades educativas, culturales y deportivas de {city} montan sus estands en la plaza y "
            "proponen talleres para todas las edades.",
            "Cuarenta entidades y una plaza llena durante toda la jornada.",
        ),
        _t(
            K.CONFERENCE,
            "cultural_centre",
            [A.EDUCATORS, A.PROFESSIONALS],
            "Conferencia: la Carta de Ciudades Educadoras hoy",
            "Una charla sobre los principios de la Carta y lo que significan para los servicios "
            "municipales, seguida de preguntas del público.",
            "Buen debate final sobre la coordinación entre escuela y servicios municipales.",
            online_ok=True,
        ),
        _t(
            K.WALK,
            "square",
            [A.EVERYONE],
            "Ruta por los espacios educativos de la ciudad",
            "Un recorrido por escuelas, bibliotecas y huertos urbanos para descubrir todo lo que educa en "
            "la ciudad, más allá del aula.",
            "Cuarenta participantes y seis paradas comentadas por sus protagonistas.",
        ),
        _t(
            K.WORKSHOP,
            "library",
            [A.FAMILIES, A.CHILDREN],
            "Talleres en familia en la biblioteca",
            "Cuentos, juegos de mesa y un taller de cómic para hacer en familia durante toda la tarde.",
            "Una tarde de biblioteca llena de familias, algunas por primera vez.",
        ),
        _t(
            K.SCREENING,
            "cultural_centre",
            [A.EVERYONE],
            "Cineforum de la ciudad educadora",
            "Proyección de un documental sobre proyectos educativos de barrio y coloquio con sus "
            "protagonistas.",
            "Coloquio muy participado, con preguntas de docentes y familias.",
            online_ok=True,
        ),
        _t(
            K.DEBATE,
            "civic_centre",
            [A.EVERYONE],
            "Mesa redonda: ¿qué educa en nuestra ciudad?",
            "Docentes, familias, entidades y personal municipal debaten sobre los espacios y los tiempos "
            "educativos de {city}.",
            "Conclusiones recogidas en un documento que se enviará al Consejo Escolar Municipal.",
            online_ok=True,
        ),
    ],
    "ca": [
        _t(
            K.INSTITUTIONAL,
            "town_hall",
            [A.EVERYONE],
            "Lectura del manifest del Dia de la Ciutat Educadora",
            "Representants d’escoles, entitats i del Consell d’Infants llegeixen el manifest de l’any a la "
            "plaça de l’Ajuntament de {city}.",
            "Lectura a set veus davant d’unes cent cinquanta persones.",
            online_ok=True,
        ),
        _t(
            K.FESTIVAL,
            "square",
            [A.FAMILIES, A.EVERYONE],
            "Fira de la ciutat educadora",
            "Les entitats educatives, culturals i esportives de {city} munten les parades a la plaça i "
            "proposen tallers per a totes les edats.",
            "Trenta-cinc entitats i una plaça plena tot el dia.",
        ),
        _t(
            K.WORKSHOP,
            "library",
            [A.FAMILIES, A.CHILDREN],
            "Tallers en família a la biblioteca",
            "Contes, jocs de taula i un taller de còmic per fer en família tota la tarda.",
            "Una tarda de biblioteca plena de famílies, algunes per primera vegada.",
        ),
        _t(
            K.DEBATE,
            "civic_centre",
            [A.EVERYONE],
            "Taula rodona: què educa a la nostra ciutat?",
            "Docents, famílies, entitats i personal municipal debaten sobre els espais i els temps "
            "educatius de {city}.",
            "Conclusions recollides en un document per al Consell Escolar Municipal.",
            online_ok=True,
        ),
    ],
    "pt": [
        _t(
            K.INSTITUTIONAL,
            "town_hall",
            [A.EVERYONE],
            "Leitura do manifesto do Dia da Cidade Educadora",
            "Representantes das escolas, das associações e do conselho municipal das crianças leem o "
            "manifesto do ano nos Paços do Concelho de {city}.",
            "Leitura a várias vozes perante cerca de cento e cinquenta pessoas.",
            online_ok=True,
        ),
        _t(
            K.FESTIVAL,
            "square",
            [A.FAMILIES, A.EVERYONE],
            "Feira da cidade educadora",
            "As associações educativas, culturais e desportivas de {city} montam as suas bancas na praça e "
            "propõem oficinas para todas as idades.",
            "Trinta associações e uma praça cheia durante todo o dia.",
        ),
        _t(
            K.CONFERENCE,
            "cultural_centre",
            [A.EDUCATORS, A.PROFESSIONALS],
            "Conferência: a Carta das Cidades Educadoras hoje",
            "Uma conversa sobre os princípios da Carta e o que significam para os serviços municipais, "
            "seguida de perguntas do público.",
            "Bom debate sobre a articulação entre escolas e serviços municipais.",
            online_ok=True,
        ),
        _t(
            K.WALK,
            "square",
            [A.EVERYONE],
            "Roteiro pelos espaços educativos da cidade",
            "Um percurso por escolas, bibliotecas e hortas urbanas para descobrir tudo o que educa na "
            "cidade, para lá da sala de aula.",
            "Trinta e cinco participantes e seis paragens comentadas pelos seus protagonistas.",
        ),
        _t(
            K.SPORT,
            "sports_centre",
            [A.YOUNG_PEOPLE, A.FAMILIES],
            "Torneio inclusivo de desporto escolar",
            "Equipas mistas de alunos com e sem deficiência jogam boccia, basquetebol e futebol adaptado.",
            "Doze equipas e muito público nas bancadas.",
        ),
    ],
    "fr": [
        _t(
            K.INSTITUTIONAL,
            "town_hall",
            [A.EVERYONE],
            "Lecture du manifeste de la Journée de la ville éducatrice",
            "Des représentants des écoles, des associations et du Conseil municipal des enfants lisent le "
            "manifeste de l’année sur le parvis de l’hôtel de ville de {city}.",
            "Lecture à plusieurs voix devant environ cent cinquante personnes.",
            online_ok=True,
        ),
        _t(
            K.FESTIVAL,
            "square",
            [A.FAMILIES, A.EVERYONE],
            "Village de la ville éducatrice",
            "Les associations éducatives, culturelles et sportives de {city} installent leurs stands sur la "
            "place et proposent des ateliers pour tous les âges.",
            "Une trentaine d’associations et une place animée toute la journée.",
        ),
        _t(
            K.CONFERENCE,
            "cultural_centre",
            [A.EDUCATORS, A.PROFESSIONALS],
            "Conférence : la Charte des villes éducatrices aujourd’hui",
            "Une intervention sur les principes de la Charte et ce qu’ils signifient pour les services "
            "municipaux, suivie d’un échange avec la salle.",
            "Échange nourri sur la coopération entre écoles et services municipaux.",
            online_ok=True,
        ),
        _t(
            K.WORKSHOP,
            "library",
            [A.FAMILIES, A.CHILDREN],
            "Ateliers en famille à la médiathèque",
            "Contes, jeux de société et un atelier de bande dessinée à faire en famille tout l’après-midi.",
            "Un après-midi plein de familles, dont certaines venues pour la première fois.",
        ),
    ],
    "en": [
        _t(
            K.INSTITUTIONAL,
            "town_hall",
            [A.EVERYONE],
            "Reading of the Educating City Day manifesto",
            "Representatives of schools, associations and the children's council read this year's "
            "manifesto in front of the city hall of {city}.",
            "A reading in several voices in front of about 150 people.",
            online_ok=True,
        ),
        _t(
            K.FESTIVAL,
            "square",
            [A.FAMILIES, A.EVERYONE],
            "Educating city fair",
            "Educational, cultural and sports associations of {city} set up their stands in the square and "
            "run workshops for every age.",
            "Thirty associations and a busy square all day long.",
        ),
        _t(
            K.CONFERENCE,
            "cultural_centre",
            [A.EDUCATORS, A.PROFESSIONALS],
            "Talk: the Charter of Educating Cities today",
            "A talk on the principles of the Charter and what they mean for the city's services, followed "
            "by questions from the audience.",
            "A lively discussion on how schools and city services can work together.",
            online_ok=True,
        ),
        _t(
            K.WALK,
            "square",
            [A.EVERYONE],
            "A route through the city's places of learning",
            "A walk through schools, libraries and community gardens to discover everything that educates "
            "in the city, beyond the classroom.",
            "Forty participants and six stops presented by the people who run them.",
        ),
    ],
}

THEMED = {"listening": _LISTENING, "children": _CHILDREN, "neighbourhood": _NEIGHBOURHOOD}

# --- Places, streets and organisers, per language ------------------------------------------------

PLACES: dict[str, dict[str, list[str]]] = {
    "es": {
        "square": ["Plaza Mayor", "Plaza de la Constitución", "Plaza del Mercado", "Plaza de España"],
        "library": [
            "Biblioteca Municipal Central",
            "Biblioteca Pública María Moliner",
            "Biblioteca del Barrio",
        ],
        "civic_centre": ["Centro Cívico Norte", "Centro Cívico San José", "Centro Social del Barrio Sur"],
        "school": ["CEIP Antonio Machado", "IES Clara Campoamor", "Colegio Público Gloria Fuertes"],
        "town_hall": ["Salón de Plenos del Ayuntamiento", "Palacio Municipal"],
        "cultural_centre": ["Centro Cultural La Alhóndiga", "Teatro Municipal", "Auditorio Municipal"],
        "park": ["Parque Municipal", "Parque de la Alameda", "Parque del Río"],
        "sports_centre": ["Polideportivo Municipal", "Pabellón de Deportes del Barrio"],
    },
    "ca": {
        "square": ["Plaça de la Vila", "Plaça Major", "Plaça del Mercat", "Plaça de la Font"],
        "library": ["Biblioteca Central", "Biblioteca Can Casacuberta", "Biblioteca del Barri"],
        "civic_centre": ["Centre Cívic Sant Jordi", "Centre Cívic del Nord", "Casal de Barri"],
        "school": ["Escola Joan Miró", "Institut Jaume Balmes", "Escola Montserrat Roig"],
        "town_hall": ["Saló de Plens de l’Ajuntament", "Casa de la Vila"],
        "cultural_centre": ["Teatre Municipal", "Centre Cultural La Farinera", "Auditori Municipal"],
        "park": ["Parc Central", "Parc del Riu", "Parc de les Aigües"],
        "sports_centre": ["Poliesportiu Municipal", "Pavelló del Barri"],
    },
    "pt": {
        "square": ["Praça da República", "Largo do Município", "Praça do Mercado", "Praça da Liberdade"],
        "library": ["Biblioteca Municipal", "Biblioteca Municipal José Saramago", "Biblioteca do Bairro"],
        "civic_centre": ["Centro Comunitário do Bairro", "Casa da Juventude", "Centro Cívico Norte"],
        "school": ["Escola Básica Sophia de Mello Breyner", "Escola Secundária Alves Redol"],
        "town_hall": ["Salão Nobre dos Paços do Concelho", "Auditório Municipal"],
        "cultural_centre": ["Cineteatro Municipal", "Centro Cultural", "Casa das Artes"],
        "park": ["Parque da Cidade", "Jardim Municipal", "Parque Urbano"],
        "sports_centre": ["Pavilhão Municipal", "Complexo Desportivo Municipal"],
    },
    "fr": {
        "square": ["Place de l’Hôtel-de-Ville", "Place du Marché", "Place de la République"],
        "library": ["Médiathèque municipale", "Médiathèque Simone-Veil", "Bibliothèque du quartier"],
        "civic_centre": ["Centre social du quartier", "Maison de quartier", "Maison des associations"],
        "school": ["École élémentaire Jules-Ferry", "Collège Louise-Michel", "Groupe scolaire Jean-Moulin"],
        "town_hall": ["Salle du conseil municipal", "Hôtel de ville"],
        "cultural_centre": ["Centre culturel municipal", "Théâtre municipal", "Salle des fêtes"],
        "park": ["Parc municipal", "Jardin public", "Parc des Berges"],
        "sports_centre": ["Gymnase municipal", "Complexe sportif"],
    },
    "en": {
        "square": ["Town Hall Square", "Market Square", "Central Square"],
        "library": ["Central Library", "Public Library", "Neighbourhood Library"],
        "civic_centre": ["Community Centre", "Civic Centre", "Youth Centre"],
        "school": ["Central Primary School", "Riverside Secondary School", "Hillside Elementary School"],
        "town_hall": ["City Hall council chamber", "City Hall"],
        "cultural_centre": ["City Arts Centre", "Municipal Theatre", "Cultural Centre"],
        "park": ["City Park", "Riverside Park", "Central Park"],
        "sports_centre": ["Municipal Sports Hall", "Community Sports Centre"],
    },
}

STREETS = {
    "es": [
        "Calle Mayor",
        "Avenida de la Constitución",
        "Calle de la Paz",
        "Calle del Sol",
        "Paseo del Prado",
    ],
    "ca": ["Carrer Major", "Rambla de la Vila", "Carrer de la Pau", "Avinguda de Catalunya", "Carrer Nou"],
    "pt": ["Rua Direita", "Avenida da Liberdade", "Rua da Paz", "Rua 25 de Abril", "Avenida da República"],
    "fr": ["rue de la République", "avenue Jean-Jaurès", "rue Victor-Hugo", "boulevard de la Liberté"],
    "en": ["Main Street", "Station Road", "Park Avenue", "High Street", "Church Street"],
}

# The council (``{city}`` is the city's name), by country, else by language.
COUNCILS = {
    "ES": "Ayuntamiento de {city}",
    "AR": "Municipalidad de {city}",
    "CL": "Municipalidad de {city}",
    "PE": "Municipalidad de {city}",
    "UY": "Intendencia de {city}",
    "CO": "Alcaldía de {city}",
    "MX": "Gobierno Municipal de {city}",
    "EC": "GAD Municipal de {city}",
    "PT": "Câmara Municipal de {city}",
    "BR": "Prefeitura de {city}",
    "CV": "Câmara Municipal de {city}",
    "SN": "Ville de {city}",
    "TN": "Municipalité de {city}",
    "MA": "Commune de {city}",
    "BF": "Commune de {city}",
}
COUNCIL_BY_LANGUAGE = {
    "es": "Ayuntamiento de {city}",
    "ca": "Ajuntament de {city}",
    "pt": "Câmara Municipal de {city}",
    "fr": "Ville de {city}",
    "en": "City of {city}",
}
DEPARTMENTS = {
    "es": [
        "Concejalía de Educación",
        "Participación Ciudadana",
        "Concejalía de Infancia",
        "Red de Bibliotecas",
    ],
    "ca": ["Regidoria d’Educació", "Participació Ciutadana", "Regidoria d’Infància", "Xarxa de Biblioteques"],
    "pt": ["Pelouro da Educação", "Divisão de Participação", "Pelouro da Juventude", "Rede de Bibliotecas"],
    "fr": ["Direction de l’éducation", "Service démocratie locale", "Service enfance", "Médiathèques"],
    "en": ["Education Department", "Civic Participation Office", "Children and Youth", "Public Libraries"],
}
# The local part of the activity's contact address (at ``<city slug>.example.org``).
CONTACT_LOCAL = {"es": "educacion", "ca": "educacio", "pt": "educacao", "fr": "education", "en": "education"}

# Participants after the Day, by kind: (fewest, most).
PARTICIPANTS = {
    K.EXHIBITION: (120, 900),
    K.DEBATE: (25, 140),
    K.WORKSHOP: (12, 45),
    K.WALK: (15, 70),
    K.CHILDREN_COUNCIL: (20, 90),
    K.FESTIVAL: (200, 1500),
    K.CONFERENCE: (40, 220),
    K.SCREENING: (30, 160),
    K.SPORT: (60, 400),
    K.INSTITUTIONAL: (50, 300),
    K.OTHER: (40, 250),
}
# Local start hour choices and duration in minutes, by kind.
TIMES = {
    K.EXHIBITION: ((10, 11), 8 * 60),
    K.DEBATE: ((18, 19), 120),
    K.WORKSHOP: ((10, 11, 17), 120),
    K.WALK: ((10, 11), 120),
    K.CHILDREN_COUNCIL: ((10, 11, 12), 90),
    K.FESTIVAL: ((11, 16), 240),
    K.CONFERENCE: ((18, 19), 90),
    K.SCREENING: ((18, 19, 20), 120),
    K.SPORT: ((10, 16), 180),
    K.INSTITUTIONAL: ((12, 13), 60),
    K.OTHER: ((10, 17), 180),
}

# Why a city cancels one of its activities (in the activity's language).
CANCEL_REASONS = {
    "en": "Postponed: heavy rain is forecast for that day. We will announce the new date.",
    "fr": "Reportée : de fortes pluies sont annoncées ce jour-là. Nous annoncerons la nouvelle date.",
    "es": "Aplazada por la previsión de lluvias intensas. Anunciaremos la nueva fecha.",
    "pt": "Adiada por causa da previsão de chuva forte. Vamos anunciar a nova data.",
    "ca": "Ajornada per la previsió de pluges intenses. Anunciarem la nova data.",
}

# The posters and guides of the campaigns that have them (generated images and PDFs, not real designs).
POSTER_COLOURS = {2019: (0, 92, 120), 2025: (142, 36, 92), 2026: (26, 94, 32)}
POSTER_ALT = {
    "en": "Poster of the International Day of the Educating City {year}: the motto “{motto}” in white "
    "letters on a plain coloured background.",
}
GUIDE_TITLE = {
    "en": "Activity guide {year} (PDF)",
    "fr": "Guide des activités {year} (PDF)",
    "es": "Guía de actividades {year} (PDF)",
    "pt": "Guia de atividades {year} (PDF)",
    "ca": "Guia d’activitats {year} (PDF)",
}
