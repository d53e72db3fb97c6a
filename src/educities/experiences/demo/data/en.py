"""Practices written in English (Italy, northern and central Europe, Greece, Korea, Japan, China,
Australia). Written by us for the demo."""

from educities.experiences.demo.practice import practice

_EUROPE = "IT BE DE FI SE NL GR PL CH"
_ASIA = "KR JP CN"

PRACTICES = [
    practice(
        key="library-living-room",
        language="en",
        countries=f"{_EUROPE} AU",
        uses=5,
        title="The library as the city’s living room {in_city}",
        summary="""The central library was rebuilt as a free, non-commercial meeting place: besides
        books it lends tools and instruments, offers 3D printers, sewing machines, study booths and a
        family floor, and is open every day until late evening.""",
        context="""Surveys showed that residents, especially teenagers and newcomers, lacked places in
        the centre where they could spend time without paying. The old library was crowded with
        shelves and closed at six. The council decided in {year} to turn its renovation into a public
        debate about what a library should be.""",
        objectives="""- Offer a welcoming public space open to everyone, every day.
        - Widen the library’s role to learning by doing and digital skills.
        - Involve residents in designing and running the services.""",
        actions="""More than {residents} residents took part in the design through workshops, an
        online wish list and a children’s jury. The building has makerspaces, bookable rooms for
        associations, a lending service for tools and musical instruments, and staff trained as
        facilitators rather than only as librarians.

        - Opening hours extended to {hours} hours a week.
        - Free language cafés and homework help run by volunteers.
        - Quiet floors and lively floors, clearly signposted.""",
        results="""Visits rose to {visits} a year, three times the figure before the renovation.
        Young people aged 15 to 24 are now the largest group of visitors, and more than
        {groups} associations book rooms regularly.""",
        lessons="""Designing with residents creates a sense of ownership that lasts. Staff need time
        and training to move from guarding the collection to hosting people.""",
        themes="culture lifelong_learning public_space digital",
        targets="general_public young_people families",
        sdgs="4 11 10",
        principles="4 7 12",
        departments="culture digital urban_planning",
        partners=[("{university}", "university"), ("Local makerspace association", "civil_society")],
        budget="gt1m",
        figures={
            "residents": (800, 3500),
            "hours": (60, 84),
            "visits": (400000, 2000000),
            "groups": (40, 160),
        },
        translations={
            "fr": (
                "La bibliothèque, salon de la ville {in_city}",
                """La bibliothèque centrale a été reconstruite comme un lieu de rencontre gratuit et
                non marchand : en plus des livres, elle prête des outils et des instruments, propose
                des imprimantes 3D, des machines à coudre, des cabines de travail et un étage pour les
                familles, et ouvre tous les jours jusqu’en soirée.""",
            ),
            "es": (
                "La biblioteca, la sala de estar de la ciudad {in_city}",
                """La biblioteca central se reconstruyó como un lugar de encuentro gratuito y no
                comercial: además de libros, presta herramientas e instrumentos, ofrece impresoras 3D,
                máquinas de coser, cabinas de estudio y una planta para familias, y abre todos los días
                hasta la noche.""",
            ),
            "pt": (
                "A biblioteca, a sala de estar da cidade {in_city}",
                """A biblioteca central foi reconstruída como um lugar de encontro gratuito e não
                comercial: além de livros, empresta ferramentas e instrumentos, tem impressoras 3D,
                máquinas de costura, cabines de estudo e um piso para famílias, e abre todos os dias até
                à noite.""",
            ),
        },
        full={
            "fr": {
                "context": """Les enquêtes montraient que les habitants, surtout les adolescents et
                les nouveaux arrivants, manquaient de lieux au centre-ville où passer du temps sans
                payer. L’ancienne bibliothèque était encombrée de rayonnages et fermait à dix-huit
                heures. En {year}, le conseil municipal a décidé de faire de sa rénovation un débat
                public sur ce que doit être une bibliothèque.""",
                "objectives": """- Offrir un espace public accueillant, ouvert à tous, tous les
                jours.
                - Élargir le rôle de la bibliothèque à l’apprentissage par la pratique et au
                numérique.
                - Associer les habitants à la conception et à la gestion des services.""",
                "actions": """Plus de {residents} habitants ont participé à la conception par des
                ateliers, une liste de souhaits en ligne et un jury d’enfants. Le bâtiment compte des
                fablabs, des salles réservables pour les associations, un service de prêt d’outils et
                d’instruments de musique, et un personnel formé à l’animation et pas seulement à la
                bibliothéconomie.

                - Des horaires élargis à {hours} heures par semaine.
                - Des cafés des langues et une aide aux devoirs gratuits, animés par des bénévoles.
                - Des étages calmes et des étages animés, clairement signalés.""",
                "results": """La fréquentation est passée à {visits} visites par an, trois fois plus
                qu’avant la rénovation. Les 15-24 ans sont désormais le premier groupe de visiteurs,
                et plus de {groups} associations réservent régulièrement des salles.""",
                "lessons": """Concevoir avec les habitants crée un sentiment d’appropriation qui
                dure. Le personnel a besoin de temps et de formation pour passer de la garde des
                collections à l’accueil des personnes.""",
            },
        },
    ),
    practice(
        key="homeshare",
        language="en",
        countries=f"{_EUROPE} AU",
        title="Homeshare: students living with older residents {in_city}",
        summary="""Older people with a spare room share their home with a university student, who
        pays little or no rent in exchange for company and a few hours of help each week. The city
        matches pairs carefully and follows them throughout the year.""",
        context="""The city faces two problems at once: students cannot find affordable rooms, and
        many older residents live alone in homes that have become too big. In {year} the social
        services and the university set up a homesharing scheme together.""",
        objectives="""- Reduce loneliness among older people living alone.
        - Offer students affordable housing.
        - Build lasting relationships between generations.""",
        actions="""A social worker interviews every applicant, visits the homes and matches pairs on
        habits and interests. Each pair signs an agreement setting out the hours of presence, the
        shared spaces and the help expected (shopping, gardening, company in the evening — never
        personal care). The pairs meet twice a year with the others to share their experience.""",
        results="""{pairs} pairs have lived together since the start, and {percent}% of them renewed
        their agreement for a second year. Older participants report feeling safer and less lonely;
        students speak of a “grandparent away from home”.""",
        lessons="""Matching is everything: taking time over interviews avoids most failures. The
        scheme must be clear that it is not a substitute for care services.""",
        themes="intergenerational social_inclusion",
        targets="older_people young_people",
        sdgs="11 10 3",
        principles="5 17 19",
        departments="social older_people housing",
        partners=[("{university}", "university"), ("Homeshare International", "civil_society")],
        budget="10k-50k",
        figures={"pairs": (40, 260), "percent": (62, 84)},
        translations={
            "fr": (
                "Cohabitation intergénérationnelle : des étudiants chez des aînés {in_city}",
                """Des personnes âgées disposant d’une chambre libre partagent leur logement avec un
                étudiant, qui paie un loyer faible ou nul en échange d’une présence et de quelques
                heures d’aide par semaine. La ville forme les binômes avec soin et les suit toute
                l’année.""",
            ),
            "es": (
                "Convivencia intergeneracional: estudiantes en casa de personas mayores {in_city}",
                """Personas mayores con una habitación libre comparten su casa con un estudiante
                universitario, que paga poco o nada a cambio de compañía y unas horas de ayuda a la
                semana. La ciudad forma las parejas con cuidado y las acompaña todo el año.""",
            ),
            "pt": (
                "Habitação intergeracional: estudantes em casa de idosos {in_city}",
                """Pessoas idosas com um quarto livre partilham a casa com um estudante
                universitário, que paga pouco ou nada em troca de companhia e algumas horas de ajuda por
                semana. A cidade forma os pares com cuidado e acompanha-os durante todo o ano.""",
            ),
        },
    ),
    practice(
        key="learning-festival",
        language="en",
        countries=_ASIA,
        uses=5,
        title="Lifelong Learning Festival {of_city}",
        summary="""Every autumn the city turns squares, schools and company lobbies into learning
        spaces for a week: hundreds of free classes, talks and hands-on workshops run by learning
        clubs, universities and residents who teach what they know.""",
        context="""The city was designated a learning city and set up a lifelong learning plan in
        {year}. The festival was created to make the many learning opportunities visible and to
        reach residents who never attend courses.""",
        objectives="""- Celebrate and make visible learning at every age.
        - Bring people who never attend courses into contact with learning.
        - Strengthen the network of learning clubs and institutions.""",
        actions="""The lifelong learning department coordinates {organisers} organisers. Residents
        can offer a one-hour class on anything they master, from calligraphy to bicycle repair.
        Districts compete for the most creative learning space, and an award goes to learning clubs
        run by residents.""",
        results="""The last festival offered {sessions} sessions and welcomed {visitors} visitors.
        After each festival, sign-ups for the city’s lifelong learning courses rise sharply for a few
        months.""",
        lessons="""Letting residents teach is the festival’s strength: it shows that everyone has
        something to share. A fixed week every year builds a tradition.""",
        themes="lifelong_learning culture participation",
        targets="general_public older_people families",
        sdgs="4 11 17",
        principles="1 4 19",
        departments="education culture",
        partners=[
            ("National Institute for Lifelong Education", "public_body"),
            ("{university}", "university"),
        ],
        budget="200k-1m",
        figures={"organisers": (80, 400), "sessions": (300, 1600), "visitors": (30000, 250000)},
        translations={
            "fr": (
                "Festival de l’apprentissage tout au long de la vie {of_city}",
                """Chaque automne, pendant une semaine, la ville transforme places, écoles et halls
                d’entreprises en lieux d’apprentissage : des centaines de cours, conférences et ateliers
                gratuits animés par des clubs, des universités et des habitants qui enseignent ce qu’ils
                savent.""",
            ),
            "es": (
                "Festival del aprendizaje a lo largo de la vida {of_city}",
                """Cada otoño, durante una semana, la ciudad convierte plazas, escuelas y vestíbulos de
                empresas en espacios de aprendizaje: cientos de clases, charlas y talleres gratuitos
                organizados por clubes, universidades y vecinos que enseñan lo que saben.""",
            ),
            "pt": (
                "Festival da aprendizagem ao longo da vida {of_city}",
                """Todos os outonos, durante uma semana, a cidade transforma praças, escolas e
                átrios de empresas em espaços de aprendizagem: centenas de aulas, conversas e oficinas
                gratuitas dinamizadas por clubes, universidades e moradores que ensinam o que sabem.""",
            ),
        },
    ),
    practice(
        key="happy-learning-centres",
        language="en",
        countries="KR",
        uses=5,
        title="Neighbourhood learning centres within walking distance {in_city}",
        summary="""Small learning centres in community halls, apartment complexes and libraries put a
        class within a ten-minute walk of every home. Residents choose the courses, and learning
        clubs that grow out of them go on to volunteer in the community.""",
        context="""The city’s lifelong learning institutions were concentrated in the centre, and
        participation was low among older residents and working parents in outlying districts. In
        {year} the city decided to bring learning to the neighbourhoods.""",
        objectives="""- Put lifelong learning within walking distance of every resident.
        - Let residents decide what they learn.
        - Turn learners into active citizens through learning clubs.""",
        actions="""The city supports {centres} neighbourhood centres with a lifelong learning
        coordinator in each district. Each centre surveys residents twice a year and offers courses
        from literacy and smartphone use to local history and parenting. Learners who finish a course
        are encouraged to form a club, which receives a small grant for a community project.""",
        results="""About {learners} residents attend a course each year, {percent}% of them over 50.
        More than {clubs} learning clubs have started community projects, from tutoring children to
        guiding tours of the old town.""",
        lessons="""Proximity and choice matter more than the size of the offer. The step from course
        to club is what turns learning into participation.""",
        themes="lifelong_learning participation intergenerational",
        targets="general_public older_people women",
        sdgs="4 11 10",
        principles="1 12 19",
        departments="education participation",
        partners=[
            ("National Institute for Lifelong Education", "public_body"),
            ("Residents’ associations", "civil_society"),
        ],
        budget="200k-1m",
        figures={"centres": (20, 140), "learners": (6000, 48000), "percent": (52, 71), "clubs": (30, 200)},
        translations={
            "fr": (
                "Des centres d’apprentissage de quartier à deux pas de chez soi {in_city}",
                """De petits centres d’apprentissage installés dans des salles communautaires, des
                résidences et des bibliothèques mettent un cours à dix minutes à pied de chaque
                logement. Les habitants choisissent les cours, et les clubs qui en naissent s’engagent
                ensuite comme bénévoles.""",
            ),
            "es": (
                "Centros de aprendizaje de barrio a un paso de casa {in_city}",
                """Pequeños centros de aprendizaje en salas vecinales, complejos de viviendas y
                bibliotecas ponen una clase a diez minutos a pie de cada casa. Los vecinos eligen los
                cursos, y los clubes que nacen de ellos se implican después como voluntarios.""",
            ),
            "pt": (
                "Centros de aprendizagem de bairro perto de casa {in_city}",
                """Pequenos centros de aprendizagem em salas comunitárias, condomínios e bibliotecas
                põem uma aula a dez minutos a pé de cada casa. Os moradores escolhem os cursos, e os
                clubes que daí nascem envolvem-se depois como voluntários.""",
            ),
        },
    ),
    practice(
        key="green-school-streets",
        language="en",
        countries=_EUROPE,
        title="Green school streets {in_city}",
        summary="""Streets outside primary schools are closed to through traffic and redesigned with
        trees, planters, benches and play markings, creating small green squares at the school gate.
        Pupils measure air quality before and after.""",
        context="""Air-quality monitoring in {year} found high levels of nitrogen dioxide at several
        school gates at drop-off time. Parents’ associations asked the city to act, and the mobility
        and education departments chose a joint approach.""",
        objectives="""- Reduce traffic and air pollution at school gates.
        - Encourage walking and cycling to school.
        - Add greenery and places to sit for the whole neighbourhood.""",
        actions="""Each street is first closed on a trial basis with planters and volunteers, then
        redesigned permanently. Pupils carry out air-quality measurements with low-cost sensors as a
        science project and present their results to the council.""",
        results="""{streets} school streets have been created. Nitrogen dioxide levels at the gates
        fell by {percent}% and the share of pupils walking or cycling rose in every school
        involved.""",
        lessons="""Trial closures defuse opposition. Pupils’ own measurements are powerful
        arguments in public debate.""",
        themes="mobility sustainability public_space health",
        targets="children families",
        sdgs="3 11 13",
        principles="11 13 14",
        departments="mobility environment education",
        partners=[("Parents’ associations", "civil_society"), ("{university}", "university")],
        budget="200k-1m",
        start_years=(2016, 2024),
        figures={"streets": (6, 45), "percent": (18, 35)},
        translations={
            "fr": (
                "Rues scolaires vertes {in_city}",
                """Les rues devant les écoles élémentaires sont fermées à la circulation de transit et
                réaménagées avec des arbres, des bacs, des bancs et des jeux au sol, créant de petites
                places vertes devant l’école. Les élèves mesurent la qualité de l’air avant et
                après.""",
            ),
            "es": (
                "Calles escolares verdes {in_city}",
                """Las calles frente a las escuelas de primaria se cierran al tráfico de paso y se
                rediseñan con árboles, jardineras, bancos y juegos pintados, creando pequeñas plazas
                verdes a la puerta de la escuela. El alumnado mide la calidad del aire antes y
                después.""",
            ),
            "pt": (
                "Ruas escolares verdes {in_city}",
                """As ruas em frente às escolas primárias fecham ao trânsito de passagem e são
                redesenhadas com árvores, floreiras, bancos e jogos pintados no chão, criando pequenas
                praças verdes à porta da escola. Os alunos medem a qualidade do ar antes e depois.""",
            ),
        },
    ),
    practice(
        key="city-of-children",
        language="en",
        countries="IT GR",
        title="City of Children: redesigning streets with children’s eyes {in_city}",
        summary="""Following Francesco Tonucci’s idea, the city plans with children as its measure:
        a children’s council advises the mayor, children walk to school alone along safe routes, and
        every new public space is checked by a panel of pupils.""",
        context="""Like many Italian cities, the city had become hostile to children on foot. In
        {year} the council joined the international “City of Children” network and adopted the idea
        that a city good for children is good for everyone.""",
        objectives="""- Allow children aged 8 to 11 to move around the neighbourhood on their own.
        - Give children a voice in planning decisions.
        - Change adults’ perception of children’s autonomy.""",
        actions="""The children’s council of {councillors} pupils meets monthly with the mayor’s
        office. Shopkeepers along the routes display a sticker and act as “friendly eyes” for
        children. Planners run walkabouts with each class before any redesign.""",
        results="""In the schools involved, the share of children who walk to school without an adult
        rose from {before}% to {after}%. Several squares and a park were redesigned following the
        council’s proposals.""",
        lessons="""Parents’ fears are the main obstacle: meetings with families and the support of
        shopkeepers make the difference. The mayor’s personal commitment keeps the project alive.""",
        themes="children_participation public_space mobility",
        targets="children families",
        sdgs="11 16 3",
        principles="8 11 6",
        departments="mayor urban_planning education childhood",
        partners=[
            ("CNR – Institute of Cognitive Sciences and Technologies", "university"),
            ("Shopkeepers’ association", "business"),
        ],
        budget="10k-50k",
        figures={"councillors": (16, 32), "before": (4, 11), "after": (19, 38)},
        translations={
            "fr": (
                "La ville des enfants : repenser les rues avec le regard des enfants {in_city}",
                """Suivant l’idée de Francesco Tonucci, la ville se planifie à la mesure des enfants :
                un conseil d’enfants conseille le maire, les enfants vont seuls à l’école par des
                itinéraires sûrs et chaque nouvel espace public est examiné par un panel d’élèves.""",
            ),
            "es": (
                "La ciudad de los niños: rediseñar las calles con ojos de niño {in_city}",
                """Siguiendo la idea de Francesco Tonucci, la ciudad se planifica a la medida de la
                infancia: un consejo de niños asesora al alcalde, los niños van solos a la escuela por
                recorridos seguros y cada nuevo espacio público lo revisa un panel de alumnos.""",
            ),
            "pt": (
                "Cidade das crianças: redesenhar as ruas com olhos de criança {in_city}",
                """Seguindo a ideia de Francesco Tonucci, a cidade planeia-se à medida das crianças: um
                conselho de crianças aconselha o presidente da câmara, as crianças vão sozinhas para a
                escola por percursos seguros e cada novo espaço público é avaliado por um painel de
                alunos.""",
            ),
        },
    ),
    practice(
        key="music-school-neighbourhoods",
        language="en",
        countries=f"{_EUROPE} {_ASIA} AU",
        title="Neighbourhood music school {in_city}",
        summary="""The municipal music school left its building in the centre and now teaches in
        primary schools and community centres of outlying neighbourhoods, with free instruments and
        group lessons, so that children from every background can learn music.""",
        context="""An analysis in {year} showed that almost all pupils of the municipal music school
        came from two well-off districts. Fees, waiting lists and distance kept other children
        out.""",
        objectives="""- Make music education accessible in every neighbourhood.
        - Use group teaching to reach more children.
        - Build ensembles that bring together children from different districts.""",
        actions="""Teachers now spend half their time in {schools} neighbourhood schools, teaching
        strings, brass and choir in groups of eight. Fees depend on family income and instruments are
        lent. Twice a year, all ensembles play together in the city’s concert hall.""",
        results="""The number of pupils rose to {pupils}, and the share coming from priority
        neighbourhoods went from under a tenth to about {percent}%.""",
        lessons="""Moving the teachers is cheaper than moving the children. Income-based fees must be
        simple to apply for.""",
        themes="culture social_inclusion formal_education",
        targets="children adolescents",
        sdgs="4 10",
        principles="4 17 12",
        departments="culture education",
        partners=[("Primary schools of the city", "school"), ("Philharmonic orchestra", "civil_society")],
        budget="200k-1m",
        figures={"schools": (6, 24), "pupils": (500, 2600), "percent": (30, 45)},
        translations={
            "fr": (
                "École de musique de quartier {in_city}",
                """L’école municipale de musique a quitté son bâtiment du centre et enseigne
                désormais dans les écoles et les centres sociaux des quartiers périphériques, avec des
                instruments gratuits et des cours collectifs, pour que les enfants de tous les milieux
                puissent apprendre la musique.""",
            ),
            "es": (
                "Escuela de música de barrio {in_city}",
                """La escuela municipal de música dejó su edificio del centro y enseña ahora en
                escuelas y centros cívicos de los barrios periféricos, con instrumentos gratuitos y
                clases en grupo, para que niños de todos los orígenes puedan aprender música.""",
            ),
            "pt": (
                "Escola de música de bairro {in_city}",
                """A escola municipal de música deixou o edifício do centro e ensina agora em escolas
                e centros comunitários dos bairros periféricos, com instrumentos gratuitos e aulas em
                grupo, para que crianças de todos os meios possam aprender música.""",
            ),
        },
    ),
    practice(
        key="neet-youth-guarantee",
        language="en",
        countries=f"{_EUROPE} AU",
        title="Second chance: a one-stop shop for young people out of work and school {in_city}",
        summary="""A youth guidance centre brings together careers advice, social services,
        adult education and employers under one roof for young people aged 16 to 29 who are not in
        education, employment or training, with outreach workers who find them where they are.""",
        context="""Around one young person in eight in the city was neither studying nor working. Help
        existed, but it was split between a dozen offices, and those who most needed it rarely came.""",
        objectives="""- Reach young people who have lost contact with every service.
        - Offer one place and one adviser for everything.
        - Bring each young person back to education, training or work.""",
        actions="""Outreach workers contact young people through social media, youth clubs and
        schools’ dropout lists. At the centre, one adviser builds an individual plan with the young
        person: short vocational courses, apprenticeships with {employers} partner employers, help
        with housing or mental health when needed.""",
        results="""The centre has worked with {young} young people since {year}; {percent}% of those
        who completed their plan were in work, training or education six months later.""",
        lessons="""One trusted adviser matters more than any programme. Outreach is slow work and
        needs stable funding.""",
        themes="employment social_inclusion lifelong_learning",
        targets="young_people at_risk",
        sdgs="8 4 10",
        principles="16 17 18",
        departments="employment youth social",
        partners=[("Public employment service", "public_body"), ("Chamber of commerce", "business")],
        budget="200k-1m",
        figures={"employers": (40, 220), "young": (500, 4200), "percent": (58, 76)},
        translations={
            "fr": (
                "Deuxième chance : un guichet unique pour les jeunes sans emploi ni formation {in_city}",
                """Un centre d’orientation réunit sous un même toit l’orientation professionnelle,
                l’action sociale, la formation des adultes et les employeurs pour les 16-29 ans sans
                emploi, ni études, ni formation, avec des éducateurs qui vont à leur rencontre.""",
            ),
            "es": (
                "Segunda oportunidad: ventanilla única para jóvenes sin empleo ni estudios {in_city}",
                """Un centro de orientación juvenil reúne bajo un mismo techo orientación laboral,
                servicios sociales, educación de adultos y empresas para jóvenes de 16 a 29 años que ni
                estudian ni trabajan, con educadores que van a buscarlos donde están.""",
            ),
            "pt": (
                "Segunda oportunidade: balcão único para jovens sem emprego nem estudos {in_city}",
                """Um centro de orientação juvenil junta no mesmo espaço orientação profissional,
                serviços sociais, educação de adultos e empresas para jovens dos 16 aos 29 anos que não
                estudam nem trabalham, com educadores que os vão procurar onde estão.""",
            ),
        },
    ),
    practice(
        key="digital-buddies",
        language="en",
        countries=f"{_EUROPE} {_ASIA} AU",
        title="Digital buddies for older residents {in_city}",
        summary="""Trained volunteers, many of them retired, help older residents one to one with
        their smartphones, online banking, health apps and video calls, in libraries and community
        centres, at the resident’s own pace.""",
        context="""As more public services moved online, many older residents struggled or depended on
        their children for every procedure. In {year} the city set up a volunteer network to offer
        patient, personal support.""",
        objectives="""- Help older people use digital services on their own.
        - Protect them from online fraud.
        - Reduce isolation through video calls and online communities.""",
        actions="""Volunteers follow a two-day training on teaching adults and online safety. They
        hold weekly drop-in hours in {places} places and can visit residents at home. A simple
        printed guide in large type supports each session.""",
        results="""Around {seniors} residents have been helped; {volunteers} volunteers are active.
        Follow-up calls show that most participants now do their routine procedures without
        help.""",
        lessons="""Peer volunteers of a similar age inspire confidence. Fraud prevention should be
        part of every session.""",
        themes="digital intergenerational lifelong_learning",
        targets="older_people",
        sdgs="4 10 9",
        principles="7 5 19",
        departments="digital older_people culture",
        partners=[("Public libraries", "public_body"), ("Senior citizens’ association", "civil_society")],
        budget="lt10k",
        start_years=(2018, 2024),
        figures={"places": (5, 20), "seniors": (300, 2400), "volunteers": (25, 140)},
        translations={
            "fr": (
                "Compagnons numériques pour les aînés {in_city}",
                """Des bénévoles formés, souvent retraités, aident individuellement les aînés à se
                servir de leur smartphone, de la banque en ligne, des applications de santé et des
                appels vidéo, dans les bibliothèques et les centres sociaux, au rythme de chacun.""",
            ),
            "es": (
                "Compañeros digitales para personas mayores {in_city}",
                """Voluntarios formados, muchos de ellos jubilados, ayudan uno a uno a las personas
                mayores con el móvil, la banca en línea, las aplicaciones de salud y las videollamadas,
                en bibliotecas y centros cívicos, a su propio ritmo.""",
            ),
            "pt": (
                "Companheiros digitais para os mais velhos {in_city}",
                """Voluntários formados, muitos deles reformados, ajudam individualmente as pessoas
                idosas com o telemóvel, o banco online, as aplicações de saúde e as videochamadas, nas
                bibliotecas e centros comunitários, ao ritmo de cada um.""",
            ),
        },
    ),
    practice(
        key="welcome-newcomers",
        language="en",
        countries=f"{_EUROPE} AU",
        title="Welcome programme for newcomer families {in_city}",
        summary="""Newly arrived families are welcomed at a single municipal centre, where they get
        language courses, school enrolment, help with housing and health, and a local volunteer
        family who introduces them to the city during their first year.""",
        context="""The arrival of refugee families after {year} found the city’s services unprepared:
        information was scattered, schools received pupils without notice and families waited months
        for language courses.""",
        objectives="""- Give every newcomer family clear information in their language.
        - Enrol children in school and parents in language courses within weeks.
        - Build social ties through local volunteer families.""",
        actions="""The welcome centre gathers staff from the social, education and employment
        departments, with interpreters for the main languages. Parents attend language courses with
        childcare, and each family is paired with a volunteer family for a year.""",
        results="""{families} families have been welcomed; children are now enrolled within
        {weeks} weeks on average. Volunteer pairings have led to many lasting friendships.""",
        lessons="""A single entry point saves time for families and services alike. Volunteer
        families need training and support too.""",
        themes="interculturality social_inclusion formal_education",
        targets="migrants families",
        sdgs="10 4 16",
        principles="3 17 7",
        departments="social education international",
        partners=[("{redcross}", "civil_society"), ("Refugee council", "civil_society")],
        budget="200k-1m",
        figures={"families": (150, 1300), "weeks": (2, 5)},
        translations={
            "fr": (
                "Programme d’accueil des familles nouvellement arrivées {in_city}",
                """Les familles nouvellement arrivées sont accueillies dans un centre municipal unique,
                où elles trouvent des cours de langue, l’inscription scolaire, une aide pour le logement
                et la santé, et une famille bénévole qui leur fait découvrir la ville pendant la
                première année.""",
            ),
            "es": (
                "Programa de acogida para familias recién llegadas {in_city}",
                """Las familias recién llegadas son recibidas en un centro municipal único, donde
                encuentran clases de idioma, matrícula escolar, ayuda con la vivienda y la salud, y una
                familia voluntaria que les presenta la ciudad durante el primer año.""",
            ),
            "pt": (
                "Programa de acolhimento de famílias recém-chegadas {in_city}",
                """As famílias recém-chegadas são acolhidas num centro municipal único, onde encontram
                aulas de língua, matrícula escolar, ajuda com a habitação e a saúde, e uma família
                voluntária que lhes apresenta a cidade durante o primeiro ano.""",
            ),
        },
    ),
    practice(
        key="equal-playgrounds",
        language="en",
        countries="SE FI NL DE CH BE",
        uses=3,
        title="Gender-aware schoolyards and parks {in_city}",
        summary="""Planners observed who uses the city’s schoolyards and parks and found girls
        leaving them from the age of ten. Redesigns with girls’ groups now add lighting, swings, stages,
        seating in circles and smaller courts to places that used to offer only football pitches.""",
        context="""A gender audit of public spaces carried out in {year} showed that most play and
        sports facilities were used by boys, and that girls and young women felt unwelcome or unsafe in
        parks after dark.""",
        objectives="""- Make schoolyards and parks welcoming to girls and young women.
        - Involve girls in planning the spaces they use.
        - Build gender awareness into standard planning practice.""",
        actions="""Planners run observation sessions and walks with groups of girls aged 10 to 18.
        Redesigns follow a checklist: visibility and lighting, a variety of activities, places to sit
        and talk, and several smaller courts instead of one large pitch.""",
        results="""{sites} sites have been redesigned. Follow-up counts show that girls’ presence
        doubled in most of them, without fewer boys.""",
        lessons="""Observation data convince decision-makers. The checklist is now part of every
        public-space project of the city.""",
        themes="gender_equality public_space sport",
        targets="women adolescents children",
        sdgs="5 11",
        principles="3 11",
        departments="urban_planning equality sport",
        partners=[("{university}", "university"), ("Girls’ youth clubs", "civil_society")],
        budget="200k-1m",
        figures={"sites": (5, 30)},
        translations={
            "fr": (
                "Cours d’école et parcs attentifs au genre {in_city}",
                """Les urbanistes ont observé qui utilise les cours d’école et les parcs et constaté
                que les filles les quittent dès dix ans. Les réaménagements conçus avec des groupes de
                filles ajoutent éclairage, balançoires, scènes, bancs en cercle et petits terrains là où
                il n’y avait que des terrains de football.""",
            ),
            "es": (
                "Patios y parques con perspectiva de género {in_city}",
                """Los urbanistas observaron quién usa los patios y parques de la ciudad y vieron que
                las niñas los abandonan a partir de los diez años. Los rediseños con grupos de chicas
                añaden iluminación, columpios, escenarios, bancos en círculo y pistas pequeñas donde
                antes solo había campos de fútbol.""",
            ),
            "pt": (
                "Recreios e parques atentos ao género {in_city}",
                """Os urbanistas observaram quem usa os recreios e parques da cidade e viram que as
                raparigas os abandonam a partir dos dez anos. As requalificações feitas com grupos de
                raparigas acrescentam iluminação, baloiços, palcos, bancos em círculo e campos
                pequenos onde antes só havia campos de futebol.""",
            ),
        },
    ),
    practice(
        key="heritage-classroom",
        language="en",
        countries="IT GR PL",
        title="Heritage as a classroom: pupils adopt a monument {in_city}",
        summary="""Each primary and lower secondary class adopts a monument, square or historic
        building of the city for a school year, studies it across subjects and presents it to the public
        as young guides on open-heritage days.""",
        context="""Children knew little about the history around them, and the city’s heritage was
        visited mostly by tourists. In {year} the culture department and the schools created a joint
        programme to make heritage part of everyday learning.""",
        objectives="""- Connect children with the history and heritage of their city.
        - Use heritage to teach history, art, science and languages.
        - Make young people ambassadors of their heritage.""",
        actions="""Classes choose a site from a list of {sites} monuments. Archaeologists, architects
        and archivists visit the classes, and pupils prepare guided tours, drawings and short videos.
        On the open-heritage weekend, the pupils guide residents and visitors.""",
        results="""{classes} classes have taken part; on the last open-heritage weekend pupils guided
        more than {visitors} visitors.""",
        lessons="""Pupils remember what they have to explain to others. The support of heritage
        professionals gives the work credibility.""",
        themes="culture formal_education citizenship",
        targets="children adolescents educators",
        sdgs="4 11",
        principles="6 10 4",
        departments="culture education",
        partners=[
            ("Archaeological superintendency", "public_body"),
            ("Local history society", "civil_society"),
        ],
        budget="10k-50k",
        figures={"sites": (20, 70), "classes": (60, 380), "visitors": (2000, 15000)},
        translations={
            "fr": (
                "Le patrimoine comme salle de classe : les élèves adoptent un monument {in_city}",
                """Chaque classe d’école et de collège adopte pendant une année un monument, une place
                ou un édifice historique de la ville, l’étudie dans toutes les disciplines et le
                présente au public en jeunes guides lors des journées du patrimoine.""",
            ),
            "es": (
                "El patrimonio como aula: el alumnado adopta un monumento {in_city}",
                """Cada grupo de primaria y secundaria adopta durante un curso un monumento, una plaza
                o un edificio histórico de la ciudad, lo estudia desde todas las materias y lo presenta
                al público como joven guía en las jornadas de puertas abiertas del patrimonio.""",
            ),
            "pt": (
                "O património como sala de aula: os alunos adotam um monumento {in_city}",
                """Cada turma do ensino básico adota durante um ano letivo um monumento, uma praça ou
                um edifício histórico da cidade, estuda-o em todas as disciplinas e apresenta-o ao
                público como jovem guia nas jornadas do património.""",
            ),
        },
    ),
    practice(
        key="family-learning",
        language="en",
        countries=f"{_EUROPE} {_ASIA} AU",
        title="Family learning: parents and children learning together {in_city}",
        summary="""Short courses bring parents and their children together in schools and libraries
        to learn side by side: reading, maths games, cooking, coding. Parents gain confidence to
        support their children and often return to learning themselves.""",
        context="""Teachers noticed that many parents felt unable to help with homework, often because
        of their own difficult schooling. In {year} the adult education service started family courses
        in the schools.""",
        objectives="""- Help parents support their children’s learning at home.
        - Re-engage parents with their own learning.
        - Strengthen links between families and schools.""",
        actions="""Courses run for six to ten weeks in {schools} schools and libraries, with part of
        each session for parents alone and part with the children. Tutors come from the adult education
        service; the school provides the room and contacts families.""",
        results="""{families} families have completed a course. One parent in {ratio} went on to
        another adult course, and teachers report better homework and attendance.""",
        lessons="""Holding the course in the child’s school is reassuring for parents. Keep it
        practical and fun: families come back when they enjoy it.""",
        themes="lifelong_learning formal_education early_childhood",
        targets="families children",
        sdgs="4 10",
        principles="1 2 15",
        departments="education culture",
        partners=[("Primary schools of the city", "school"), ("Adult education college", "school")],
        budget="10k-50k",
        figures={"schools": (5, 28), "families": (200, 1400), "ratio": (3, 5)},
        translations={
            "fr": (
                "Apprendre en famille : parents et enfants ensemble {in_city}",
                """Des cours courts réunissent parents et enfants dans les écoles et les
                bibliothèques pour apprendre côte à côte : lecture, jeux mathématiques, cuisine,
                programmation. Les parents prennent confiance pour accompagner leurs enfants et
                reprennent souvent eux-mêmes une formation.""",
            ),
            "es": (
                "Aprendizaje en familia: madres, padres e hijos aprenden juntos {in_city}",
                """Cursos breves reúnen a familias en escuelas y bibliotecas para aprender codo con
                codo: lectura, juegos matemáticos, cocina, programación. Los padres ganan confianza
                para apoyar a sus hijos y a menudo vuelven ellos mismos a estudiar.""",
            ),
            "pt": (
                "Aprender em família: pais e filhos a aprender juntos {in_city}",
                """Cursos curtos juntam pais e filhos em escolas e bibliotecas para aprender lado a
                lado: leitura, jogos matemáticos, culinária, programação. Os pais ganham confiança para
                apoiar os filhos e muitas vezes voltam eles próprios a estudar.""",
            ),
        },
    ),
    practice(
        key="youth-budget",
        language="en",
        countries="PL FI SE NL DE IT GR KR",
        title="Youth civic budget {of_city}",
        summary="""Young residents aged 13 to 25 decide how to spend part of the city budget: they
        submit ideas, check their cost with city officers, campaign for them and vote online and in
        schools. Winning projects are built the following year.""",
        context="""The city’s civic budget attracted few young voters and almost no proposals from
        young people. In {year} the council set aside a separate budget with rules designed with the
        youth council.""",
        objectives="""- Involve young people in decisions about public money.
        - Teach how local government works in practice.
        - Fund projects that young people need.""",
        actions="""The youth council and youth workers run idea workshops in schools and youth
        clubs. City officers help young proposers estimate costs. Voting lasts two weeks; any resident
        aged 13 to 25 may vote.""",
        results="""The last edition drew {votes} votes and funded {projects} projects, from outdoor
        gyms and study rooms to a mental-health helpline for students.""",
        lessons="""Fast delivery of the winning projects builds trust. Workshops in schools bring in
        young people who would never send a proposal on their own.""",
        themes="children_participation participation citizenship",
        targets="adolescents young_people",
        sdgs="16 11",
        principles="8 20 7",
        departments="youth participation",
        partners=[("Youth council", "civil_society"), ("Secondary schools of the city", "school")],
        budget="200k-1m",
        figures={"votes": (1800, 16000), "projects": (6, 30)},
        translations={
            "fr": (
                "Budget citoyen des jeunes {of_city}",
                """Les jeunes de 13 à 25 ans décident de l’usage d’une partie du budget de la ville :
                ils déposent des idées, en vérifient le coût avec les services, font campagne et votent
                en ligne et dans les établissements. Les projets lauréats sont réalisés l’année
                suivante.""",
            ),
            "es": (
                "Presupuesto cívico juvenil {of_city}",
                """Los jóvenes de 13 a 25 años deciden cómo gastar una parte del presupuesto
                municipal: presentan ideas, comprueban su coste con los técnicos, hacen campaña y votan
                en línea y en los centros educativos. Los proyectos ganadores se ejecutan al año
                siguiente.""",
            ),
            "pt": (
                "Orçamento cívico jovem {of_city}",
                """Os jovens dos 13 aos 25 anos decidem como gastar uma parte do orçamento da cidade:
                apresentam ideias, verificam o custo com os técnicos, fazem campanha e votam online e
                nas escolas. Os projetos vencedores são executados no ano seguinte.""",
            ),
        },
    ),
    practice(
        key="reading-buddies",
        language="en",
        countries=f"{_EUROPE} AU {_ASIA}",
        title="Reading buddies: volunteers reading with children {in_city}",
        summary="""Volunteer readers spend half an hour a week with the same child in primary school
        or at the library, reading together for pleasure. The programme targets children who are
        falling behind in reading and who have few books at home.""",
        context="""Reading tests in {year} showed a widening gap between neighbourhoods. Teachers
        had no time for individual reading with every child, and many families had no books at
        home.""",
        objectives="""- Give struggling readers regular one-to-one reading time.
        - Make reading a pleasure rather than a task.
        - Bring books into every home.""",
        actions="""The library recruits and trains {volunteers} volunteers of all ages, from students
        to retired residents. Each is paired with one child for a school year. Each child receives
        books to keep, and families are invited to library events.""",
        results="""{children} children have had a reading buddy. Teachers report that {percent}% of
        them improved their reading level during the year, and many families joined the library.""",
        lessons="""The same volunteer every week is what builds the relationship. The library is a
        natural coordinator between schools and volunteers.""",
        themes="formal_education culture intergenerational",
        targets="children families",
        sdgs="4 10",
        principles="1 4 19",
        departments="culture education",
        partners=[("Public libraries", "public_body"), ("Volunteer centre", "civil_society")],
        budget="lt10k",
        figures={"volunteers": (30, 160), "children": (150, 900), "percent": (65, 85)},
        translations={
            "fr": (
                "Parrains de lecture : des bénévoles lisent avec les enfants {in_city}",
                """Des lecteurs bénévoles passent une demi-heure par semaine avec le même enfant à
                l’école ou à la bibliothèque, pour lire ensemble par plaisir. Le programme s’adresse aux
                enfants en retard en lecture et qui ont peu de livres à la maison.""",
            ),
            "es": (
                "Padrinos de lectura: voluntarios que leen con niños {in_city}",
                """Lectores voluntarios pasan media hora a la semana con el mismo niño en la escuela o
                en la biblioteca, leyendo juntos por placer. El programa se dirige a niños con
                dificultades lectoras y pocos libros en casa.""",
            ),
            "pt": (
                "Padrinhos de leitura: voluntários que leem com crianças {in_city}",
                """Leitores voluntários passam meia hora por semana com a mesma criança na escola ou
                na biblioteca, a ler juntos por prazer. O programa destina-se a crianças com
                dificuldades de leitura e poucos livros em casa.""",
            ),
        },
    ),
    practice(
        key="inclusive-sport",
        language="en",
        countries=f"{_EUROPE} {_ASIA} AU",
        title="Sport for all abilities {in_city}",
        summary="""Sports clubs, special schools and the city’s sport department run mixed
        training sessions where children and young people with and without disabilities play
        together — basketball, swimming, athletics, boccia — with coaches trained in adapted
        sport.""",
        context="""Children with disabilities had very few chances to play sport outside school, and
        most clubs felt unprepared to welcome them. The city’s accessibility plan of {year} made
        inclusive sport a priority.""",
        objectives="""- Open regular club sport to children with disabilities.
        - Train coaches in adapted and inclusive sport.
        - Change attitudes through playing together.""",
        actions="""The city funds training for coaches from {clubs} clubs and adapted equipment
        lent between clubs. Mixed sessions run weekly, and a yearly inclusive games day brings all
        the teams together.""",
        results="""{athletes} children and young people with disabilities now train in regular
        clubs. Coaches and parents report more confidence, friendships and a better understanding of
        disability among teammates.""",
        lessons="""Coach training is the key investment. Sharing equipment among clubs keeps costs
        down.""",
        themes="sport social_inclusion health",
        targets="disabilities children adolescents",
        sdgs="3 10",
        principles="3 14 17",
        departments="sport social education",
        partners=[("Special Olympics", "civil_society"), ("Local sports clubs", "civil_society")],
        budget="10k-50k",
        figures={"clubs": (8, 40), "athletes": (60, 420)},
        translations={
            "fr": (
                "Le sport pour toutes les capacités {in_city}",
                """Des clubs, des écoles spécialisées et le service des sports organisent des
                entraînements mixtes où enfants et jeunes avec et sans handicap jouent ensemble —
                basket, natation, athlétisme, boccia — avec des entraîneurs formés au sport adapté.""",
            ),
            "es": (
                "Deporte para todas las capacidades {in_city}",
                """Clubes, escuelas de educación especial y el área de deportes organizan
                entrenamientos mixtos donde niños y jóvenes con y sin discapacidad juegan juntos
                —baloncesto, natación, atletismo, boccia— con entrenadores formados en deporte
                adaptado.""",
            ),
            "pt": (
                "Desporto para todas as capacidades {in_city}",
                """Clubes, escolas de ensino especial e o departamento de desporto organizam treinos
                mistos onde crianças e jovens com e sem deficiência jogam juntos — basquetebol,
                natação, atletismo, boccia — com treinadores formados em desporto adaptado.""",
            ),
        },
    ),
    practice(
        key="teen-museum-nights",
        language="en",
        countries=f"{_EUROPE} {_ASIA} AU",
        uses=3,
        title="Late nights at the museum for teenagers {in_city}",
        summary="""Once a month, the city museums stay open until midnight for young people aged 14 to
        19, with a programme curated by a youth panel: live music, games in the galleries, art
        workshops and talks with artists.""",
        context="""Visitor studies showed that teenagers were almost absent from the museums except
        on school trips. In {year} the museums set up a youth panel to change that.""",
        objectives="""- Make museums welcoming for teenagers outside school.
        - Give young people a say in cultural programming.
        - Connect collections with youth culture.""",
        actions="""A youth panel of {panel} members, renewed every year, plans the evenings with museum
        staff and is paid for its work. Entry is free and public transport runs later on those
        nights.""",
        results="""Each evening attracts around {visitors} young people, many of whom had never visited
        a museum outside school.""",
        lessons="""Programming with teenagers rather than for them is what works. Paying the youth
        panel shows that their work is valued.""",
        themes="culture children_participation",
        targets="adolescents",
        sdgs="4 10",
        principles="4 8",
        departments="culture youth",
        partners=[("City museums", "public_body"), ("Youth panel", "civil_society")],
        budget="10k-50k",
        figures={"panel": (10, 24), "visitors": (200, 1100)},
        translations={
            "fr": (
                "Soirées ados au musée {in_city}",
                """Une fois par mois, les musées de la ville restent ouverts jusqu’à minuit pour les
                14-19 ans, avec une programmation conçue par un panel de jeunes : musique live, jeux
                dans les salles, ateliers d’art et rencontres avec des artistes.""",
            ),
            "es": (
                "Noches en el museo para adolescentes {in_city}",
                """Una vez al mes, los museos de la ciudad abren hasta medianoche para jóvenes de 14 a
                19 años, con una programación de un panel juvenil: música en directo, juegos en las
                salas, talleres de arte y charlas con artistas.""",
            ),
            "pt": (
                "Noites no museu para adolescentes {in_city}",
                """Uma vez por mês, os museus da cidade ficam abertos até à meia-noite para jovens dos
                14 aos 19 anos, com uma programação criada por um painel juvenil: música ao vivo, jogos
                nas salas, oficinas de arte e conversas com artistas.""",
            ),
        },
    ),
]
