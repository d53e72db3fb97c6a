"""Practices written in French (France, Belgium, Switzerland, Senegal, Tunisia, Morocco, Burkina Faso,
Togo). Written by us for the demo."""

from educities.experiences.demo.practice import practice

_AFRICA = "SN TN MA BF TG"

PRACTICES = [
    practice(
        key="conseil-municipal-enfants",
        language="fr",
        countries="FR CH SN MA",
        uses=4,
        title="Conseil municipal des enfants {of_city}",
        summary="""Élus par leurs camarades de CM1 et CM2, les jeunes conseillers siègent deux ans,
        travaillent en commissions avec les services et présentent leurs projets en séance plénière
        devant le maire. Ils ont déjà transformé des cours d’école, des parcs et des rues.""",
        context="""La ville avait un conseil de jeunes pour les lycéens, mais rien pour les plus
        jeunes. En {year}, l’équipe municipale a souhaité que les enfants apprennent la citoyenneté en
        agissant sur leur cadre de vie, avec un vrai budget.""",
        objectives="""- Faire vivre la citoyenneté dès l’école élémentaire.
        - Associer les enfants aux projets d’aménagement qui les concernent.
        - Rapprocher les élus, les services et les familles.""",
        actions="""Les {councillors} conseillers sont élus dans les {schools} écoles au moment des
        élections de délégués. Ils se réunissent tous les quinze jours le mercredi, avec une
        animatrice du service jeunesse, en trois commissions : environnement, solidarité et sport-loisirs.
        Chaque commission dispose d’un budget de {budget} euros par an et présente ses projets en
        séance plénière publique.""",
        results="""Depuis {year}, les enfants ont mené {projects} projets : des nichoirs et un
        verger dans les écoles, une collecte pour l’épicerie solidaire, des bancs à hauteur d’enfant
        dans le parc. Les familles assistent nombreuses aux séances plénières.""",
        lessons="""Un budget propre, même modeste, change tout : les enfants voient leurs décisions
        se réaliser. Il faut un calendrier compatible avec l’école et des élus présents.""",
        themes="children_participation citizenship",
        targets="children",
        sdgs="16 4 11",
        principles="8 20",
        departments="youth education participation",
        partners=[
            ("Éducation nationale – circonscription {of_city}", "public_body"),
            ("Association nationale des conseils d’enfants et de jeunes (ANACEJ)", "civil_society"),
        ],
        budget="10k-50k",
        figures={"councillors": (24, 48), "schools": (8, 24), "budget": (1500, 5000), "projects": (12, 40)},
        translations={
            "en": (
                "Children’s municipal council {of_city}",
                """Elected by their classmates in the last two years of primary school, the young
                councillors sit for two years, work in committees with the city’s services and present
                their projects to the mayor in a plenary session. They have already changed
                schoolyards, parks and streets.""",
            ),
            "es": (
                "Consejo municipal de los niños {of_city}",
                """Elegidos por sus compañeros de los últimos cursos de primaria, los jóvenes
                consejeros ocupan su cargo dos años, trabajan en comisiones con los servicios y
                presentan sus proyectos en pleno ante el alcalde. Ya han transformado patios, parques y
                calles.""",
            ),
            "pt": (
                "Conselho municipal das crianças {of_city}",
                """Eleitos pelos colegas dos últimos anos do primário, os jovens conselheiros têm um
                mandato de dois anos, trabalham em comissões com os serviços e apresentam os seus
                projetos em sessão plenária perante o presidente da câmara. Já transformaram recreios,
                parques e ruas.""",
            ),
        },
    ),
    practice(
        key="cours-oasis",
        language="fr",
        countries="FR BE CH",
        uses=5,
        title="Cours oasis : des cours d’école plus fraîches et plus égalitaires {in_city}",
        summary="""Les cours d’école goudronnées sont transformées en îlots de fraîcheur végétalisés,
        conçus avec les élèves pour que chacune et chacun y trouve sa place, et pas seulement les
        joueurs de football. Hors temps scolaire, elles s’ouvrent aux habitants du quartier.""",
        context="""Les cours d’école représentent des milliers de mètres carrés d’asphalte qui
        deviennent brûlants lors des canicules. Les observations menées avec les enseignants
        montraient aussi que le terrain de football central occupait l’essentiel de l’espace, au
        détriment des filles et des enfants plus calmes.""",
        objectives="""- Rafraîchir les cours et désimperméabiliser les sols.
        - Concevoir des cours où filles et garçons partagent l’espace.
        - Faire de la cour un lieu ouvert au quartier.""",
        actions="""Chaque projet commence par des ateliers de co-conception avec les élèves, les
        enseignants, les agents et les parents. Les cours reçoivent de la pleine terre, des arbres,
        des jardins pédagogiques, des jeux d’eau, des coins calmes et des espaces de jeu
        polyvalents à la place du grand terrain central.

        - Récupération de l’eau de pluie.
        - Formation des animateurs périscolaires à l’égalité filles-garçons.
        - Ouverture le samedi aux familles du quartier.""",
        results="""{yards} cours ont été transformées depuis {year}. Les mesures montrent jusqu’à
        {degrees} °C de moins en surface les jours de forte chaleur. Les observations après travaux
        indiquent une occupation beaucoup plus équilibrée de l’espace par les filles.""",
        lessons="""La co-conception avec les enfants est indispensable : ce sont eux qui connaissent
        les usages. Le changement de la cour doit s’accompagner d’un travail avec les adultes qui la
        surveillent.""",
        themes="gender_equality sustainability public_space formal_education",
        targets="children educators families",
        sdgs="5 11 13 4",
        principles="3 11 13",
        departments="education urban_planning environment equality",
        partners=[
            ("Conseil d’architecture, d’urbanisme et de l’environnement (CAUE)", "public_body"),
            ("{university}", "university"),
        ],
        budget="gt1m",
        figures={"yards": (6, 60), "degrees": (4, 9)},
        translations={
            "en": (
                "Oasis schoolyards: cooler, fairer playgrounds {in_city}",
                """Asphalt schoolyards are turned into green, cool islands, designed with the pupils
                so that every child finds a place in them, not only the football players. Outside
                school hours they open to the neighbourhood.""",
            ),
            "es": (
                "Patios oasis: patios escolares más frescos e igualitarios {in_city}",
                """Los patios asfaltados se transforman en islas de frescor con vegetación,
                diseñadas con el alumnado para que todas y todos encuentren su sitio, no solo quienes
                juegan al fútbol. Fuera del horario escolar se abren al barrio.""",
            ),
            "pt": (
                "Recreios oásis: recreios mais frescos e mais igualitários {in_city}",
                """Os recreios asfaltados transformam-se em ilhas de frescura com vegetação,
                desenhados com os alunos para que todos encontrem o seu lugar, e não só quem joga à
                bola. Fora do horário escolar abrem-se ao bairro.""",
            ),
        },
        full={
            "en": {
                "context": """Schoolyards are thousands of square metres of asphalt that become
                scorching during heatwaves. Observations carried out with teachers also showed that the
                central football pitch took up most of the space, leaving little for girls and quieter
                children.""",
                "objectives": """- Cool the yards and let the soil absorb rain again.
                - Design yards where girls and boys share the space.
                - Make the schoolyard a place open to the neighbourhood.""",
                "actions": """Each project starts with co-design workshops with pupils, teachers,
                school staff and parents. The yards get open soil, trees, teaching gardens, water
                play, quiet corners and multi-purpose play areas instead of the large central pitch.

                - Rainwater harvesting.
                - Training for after-school staff on equality between girls and boys.
                - Opening on Saturdays for families from the neighbourhood.""",
                "results": """{yards} schoolyards have been transformed since {year}. Measurements
                show surfaces up to {degrees} °C cooler on hot days. Observations after the works show
                that girls now use much more of the space.""",
                "lessons": """Co-design with the children is essential: they know how the yard is
                used. Changing the yard must go hand in hand with work with the adults who supervise
                it.""",
            },
        },
    ),
    practice(
        key="rues-aux-ecoles",
        language="fr",
        countries="FR BE CH",
        title="Rues aux écoles : piétonniser les abords des écoles {in_city}",
        summary="""Les rues devant les écoles sont fermées aux voitures, d’abord aux heures d’entrée et
        de sortie, puis toute la journée, et aménagées avec des bancs, des bacs plantés et des jeux au
        sol. Les enfants arrivent à pied, à vélo ou en trottinette en toute sécurité.""",
        context="""Aux heures d’entrée, les abords des écoles étaient saturés de voitures en double
        file, avec des risques d’accident et une pollution de l’air mesurée au-dessus des seuils
        recommandés. Les parents d’élèves demandaient des mesures depuis longtemps.""",
        objectives="""- Sécuriser le chemin de l’école et réduire la pollution devant les écoles.
        - Encourager la marche et le vélo.
        - Créer de petites places de quartier.""",
        actions="""Chaque rue est d’abord testée quelques semaines avec des barrières amovibles et des
        bénévoles, puis aménagée durablement si le bilan est positif. Les élèves participent au
        dessin des marquages au sol et à des ateliers « savoir rouler à vélo ».""",
        results="""{streets} rues aux écoles existent aujourd’hui. La part des élèves venant à pied ou à
        vélo est passée de {before} % à {after} % dans les écoles concernées, et les mesures de dioxyde
        d’azote ont baissé nettement aux heures d’entrée.""",
        lessons="""La phase de test rassure les riverains et permet d’ajuster. L’appui des parents
        d’élèves est décisif face aux oppositions.""",
        themes="mobility public_space health",
        targets="children families",
        sdgs="3 11 13",
        principles="11 13 14",
        departments="mobility urban_planning education",
        partners=[
            ("Fédération des conseils de parents d’élèves (FCPE)", "civil_society"),
            ("Observatoire régional de la qualité de l’air", "public_body"),
        ],
        budget="200k-1m",
        start_years=(2017, 2024),
        figures={"streets": (5, 120), "before": (38, 52), "after": (58, 74)},
        translations={
            "en": (
                "School streets: car-free school gates {in_city}",
                """Streets in front of schools are closed to cars, first at drop-off and pick-up
                times, then all day, and fitted with benches, planters and ground games. Children
                arrive on foot, by bike or by scooter in safety.""",
            ),
            "es": (
                "Calles escolares: entornos escolares sin coches {in_city}",
                """Las calles frente a las escuelas se cierran a los coches, primero a las horas de
                entrada y salida y luego todo el día, y se equipan con bancos, jardineras y juegos
                pintados. Los niños llegan a pie, en bici o en patinete con seguridad.""",
            ),
            "pt": (
                "Ruas escolares: acessos às escolas sem carros {in_city}",
                """As ruas em frente às escolas fecham aos carros, primeiro às horas de entrada e
                saída e depois todo o dia, e recebem bancos, floreiras e jogos pintados no chão. As
                crianças chegam a pé, de bicicleta ou de trotinete em segurança.""",
            ),
        },
    ),
    practice(
        key="cite-educative",
        language="fr",
        countries="FR",
        title="Cité éducative : une alliance éducative dans les quartiers prioritaires {of_city}",
        summary="""L’école, la mairie, les services de l’État et les associations construisent
        ensemble un parcours éducatif continu pour les jeunes de 0 à 25 ans des quartiers prioritaires,
        de la petite enfance à l’insertion professionnelle, avec un fonds commun pour agir vite.""",
        context="""Les quartiers prioritaires concentrent le décrochage scolaire et le chômage des
        jeunes, alors que de nombreux acteurs y interviennent chacun de leur côté. La labellisation de
        la cité éducative en {year} a permis de réunir tout le monde autour d’une feuille de route
        commune.""",
        objectives="""- Coordonner tous les acteurs éducatifs d’un même territoire.
        - Agir tôt : langage et parentalité dès la petite enfance.
        - Prévenir le décrochage et accompagner vers l’emploi.""",
        actions="""Une troïka (principal du collège chef de file, préfecture, ville) pilote la cité
        éducative. Le fonds commun finance des actions décidées localement :

        - des ateliers langage en crèche et à l’école maternelle ;
        - des « cafés des parents » au collège ;
        - des devoirs faits accompagnés par des étudiants ;
        - un repérage partagé des jeunes décrocheurs.""",
        results="""La cité éducative touche {young} enfants et jeunes. Le nombre de décrocheurs
        repérés sans solution a diminué de {percent} % en trois ans et la participation des parents
        aux réunions du collège a doublé.""",
        lessons="""La gouvernance partagée prend du temps mais change les pratiques. Un fonds commun
        souple permet de financer rapidement ce que les acteurs de terrain proposent.""",
        themes="formal_education social_inclusion early_childhood",
        targets="children adolescents families at_risk",
        sdgs="4 10 1",
        principles="2 17 18",
        departments="education social youth childhood",
        partners=[
            ("Éducation nationale", "public_body"),
            ("Caisse d’allocations familiales", "public_body"),
            ("Centres sociaux du quartier", "civil_society"),
            ("{university}", "university"),
        ],
        budget="gt1m",
        start_years=(2019, 2022),
        figures={"young": (3000, 14000), "percent": (20, 38)},
        translations={
            "en": (
                "Educational alliance in the priority neighbourhoods {of_city}",
                """Schools, the city, state services and associations build together a continuous
                educational path for young people from 0 to 25 in the priority neighbourhoods, from
                early childhood to their first job, with a common fund to act quickly.""",
            ),
            "es": (
                "Ciudad educativa: una alianza educativa en los barrios prioritarios {of_city}",
                """La escuela, el ayuntamiento, los servicios del Estado y las asociaciones
                construyen juntos un itinerario educativo continuo para los jóvenes de 0 a 25 años de
                los barrios prioritarios, desde la primera infancia hasta la inserción laboral, con un
                fondo común para actuar con rapidez.""",
            ),
            "pt": (
                "Cidade educativa: uma aliança educativa nos bairros prioritários {of_city}",
                """A escola, a câmara, os serviços do Estado e as associações constroem juntos um
                percurso educativo contínuo para os jovens dos 0 aos 25 anos dos bairros prioritários,
                da primeira infância à inserção profissional, com um fundo comum para agir depressa.""",
            ),
        },
    ),
    practice(
        key="ateliers-sociolinguistiques",
        language="fr",
        countries="FR BE CH",
        title="Ateliers sociolinguistiques pour les parents {in_city}",
        summary="""Des parents allophones apprennent le français à partir de situations de la vie
        quotidienne : parler avec l’enseignant, lire le carnet de liaison, prendre un rendez-vous
        médical, utiliser les transports. Les ateliers ont lieu dans les écoles et les centres sociaux,
        avec une garde d’enfants.""",
        context="""De nombreux parents arrivés récemment ne parlaient pas français et n’osaient pas
        franchir la porte de l’école. Les enseignants peinaient à les rencontrer et les enfants
        servaient souvent d’interprètes.""",
        objectives="""- Donner aux parents les mots pour suivre la scolarité de leurs enfants.
        - Favoriser l’autonomie dans les démarches et les services publics.
        - Créer du lien entre parents et avec l’école.""",
        actions="""Les ateliers réunissent des groupes de douze parents, deux fois par semaine, avec des
        formatrices et des bénévoles. Des sorties sont organisées à la médiathèque, à la mairie, au
        centre de santé. Les enseignants viennent présenter l’école et ses codes.""",
        results="""{parents} parents, en grande majorité des mères, ont suivi les ateliers depuis
        {year}. {percent} % déclarent désormais aller seuls aux réunions de l’école.""",
        lessons="""Tenir les ateliers dans l’école elle-même lève beaucoup de barrières. La garde des
        jeunes enfants est une condition de participation.""",
        themes="interculturality lifelong_learning social_inclusion",
        targets="migrants families women",
        sdgs="4 10 5",
        principles="3 1 17",
        departments="social education",
        partners=[
            ("Centres sociaux {of_city}", "civil_society"),
            ("Radya – réseau des ateliers sociolinguistiques", "civil_society"),
        ],
        budget="10k-50k",
        figures={"parents": (180, 900), "percent": (60, 85)},
        translations={
            "en": (
                "Language workshops for parents {in_city}",
                """Parents who do not speak French learn it through everyday situations: talking with
                the teacher, reading notes from school, booking a doctor’s appointment, using public
                transport. The workshops take place in schools and community centres, with childcare.""",
            ),
            "es": (
                "Talleres sociolingüísticos para familias {in_city}",
                """Madres y padres que no hablan francés lo aprenden a partir de situaciones
                cotidianas: hablar con el maestro, leer las notas de la escuela, pedir cita médica, usar
                el transporte. Los talleres se dan en escuelas y centros sociales, con cuidado de los
                niños.""",
            ),
            "pt": (
                "Oficinas sociolinguísticas para pais {in_city}",
                """Pais que não falam francês aprendem a língua a partir de situações do dia a dia:
                falar com o professor, ler os recados da escola, marcar uma consulta, usar os
                transportes. As oficinas decorrem nas escolas e nos centros sociais, com guarda das
                crianças.""",
            ),
        },
    ),
    practice(
        key="nocturnes-ados",
        language="fr",
        countries="FR BE CH",
        uses=3,
        title="Nocturnes ados au musée {in_city}",
        summary="""Un jeudi par mois, les musées de la ville ouvrent gratuitement en soirée pour les
        15-20 ans, avec des visites menées par des jeunes médiateurs, des concerts, des battles de
        danse et des ateliers de création autour des œuvres.""",
        context="""Les études de publics montraient que les adolescents désertaient les musées dès la
        fin du collège. En {year}, la direction des musées a décidé de construire avec eux une offre qui
        leur ressemble.""",
        objectives="""- Faire revenir les adolescents au musée hors du cadre scolaire.
        - Former des jeunes médiateurs issus de tous les quartiers.
        - Croiser les collections avec les cultures urbaines.""",
        actions="""Chaque année, {mediators} jeunes sont recrutés en service civique pour devenir
        médiateurs. Ils conçoivent les soirées avec les équipes des musées et des associations de
        cultures urbaines. Les lycées relaient les nocturnes et le réseau de bus prolonge ses
        horaires.""",
        results="""Les nocturnes attirent en moyenne {visitors} jeunes par soirée. Une enquête montre
        que près de la moitié d’entre eux n’étaient jamais venus au musée en dehors de l’école.""",
        lessons="""La médiation par les pairs est la clé. Il faut accepter le bruit et le mouvement
        dans les salles.""",
        themes="culture children_participation",
        targets="adolescents young_people",
        sdgs="4 10",
        principles="4 8 10",
        departments="culture youth",
        partners=[
            ("Musées de la ville {of_city}", "public_body"),
            ("Agence du service civique", "public_body"),
        ],
        budget="10k-50k",
        figures={"mediators": (8, 20), "visitors": (250, 900)},
        translations={
            "en": (
                "Teen nights at the museum {in_city}",
                """One Thursday a month, the city’s museums open free of charge in the evening for 15
                to 20-year-olds, with tours led by young guides, concerts, dance battles and creative
                workshops around the works.""",
            ),
            "es": (
                "Noches jóvenes en el museo {in_city}",
                """Un jueves al mes, los museos de la ciudad abren gratis por la noche para jóvenes de
                15 a 20 años, con visitas guiadas por jóvenes mediadores, conciertos, batallas de baile
                y talleres de creación en torno a las obras.""",
            ),
            "pt": (
                "Noites jovens no museu {in_city}",
                """Uma quinta-feira por mês, os museus da cidade abrem gratuitamente à noite para
                jovens dos 15 aos 20 anos, com visitas orientadas por jovens mediadores, concertos,
                batalhas de dança e oficinas criativas à volta das obras.""",
            ),
        },
    ),
    practice(
        key="mediatheque-tiers-lieu",
        language="fr",
        countries="FR BE CH SN TN MA",
        title="La médiathèque, troisième lieu du quartier {in_city}",
        summary="""La médiathèque de quartier est devenue un lieu de vie ouvert le soir et le dimanche,
        où l’on vient autant pour emprunter un livre que pour réviser, réparer un objet, jouer, se
        former au numérique ou rencontrer ses voisins.""",
        context="""La fréquentation des bibliothèques baissait et le quartier manquait de lieux
        gratuits où se retrouver. En {year}, la rénovation de la médiathèque a été l’occasion de la
        repenser avec les habitants comme un « troisième lieu », entre la maison et le travail.""",
        objectives="""- Élargir les horaires et les usages de la médiathèque.
        - Accueillir des publics qui n’y venaient pas.
        - Faire participer les habitants à la programmation.""",
        actions="""Les espaces ont été réaménagés : salle de travail pour les étudiants, cuisine
        partagée, atelier de réparation, espace jeux vidéo. Les horaires d’ouverture sont passés à
        {hours} heures par semaine. Un comité d’usagers propose et anime une partie des activités.

        - Café-réparation mensuel.
        - Permanences d’écrivain public et d’aide aux démarches en ligne.
        - Soirées jeux en famille.""",
        results="""La fréquentation a augmenté de {percent} % en deux ans et le nombre d’inscrits de
        moins de 25 ans a doublé. Plus de {activities} activités ont été proposées par des habitants.""",
        lessons="""Ouvrir le dimanche et le soir change le public. Donner une vraie place aux usagers
        demande au personnel de nouvelles compétences d’animation.""",
        themes="culture lifelong_learning coexistence",
        targets="general_public young_people families",
        sdgs="4 11 10",
        principles="4 7 12",
        departments="culture",
        partners=[
            ("Association des usagers de la médiathèque", "civil_society"),
            ("Repair Café", "civil_society"),
        ],
        budget="200k-1m",
        figures={"hours": (48, 62), "percent": (25, 60), "activities": (40, 150)},
        translations={
            "en": (
                "The library as the neighbourhood’s third place {in_city}",
                """The neighbourhood library has become a lively place open in the evening and on
                Sundays, where people come as much to borrow a book as to study, repair things, play,
                learn digital skills or meet their neighbours.""",
            ),
            "es": (
                "La biblioteca, tercer lugar del barrio {in_city}",
                """La biblioteca de barrio se ha convertido en un lugar de vida abierto por la tarde y
                los domingos, donde se viene tanto a sacar un libro como a estudiar, reparar objetos,
                jugar, aprender informática o conocer a los vecinos.""",
            ),
            "pt": (
                "A biblioteca, terceiro lugar do bairro {in_city}",
                """A biblioteca de bairro tornou-se um lugar de vida aberto à noite e ao domingo, onde
                se vem tanto para requisitar um livro como para estudar, reparar objetos, jogar,
                aprender informática ou conhecer os vizinhos.""",
            ),
        },
    ),
    practice(
        key="jardins-ecoles-afrique",
        language="fr",
        countries=_AFRICA,
        uses=5,
        title="Jardins scolaires et cantines {in_city}",
        summary="""Les écoles publiques cultivent des jardins maraîchers qui approvisionnent les
        cantines scolaires. Les élèves apprennent les techniques agroécologiques, la gestion de l’eau et
        la nutrition, et les parents participent aux récoltes.""",
        context="""Beaucoup d’élèves arrivaient à l’école le ventre vide et les cantines manquaient de
        légumes frais. Les écoles disposaient de terrains, mais pas d’eau ni de savoir-faire. En {year},
        la commune a lancé le programme avec des associations de producteurs.""",
        objectives="""- Améliorer l’alimentation des élèves grâce aux cantines.
        - Enseigner l’agroécologie et la gestion de l’eau.
        - Associer les parents et les groupements de femmes à la vie de l’école.""",
        actions="""Chaque école reçoit un forage ou un système de récupération d’eau, des outils et des
        semences locales. Des animateurs agricoles accompagnent les enseignants. Les groupements de
        femmes du quartier cultivent avec les élèves et préparent les repas.""",
        results="""Le programme compte {schools} écoles et {pupils} élèves. Les cantines servent des
        légumes frais plusieurs fois par semaine et les enseignants constatent une meilleure assiduité,
        notamment des filles.""",
        lessons="""L’accès à l’eau est la condition de tout le reste. L’implication des groupements de
        femmes assure la continuité pendant les vacances.""",
        themes="sustainability health formal_education",
        targets="children families women",
        sdgs="2 4 6 13",
        principles="13 14 19",
        departments="education environment health",
        partners=[
            ("Programme alimentaire mondial", "international"),
            ("Groupements de femmes du quartier", "civil_society"),
            ("{university}", "university"),
        ],
        budget="50k-200k",
        figures={"schools": (6, 30), "pupils": (2500, 12000)},
        translations={
            "en": (
                "School gardens and canteens {in_city}",
                """Public schools grow vegetable gardens that supply the school canteens. Pupils learn
                agroecology, water management and nutrition, and parents join in the harvests.""",
            ),
            "es": (
                "Huertos escolares y comedores {in_city}",
                """Las escuelas públicas cultivan huertos que abastecen los comedores escolares. El
                alumnado aprende agroecología, gestión del agua y nutrición, y las familias participan
                en las cosechas.""",
            ),
            "pt": (
                "Hortas escolares e cantinas {in_city}",
                """As escolas públicas cultivam hortas que abastecem as cantinas escolares. Os alunos
                aprendem agroecologia, gestão da água e nutrição, e os pais participam nas
                colheitas.""",
            ),
        },
    ),
    practice(
        key="conseillers-numeriques",
        language="fr",
        countries="FR BE CH",
        title="Conseillers numériques pour les seniors {in_city}",
        summary="""Des conseillers numériques municipaux accompagnent les personnes âgées dans leurs
        démarches en ligne et les forment à la tablette et au smartphone, dans les maisons de quartier,
        les résidences autonomie et à domicile pour les personnes qui ne peuvent pas se déplacer.""",
        context="""La dématérialisation des démarches (retraite, santé, impôts) laissait de nombreux
        seniors sans solution. Un diagnostic de {year} montrait qu’un tiers des plus de 70 ans n’avait
        jamais utilisé internet.""",
        objectives="""- Garantir l’accès aux droits des personnes âgées éloignées du numérique.
        - Les rendre autonomes sur les usages essentiels.
        - Lutter contre l’isolement grâce aux outils de communication.""",
        actions="""{advisers} conseillers tiennent des permanences dans {places} lieux et animent des
        ateliers de six séances. Un prêt de tablettes permet de s’exercer chez soi. Les visites à
        domicile sont organisées avec le centre communal d’action sociale.""",
        results="""Depuis le lancement, {seniors} personnes ont été accompagnées. Les ateliers
        affichent un taux de satisfaction de {percent} % et beaucoup de participants reviennent pour
        des ateliers thématiques (photo, santé en ligne).""",
        lessons="""Des permanences régulières, dans des lieux familiers, inspirent confiance. Le prêt
        de matériel est indispensable pour les personnes aux faibles revenus.""",
        themes="digital lifelong_learning social_inclusion",
        targets="older_people",
        sdgs="4 10 9",
        principles="7 1 12",
        departments="digital older_people social",
        partners=[
            ("Centre communal d’action sociale", "public_body"),
            ("Agence nationale de la cohésion des territoires", "public_body"),
        ],
        budget="50k-200k",
        start_years=(2019, 2024),
        figures={"advisers": (2, 8), "places": (5, 16), "seniors": (400, 2600), "percent": (88, 97)},
        translations={
            "en": (
                "Digital advisers for older people {in_city}",
                """Municipal digital advisers help older people with online procedures and teach them
                to use tablets and smartphones, in community centres, sheltered housing and at home for
                those who cannot travel.""",
            ),
            "es": (
                "Asesores digitales para personas mayores {in_city}",
                """Asesores digitales municipales acompañan a las personas mayores en sus trámites en
                línea y les enseñan a usar la tableta y el móvil, en centros cívicos, residencias y a
                domicilio para quien no puede desplazarse.""",
            ),
            "pt": (
                "Conselheiros digitais para seniores {in_city}",
                """Conselheiros digitais municipais acompanham as pessoas idosas nos serviços online e
                ensinam-nas a usar o tablet e o telemóvel, em centros de bairro, residências e em casa
                para quem não se pode deslocar.""",
            ),
        },
    ),
    practice(
        key="cafe-des-parents",
        language="fr",
        countries="FR BE CH MA TN SN",
        title="Café des parents : apprendre en famille {in_city}",
        summary="""Dans les écoles et les centres sociaux, des rencontres régulières réunissent parents
        et professionnels autour des questions d’éducation : sommeil, écrans, devoirs, adolescence.
        Des ateliers parents-enfants de lecture et de jeux complètent le programme.""",
        context="""Les parents disaient se sentir seuls face aux questions éducatives et peu à l’aise
        avec l’école. Les professionnels de l’enfance voulaient rencontrer les familles autrement qu’en
        cas de problème.""",
        objectives="""- Soutenir les parents dans leur rôle éducatif, sans jugement.
        - Rapprocher les familles de l’école.
        - Encourager la lecture et le jeu en famille.""",
        actions="""Un café des parents se tient chaque semaine dans {places} lieux, animé par une
        éducatrice et, selon les thèmes, par une infirmière scolaire, une orthophoniste ou un
        bibliothécaire. Les ateliers parents-enfants ont lieu le samedi matin.""",
        results="""Plus de {families} familles ont participé depuis {year}. Les directeurs d’école
        observent une meilleure présence des parents aux réunions.""",
        lessons="""Un lieu convivial, un café, et l’absence d’inscription obligatoire facilitent la
        venue des parents les plus éloignés de l’école.""",
        themes="lifelong_learning early_childhood formal_education",
        targets="families",
        sdgs="4 3",
        principles="1 2 15",
        departments="education social childhood",
        partners=[
            ("Caisse d’allocations familiales", "public_body"),
            ("Associations de parents", "civil_society"),
        ],
        budget="lt10k",
        figures={"places": (3, 14), "families": (250, 1500)},
        translations={
            "en": (
                "Parents’ café: learning as a family {in_city}",
                """In schools and community centres, regular meetings bring parents and professionals
                together on questions of upbringing: sleep, screens, homework, adolescence. Reading and
                play workshops for parents and children complete the programme.""",
            ),
            "es": (
                "Café de familias: aprender en familia {in_city}",
                """En escuelas y centros sociales, encuentros periódicos reúnen a madres, padres y
                profesionales en torno a cuestiones educativas: sueño, pantallas, deberes,
                adolescencia. Talleres de lectura y juego en familia completan el programa.""",
            ),
            "pt": (
                "Café dos pais: aprender em família {in_city}",
                """Nas escolas e nos centros sociais, encontros regulares juntam pais e profissionais
                à volta de questões educativas: sono, ecrãs, trabalhos de casa, adolescência. Oficinas
                de leitura e jogos para pais e filhos completam o programa.""",
            ),
        },
    ),
    practice(
        key="alphabetisation-femmes",
        language="fr",
        countries=_AFRICA,
        uses=5,
        title="Alphabétisation fonctionnelle des femmes {in_city}",
        summary="""Des centres d’alphabétisation de quartier accueillent des femmes qui n’ont pas été
        scolarisées. Elles apprennent à lire, écrire et compter à partir de leurs activités : petit
        commerce, santé des enfants, gestion d’une tontine.""",
        context="""Une grande partie des femmes adultes de la commune n’avait jamais été à l’école,
        ce qui limitait leur autonomie économique et leur participation à la vie locale. Les cours
        existants n’étaient pas adaptés à leurs horaires.""",
        objectives="""- Permettre aux femmes de lire, écrire et compter dans leur langue et en
        français.
        - Renforcer leurs activités économiques.
        - Encourager leur participation aux instances locales.""",
        actions="""Les cours ont lieu l’après-midi dans {centres} centres de quartier, en langue
        nationale puis en français, avec des animatrices issues des quartiers. Les contenus partent du
        quotidien : lire une ordonnance, tenir un cahier de ventes, comprendre une facture.""",
        results="""{women} femmes ont suivi le cycle depuis {year}, dont {percent} % ont obtenu
        l’attestation de fin de cycle. Plusieurs groupes ont créé des groupements d’intérêt
        économique.""",
        lessons="""Partir des activités des femmes donne du sens à l’apprentissage. Les animatrices
        issues des quartiers sont plus écoutées.""",
        themes="lifelong_learning gender_equality employment",
        targets="women",
        sdgs="4 5 8",
        principles="1 16 18",
        departments="education equality social",
        partners=[("UNESCO", "international"), ("Associations féminines de quartier", "civil_society")],
        budget="10k-50k",
        figures={"centres": (5, 22), "women": (400, 2600), "percent": (60, 82)},
        translations={
            "en": (
                "Functional literacy for women {in_city}",
                """Neighbourhood literacy centres welcome women who never went to school. They learn
                to read, write and count through their own activities: small trade, children’s health,
                running a savings group.""",
            ),
            "es": (
                "Alfabetización funcional de mujeres {in_city}",
                """Centros de alfabetización de barrio acogen a mujeres que no fueron a la escuela.
                Aprenden a leer, escribir y contar a partir de sus actividades: pequeño comercio, salud
                de los hijos, gestión de un grupo de ahorro.""",
            ),
            "pt": (
                "Alfabetização funcional das mulheres {in_city}",
                """Centros de alfabetização de bairro acolhem mulheres que nunca foram à escola.
                Aprendem a ler, escrever e contar a partir das suas atividades: pequeno comércio, saúde
                dos filhos, gestão de um grupo de poupança.""",
            ),
        },
    ),
    practice(
        key="sport-filles",
        language="fr",
        countries="FR BE CH TN MA",
        title="Toutes sportives ! Le sport au féminin dans les quartiers {in_city}",
        summary="""Des créneaux sportifs gratuits réservés aux filles et aux femmes sont ouverts dans
        les gymnases et les city-stades des quartiers, avec des éducatrices sportives : football,
        boxe, danse, vélo. Objectif : que les filles restent sportives après 12 ans.""",
        context="""Le diagnostic sportif de la ville montrait que les filles abandonnaient le sport
        vers 12 ans et que les équipements de proximité étaient occupés presque exclusivement par des
        garçons.""",
        objectives="""- Augmenter la pratique sportive des filles et des femmes.
        - Rééquilibrer l’usage des équipements sportifs de proximité.
        - Former des éducatrices sportives issues des quartiers.""",
        actions="""La ville réserve des créneaux dans {venues} équipements et rémunère des éducatrices
        diplômées. Les clubs partenaires accueillent ensuite les filles qui veulent aller plus loin. Des
        mères participent aux séances du samedi.""",
        results="""{girls} filles et femmes pratiquent chaque semaine. Les licences féminines dans les
        clubs partenaires ont augmenté de {percent} %.""",
        lessons="""Des créneaux non mixtes, dans un premier temps, rassurent les familles. Les
        éducatrices sont des modèles auxquels les filles s’identifient.""",
        themes="sport gender_equality health",
        targets="women adolescents children",
        sdgs="5 3 10",
        principles="3 14 11",
        departments="sport equality youth",
        partners=[
            ("Clubs sportifs de la ville", "civil_society"),
            ("Fédération française de football", "civil_society"),
        ],
        budget="50k-200k",
        figures={"venues": (4, 18), "girls": (300, 1800), "percent": (15, 45)},
        translations={
            "en": (
                "Girls play too! Sport for girls and women in the neighbourhoods {in_city}",
                """Free sports sessions for girls and women only are held in neighbourhood gyms and
                outdoor courts with female coaches: football, boxing, dance, cycling. The aim: girls
                keep playing sport after the age of 12.""",
            ),
            "es": (
                "¡Todas deportistas! Deporte femenino en los barrios {in_city}",
                """Franjas horarias deportivas gratuitas reservadas a niñas y mujeres se abren en los
                polideportivos y pistas de los barrios, con educadoras deportivas: fútbol, boxeo, danza,
                bici. El objetivo: que las niñas sigan haciendo deporte después de los 12 años.""",
            ),
            "pt": (
                "Todas desportistas! Desporto no feminino nos bairros {in_city}",
                """Horários desportivos gratuitos reservados a raparigas e mulheres abrem nos
                pavilhões e polidesportivos dos bairros, com treinadoras: futebol, boxe, dança,
                bicicleta. O objetivo: que as raparigas continuem a praticar desporto depois dos 12
                anos.""",
            ),
        },
    ),
    practice(
        key="chantiers-educatifs",
        language="fr",
        countries="FR BE TN SN",
        title="Chantiers éducatifs pour les jeunes {in_city}",
        summary="""Des jeunes de 16 à 25 ans sans emploi ni formation travaillent quelques semaines,
        rémunérés, sur des chantiers utiles au quartier — peinture d’une école, entretien d’un parc —
        encadrés par un éducateur et un professionnel. Le chantier est la première marche d’un
        parcours vers l’emploi.""",
        context="""Les éducateurs de prévention rencontraient des jeunes qui avaient décroché de tout
        et ne se rendaient plus dans aucune structure. Il fallait une première expérience concrète,
        rémunérée et courte pour reprendre confiance.""",
        objectives="""- Renouer le contact avec des jeunes en rupture.
        - Leur faire vivre une première expérience de travail valorisante.
        - Les orienter vers une formation ou un emploi.""",
        actions="""Chaque année, {sites} chantiers de deux à quatre semaines sont organisés avec les
        bailleurs sociaux et les services techniques. Les jeunes signent un contrat de travail. À la fin,
        un bilan individuel est fait avec la mission locale.""",
        results="""{young} jeunes ont participé depuis {year}. Six mois après, {percent} % étaient en
        formation, en emploi ou suivis par la mission locale.""",
        lessons="""Le salaire, même modeste, est un levier puissant. Le lien avec la mission locale
        doit être préparé avant la fin du chantier.""",
        themes="employment social_inclusion coexistence",
        targets="young_people at_risk",
        sdgs="8 10 11",
        principles="16 17",
        departments="employment youth safety",
        partners=[
            ("Mission locale", "public_body"),
            ("Bailleurs sociaux", "business"),
            ("Association de prévention spécialisée", "civil_society"),
        ],
        budget="50k-200k",
        figures={"sites": (8, 30), "young": (120, 700), "percent": (48, 70)},
        translations={
            "en": (
                "Paid work projects for young people {in_city}",
                """Young people aged 16 to 25 with no job or training work, paid, for a few weeks on
                projects that help the neighbourhood — painting a school, looking after a park —
                supervised by a youth worker and a professional. The project is the first step on a path
                to a job.""",
            ),
            "es": (
                "Obras educativas para jóvenes {in_city}",
                """Jóvenes de 16 a 25 años sin empleo ni formación trabajan unas semanas, con sueldo,
                en obras útiles para el barrio —pintar una escuela, cuidar un parque— acompañados por un
                educador y un profesional. La obra es el primer paso de un itinerario hacia el
                empleo.""",
            ),
            "pt": (
                "Obras educativas para jovens {in_city}",
                """Jovens dos 16 aos 25 anos sem emprego nem formação trabalham algumas semanas,
                remunerados, em obras úteis ao bairro — pintar uma escola, cuidar de um jardim —
                acompanhados por um educador e um profissional. A obra é o primeiro degrau de um percurso
                para o emprego.""",
            ),
        },
    ),
    practice(
        key="budget-participatif-colleges",
        language="fr",
        countries="FR BE CH",
        uses=3,
        title="Budget participatif des collégiens {of_city}",
        summary="""Dans chaque collège, les élèves proposent, chiffrent et votent des projets pour
        améliorer leur établissement et ses abords, avec une enveloppe de la ville. Les délégués
        suivent les travaux avec les services techniques.""",
        context="""Les collégiens se disaient peu écoutés et les projets d’aménagement des
        établissements se décidaient sans eux. En {year}, la ville a voulu faire du budget participatif
        un outil d’éducation à la citoyenneté.""",
        objectives="""- Initier les collégiens à la démocratie participative.
        - Améliorer la vie quotidienne dans les collèges.
        - Apprendre à construire un projet collectif.""",
        actions="""Les élèves déposent leurs idées en septembre ; les services en étudient la
        faisabilité avec eux. Chaque collège dispose de {budget} euros. Le vote a lieu à l’urne, avec des
        assesseurs élèves, comme une vraie élection.""",
        results="""{votes} élèves ont voté à la dernière édition. Les projets réalisés vont du préau
        végétalisé aux casiers, en passant par des tables de ping-pong et des fontaines à eau.""",
        lessons="""Associer les enseignants d’éducation civique permet de relier le budget au
        programme. Réaliser les projets dans l’année scolaire est essentiel.""",
        themes="children_participation citizenship formal_education",
        targets="adolescents educators",
        sdgs="16 4",
        principles="8 20",
        departments="participation education",
        partners=[("Collèges publics de la ville", "school"), ("Conseil départemental", "public_body")],
        budget="50k-200k",
        figures={"budget": (8000, 25000), "votes": (1500, 7000)},
        translations={
            "en": (
                "Participatory budget for secondary pupils {of_city}",
                """In each lower secondary school, pupils propose, cost and vote on projects to
                improve their school and its surroundings, with money from the city. Pupil
                representatives follow the works with the technical services.""",
            ),
            "es": (
                "Presupuesto participativo del alumnado de secundaria {of_city}",
                """En cada instituto, el alumnado propone, presupuesta y vota proyectos para mejorar
                su centro y su entorno, con una partida del ayuntamiento. Los delegados siguen las obras
                con los servicios técnicos.""",
            ),
            "pt": (
                "Orçamento participativo dos alunos do básico {of_city}",
                """Em cada escola, os alunos propõem, orçamentam e votam projetos para melhorar a
                escola e a sua envolvente, com uma verba da cidade. Os delegados acompanham as obras com
                os serviços técnicos.""",
            ),
        },
    ),
]
