"""Practices written in Spanish (Spain and Latin America). Written by us for the demo."""

from educities.experiences.demo.practice import practice

_LATAM = "AR BO CL CO CR DO EC GT MX PE PY UY VE"

PRACTICES = [
    practice(
        key="consejo-infancia",
        language="es",
        countries="ES AR UY CL",
        uses=5,
        title="Consejo de la Infancia {of_city}",
        summary="""Niños y niñas de 9 a 14 años, elegidos en sus centros educativos, forman un órgano
        estable de participación que asesora al pleno municipal. Cada año elaboran un informe con
        propuestas que el alcalde responde públicamente.""",
        context="""El plan local de infancia y adolescencia aprobado en {year} reconocía el derecho de
        los niños a ser escuchados, pero no existía ningún cauce estable para ello. El consejo nació
        para dar forma a ese derecho.""",
        objectives="""- Garantizar el derecho de la infancia a participar en los asuntos que le
        afectan.
        - Incorporar la mirada infantil a las políticas municipales.
        - Formar en valores democráticos a través de la práctica.""",
        actions="""El consejo cuenta con {members} consejeros de {schools} centros, renovados por
        mitades cada año. Se reúne cada dos semanas con dos educadores municipales y trabaja por
        comisiones. Una vez al año celebra un pleno infantil en el salón de plenos, con la asistencia
        del alcalde y los concejales.

        - Diagnóstico anual del barrio con fotografías y mapas.
        - Consultas a otros niños en los recreos.
        - Seguimiento público de las respuestas municipales.""",
        results="""Desde su creación, el consejo ha presentado {proposals} propuestas; {accepted}
        ya se han ejecutado, como la reforma de parques, la mejora de la iluminación de los caminos
        escolares o la gratuidad de las piscinas en verano para menores.""",
        lessons="""La clave es la devolución: los niños deben saber qué pasó con cada propuesta. El
        consejo necesita educadores estables y un compromiso político explícito.""",
        themes="children_participation citizenship",
        targets="children adolescents",
        sdgs="16 4 11",
        principles="8 20 11",
        departments="childhood participation education",
        partners=[
            ("UNICEF – Ciudades Amigas de la Infancia", "international"),
            ("Centros educativos de la ciudad", "school"),
        ],
        budget="10k-50k",
        figures={"members": (20, 40), "schools": (8, 30), "proposals": (30, 90), "accepted": (12, 28)},
        translations={
            "en": (
                "Children’s Council {of_city}",
                """Children aged 9 to 14, elected in their schools, form a standing participation body
                that advises the city council. Each year they write a report with proposals, to which the
                mayor responds in public.""",
            ),
            "fr": (
                "Conseil de l’enfance {of_city}",
                """Des enfants de 9 à 14 ans, élus dans leurs établissements, forment une instance
                permanente de participation qui conseille le conseil municipal. Chaque année, ils
                rédigent un rapport de propositions auquel le maire répond publiquement.""",
            ),
            "pt": (
                "Conselho da Infância {of_city}",
                """Crianças dos 9 aos 14 anos, eleitas nas suas escolas, formam um órgão permanente de
                participação que aconselha a assembleia municipal. Todos os anos elaboram um relatório
                com propostas, a que o presidente da câmara responde publicamente.""",
            ),
        },
    ),
    practice(
        key="camino-escolar",
        language="es",
        countries="ES MX CO AR CL",
        uses=5,
        title="Camino escolar seguro {of_city}",
        summary="""Escuelas, familias, policía local y comercios crean itinerarios seguros para que
        los niños vayan andando solos a la escuela. Los propios alumnos estudian sus recorridos y
        proponen cambios, y los comercios adheridos hacen de refugio si algo ocurre.""",
        context="""En {year}, un estudio de movilidad mostró que la mayoría de los alumnos de primaria
        iban a la escuela en coche acompañados por un adulto, aunque vivían a menos de un kilómetro.
        Las familias citaban el tráfico y la inseguridad como motivos.""",
        objectives="""- Que niños y niñas recuperen la autonomía para ir solos a la escuela.
        - Reducir el tráfico y mejorar la seguridad vial en los entornos escolares.
        - Implicar a todo el barrio en el cuidado de la infancia.""",
        actions="""Cada centro forma una comisión con familias, docentes, alumnos y técnicos
        municipales. El alumnado mapea sus recorridos y señala los puntos peligrosos; el
        ayuntamiento actúa sobre ellos con pasos elevados, aceras más anchas y zonas 30.

        - Distintivo para los {shops} comercios «amigos del camino escolar».
        - Talleres de educación vial en las aulas.
        - Días sin coche en los accesos a las escuelas.""",
        results="""Hoy hay caminos escolares en {schools} centros. El porcentaje de alumnos que van
        andando solos pasó del {before} % al {after} % en cuatro cursos, y no se ha registrado ningún
        accidente grave en los itinerarios.""",
        lessons="""El camino escolar es un proyecto de barrio, no solo de tráfico. Las obras pedidas
        por los niños dan credibilidad al proyecto; el apoyo de los comercios tranquiliza a las
        familias.""",
        themes="mobility children_participation public_space",
        targets="children families",
        sdgs="3 11 13",
        principles="11 8 14",
        departments="mobility education safety",
        partners=[
            ("Asociaciones de madres y padres del alumnado (AMPA)", "civil_society"),
            ("Asociación de comerciantes {of_city}", "business"),
            ("Policía local", "public_body"),
        ],
        budget="50k-200k",
        figures={"shops": (40, 220), "schools": (6, 35), "before": (6, 14), "after": (24, 41)},
        translations={
            "en": (
                "Safe routes to school {in_city}",
                """Schools, families, the local police and shops create safe routes so that children
                can walk to school on their own. Pupils study their routes and propose changes, and the
                participating shops offer a safe haven if anything happens.""",
            ),
            "fr": (
                "Chemins de l’école sûrs {in_city}",
                """Les écoles, les familles, la police municipale et les commerces créent des
                itinéraires sûrs pour que les enfants aillent seuls à pied à l’école. Les élèves
                étudient leurs trajets et proposent des changements, et les commerces partenaires
                servent de refuge en cas de besoin.""",
            ),
            "pt": (
                "Caminho seguro para a escola {in_city}",
                """Escolas, famílias, polícia municipal e comércio criam percursos seguros para que
                as crianças vão sozinhas a pé para a escola. Os alunos estudam os seus trajetos e
                propõem mudanças, e as lojas aderentes servem de refúgio se algo acontecer.""",
            ),
        },
        full={
            "en": {
                "context": """In {year} a mobility study showed that most primary pupils were driven
                to school by an adult, although they lived less than a kilometre away. Families gave
                traffic and safety as their reasons.""",
                "objectives": """- Give children back the freedom to walk to school on their own.
                - Reduce traffic and improve road safety around schools.
                - Involve the whole neighbourhood in looking after children.""",
                "actions": """Each school sets up a committee of families, teachers, pupils and city
                officers. Pupils map their routes and point out the dangerous spots; the city deals
                with them through raised crossings, wider pavements and 30 km/h zones.

                - A sticker for the {shops} shops that are “friends of the school route”.
                - Road-safety workshops in class.
                - Car-free days at the school gates.""",
                "results": """Today {schools} schools have safe routes. The share of pupils walking
                on their own rose from {before}% to {after}% in four school years, and no serious
                accident has occurred on the routes.""",
                "lessons": """A school route is a neighbourhood project, not just a traffic measure.
                Works requested by the children make the project credible; the shops’ support
                reassures families.""",
            },
            "fr": {
                "context": """En {year}, une étude de mobilité a montré que la plupart des élèves de
                l’école élémentaire étaient conduits en voiture par un adulte, alors qu’ils habitaient
                à moins d’un kilomètre. Les familles invoquaient la circulation et l’insécurité.""",
                "objectives": """- Rendre aux enfants l’autonomie d’aller seuls à l’école.
                - Réduire la circulation et améliorer la sécurité routière aux abords des écoles.
                - Associer tout le quartier à la protection des enfants.""",
                "actions": """Chaque école forme une commission avec des familles, des enseignants,
                des élèves et des techniciens municipaux. Les élèves cartographient leurs trajets et
                signalent les points dangereux ; la ville les traite avec des plateaux surélevés, des
                trottoirs élargis et des zones 30.

                - Un label pour les {shops} commerces « amis du chemin de l’école ».
                - Des ateliers d’éducation routière en classe.
                - Des journées sans voiture devant les écoles.""",
                "results": """Aujourd’hui, {schools} écoles ont des chemins sûrs. La part des élèves
                qui vont seuls à pied à l’école est passée de {before} % à {after} % en quatre années
                scolaires, et aucun accident grave n’a eu lieu sur les itinéraires.""",
                "lessons": """Le chemin de l’école est un projet de quartier, pas seulement de
                circulation. Les travaux demandés par les enfants donnent sa crédibilité au projet ;
                le soutien des commerçants rassure les familles.""",
            },
        },
    ),
    practice(
        key="patios-coeducativos",
        language="es",
        countries="ES",
        uses=5,
        title="Patios coeducativos {in_city}",
        summary="""Los patios escolares se rediseñan con el alumnado para romper la centralidad del
        campo de fútbol y ofrecer espacios de juego diversos, naturaleza y zonas de calma, de modo que
        niñas y niños compartan el espacio en igualdad.""",
        context="""Las observaciones realizadas en {year} en los patios mostraron que el fútbol
        ocupaba cerca del 80 % del espacio, casi siempre por parte de niños, mientras las niñas
        quedaban en los márgenes. El patio educa, también en desigualdad.""",
        objectives="""- Repartir el espacio de juego de forma equitativa.
        - Diversificar los juegos y acercar la naturaleza al patio.
        - Formar al profesorado y monitores en coeducación.""",
        actions="""Cada transformación sigue un proceso participativo de un curso: observación del
        patio, asambleas de alumnado, maquetas y propuesta final. Las obras incluyen arenero,
        vegetación, estructuras de juego libre, pizarras, sombras y pistas polivalentes de menor
        tamaño.""",
        results="""Se han transformado {yards} patios. Las observaciones posteriores muestran un uso
        mucho más equilibrado del espacio y menos conflictos según el profesorado de los
        centros.""",
        lessons="""La obra sola no basta: hay que acompañar al profesorado y a los monitores de
        comedor. Participar en el diseño hace que el alumnado cuide el patio.""",
        themes="gender_equality public_space formal_education",
        targets="children educators",
        sdgs="5 4 11",
        principles="3 11 12",
        departments="education equality urban_planning",
        partners=[("Col·lectiu Punt 6", "civil_society"), ("{university}", "university")],
        budget="200k-1m",
        start_years=(2016, 2024),
        figures={"yards": (4, 40)},
        translations={
            "en": (
                "Co-educational schoolyards {in_city}",
                """Schoolyards are redesigned with the pupils to end the dominance of the football
                pitch and offer varied play areas, nature and quiet zones, so that girls and boys share
                the space as equals.""",
            ),
            "fr": (
                "Cours d’école coéducatives {in_city}",
                """Les cours d’école sont réaménagées avec les élèves pour mettre fin à la domination
                du terrain de football et offrir des espaces de jeu variés, de la nature et des coins
                calmes, afin que filles et garçons partagent l’espace à égalité.""",
            ),
            "pt": (
                "Recreios coeducativos {in_city}",
                """Os recreios escolares são redesenhados com os alunos para acabar com a
                centralidade do campo de futebol e oferecer espaços de jogo variados, natureza e zonas
                calmas, para que raparigas e rapazes partilhem o espaço em igualdade.""",
            ),
        },
    ),
    practice(
        key="presupuestos-jovenes",
        language="es",
        countries="ES AR UY CL MX",
        title="Presupuestos participativos jóvenes {of_city}",
        summary="""Adolescentes y jóvenes de 12 a 30 años proponen y votan proyectos para la ciudad con
        una partida reservada del presupuesto municipal. Los centros de secundaria integran el proceso
        en la asignatura de ciudadanía.""",
        context="""En los presupuestos participativos generales votaban sobre todo personas adultas.
        En {year}, el área de juventud diseñó con el consejo de la juventud un proceso propio.""",
        objectives="""- Acercar la gestión pública a la juventud.
        - Financiar proyectos pensados por y para jóvenes.
        - Aprender a deliberar y a defender una propuesta.""",
        actions="""El proceso anual tiene cuatro fases: propuestas (en línea y en institutos), estudio
        técnico con los proponentes, campaña y votación. La partida es de {budget} mil euros
        anuales.""",
        results="""En la última edición votaron {votes} jóvenes y se aprobaron {projects} proyectos:
        salas de estudio 24 horas, un festival de música joven, pistas deportivas y una campaña de
        salud emocional.""",
        lessons="""Integrar el proceso en el currículo de secundaria multiplica la participación. La
        ejecución rápida de los proyectos es la mejor campaña para la edición siguiente.""",
        themes="children_participation participation citizenship",
        targets="adolescents young_people",
        sdgs="16 11 10",
        principles="8 20",
        departments="youth participation education",
        partners=[
            ("Consejo de la Juventud {of_city}", "civil_society"),
            ("Institutos de educación secundaria", "school"),
        ],
        budget="200k-1m",
        figures={"budget": (60, 500), "votes": (1500, 12000), "projects": (5, 25)},
        translations={
            "en": (
                "Youth participatory budgets {of_city}",
                """Young people aged 12 to 30 propose and vote on projects for the city with a share of
                the municipal budget set aside for them. Secondary schools build the process into their
                citizenship classes.""",
            ),
            "fr": (
                "Budgets participatifs jeunes {of_city}",
                """Adolescents et jeunes de 12 à 30 ans proposent et votent des projets pour la ville
                avec une part réservée du budget municipal. Les établissements secondaires intègrent la
                démarche au cours d’éducation civique.""",
            ),
            "pt": (
                "Orçamentos participativos jovens {of_city}",
                """Adolescentes e jovens dos 12 aos 30 anos propõem e votam projetos para a cidade com
                uma verba reservada do orçamento municipal. As escolas secundárias integram o processo
                na disciplina de cidadania.""",
            ),
        },
    ),
    practice(
        key="huertos-escolares",
        language="es",
        countries=f"ES {_LATAM}",
        uses=5,
        title="Red de huertos escolares {of_city}",
        summary="""Una red municipal de huertos escolares ecológicos acompaña a los centros con
        formación, semillas y asesoría técnica. El huerto se convierte en un recurso para todas las
        asignaturas y en un punto de encuentro con las familias.""",
        context="""Varios centros habían creado huertos por su cuenta, pero muchos se abandonaban al
        cambiar el profesorado. En {year}, el área de medio ambiente creó una red para darles
        continuidad.""",
        objectives="""- Consolidar huertos ecológicos en todos los centros que lo deseen.
        - Usar el huerto como recurso pedagógico transversal.
        - Fomentar una alimentación saludable y sostenible.""",
        actions="""La red ofrece formación al profesorado, un técnico que visita los centros, un banco
        de semillas locales y encuentros anuales de intercambio. Las familias y personas mayores
        voluntarias se encargan del huerto en verano.""",
        results="""La red reúne hoy {schools} centros y {pupils} alumnos. El compost producido en los
        centros evita cada año unas {tonnes} toneladas de residuos.""",
        lessons="""Una red da continuidad allí donde un proyecto aislado se pierde. Vincular el huerto
        al comedor escolar refuerza su sentido.""",
        themes="sustainability formal_education health",
        targets="children educators families",
        sdgs="4 12 13 2",
        principles="13 14 6",
        departments="environment education",
        partners=[("{university}", "university"), ("Asociación de agricultura ecológica", "civil_society")],
        budget="10k-50k",
        figures={"schools": (8, 50), "pupils": (1500, 14000), "tonnes": (4, 30)},
        translations={
            "en": (
                "School gardens network {of_city}",
                """A municipal network of organic school gardens supports schools with training, seeds
                and technical advice. The garden becomes a resource for every subject and a meeting
                point with families.""",
            ),
            "fr": (
                "Réseau de potagers scolaires {of_city}",
                """Un réseau municipal de potagers scolaires biologiques accompagne les écoles avec de
                la formation, des semences et des conseils techniques. Le potager devient une ressource
                pour toutes les matières et un lieu de rencontre avec les familles.""",
            ),
            "pt": (
                "Rede de hortas escolares {of_city}",
                """Uma rede municipal de hortas escolares biológicas apoia as escolas com formação,
                sementes e assessoria técnica. A horta torna-se um recurso para todas as disciplinas e
                um ponto de encontro com as famílias.""",
            ),
        },
    ),
    practice(
        key="parques-biblioteca",
        language="es",
        countries="CO MX PE EC",
        title="Parques biblioteca en los barrios {of_city}",
        summary="""Grandes equipamientos culturales construidos en los barrios más vulnerables
        combinan biblioteca, auditorio, salas de informática, ludoteca y espacio público. Son a la vez
        un símbolo de transformación urbana y un centro de vida comunitaria.""",
        context="""Los barrios de las laderas llevaban décadas sin equipamientos públicos de calidad y
        con altos índices de violencia. En {year}, la alcaldía decidió que los mejores edificios de la
        ciudad se construirían allí.""",
        objectives="""- Llevar la cultura y el conocimiento a los barrios más excluidos.
        - Crear espacios públicos seguros y de encuentro.
        - Acompañar la transformación urbana con programas educativos.""",
        actions="""Cada parque biblioteca se diseñó con talleres comunitarios. Ofrece préstamo de
        libros, formación digital, ludoteca para la primera infancia, clubes de lectura, cine y
        programas de memoria barrial. Un comité de usuarios participa en la programación.""",
        results="""Los {parks} parques biblioteca reciben en conjunto más de {visits} visitas al año.
        Los barrios donde se ubican han mejorado sus indicadores de convivencia.""",
        lessons="""La calidad arquitectónica importa: dice a los vecinos que merecen lo mejor. Sin
        programación y personal estable, el edificio no basta.""",
        themes="culture public_space social_inclusion",
        targets="general_public children young_people",
        sdgs="4 11 16 10",
        principles="4 12 17",
        departments="culture urban_planning education",
        partners=[
            ("Sistema de bibliotecas públicas", "public_body"),
            ("Cajas de compensación familiar", "foundation"),
        ],
        budget="gt1m",
        uses=3,
        figures={"parks": (3, 10), "visits": (600000, 3000000)},
        translations={
            "en": (
                "Library parks in the neighbourhoods {of_city}",
                """Large cultural buildings in the most vulnerable neighbourhoods combine a library,
                an auditorium, computer rooms, a toy library and public space. They are both a symbol of
                urban change and a centre of community life.""",
            ),
            "fr": (
                "Parcs-bibliothèques dans les quartiers {of_city}",
                """De grands équipements culturels construits dans les quartiers les plus vulnérables
                réunissent bibliothèque, auditorium, salles informatiques, ludothèque et espace public.
                Ils sont à la fois le symbole de la transformation urbaine et un centre de vie
                collective.""",
            ),
            "pt": (
                "Parques-biblioteca nos bairros {of_city}",
                """Grandes equipamentos culturais construídos nos bairros mais vulneráveis juntam
                biblioteca, auditório, salas de informática, ludoteca e espaço público. São ao mesmo
                tempo um símbolo da transformação urbana e um centro de vida comunitária.""",
            ),
        },
    ),
    practice(
        key="vivienda-intergeneracional",
        language="es",
        countries="ES",
        title="Viviendas intergeneracionales {in_city}",
        summary="""Un edificio municipal de alquiler asequible combina apartamentos para personas
        mayores y para jóvenes, que se comprometen a dedicar unas horas semanales a actividades de
        buena vecindad: acompañamiento, talleres y ayuda mutua.""",
        context="""Muchas personas mayores vivían solas en viviendas sin ascensor y los jóvenes no
        podían emanciparse por el precio del alquiler. En {year}, el área de vivienda diseñó un modelo
        que respondiera a ambas necesidades.""",
        objectives="""- Ofrecer vivienda accesible y adaptada a personas mayores.
        - Facilitar la emancipación de jóvenes.
        - Crear una comunidad de apoyo mutuo entre generaciones.""",
        actions="""El edificio cuenta con {flats} apartamentos y espacios comunes: sala polivalente,
        lavandería, huerto en la azotea. Los jóvenes, seleccionados por su proyecto de voluntariado,
        organizan actividades con los mayores. Una educadora municipal dinamiza la comunidad.""",
        results="""Los residentes mayores valoran con un {score} sobre 10 su calidad de vida y las
        visitas a urgencias por caídas se han reducido. La lista de espera supera las
        {waiting} solicitudes.""",
        lessons="""La convivencia necesita acompañamiento profesional, sobre todo al principio. El
        modelo se está replicando en otras promociones municipales.""",
        themes="intergenerational social_inclusion",
        targets="older_people young_people",
        sdgs="11 10 3",
        principles="5 17 12",
        departments="housing older_people youth social",
        partners=[("Empresa municipal de vivienda", "public_body"), ("{university}", "university")],
        budget="gt1m",
        uses=4,
        figures={"flats": (40, 90), "score": (8, 9), "waiting": (300, 1200)},
        translations={
            "en": (
                "Intergenerational housing {in_city}",
                """A municipal affordable-rent building combines flats for older people and for young
                people, who commit to a few hours a week of good-neighbour activities: company,
                workshops and mutual help.""",
            ),
            "fr": (
                "Logements intergénérationnels {in_city}",
                """Un immeuble municipal à loyer abordable réunit des appartements pour des personnes
                âgées et pour des jeunes, qui s’engagent à consacrer quelques heures par semaine à des
                activités de bon voisinage : présence, ateliers et entraide.""",
            ),
            "pt": (
                "Habitação intergeracional {in_city}",
                """Um edifício municipal de renda acessível junta apartamentos para pessoas idosas e
                para jovens, que se comprometem a dedicar algumas horas por semana a atividades de boa
                vizinhança: companhia, oficinas e entreajuda.""",
            ),
        },
    ),
    practice(
        key="acogida-migrantes",
        language="es",
        countries="ES CL AR CR",
        title="Programa de acogida a familias migrantes {in_city}",
        summary="""Un servicio municipal de acogida orienta a las familias recién llegadas: empadronamiento,
        escolarización de los hijos, acceso a la salud, clases de castellano y conocimiento del
        entorno. Mentores voluntarios del barrio acompañan a cada familia.""",
        context="""La llegada de familias de otros países creció rápidamente desde {year}. Los
        servicios municipales atendían a las familias de forma fragmentada y los centros educativos
        recibían alumnado sin información previa.""",
        objectives="""- Ofrecer una primera acogida integral y en la lengua de la familia.
        - Escolarizar a los menores en el menor tiempo posible.
        - Favorecer la participación de las familias en la vida del barrio.""",
        actions="""El servicio cuenta con {mediators} mediadores interculturales que hablan las
        principales lenguas de origen. Organiza sesiones de acogida, cursos de lengua con servicio de
        guardería y un programa de mentoría en el que vecinos voluntarios acompañan a una familia
        durante seis meses.""",
        results="""Desde {year} se han acogido {families} familias. El tiempo medio de escolarización
        se ha reducido a {days} días y la mayoría de las familias mantiene el contacto con su
        mentor.""",
        lessons="""La mediación intercultural es imprescindible. Las mentorías vecinales generan
        vínculos que ningún servicio puede crear por sí solo.""",
        themes="interculturality social_inclusion citizenship",
        targets="migrants families",
        sdgs="10 16 4",
        principles="3 17 7",
        departments="social education international",
        partners=[("{redcross}", "civil_society"), ("Asociaciones de personas migrantes", "civil_society")],
        budget="200k-1m",
        figures={"mediators": (3, 12), "families": (300, 2500), "days": (8, 20)},
        translations={
            "en": (
                "Welcome programme for migrant families {in_city}",
                """A municipal welcome service guides newly arrived families: registering as residents,
                enrolling the children in school, accessing health care, Spanish classes and getting to
                know the area. Volunteer mentors from the neighbourhood accompany each family.""",
            ),
            "fr": (
                "Programme d’accueil des familles migrantes {in_city}",
                """Un service municipal d’accueil oriente les familles nouvellement arrivées :
                inscription au registre de la commune, scolarisation des enfants, accès aux soins, cours
                d’espagnol et découverte du quartier. Des mentors bénévoles du quartier accompagnent
                chaque famille.""",
            ),
            "pt": (
                "Programa de acolhimento de famílias migrantes {in_city}",
                """Um serviço municipal de acolhimento orienta as famílias recém-chegadas: registo no
                município, matrícula dos filhos na escola, acesso à saúde, aulas de espanhol e
                conhecimento do bairro. Mentores voluntários do bairro acompanham cada família.""",
            ),
        },
    ),
    practice(
        key="orquestas-barrio",
        language="es",
        countries=f"ES {_LATAM}",
        uses=5,
        title="Orquestas infantiles y juveniles en los barrios {of_city}",
        summary="""Niños y jóvenes de barrios con menos oportunidades aprenden música en orquestas y
        coros gratuitos que ensayan en sus escuelas varias tardes por semana. La práctica colectiva
        refuerza la disciplina, la autoestima y la convivencia.""",
        context="""Inspirado en el Sistema de Orquestas de Venezuela, el programa nació en {year} en
        dos barrios con altas tasas de abandono escolar, donde la oferta cultural era casi
        inexistente.""",
        objectives="""- Garantizar el acceso a la educación musical a niños de barrios vulnerables.
        - Mejorar la autoestima y el rendimiento escolar.
        - Implicar a las familias a través de los conciertos.""",
        actions="""Profesores de la escuela municipal de música dan clase en los centros {hours}
        horas semanales. Los instrumentos se prestan. Hay conciertos trimestrales en los barrios y un
        gran concierto anual en el teatro municipal.""",
        results="""Participan {children} niños y jóvenes en {groups} agrupaciones. Los centros
        señalan mejoras en la asistencia y la concentración, y varios exalumnos estudian hoy en el
        conservatorio.""",
        lessons="""La continuidad del profesorado y el préstamo de instrumentos son esenciales. Los
        conciertos transforman la mirada del barrio sobre sus jóvenes.""",
        themes="culture social_inclusion",
        targets="children adolescents families",
        sdgs="4 10",
        principles="4 17",
        departments="culture education social",
        partners=[("Escuela municipal de música", "school"), ("Fundación privada local", "foundation")],
        budget="200k-1m",
        figures={"hours": (6, 12), "children": (120, 900), "groups": (3, 14)},
        translations={
            "en": (
                "Children’s and youth orchestras in the neighbourhoods {of_city}",
                """Children and young people from neighbourhoods with fewer opportunities learn music
                in free orchestras and choirs that rehearse at their schools several afternoons a week.
                Playing together builds discipline, self-esteem and good relations.""",
            ),
            "fr": (
                "Orchestres d’enfants et de jeunes dans les quartiers {of_city}",
                """Des enfants et des jeunes de quartiers moins favorisés apprennent la musique dans
                des orchestres et des chœurs gratuits qui répètent dans leurs écoles plusieurs
                après-midi par semaine. La pratique collective renforce la discipline, l’estime de soi
                et le vivre-ensemble.""",
            ),
            "pt": (
                "Orquestras infantis e juvenis nos bairros {of_city}",
                """Crianças e jovens de bairros com menos oportunidades aprendem música em orquestras
                e coros gratuitos que ensaiam nas suas escolas várias tardes por semana. A prática
                coletiva reforça a disciplina, a autoestima e a convivência.""",
            ),
        },
    ),
    practice(
        key="lanzaderas-empleo",
        language="es",
        countries="ES",
        title="Lanzaderas de empleo para jóvenes {in_city}",
        summary="""Grupos de veinte jóvenes en desempleo trabajan juntos durante cinco meses, con una
        persona técnica, para mejorar sus competencias, conocer el mercado laboral local y buscar
        empleo en equipo. El grupo se convierte en red de apoyo.""",
        context="""El paro juvenil en la ciudad duplicaba la media y muchos jóvenes habían abandonado
        la búsqueda de empleo. En {year}, el área de empleo puso en marcha un modelo de búsqueda en
        equipo.""",
        objectives="""- Reactivar a jóvenes desanimados en su búsqueda de empleo.
        - Desarrollar competencias transversales: comunicación, trabajo en equipo, autoconocimiento.
        - Conectar a los jóvenes con las empresas del territorio.""",
        actions="""Cada lanzadera reúne a veinte jóvenes con perfiles diversos. Trabajan cuatro
        mañanas por semana: entrevistas simuladas, mapas de empleabilidad, visitas a empresas y
        procesos de selección reales con {companies} empresas colaboradoras.""",
        results="""Desde {year} han participado {young} jóvenes; el {percent} % encontró empleo o
        retomó estudios en los seis meses siguientes.""",
        lessons="""El grupo motiva más que la orientación individual. Implicar a las empresas desde el
        inicio abre puertas reales.""",
        themes="employment social_inclusion",
        targets="young_people at_risk",
        sdgs="8 4 10",
        principles="16 17",
        departments="employment youth",
        partners=[
            ("Fundación Santa María la Real", "foundation"),
            ("Servicio público de empleo", "public_body"),
        ],
        budget="50k-200k",
        figures={"companies": (20, 120), "young": (200, 1400), "percent": (55, 72)},
        translations={
            "en": (
                "Job-seeking teams for young people {in_city}",
                """Groups of twenty unemployed young people work together for five months with a coach
                to build their skills, get to know the local job market and look for work as a team.
                The group becomes a support network.""",
            ),
            "fr": (
                "Équipes de recherche d’emploi pour les jeunes {in_city}",
                """Des groupes de vingt jeunes sans emploi travaillent ensemble pendant cinq mois avec
                un accompagnateur pour développer leurs compétences, connaître le marché du travail
                local et chercher un emploi en équipe. Le groupe devient un réseau de soutien.""",
            ),
            "pt": (
                "Equipas de procura de emprego para jovens {in_city}",
                """Grupos de vinte jovens desempregados trabalham juntos durante cinco meses com um
                técnico para melhorar as suas competências, conhecer o mercado de trabalho local e
                procurar emprego em equipa. O grupo torna-se uma rede de apoio.""",
            ),
        },
    ),
    practice(
        key="alfabetizacion-adultos",
        language="es",
        countries="MX GT BO PE EC DO VE PY",
        uses=5,
        title="Círculos de alfabetización de personas adultas {in_city}",
        summary="""Círculos de estudio en casas comunales, escuelas y parroquias enseñan a leer,
        escribir y calcular a personas adultas, con facilitadores de la propia comunidad y materiales
        basados en la vida cotidiana. Al terminar, los participantes pueden continuar la primaria.""",
        context="""El censo de {year} mostraba que muchas personas adultas del municipio, sobre todo
        mujeres y población rural e indígena, no sabían leer ni escribir. La oferta existente estaba
        lejos y en horarios imposibles.""",
        objectives="""- Alfabetizar a personas adultas cerca de su casa.
        - Respetar y valorar las lenguas originarias.
        - Dar continuidad educativa hasta completar la primaria.""",
        actions="""Los {circles} círculos funcionan en horario de tarde con grupos de diez a quince
        personas. Los facilitadores, formados por el municipio, usan materiales bilingües cuando hace
        falta. Se ofrece revisión de la vista y anteojos gratuitos.""",
        results="""Desde {year}, {learners} personas han participado y el {percent} % completó el
        proceso de alfabetización. Muchas mujeres han asumido después cargos en juntas vecinales.""",
        lessons="""Los facilitadores de la comunidad generan confianza. La revisión visual es un
        detalle decisivo para evitar el abandono.""",
        themes="lifelong_learning social_inclusion gender_equality",
        targets="women at_risk older_people",
        sdgs="4 5 10",
        principles="1 3 18",
        departments="education social",
        partners=[
            ("Instituto nacional de educación de adultos", "public_body"),
            ("Parroquias y juntas vecinales", "civil_society"),
        ],
        budget="10k-50k",
        figures={"circles": (15, 90), "learners": (400, 3200), "percent": (58, 80)},
        translations={
            "en": (
                "Adult literacy circles {in_city}",
                """Study circles in community halls, schools and parishes teach adults to read, write
                and count, with facilitators from the community and materials drawn from daily life.
                Afterwards, participants can go on to complete primary education.""",
            ),
            "fr": (
                "Cercles d’alphabétisation des adultes {in_city}",
                """Des cercles d’étude installés dans des maisons communales, des écoles et des
                paroisses apprennent à lire, écrire et compter à des adultes, avec des animateurs de la
                communauté et des supports tirés de la vie quotidienne. Ensuite, les participants
                peuvent terminer l’école primaire.""",
            ),
            "pt": (
                "Círculos de alfabetização de adultos {in_city}",
                """Círculos de estudo em casas comunitárias, escolas e paróquias ensinam adultos a
                ler, escrever e contar, com facilitadores da própria comunidade e materiais tirados do
                dia a dia. No fim, os participantes podem continuar até concluir o ensino primário.""",
            ),
        },
    ),
    practice(
        key="mayores-digitales",
        language="es",
        countries=f"ES {_LATAM}",
        uses=5,
        title="Mayores conectados: inclusión digital de personas mayores {in_city}",
        summary="""Talleres gratuitos en centros de mayores y bibliotecas enseñan a usar el móvil, la
        cita médica en línea, la banca digital y las videollamadas. Alumnos de secundaria participan
        como voluntarios y se crean lazos entre generaciones.""",
        context="""La digitalización de trámites y servicios durante la pandemia dejó a muchas
        personas mayores sin acceso a citas médicas o ayudas. En {year}, el ayuntamiento lanzó un
        plan de inclusión digital para ellas.""",
        objectives="""- Dar autonomía digital a las personas mayores.
        - Prevenir fraudes y estafas en línea.
        - Promover la relación entre jóvenes y mayores.""",
        actions="""Los talleres se organizan en {places} espacios, en grupos reducidos, con el propio
        móvil de cada participante. Estudiantes de secundaria y universidad participan como
        voluntarios; su labor se reconoce como aprendizaje-servicio.""",
        results="""{seniors} personas mayores han participado; el {percent} % afirma poder pedir cita
        médica sin ayuda. Los voluntarios destacan lo que han aprendido de los mayores.""",
        lessons="""Aprender con el propio dispositivo es mucho más eficaz. La relación entre
        generaciones es un resultado en sí mismo.""",
        themes="digital intergenerational",
        targets="older_people adolescents",
        sdgs="4 10 9",
        principles="5 7 1",
        departments="older_people digital education",
        partners=[
            ("Institutos de secundaria", "school"),
            ("Asociación de personas mayores", "civil_society"),
        ],
        budget="lt10k",
        start_years=(2020, 2024),
        figures={"places": (4, 20), "seniors": (250, 2000), "percent": (60, 88)},
        translations={
            "en": (
                "Connected seniors: digital inclusion for older people {in_city}",
                """Free workshops in senior centres and libraries teach how to use a smartphone, book a
                doctor’s appointment online, use online banking and make video calls. Secondary pupils
                volunteer, and bonds grow between generations.""",
            ),
            "fr": (
                "Aînés connectés : inclusion numérique des personnes âgées {in_city}",
                """Des ateliers gratuits dans les clubs d’aînés et les bibliothèques apprennent à se
                servir du téléphone, à prendre rendez-vous chez le médecin en ligne, à utiliser la
                banque en ligne et les appels vidéo. Des lycéens y participent comme bénévoles.""",
            ),
            "pt": (
                "Seniores ligados: inclusão digital de pessoas idosas {in_city}",
                """Oficinas gratuitas em centros de convívio e bibliotecas ensinam a usar o telemóvel,
                marcar consultas online, usar o banco digital e fazer videochamadas. Alunos do
                secundário participam como voluntários e criam-se laços entre gerações.""",
            ),
        },
    ),
    practice(
        key="museos-noche-jovenes",
        language="es",
        countries="ES AR MX CO",
        uses=4,
        title="Museos de noche para adolescentes {in_city}",
        summary="""Un sábado al mes, los museos municipales abren de noche solo para jóvenes de 14 a 18
        años con una programación diseñada por un grupo de adolescentes: conciertos, gincanas,
        talleres de creación y sesiones de DJ entre las obras.""",
        context="""Los adolescentes apenas visitaban los museos fuera de las salidas escolares. En
        {year}, los museos invitaron a un grupo de jóvenes a repensar su oferta.""",
        objectives="""- Hacer de los museos un lugar propio para los adolescentes.
        - Dar a los jóvenes voz y responsabilidad en la programación.
        - Conectar las colecciones con la cultura juvenil.""",
        actions="""Un colectivo de {young} jóvenes programa las noches junto al equipo educativo. La
        entrada es gratuita y el transporte público amplía su horario esas noches.""",
        results="""Cada noche acuden entre {min_visitors} y {max_visitors} jóvenes. Una encuesta
        indica que la mitad no había visitado nunca un museo por su cuenta.""",
        lessons="""Programar con los jóvenes, no para ellos. Hay que aceptar otros ritmos y otros
        ruidos en las salas.""",
        themes="culture children_participation",
        targets="adolescents",
        sdgs="4 10",
        principles="4 8",
        departments="culture youth",
        partners=[("Red de museos municipales", "public_body"), ("Colectivos juveniles", "civil_society")],
        budget="10k-50k",
        figures={"young": (10, 25), "min_visitors": (150, 300), "max_visitors": (500, 1200)},
        translations={
            "en": (
                "Museum nights for teenagers {in_city}",
                """One Saturday a month, the municipal museums open at night just for 14 to 18-year-olds,
                with a programme designed by a group of teenagers: concerts, treasure hunts, creative
                workshops and DJ sets among the works.""",
            ),
            "fr": (
                "Musées la nuit pour les adolescents {in_city}",
                """Un samedi par mois, les musées municipaux ouvrent la nuit rien que pour les 14-18
                ans, avec une programmation conçue par un groupe d’adolescents : concerts, jeux de piste,
                ateliers de création et DJ au milieu des œuvres.""",
            ),
            "pt": (
                "Museus à noite para adolescentes {in_city}",
                """Um sábado por mês, os museus municipais abrem à noite só para jovens dos 14 aos 18
                anos, com uma programação criada por um grupo de adolescentes: concertos, jogos de
                pistas, oficinas criativas e DJ entre as obras.""",
            ),
        },
    ),
    practice(
        key="ciudad-aula",
        language="es",
        countries=f"ES {_LATAM}",
        uses=5,
        title="La ciudad como aula: itinerarios educativos {in_city}",
        summary="""Un catálogo municipal de itinerarios educativos ofrece a todos los centros visitas
        gratuitas al patrimonio histórico, natural e industrial de la ciudad, con guías formados y
        materiales para trabajar antes y después en el aula.""",
        context="""Las salidas escolares dependían de la iniciativa de cada docente y de la capacidad
        económica de las familias. En {year}, el ayuntamiento reunió toda su oferta educativa en un
        solo catálogo gratuito.""",
        objectives="""- Que todo el alumnado conozca la historia y el territorio de su ciudad.
        - Vincular los recursos municipales con el currículo.
        - Garantizar la igualdad de acceso con transporte gratuito.""",
        actions="""El catálogo incluye {routes} itinerarios: casco antiguo, ríos y humedales,
        archivo municipal, mercados, oficios tradicionales y memoria obrera. Cada ruta cuenta con una
        guía didáctica y se programa con los centros a principio de curso.""",
        results="""En el último curso se realizaron {visits} visitas con {pupils} alumnos de todos los
        centros públicos y concertados de la ciudad.""",
        lessons="""El transporte gratuito garantiza la igualdad. Diseñar las guías con el profesorado
        aumenta su uso.""",
        themes="culture formal_education",
        targets="children adolescents educators",
        sdgs="4 11",
        principles="6 10 4",
        departments="education culture",
        partners=[("Archivo municipal", "public_body"), ("Centros educativos de la ciudad", "school")],
        budget="50k-200k",
        figures={"routes": (15, 60), "visits": (300, 2200), "pupils": (6000, 40000)},
        translations={
            "en": (
                "The city as a classroom: learning routes {in_city}",
                """A municipal catalogue of learning routes offers every school free visits to the
                city’s historic, natural and industrial heritage, with trained guides and materials to
                use in class before and after.""",
            ),
            "fr": (
                "La ville comme salle de classe : itinéraires éducatifs {in_city}",
                """Un catalogue municipal d’itinéraires éducatifs offre à toutes les écoles des visites
                gratuites du patrimoine historique, naturel et industriel de la ville, avec des guides
                formés et des supports à utiliser en classe avant et après.""",
            ),
            "pt": (
                "A cidade como sala de aula: itinerários educativos {in_city}",
                """Um catálogo municipal de itinerários educativos oferece a todas as escolas visitas
                gratuitas ao património histórico, natural e industrial da cidade, com guias formados e
                materiais para trabalhar na aula antes e depois.""",
            ),
        },
    ),
    practice(
        key="deporte-inclusion",
        language="es",
        countries=f"ES {_LATAM}",
        uses=5,
        title="Deporte en los barrios para la inclusión {in_city}",
        summary="""Escuelas deportivas municipales gratuitas en los barrios con menos recursos combinan
        entrenamiento, apoyo escolar y acompañamiento educativo. Los entrenadores son también
        educadores y trabajan con las familias y los centros.""",
        context="""En los barrios periféricos pocos niños practicaban deporte federado por el coste de
        las cuotas y el transporte. En {year}, deportes y servicios sociales crearon juntos las
        escuelas deportivas de barrio.""",
        objectives="""- Garantizar el acceso al deporte a todos los niños y jóvenes.
        - Usar el deporte como herramienta educativa y de prevención.
        - Fomentar la participación de las chicas.""",
        actions="""Las escuelas funcionan en {venues} instalaciones de barrio, tres tardes por semana.
        Antes del entrenamiento hay una hora de estudio acompañado. Los equipos son mixtos en las
        categorías de menores y hay equipos femeninos en todas las disciplinas.""",
        results="""Participan {children} niños y jóvenes, un {girls} % chicas. Los centros escolares
        observan mejor asistencia y menos conflictos entre los participantes.""",
        lessons="""Los entrenadores-educadores son la clave. La hora de estudio previa tiene buena
        acogida entre las familias.""",
        themes="sport social_inclusion health",
        targets="children adolescents at_risk",
        sdgs="3 10 5",
        principles="14 17 11",
        departments="sport social education",
        partners=[
            ("Clubes deportivos locales", "civil_society"),
            ("Federación deportiva regional", "civil_society"),
        ],
        budget="50k-200k",
        figures={"venues": (4, 20), "children": (300, 2000), "girls": (30, 48)},
        translations={
            "en": (
                "Neighbourhood sport for inclusion {in_city}",
                """Free municipal sports schools in the poorest neighbourhoods combine training,
                homework support and educational guidance. Coaches are also educators and work with
                families and schools.""",
            ),
            "fr": (
                "Le sport dans les quartiers pour l’inclusion {in_city}",
                """Des écoles municipales de sport gratuites dans les quartiers les plus modestes
                associent entraînement, soutien scolaire et accompagnement éducatif. Les entraîneurs
                sont aussi éducateurs et travaillent avec les familles et les écoles.""",
            ),
            "pt": (
                "Desporto nos bairros para a inclusão {in_city}",
                """Escolas desportivas municipais gratuitas nos bairros mais pobres juntam treino,
                apoio escolar e acompanhamento educativo. Os treinadores são também educadores e
                trabalham com as famílias e as escolas.""",
            ),
        },
    ),
    practice(
        key="entornos-escolares",
        language="es",
        countries="ES",
        title="Protegemos las escuelas: entornos escolares pacificados {in_city}",
        summary="""Los accesos a las escuelas se transforman en pequeñas plazas pacificadas, sin
        coches, con árboles, bancos y juegos. Las intervenciones se prueban primero con urbanismo
        táctico y se consolidan después con obra.""",
        context="""Un estudio de {year} detectó niveles de contaminación y ruido por encima de lo
        recomendado en buena parte de las escuelas de la ciudad, además de aceras estrechas y mucha
        tensión a la hora de entrada.""",
        objectives="""- Mejorar la seguridad, la calidad del aire y el confort en los entornos escolares.
        - Crear espacios de estancia para familias y vecinos.
        - Implicar a la comunidad educativa en la transformación.""",
        actions="""Se seleccionan los entornos por criterios de riesgo y de equidad. Primero se actúa
        con pintura, mobiliario y jardineras; un año después, tras evaluar, se hace la obra definitiva.
        El alumnado participa en el diseño y en la decoración del pavimento.""",
        results="""Se han pacificado {sites} entornos escolares, ganando unos {square_metres} m² para
        los peatones. Las mediciones muestran menos ruido y menos contaminación en horario de
        entrada.""",
        lessons="""El urbanismo táctico permite actuar rápido y ajustar. Pacificar entornos genera
        nuevas plazas que el barrio usa también fuera del horario escolar.""",
        themes="public_space mobility health",
        targets="children families",
        sdgs="3 11 13",
        principles="11 13 14",
        departments="urban_planning mobility education",
        partners=[
            ("Agencia de salud pública", "public_body"),
            ("Asociaciones de familias (AFA/AMPA)", "civil_society"),
        ],
        budget="gt1m",
        start_years=(2019, 2024),
        uses=4,
        figures={"sites": (10, 90), "square_metres": (3000, 40000)},
        translations={
            "en": (
                "Protecting schools: traffic-calmed school surroundings {in_city}",
                """School entrances are turned into small car-free squares with trees, benches and
                play areas. The changes are first tested with tactical urbanism and then made permanent
                with building works.""",
            ),
            "fr": (
                "Protéger les écoles : des abords d’écoles apaisés {in_city}",
                """Les abords des écoles deviennent de petites places apaisées, sans voitures, avec
                des arbres, des bancs et des jeux. Les aménagements sont d’abord testés par un
                urbanisme tactique puis pérennisés par des travaux.""",
            ),
            "pt": (
                "Proteger as escolas: envolventes escolares acalmadas {in_city}",
                """Os acessos às escolas transformam-se em pequenas praças acalmadas, sem carros, com
                árvores, bancos e jogos. As intervenções são primeiro testadas com urbanismo tático e
                depois consolidadas com obra.""",
            ),
        },
    ),
    practice(
        key="aprendizaje-servicio",
        language="es",
        countries="ES AR CL UY",
        title="Aprendizaje-servicio en la ciudad {of_city}",
        summary="""El ayuntamiento impulsa proyectos en los que el alumnado aprende contenidos del
        currículo mientras presta un servicio a la comunidad: campañas de donación de sangre,
        recuperación de espacios naturales, acompañamiento a mayores o lectura con niños pequeños.""",
        context="""Algunos centros ya hacían aprendizaje-servicio, pero de forma aislada. En {year},
        el ayuntamiento creó una oficina para conectar las necesidades sociales de la ciudad con los
        centros educativos.""",
        objectives="""- Extender el aprendizaje-servicio a todos los centros.
        - Conectar a los centros con entidades y servicios municipales.
        - Reconocer el compromiso cívico del alumnado.""",
        actions="""La oficina publica un banco de necesidades del territorio, forma al profesorado y
        acompaña cada proyecto. Cada año, una muestra reúne a todos los proyectos en la plaza
        mayor.""",
        results="""Participan {schools} centros y {pupils} alumnos en {projects} proyectos al año.
        Las entidades valoran muy positivamente la aportación del alumnado.""",
        lessons="""La oficina de enlace es imprescindible para que los centros encuentren socios. El
        reconocimiento público motiva al alumnado.""",
        themes="citizenship formal_education participation",
        targets="children adolescents educators organisations",
        sdgs="4 16 17",
        principles="19 20 2",
        departments="education participation",
        partners=[
            ("Red Española de Aprendizaje-Servicio", "civil_society"),
            ("Entidades sociales de la ciudad", "civil_society"),
        ],
        budget="10k-50k",
        figures={"schools": (8, 45), "pupils": (800, 6000), "projects": (15, 90)},
        translations={
            "en": (
                "Service-learning in the city {of_city}",
                """The city promotes projects in which pupils learn curriculum content while serving
                the community: blood donation campaigns, restoring natural areas, keeping older people
                company or reading with young children.""",
            ),
            "fr": (
                "Apprentissage par le service dans la ville {of_city}",
                """La ville encourage des projets où les élèves apprennent le programme en rendant un
                service à la communauté : campagnes de don du sang, restauration d’espaces naturels,
                compagnie aux personnes âgées ou lecture avec les tout-petits.""",
            ),
            "pt": (
                "Aprendizagem-serviço na cidade {of_city}",
                """O município promove projetos em que os alunos aprendem conteúdos do currículo
                enquanto prestam um serviço à comunidade: campanhas de dádiva de sangue, recuperação de
                espaços naturais, companhia a idosos ou leitura com crianças pequenas.""",
            ),
        },
    ),
    practice(
        key="escuela-familias",
        language="es",
        countries=f"ES {_LATAM}",
        uses=5,
        title="Escuela municipal de familias {of_city}",
        summary="""Encuentros mensuales y talleres gratuitos para madres, padres y cuidadores sobre
        crianza, adolescencia, pantallas, emociones y acompañamiento escolar, en escuelas, centros
        cívicos y en línea, con servicio de cuidado de los hijos.""",
        context="""Las familias pedían espacios para compartir dudas sobre la crianza y los
        profesionales detectaban un aumento de conflictos familiares en la adolescencia.""",
        objectives="""- Acompañar a las familias en su función educativa.
        - Crear redes de apoyo entre familias.
        - Prevenir conflictos y situaciones de riesgo.""",
        actions="""El programa ofrece {sessions} sesiones al año en distintos barrios, con
        psicólogos, pedagogos y pediatras. Algunos encuentros son en otras lenguas con mediadores.
        Las sesiones se graban y quedan disponibles en la web municipal.""",
        results="""Más de {families} familias han participado desde {year}. La satisfacción media es
        de {score} sobre 10.""",
        lessons="""Horarios variados y servicio de canguro son imprescindibles. Las familias valoran
        sobre todo el intercambio con otras familias.""",
        themes="lifelong_learning early_childhood",
        targets="families",
        sdgs="4 3",
        principles="1 2 15",
        departments="education social childhood",
        partners=[
            ("Federación de asociaciones de familias", "civil_society"),
            ("Centros de salud", "public_body"),
        ],
        budget="10k-50k",
        figures={"sessions": (20, 80), "families": (500, 4000), "score": (8, 9)},
        translations={
            "en": (
                "Municipal school for families {of_city}",
                """Monthly meetings and free workshops for parents and carers on upbringing,
                adolescence, screens, emotions and supporting school work, held in schools, civic centres
                and online, with childcare.""",
            ),
            "fr": (
                "École municipale des parents {of_city}",
                """Des rencontres mensuelles et des ateliers gratuits pour les parents et les proches
                sur l’éducation, l’adolescence, les écrans, les émotions et l’accompagnement scolaire,
                dans les écoles, les centres civiques et en ligne, avec garde des enfants.""",
            ),
            "pt": (
                "Escola municipal de famílias {of_city}",
                """Encontros mensais e oficinas gratuitas para pais e cuidadores sobre parentalidade,
                adolescência, ecrãs, emoções e acompanhamento escolar, em escolas, centros cívicos e
                online, com guarda das crianças.""",
            ),
        },
    ),
    practice(
        key="mediacion-comunitaria",
        language="es",
        countries=f"ES {_LATAM}",
        title="Servicio de mediación comunitaria {in_city}",
        summary="""Un equipo de mediadores municipales ayuda a vecinos y vecinas a resolver conflictos
        de convivencia —ruidos, espacios comunes, uso de plazas— mediante el diálogo, y forma a
        alumnos mediadores en los institutos.""",
        context="""Las quejas vecinales por conflictos de convivencia crecían cada año y acababan en
        la policía o en los tribunales sin resolverse. En {year} el ayuntamiento apostó por la
        mediación.""",
        objectives="""- Resolver los conflictos vecinales por la vía del diálogo.
        - Formar a la ciudadanía en gestión positiva de conflictos.
        - Extender la cultura de la mediación a los centros educativos.""",
        actions="""El servicio atiende casos de forma gratuita y confidencial. Además, forma a
        {mediators} alumnos mediadores al año en los institutos y organiza talleres en comunidades de
        vecinos.""",
        results="""Se han atendido {cases} casos, con acuerdo en el {percent} % de las mediaciones
        completadas. Los institutos con alumnos mediadores registran menos expedientes
        disciplinarios.""",
        lessons="""La mediación funciona mejor cuanto antes se interviene. La formación de alumnos
        mediadores crea una cultura que llega a las familias.""",
        themes="coexistence citizenship",
        targets="general_public adolescents",
        sdgs="16 11",
        principles="11 20 8",
        departments="safety participation education",
        partners=[("Colegio de abogados", "civil_society"), ("Institutos de secundaria", "school")],
        budget="50k-200k",
        figures={"mediators": (40, 200), "cases": (300, 2500), "percent": (62, 80)},
        translations={
            "en": (
                "Community mediation service {in_city}",
                """A team of municipal mediators helps residents settle neighbourhood disputes —
                noise, shared spaces, use of squares — through dialogue, and trains pupils as peer
                mediators in secondary schools.""",
            ),
            "fr": (
                "Service de médiation de voisinage {in_city}",
                """Une équipe de médiateurs municipaux aide les habitants à régler leurs conflits de
                voisinage — bruit, parties communes, usage des places — par le dialogue, et forme des
                élèves médiateurs dans les collèges et lycées.""",
            ),
            "pt": (
                "Serviço de mediação comunitária {in_city}",
                """Uma equipa de mediadores municipais ajuda os moradores a resolver conflitos de
                vizinhança — ruído, espaços comuns, uso das praças — pelo diálogo, e forma alunos
                mediadores nas escolas secundárias.""",
            ),
        },
    ),
    practice(
        key="salud-emocional-jovenes",
        language="es",
        countries=f"ES {_LATAM}",
        title="Espacios de escucha para la salud emocional de adolescentes {in_city}",
        summary="""Psicólogos municipales atienden de forma gratuita y sin cita a adolescentes y
        jóvenes en los centros juveniles e institutos, y forman a docentes y familias para detectar
        el malestar emocional a tiempo.""",
        context="""Tras la pandemia, los centros educativos alertaron de un fuerte aumento de la
        ansiedad, las autolesiones y el aislamiento entre adolescentes, con largas listas de espera en
        la sanidad pública.""",
        objectives="""- Ofrecer una atención psicológica rápida y accesible a adolescentes.
        - Formar a adultos de referencia en detección precoz.
        - Reducir el estigma sobre la salud mental.""",
        actions="""Los espacios de escucha abren en {places} puntos de la ciudad. La atención es
        confidencial y breve, con derivación a la red sanitaria cuando hace falta. Se organizan
        talleres en las aulas sobre emociones, redes sociales y relaciones.""",
        results="""En {year_next} se atendió a {young} jóvenes; la mayoría no había pedido ayuda
        antes. Los tiempos de primera atención no superan una semana.""",
        lessons="""Estar donde están los jóvenes y sin cita previa es lo que permite llegar a ellos.
        La coordinación con la red sanitaria es imprescindible.""",
        themes="health children_participation",
        targets="adolescents young_people families",
        sdgs="3 4",
        principles="14 12",
        departments="health youth education",
        partners=[
            ("Colegio oficial de psicología", "civil_society"),
            ("Servicio de salud regional", "public_body"),
        ],
        budget="200k-1m",
        start_years=(2020, 2023),
        figures={"places": (3, 14), "young": (300, 2600)},
        translations={
            "en": (
                "Listening spaces for teenagers’ emotional health {in_city}",
                """Municipal psychologists see teenagers and young people free of charge and without
                an appointment in youth centres and secondary schools, and train teachers and families
                to notice emotional distress early.""",
            ),
            "fr": (
                "Espaces d’écoute pour la santé émotionnelle des adolescents {in_city}",
                """Des psychologues municipaux reçoivent gratuitement et sans rendez-vous les
                adolescents et les jeunes dans les maisons de jeunes et les établissements scolaires,
                et forment enseignants et familles à repérer tôt le mal-être.""",
            ),
            "pt": (
                "Espaços de escuta para a saúde emocional dos adolescentes {in_city}",
                """Psicólogos municipais atendem gratuitamente e sem marcação adolescentes e jovens
                nos centros de juventude e nas escolas, e formam professores e famílias para detetar
                cedo o mal-estar emocional.""",
            ),
        },
    ),
    practice(
        key="ciclovia-recreativa",
        language="es",
        countries="CO MX EC PE GT CL",
        title="Vía recreativa: calles abiertas los domingos {in_city}",
        summary="""Cada domingo, varios kilómetros de avenidas se cierran al tráfico de coches para
        que la gente camine, pasee en bici, patine y participe en clases gratuitas de actividad física,
        juegos para niños y actividades culturales.""",
        context="""La ciudad tenía pocos parques y una gran parte de su espacio público estaba ocupada
        por el coche. Inspirada en la ciclovía de Bogotá, la alcaldía creó en {year} su propia vía
        recreativa.""",
        objectives="""- Ofrecer espacio público para la actividad física y el encuentro.
        - Promover la bicicleta y los hábitos saludables.
        - Conectar barrios separados por grandes avenidas.""",
        actions="""Cada domingo se cierran {km} km de vías entre las 7 y las 14 horas. Guardianes
        voluntarios y policía de tránsito garantizan la seguridad. Se instalan puntos de actividad
        física, préstamo de bicicletas y ludotecas móviles.""",
        results="""La vía recreativa recibe en promedio {visitors} personas cada domingo. Las
        encuestas muestran que muchos usuarios empezaron a usar la bicicleta en su vida cotidiana.""",
        lessons="""La regularidad semanal crea hábito. Involucrar a los barrios por donde pasa el
        circuito evita conflictos con el comercio.""",
        themes="health public_space sport mobility",
        targets="general_public families children",
        sdgs="3 11 13",
        principles="11 14",
        departments="sport mobility health",
        partners=[
            ("Instituto municipal de deporte y recreación", "public_body"),
            ("Colectivos ciclistas", "civil_society"),
        ],
        budget="200k-1m",
        figures={"km": (8, 60), "visitors": (15000, 400000)},
        translations={
            "en": (
                "Recreational route: streets open to people on Sundays {in_city}",
                """Every Sunday, several kilometres of avenues close to cars so that people can walk,
                cycle and skate, and join free exercise classes, children’s games and cultural
                activities.""",
            ),
            "fr": (
                "Voie récréative : des rues ouvertes le dimanche {in_city}",
                """Chaque dimanche, plusieurs kilomètres d’avenues sont fermés aux voitures pour que
                les habitants marchent, fassent du vélo ou du roller et participent à des cours
                gratuits d’activité physique, des jeux pour enfants et des activités culturelles.""",
            ),
            "pt": (
                "Via recreativa: ruas abertas aos domingos {in_city}",
                """Todos os domingos, vários quilómetros de avenidas fecham aos carros para que as
                pessoas caminhem, andem de bicicleta e de patins, e participem em aulas gratuitas de
                atividade física, jogos para crianças e atividades culturais.""",
            ),
        },
    ),
    practice(
        key="rutas-memoria",
        language="es",
        countries="AR CL UY ES",
        title="Rutas de la memoria y los derechos humanos {in_city}",
        summary="""Itinerarios guiados por la ciudad recorren lugares vinculados con la historia
        reciente y los derechos humanos. Estudiantes de secundaria se forman como guías y acompañan a
        otros jóvenes y a vecinos.""",
        context="""Muchos jóvenes desconocían la historia reciente de su ciudad y los lugares donde se
        vulneraron derechos. En {year}, el área de derechos humanos y las escuelas crearon un programa
        conjunto.""",
        objectives="""- Transmitir la memoria de la historia reciente a las nuevas generaciones.
        - Formar en derechos humanos y ciudadanía democrática.
        - Hacer de los jóvenes protagonistas de la transmisión.""",
        actions="""Se señalizaron {sites} sitios de memoria. Cada año, grupos de estudiantes
        investigan con el archivo y con testimonios, preparan las visitas y guían recorridos
        abiertos al público.""",
        results="""{guides} estudiantes se han formado como guías y más de {visitors} personas han
        realizado los recorridos.""",
        lessons="""Que sean los jóvenes quienes guían transforma la experiencia de quien escucha. El
        trabajo con testimonios exige cuidado y acompañamiento.""",
        themes="citizenship culture formal_education",
        targets="adolescents general_public",
        sdgs="16 4",
        principles="20 10 6",
        departments="culture education",
        partners=[
            ("Archivo provincial de la memoria", "public_body"),
            ("Organismos de derechos humanos", "civil_society"),
        ],
        budget="10k-50k",
        figures={"sites": (8, 30), "guides": (80, 500), "visitors": (4000, 30000)},
        translations={
            "en": (
                "Memory and human rights routes {in_city}",
                """Guided routes through the city visit places linked with recent history and human
                rights. Secondary pupils train as guides and lead other young people and residents.""",
            ),
            "fr": (
                "Parcours de la mémoire et des droits humains {in_city}",
                """Des parcours guidés dans la ville passent par des lieux liés à l’histoire récente
                et aux droits humains. Des lycéens sont formés comme guides et accompagnent d’autres
                jeunes et des habitants.""",
            ),
            "pt": (
                "Roteiros da memória e dos direitos humanos {in_city}",
                """Roteiros guiados pela cidade percorrem lugares ligados à história recente e aos
                direitos humanos. Estudantes do secundário formam-se como guias e acompanham outros
                jovens e moradores.""",
            ),
        },
    ),
    practice(
        key="primera-infancia",
        language="es",
        countries="CO MX AR CL UY PE BO",
        uses=5,
        title="Buen comienzo: atención integral a la primera infancia {in_city}",
        summary="""Un programa municipal acompaña a las familias desde el embarazo hasta los cinco
        años con visitas domiciliarias, centros de desarrollo infantil, nutrición y controles de
        salud, para que cada niño tenga un buen comienzo en la vida.""",
        context="""Los indicadores de desnutrición y desarrollo infantil eran preocupantes en los
        barrios más pobres, y la atención a la primera infancia estaba dispersa entre varias
        instituciones. En {year}, la alcaldía unificó la oferta en un solo programa.""",
        objectives="""- Garantizar el desarrollo integral de niños y niñas de 0 a 5 años.
        - Acompañar a madres gestantes y familias.
        - Preparar la transición a la escuela.""",
        actions="""Agentes educativos visitan los hogares de las familias más vulnerables. Los
        {centres} centros de desarrollo infantil ofrecen educación inicial, alimentación y
        seguimiento de la salud. Se forman grupos de crianza con madres y padres.""",
        results="""El programa atiende a {children} niños y niñas. La desnutrición crónica en los
        participantes bajó {points} puntos y la asistencia al preescolar aumentó.""",
        lessons="""La integración de salud, nutrición y educación es lo que produce resultados. La
        visita domiciliaria llega a quienes no acuden a ningún servicio.""",
        themes="early_childhood health social_inclusion",
        targets="early_childhood families women",
        sdgs="1 2 3 4",
        principles="1 14 18",
        departments="childhood health education social",
        partners=[
            ("Instituto de bienestar familiar", "public_body"),
            ("UNICEF", "international"),
            ("Cajas de compensación familiar", "foundation"),
        ],
        budget="gt1m",
        figures={"centres": (10, 120), "children": (3000, 60000), "points": (3, 9)},
        translations={
            "en": (
                "A good start: comprehensive early childhood care {in_city}",
                """A municipal programme supports families from pregnancy until their children are
                five, with home visits, child development centres, nutrition and health checks, so that
                every child has a good start in life.""",
            ),
            "fr": (
                "Un bon départ : accompagnement global de la petite enfance {in_city}",
                """Un programme municipal accompagne les familles de la grossesse aux cinq ans de
                l’enfant avec des visites à domicile, des centres de développement de l’enfant, la
                nutrition et le suivi de santé, pour que chaque enfant parte bien dans la vie.""",
            ),
            "pt": (
                "Bom começo: atenção integral à primeira infância {in_city}",
                """Um programa municipal acompanha as famílias desde a gravidez até aos cinco anos
                com visitas domiciliárias, centros de desenvolvimento infantil, nutrição e controlo de
                saúde, para que cada criança tenha um bom começo de vida.""",
            ),
        },
    ),
    practice(
        key="agenda21-escolar",
        language="es",
        countries="ES",
        title="Agenda 21 escolar {of_city}",
        summary="""Los centros educativos realizan cada curso una auditoría ambiental de su escuela
        —agua, energía, residuos, movilidad— y aprueban un plan de acción con el alumnado. El
        ayuntamiento financia las mejoras y reúne a los centros en un foro anual.""",
        context="""La ciudad aprobó su Agenda 21 local en {year} y quiso que las escuelas fueran
        protagonistas de la transición ecológica, no meras destinatarias de campañas.""",
        objectives="""- Educar para la sostenibilidad a partir de la gestión real del centro.
        - Reducir el consumo de agua y energía y los residuos en las escuelas.
        - Dar voz al alumnado en la política ambiental de la ciudad.""",
        actions="""Un equipo de educadores ambientales acompaña a los centros. Cada escuela tiene un
        comité ambiental con alumnos, docentes, familias y personal. El foro escolar anual presenta
        propuestas al pleno municipal.""",
        results="""Participan {schools} centros. El consumo eléctrico de las escuelas participantes
        bajó un {percent} % y la separación de residuos se ha generalizado.""",
        lessons="""Trabajar sobre el propio centro hace concreta la sostenibilidad. El foro anual da
        visibilidad y compromiso político.""",
        themes="sustainability formal_education children_participation",
        targets="children adolescents educators",
        sdgs="4 13 12 7",
        principles="13 8",
        departments="environment education",
        partners=[
            ("Centros educativos de la ciudad", "school"),
            ("Agencia local de la energía", "public_body"),
        ],
        budget="50k-200k",
        uses=4,
        figures={"schools": (10, 60), "percent": (9, 22)},
        translations={
            "en": (
                "School Agenda 21 {of_city}",
                """Each school year, schools carry out an environmental audit of their building —
                water, energy, waste, mobility — and adopt an action plan with the pupils. The city funds
                the improvements and gathers the schools in a yearly forum.""",
            ),
            "fr": (
                "Agenda 21 scolaire {of_city}",
                """Chaque année, les écoles réalisent un audit environnemental de leur établissement
                — eau, énergie, déchets, mobilité — et adoptent un plan d’action avec les élèves. La
                ville finance les améliorations et réunit les écoles en un forum annuel.""",
            ),
            "pt": (
                "Agenda 21 escolar {of_city}",
                """Todos os anos letivos as escolas fazem uma auditoria ambiental ao edifício — água,
                energia, resíduos, mobilidade — e aprovam um plano de ação com os alunos. O município
                financia as melhorias e reúne as escolas num fórum anual.""",
            ),
        },
    ),
]
