"""Practices written in Catalan (cities of Catalonia). Written by us for the demo."""

from educities.experiences.demo.practice import practice

# Cities of Catalonia are chosen by the loader (their region), whatever this says.
PRACTICES = [
    practice(
        key="pla-educatiu-entorn",
        language="ca",
        countries="ES",
        title="Pla Educatiu d’Entorn {of_city}",
        summary="""Escoles, instituts, entitats i serveis municipals d’un mateix barri treballen en
        xarxa per oferir a infants i joves activitats educatives fora de l’horari lectiu, acompanyar
        les famílies i millorar l’èxit escolar, amb especial atenció a l’alumnat nouvingut.""",
        context="""Els barris amb més alumnat d’origen estranger i més famílies vulnerables tenien
        també més fracàs escolar i menys activitats de lleure educatiu. El {year}, l’ajuntament i el
        Departament d’Educació van signar el Pla Educatiu d’Entorn.""",
        objectives="""- Garantir l’èxit educatiu de tot l’alumnat.
        - Coordinar escoles, entitats i serveis d’un mateix territori.
        - Promoure l’ús del català com a llengua de cohesió.""",
        actions="""Una comissió de barri amb els centres, les entitats i els tècnics municipals
        decideix les accions de cada curs:

        - tallers d’estudi assistit i de lectura a la tarda;
        - activitats esportives i artístiques gratuïtes;
        - acollida de les famílies nouvingudes amb mediació;
        - parelles lingüístiques entre alumnes.""",
        results="""El pla arriba a {pupils} alumnes de {schools} centres. La taxa de graduació a
        l’ESO als centres del pla ha millorat {points} punts en cinc cursos.""",
        lessons="""La coordinació estable entre escola i entorn és la clau. Cal una figura tècnica
        municipal dedicada al pla.""",
        themes="formal_education social_inclusion interculturality",
        targets="children adolescents families migrants",
        sdgs="4 10",
        principles="2 3 17",
        departments="education social",
        partners=[
            ("Departament d’Educació de la Generalitat", "public_body"),
            ("Fundació Bofill", "foundation"),
            ("Entitats del barri", "civil_society"),
        ],
        budget="200k-1m",
        figures={"pupils": (1500, 9000), "schools": (8, 30), "points": (6, 14)},
        translations={
            "en": (
                "Neighbourhood Education Plan {of_city}",
                """Primary and secondary schools, associations and municipal services of the same
                neighbourhood work as a network to offer children and young people educational
                activities outside school hours, support families and improve success at school, with
                special attention to newly arrived pupils.""",
            ),
            "fr": (
                "Plan éducatif de quartier {of_city}",
                """Écoles, collèges, associations et services municipaux d’un même quartier
                travaillent en réseau pour proposer aux enfants et aux jeunes des activités éducatives
                hors temps scolaire, accompagner les familles et améliorer la réussite scolaire, avec
                une attention particulière aux élèves nouvellement arrivés.""",
            ),
            "es": (
                "Plan Educativo de Entorno {of_city}",
                """Escuelas, institutos, entidades y servicios municipales de un mismo barrio trabajan
                en red para ofrecer a niños y jóvenes actividades educativas fuera del horario escolar,
                acompañar a las familias y mejorar el éxito escolar, con especial atención al alumnado
                recién llegado.""",
            ),
            "pt": (
                "Plano Educativo de Território {of_city}",
                """Escolas, entidades e serviços municipais do mesmo bairro trabalham em rede para
                oferecer a crianças e jovens atividades educativas fora do horário letivo, acompanhar
                as famílias e melhorar o sucesso escolar, com atenção especial aos alunos
                recém-chegados.""",
            ),
        },
    ),
    practice(
        key="patis-oberts",
        language="ca",
        countries="ES",
        title="Patis oberts: els patis escolars, espais de barri {in_city}",
        summary="""Els caps de setmana i les vacances, els patis de les escoles públiques obren al
        barri com a espais de joc, amb un equip de monitoratge que dinamitza activitats i en vetlla
        l’ús. Les famílies guanyen espai públic a prop de casa.""",
        context="""Molts barris densos tenien poques places i parcs, mentre els patis escolars
        restaven tancats més de la meitat dels dies de l’any. El {year}, l’ajuntament va decidir obrir-los
        al veïnat.""",
        objectives="""- Augmentar l’espai de joc i de lleure als barris.
        - Aprofitar els equipaments públics tots els dies de l’any.
        - Afavorir la convivència entre famílies.""",
        actions="""Els patis obren dissabtes, diumenges i vacances escolars, amb {monitors} monitors
        que organitzen jocs, esports i tallers. L’ajuntament assumeix la neteja i el manteniment, i les
        escoles participen en la planificació.""",
        results="""Actualment hi ha {yards} patis oberts, amb una mitjana de {visits} usos per cap de
        setmana. Les enquestes a les famílies donen una valoració molt alta.""",
        lessons="""Cal un acord clar amb cada escola sobre neteja, horaris i materials. La presència
        de monitors dona confiança a les famílies.""",
        themes="public_space sport coexistence",
        targets="children families",
        sdgs="11 3",
        principles="11 12",
        departments="education sport urban_planning",
        partners=[
            ("Consorci d’Educació", "public_body"),
            ("Associacions de famílies d’alumnes (AFA)", "civil_society"),
        ],
        budget="200k-1m",
        figures={"monitors": (10, 60), "yards": (6, 80), "visits": (80, 300)},
        translations={
            "en": (
                "Open schoolyards: school playgrounds as neighbourhood spaces {in_city}",
                """At weekends and during the holidays, public school playgrounds open to the
                neighbourhood as play spaces, with a team of youth workers who run activities and look
                after the space. Families gain public space close to home.""",
            ),
            "fr": (
                "Cours ouvertes : les cours d’école, espaces de quartier {in_city}",
                """Le week-end et pendant les vacances, les cours des écoles publiques s’ouvrent au
                quartier comme espaces de jeu, avec une équipe d’animateurs qui propose des activités et
                veille à leur bon usage. Les familles gagnent de l’espace public près de chez elles.""",
            ),
            "es": (
                "Patios abiertos: los patios escolares, espacios de barrio {in_city}",
                """Los fines de semana y en vacaciones, los patios de las escuelas públicas se abren al
                barrio como espacios de juego, con un equipo de monitores que dinamiza actividades y
                vela por su uso. Las familias ganan espacio público cerca de casa.""",
            ),
            "pt": (
                "Recreios abertos: os recreios escolares, espaços de bairro {in_city}",
                """Aos fins de semana e nas férias, os recreios das escolas públicas abrem ao bairro
                como espaços de jogo, com uma equipa de monitores que dinamiza atividades e zela pelo
                seu uso. As famílias ganham espaço público perto de casa.""",
            ),
        },
    ),
]
