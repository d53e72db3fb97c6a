"""Practices written in Portuguese (Portugal, Brazil, Cabo Verde). Written by us for the demo."""

from educities.experiences.demo.practice import practice

PRACTICES = [
    practice(
        key="conselho-criancas",
        language="pt",
        countries="PT BR",
        uses=4,
        title="Conselho Municipal das Crianças {of_city}",
        summary="""Crianças dos 8 aos 12 anos, eleitas nas suas escolas, aconselham a câmara sobre o
        espaço público, a mobilidade e os equipamentos do município. Reúnem-se uma vez por mês e
        apresentam as suas propostas ao executivo municipal uma vez por ano.""",
        context="""As crianças usam a cidade todos os dias, mas raramente são ouvidas quando ela se
        transforma. Em {year}, o município decidiu criar um órgão próprio para que a sua opinião
        chegasse às decisões e não ficasse em inquéritos sem resposta.""",
        objectives="""- Dar às crianças um lugar real nas decisões sobre a cidade.
        - Aprender a democracia a praticá-la: debater, votar, negociar e prestar contas.
        - Levar os serviços municipais a olhar para a cidade à altura de uma criança.""",
        actions="""Cada uma das {schools} escolas do 1.º e 2.º ciclo elege dois conselheiros por dois
        anos. O conselho reúne-se no salão nobre uma vez por mês, com duas animadoras da divisão de
        educação, e trabalha em comissões: espaço público, ambiente e escola.

        - Visitas de diagnóstico ao bairro com mapas e máquinas fotográficas.
        - Audições com técnicos e vereadores, que respondem por escrito a cada proposta.
        - Uma sessão anual aberta em que as crianças apresentam as propostas ao executivo.""",
        results="""Desde {year}, passaram pelo conselho {children} crianças. {proposals} propostas
        foram aprovadas, entre elas a reabilitação de parques infantis, novas passadeiras junto às
        escolas e bebedouros nos jardins. Na avaliação feita com a universidade, {percent} % dos
        conselheiros dizem sentir que «a câmara os ouve».""",
        lessons="""Um conselho de crianças só funciona se os adultos responderem: cada proposta recebe
        uma resposta fundamentada, mesmo quando é recusada. O modelo é transferível a qualquer
        município com uma equipa pequena e estável e o apoio claro do presidente da câmara.""",
        themes="children_participation citizenship public_space",
        targets="children educators",
        sdgs="4 11 16",
        principles="8 11 20",
        departments="education childhood participation",
        partners=[
            ("Agrupamentos de escolas {of_city}", "school"),
            ("{university}", "university"),
            ("Associação de pais e encarregados de educação", "civil_society"),
        ],
        budget="10k-50k",
        figures={"schools": (8, 28), "children": (180, 640), "proposals": (14, 46), "percent": (71, 93)},
        translations={
            "fr": (
                "Conseil municipal des enfants {of_city}",
                """Des enfants de 8 à 12 ans, élus dans leurs écoles, conseillent la mairie sur
                l’espace public, la mobilité et les équipements de la commune. Ils se réunissent une
                fois par mois et présentent leurs propositions à l’exécutif municipal une fois par an.""",
            ),
            "en": (
                "Children’s municipal council {of_city}",
                """Children aged 8 to 12, elected in their schools, advise the city council on public
                space, mobility and municipal facilities. They meet once a month and present their
                proposals to the mayor and councillors once a year.""",
            ),
            "es": (
                "Consejo Municipal de los Niños y Niñas {of_city}",
                """Niños y niñas de 8 a 12 años, elegidos en sus escuelas, asesoran al ayuntamiento
                sobre el espacio público, la movilidad y los equipamientos municipales. Se reúnen una vez
                al mes y presentan sus propuestas al gobierno municipal una vez al año.""",
            ),
        },
        full={
            "fr": {
                "context": """Les enfants utilisent la ville tous les jours, mais on les écoute
                rarement quand elle se transforme. En {year}, la commune a décidé de créer une
                instance propre pour que leur avis arrive jusqu’aux décisions au lieu de rester dans
                des enquêtes sans réponse.""",
                "objectives": """- Donner aux enfants une place réelle dans les décisions sur la
                ville.
                - Apprendre la démocratie en la pratiquant : débattre, voter, négocier et rendre des
                comptes.
                - Amener les services municipaux à regarder la ville à hauteur d’enfant.""",
                "actions": """Chacune des {schools} écoles élémentaires élit deux conseillers pour
                deux ans. Le conseil se réunit une fois par mois dans la salle d’honneur de la mairie,
                avec deux animatrices du service éducation, et travaille en commissions : espace
                public, environnement et école.

                - Des visites de diagnostic du quartier avec des cartes et des appareils photo.
                - Des auditions de techniciens et d’élus, qui répondent par écrit à chaque
                proposition.
                - Une séance publique annuelle où les enfants présentent leurs propositions à
                l’exécutif.""",
                "results": """Depuis {year}, {children} enfants sont passés par le conseil.
                {proposals} propositions ont été adoptées, dont la rénovation d’aires de jeux, de
                nouveaux passages piétons près des écoles et des fontaines à eau dans les jardins.
                Dans l’évaluation menée avec l’université, {percent} % des conseillers disent sentir
                que « la mairie les écoute ».""",
                "lessons": """Un conseil d’enfants ne fonctionne que si les adultes répondent :
                chaque proposition reçoit une réponse motivée, même lorsqu’elle est refusée. Le modèle
                est transférable à toute commune disposant d’une petite équipe stable et du soutien
                clair du maire.""",
            },
            "en": {
                "context": """Children use the city every day, but they are rarely heard when it
                changes. In {year} the municipality decided to create a body of their own, so that
                their views would reach decisions instead of ending in surveys nobody answers.""",
                "objectives": """- Give children a real place in decisions about the city.
                - Learn democracy by practising it: debating, voting, negotiating and reporting
                back.
                - Lead municipal services to look at the city from a child’s height.""",
                "actions": """Each of the {schools} primary schools elects two councillors for two
                years. The council meets once a month in the town hall with two facilitators from the
                education department and works in committees: public space, environment and school.

                - Neighbourhood walks with maps and cameras to find what needs to change.
                - Hearings with officers and councillors, who answer each proposal in writing.
                - A yearly public session where the children present their proposals to the
                mayor.""",
                "results": """Since {year}, {children} children have sat on the council.
                {proposals} proposals have been adopted, among them renovated playgrounds, new
                pedestrian crossings near schools and drinking fountains in the parks. In the
                evaluation carried out with the university, {percent}% of the councillors say they
                feel “the council listens to us”.""",
                "lessons": """A children’s council works only if the adults answer: every proposal
                gets a reasoned reply, even when it is turned down. The model can be transferred to
                any municipality with a small, stable team and the mayor’s clear support.""",
            },
        },
    ),
    practice(
        key="comboio-a-pe",
        language="pt",
        countries="PT",
        title="Comboio a pé: a caminho da escola {in_city}",
        summary="""Grupos de alunos vão a pé para a escola por percursos fixos, acompanhados por pais e
        voluntários, com paragens e horários como um autocarro. O programa reduziu o trânsito à porta
        das escolas e devolveu autonomia às crianças.""",
        context="""Em {year}, mais de metade dos alunos do 1.º ciclo chegava à escola de carro, mesmo
        morando a menos de um quilómetro. As filas de automóveis à porta das escolas criavam perigo e
        poluição, e as crianças perdiam a oportunidade de conhecer o seu bairro.""",
        objectives="""- Aumentar o número de crianças que vão a pé para a escola.
        - Tornar os percursos mais seguros, com a ajuda das próprias crianças.
        - Promover a atividade física e a autonomia progressiva.""",
        actions="""Com as escolas e as associações de pais, a câmara desenhou {routes} linhas com
        paragens sinalizadas e horários. Cada «comboio» tem dois adultos por cada doze crianças, com
        coletes refletores. Os alunos fizeram auditorias aos percursos e as suas observações levaram a
        obras: passeios alargados, passadeiras elevadas e a redução da velocidade para 30 km/h.""",
        results="""No ano letivo passado, {children} crianças usaram o comboio a pé pelo menos três
        vezes por semana. A chegada de carro às escolas participantes baixou {percent} %. Os pais
        voluntários passaram de {volunteers} no primeiro ano para o dobro.""",
        lessons="""O segredo é a regularidade: as linhas funcionam mesmo com chuva. As obras pedidas
        pelas crianças dão credibilidade ao programa. Começar por uma escola com uma associação de pais
        ativa facilita o contágio às outras.""",
        themes="mobility sustainability health",
        targets="children families",
        sdgs="3 11 13",
        principles="11 13 14",
        departments="mobility education environment",
        partners=[
            ("Associações de pais {of_city}", "civil_society"),
            ("Polícia de Segurança Pública", "public_body"),
            ("Agrupamentos de escolas {of_city}", "school"),
        ],
        budget="lt10k",
        figures={"routes": (4, 16), "children": (150, 820), "percent": (18, 41), "volunteers": (20, 70)},
        translations={
            "fr": (
                "Pédibus : à pied vers l’école {in_city}",
                """Des groupes d’élèves vont à l’école à pied par des itinéraires fixes, accompagnés
                de parents et de bénévoles, avec des arrêts et des horaires comme un bus. Le programme a
                réduit la circulation devant les écoles et rendu de l’autonomie aux enfants.""",
            ),
            "en": (
                "Walking bus to school {in_city}",
                """Groups of pupils walk to school along fixed routes, accompanied by parents and
                volunteers, with stops and timetables like a bus. The programme has cut traffic at the
                school gates and given children back their independence.""",
            ),
            "es": (
                "Pedibús: caminando a la escuela {in_city}",
                """Grupos de alumnos van a pie a la escuela por recorridos fijos, acompañados por
                familias y voluntarios, con paradas y horarios como un autobús. El programa ha reducido
                el tráfico a la puerta de las escuelas y ha devuelto autonomía a los niños.""",
            ),
        },
    ),
    practice(
        key="hortas-escolares",
        language="pt",
        countries="PT BR CV",
        uses=5,
        title="Hortas pedagógicas nas escolas {of_city}",
        summary="""Cada escola municipal cultiva a sua horta, cuidada por alunos, professores e vizinhos.
        Os legumes entram nas refeições escolares e a horta torna-se uma sala de aula ao ar livre para
        ciências, matemática e alimentação saudável.""",
        context="""Muitas crianças da cidade nunca viram crescer aquilo que comem. Ao mesmo tempo, as
        escolas tinham terrenos sem uso e a alimentação escolar precisava de mais frescos. Em {year}, a
        educação e o ambiente juntaram-se para transformar esses terrenos em hortas.""",
        objectives="""- Criar uma horta pedagógica em todas as escolas municipais.
        - Ligar a horta ao currículo e à alimentação escolar.
        - Abrir as hortas ao bairro, com vizinhos e avós como voluntários.""",
        actions="""Um técnico agrícola acompanha as escolas e forma os professores. Os alunos planeiam
        os canteiros, fazem compostagem com os restos do refeitório e registam colheitas e chuvas.
        Nas férias, associações do bairro e reformados regam e colhem.

        - Oficinas de culinária com as colheitas.
        - Troca de sementes entre escolas na primavera.""",
        results="""Hoje há hortas em {schools} escolas, com cerca de {pupils} alunos envolvidos. As
        escolas compostam {tonnes} toneladas de resíduos orgânicos por ano. Os professores dizem usar
        a horta em matemática e ciências pelo menos uma vez por semana.""",
        lessons="""A horta precisa de um adulto responsável por escola e de um plano para as férias. A
        ligação ao refeitório dá-lhe sentido: as crianças comem o que cultivaram.""",
        themes="sustainability formal_education health",
        targets="children educators families",
        sdgs="2 4 12 13",
        principles="13 14 6",
        departments="education environment",
        partners=[
            ("Associação de moradores do bairro", "civil_society"),
            ("{university}", "university"),
            ("Cooperativa agrícola local", "business"),
        ],
        budget="10k-50k",
        figures={"schools": (9, 42), "pupils": (900, 5200), "tonnes": (3, 19)},
        translations={
            "fr": (
                "Potagers pédagogiques dans les écoles {of_city}",
                """Chaque école municipale cultive son potager, entretenu par les élèves, les
                enseignants et les voisins. Les légumes entrent dans les repas scolaires et le potager
                devient une salle de classe en plein air pour les sciences, les mathématiques et
                l’alimentation saine.""",
            ),
            "en": (
                "Teaching gardens in the schools {of_city}",
                """Every municipal school grows its own vegetable garden, looked after by pupils,
                teachers and neighbours. The vegetables go into school meals and the garden becomes an
                outdoor classroom for science, maths and healthy eating.""",
            ),
            "es": (
                "Huertos pedagógicos en las escuelas {of_city}",
                """Cada escuela municipal cultiva su huerto, cuidado por alumnos, docentes y vecinos.
                Las verduras llegan al comedor escolar y el huerto se convierte en un aula al aire libre
                para ciencias, matemáticas y alimentación saludable.""",
            ),
        },
    ),
    practice(
        key="op-jovem",
        language="pt",
        countries="PT BR CV",
        uses=5,
        title="Orçamento Participativo Jovem {of_city}",
        summary="""Jovens dos 14 aos 30 anos propõem, debatem e votam projetos para a cidade com uma
        parte do orçamento municipal reservada para eles. Os projetos vencedores são executados pela
        câmara no ano seguinte, com acompanhamento dos proponentes.""",
        context="""A participação dos jovens nos processos participativos gerais era muito baixa. Em
        {year}, o município criou um orçamento participativo próprio, com regras simples, votação
        online e nas escolas, e uma verba garantida todos os anos.""",
        objectives="""- Aproximar os jovens da vida política local.
        - Financiar projetos pensados por jovens para toda a comunidade.
        - Ensinar a elaborar, orçamentar e defender uma proposta.""",
        actions="""O ciclo anual começa com sessões de apresentação nas escolas secundárias e nos
        centros de juventude. As propostas são analisadas pelos serviços técnicos e os proponentes
        ajustam-nas com um técnico. A votação decorre durante três semanas, online e em urnas nas
        escolas.

        - Uma verba anual de {budget} mil euros.
        - Formação em comunicação para os proponentes.
        - Um painel público para acompanhar a execução dos projetos.""",
        results="""Em cada edição participam em média {voters} jovens. Foram executados {projects}
        projetos: espaços de estudo abertos à noite, um skate parque, campanhas de saúde mental e
        equipamento para associações juvenis.""",
        lessons="""A credibilidade depende da execução: um projeto votado e não construído desmobiliza
        uma geração. Votar na escola aumenta muito a participação dos mais novos.""",
        themes="children_participation participation citizenship",
        targets="adolescents young_people",
        sdgs="11 16 10",
        principles="8 20 7",
        departments="youth participation",
        partners=[
            ("Escolas secundárias {of_city}", "school"),
            ("Federação das associações juvenis", "civil_society"),
        ],
        budget="200k-1m",
        figures={"budget": (50, 300), "voters": (1200, 6800), "projects": (12, 48)},
        translations={
            "fr": (
                "Budget participatif des jeunes {of_city}",
                """Des jeunes de 14 à 30 ans proposent, débattent et votent des projets pour la ville
                avec une part du budget municipal qui leur est réservée. Les projets lauréats sont
                réalisés par la mairie l’année suivante, avec le suivi de leurs auteurs.""",
            ),
            "en": (
                "Youth participatory budget {of_city}",
                """Young people aged 14 to 30 propose, debate and vote on projects for the city with a
                share of the municipal budget set aside for them. The winning projects are carried out
                by the council the following year, followed up by those who proposed them.""",
            ),
            "es": (
                "Presupuesto Participativo Joven {of_city}",
                """Jóvenes de 14 a 30 años proponen, debaten y votan proyectos para la ciudad con una
                parte del presupuesto municipal reservada para ellos. Los proyectos ganadores los
                ejecuta el ayuntamiento al año siguiente, con el seguimiento de quienes los
                propusieron.""",
            ),
        },
        full={
            "fr": {
                "context": """La participation des jeunes aux démarches participatives générales
                était très faible. En {year}, la commune a créé un budget participatif propre, avec
                des règles simples, un vote en ligne et dans les écoles, et une enveloppe garantie
                chaque année.""",
                "objectives": """- Rapprocher les jeunes de la vie politique locale.
                - Financer des projets imaginés par des jeunes pour toute la communauté.
                - Apprendre à concevoir, chiffrer et défendre une proposition.""",
                "actions": """Le cycle annuel commence par des séances de présentation dans les
                lycées et les maisons des jeunes. Les propositions sont analysées par les services
                techniques et leurs auteurs les ajustent avec un technicien. Le vote dure trois
                semaines, en ligne et dans des urnes installées dans les écoles.

                - Une enveloppe annuelle de {budget} 000 euros.
                - Une formation à la prise de parole pour les porteurs de projets.
                - Un tableau de bord public pour suivre la réalisation des projets.""",
                "results": """Chaque édition réunit en moyenne {voters} jeunes votants. {projects}
                projets ont été réalisés : des salles d’étude ouvertes le soir, un skatepark, des
                campagnes sur la santé mentale et du matériel pour des associations de jeunes.""",
                "lessons": """La crédibilité dépend de la réalisation : un projet voté mais jamais
                construit démobilise une génération. Voter à l’école augmente beaucoup la
                participation des plus jeunes.""",
            },
            "en": {
                "context": """Young people hardly took part in the city’s general participatory
                processes. In {year} the municipality created a budget of their own, with simple rules,
                online and in-school voting, and a sum guaranteed every year.""",
                "objectives": """- Bring young people closer to local politics.
                - Fund projects designed by young people for the whole community.
                - Learn how to design, cost and argue for a proposal.""",
                "actions": """Each yearly cycle starts with presentations in secondary schools and
                youth centres. The proposals are checked by the technical services and their authors
                adjust them with an officer. Voting lasts three weeks, online and at ballot boxes in
                the schools.

                - A yearly budget of {budget},000 euros.
                - Public-speaking training for the young people who propose projects.
                - A public dashboard to follow how the projects are carried out.""",
                "results": """Each round draws on average {voters} young voters. {projects} projects
                have been built: study rooms open in the evening, a skate park, mental-health
                campaigns and equipment for youth associations.""",
                "lessons": """Credibility depends on delivery: a project voted for and never built
                puts off a whole generation. Voting at school greatly increases the participation of
                the youngest.""",
            },
        },
    ),
    practice(
        key="universidade-senior",
        language="pt",
        countries="PT CV",
        title="Universidade Sénior {of_city}",
        summary="""Pessoas com mais de 55 anos frequentam aulas de línguas, história, informática,
        teatro e saúde, dadas por professores voluntários, em espaços municipais. A universidade
        sénior combate o isolamento e mantém as pessoas ativas e ligadas à cidade.""",
        context="""A população com mais de 65 anos cresceu muito na última década e muitas pessoas
        vivem sozinhas. Em {year}, um grupo de professores reformados propôs à câmara criar uma
        universidade sénior; o município cedeu salas e assumiu a coordenação.""",
        objectives="""- Oferecer aprendizagem ao longo da vida a pessoas mais velhas.
        - Prevenir o isolamento social e promover o envelhecimento ativo.
        - Valorizar o saber dos reformados como professores voluntários.""",
        actions="""A universidade funciona de outubro a junho, com {courses} disciplinas e cerca de
        {teachers} professores voluntários. Além das aulas, há um coro, um grupo de teatro, caminhadas e
        visitas de estudo. Os alunos participam em projetos com as escolas, contando às crianças como
        era a cidade.""",
        results="""Este ano estão inscritos {students} alunos, {women} % dos quais mulheres. Num
        inquérito anual, nove em cada dez dizem sentir-se menos sós desde que frequentam a
        universidade.""",
        lessons="""A força do projeto está no voluntariado e no sentido de pertença. O município deve
        garantir espaços acessíveis e transporte para quem mora longe do centro.""",
        themes="lifelong_learning intergenerational health",
        targets="older_people",
        sdgs="3 4 10",
        principles="1 5 19",
        departments="older_people culture social",
        partners=[
            ("Associação de professores reformados", "civil_society"),
            ("Rede de Universidades da Terceira Idade (RUTIS)", "civil_society"),
        ],
        budget="10k-50k",
        figures={"courses": (18, 45), "teachers": (25, 70), "students": (240, 980), "women": (64, 78)},
        translations={
            "fr": (
                "Université des seniors {of_city}",
                """Des personnes de plus de 55 ans suivent des cours de langues, d’histoire,
                d’informatique, de théâtre et de santé, donnés par des enseignants bénévoles dans des
                locaux municipaux. L’université des seniors lutte contre l’isolement et garde les
                personnes actives et liées à la ville.""",
            ),
            "en": (
                "Senior University {of_city}",
                """People over 55 attend classes in languages, history, computing, theatre and health,
                taught by volunteer teachers in municipal buildings. The senior university fights
                isolation and keeps people active and connected to the city.""",
            ),
            "es": (
                "Universidad Sénior {of_city}",
                """Personas de más de 55 años asisten a clases de idiomas, historia, informática,
                teatro y salud, impartidas por profesores voluntarios en espacios municipales. La
                universidad sénior combate el aislamiento y mantiene a las personas activas y
                vinculadas a la ciudad.""",
            ),
        },
    ),
    practice(
        key="acolhimento-migrantes",
        language="pt",
        countries="PT",
        title="Acolher para incluir: famílias migrantes {in_city}",
        summary="""Um programa municipal acompanha as famílias recém-chegadas nos primeiros meses:
        aulas de português, matrícula dos filhos na escola, acesso à saúde e ligação a associações do
        bairro. Cada família tem um mediador intercultural de referência.""",
        context="""O número de famílias imigrantes quase triplicou em poucos anos, sobretudo vindas do
        Brasil, da Índia, do Nepal e dos países africanos de língua portuguesa. Os serviços estavam
        dispersos e as famílias não sabiam a quem se dirigir.""",
        objectives="""- Garantir um primeiro acolhimento com informação clara e numa língua que a
        família entenda.
        - Matricular todas as crianças na escola nas primeiras semanas.
        - Criar laços entre famílias recém-chegadas e o bairro.""",
        actions="""O Centro Local de Apoio à Integração de Migrantes funciona num espaço municipal com
        {mediators} mediadores que falam várias línguas. Organiza aulas de português para adultos com
        creche, sessões sobre o sistema escolar e de saúde, e «padrinhos» voluntários que acompanham
        cada família durante seis meses.""",
        results="""Desde {year} foram acompanhadas {families} famílias. {percent} % das crianças foram
        matriculadas na escola no primeiro mês. Mais de {students} adultos frequentaram as aulas de
        português.""",
        lessons="""Ter um único ponto de entrada e um mediador de referência muda a experiência das
        famílias. A creche durante as aulas é decisiva para que as mães possam participar.""",
        themes="interculturality social_inclusion formal_education",
        targets="migrants families",
        sdgs="10 4 16",
        principles="3 17 7",
        departments="social education international",
        partners=[
            ("Agência para a Integração, Migrações e Asilo (AIMA)", "public_body"),
            ("{redcross}", "civil_society"),
            ("Associações de imigrantes", "civil_society"),
        ],
        budget="50k-200k",
        figures={"mediators": (3, 9), "families": (260, 1400), "percent": (82, 97), "students": (300, 1600)},
        translations={
            "fr": (
                "Accueillir pour inclure : les familles migrantes {in_city}",
                """Un programme municipal accompagne les familles nouvellement arrivées pendant leurs
                premiers mois : cours de portugais, inscription des enfants à l’école, accès aux soins
                et lien avec les associations du quartier. Chaque famille a un médiateur interculturel
                de référence.""",
            ),
            "en": (
                "Welcoming migrant families {in_city}",
                """A municipal programme supports newly arrived families during their first months:
                Portuguese classes, enrolling the children in school, access to health care and links
                with neighbourhood associations. Each family has its own intercultural mediator.""",
            ),
            "es": (
                "Acoger para incluir: familias migrantes {in_city}",
                """Un programa municipal acompaña a las familias recién llegadas en sus primeros
                meses: clases de portugués, matrícula de los hijos en la escuela, acceso a la salud y
                contacto con asociaciones del barrio. Cada familia tiene un mediador intercultural de
                referencia.""",
            ),
        },
    ),
    practice(
        key="bairro-escola",
        language="pt",
        countries="BR",
        title="Bairro-Escola: educação integral {in_city}",
        summary="""As escolas municipais ampliam a jornada escolar usando o bairro como território
        educativo: praças, clubes, bibliotecas, igrejas e ateliês recebem os alunos no contraturno,
        com oficinas de arte, esporte, ciência e reforço escolar.""",
        context="""As escolas funcionavam em dois turnos curtos e não tinham espaço para atividades
        complementares. Em {year}, a prefeitura decidiu apostar na educação integral sem esperar por
        novos prédios, mapeando os espaços educativos de cada bairro.""",
        objectives="""- Oferecer sete horas diárias de educação aos alunos do ensino fundamental.
        - Reconhecer o bairro e seus moradores como educadores.
        - Reduzir o abandono e a defasagem idade-série.""",
        actions="""Cada escola tem um coordenador comunitário que articula parcerias com os espaços do
        bairro. Os alunos circulam a pé, acompanhados por monitores, entre a escola e {spaces} espaços
        parceiros. Agentes culturais e esportivos locais são contratados como oficineiros.

        - Mapeamento participativo dos espaços educativos com os alunos.
        - Formação conjunta de professores e oficineiros.
        - Fórum anual do Bairro-Escola com famílias.""",
        results="""O programa chega a {pupils} alunos de {schools} escolas. A taxa de abandono nas
        escolas participantes caiu para menos de {dropout} %, e a proficiência em leitura melhorou
        acima da média da rede.""",
        lessons="""A educação integral não depende só de prédios: depende de acordos com o território.
        Os monitores e a segurança dos trajetos exigem atenção permanente.""",
        themes="formal_education public_space social_inclusion",
        targets="children adolescents families",
        sdgs="4 10 11",
        principles="2 6 12",
        departments="education culture sport",
        partners=[
            ("Associações de moradores {of_city}", "civil_society"),
            ("Fundação Itaú Social", "foundation"),
            ("{university}", "university"),
        ],
        budget="gt1m",
        figures={"spaces": (40, 260), "pupils": (4000, 38000), "schools": (18, 120), "dropout": (2, 4)},
        translations={
            "fr": (
                "Quartier-École : l’éducation à temps plein {in_city}",
                """Les écoles municipales allongent la journée scolaire en utilisant le quartier comme
                territoire éducatif : places, clubs, bibliothèques et ateliers accueillent les élèves
                hors du temps de classe, avec des ateliers d’art, de sport, de sciences et du soutien
                scolaire.""",
            ),
            "en": (
                "Neighbourhood-School: full-time education {in_city}",
                """Municipal schools extend the school day by using the neighbourhood as a learning
                ground: squares, clubs, libraries and workshops welcome pupils outside class hours for
                art, sport, science and homework support.""",
            ),
            "es": (
                "Barrio-Escuela: educación integral {in_city}",
                """Las escuelas municipales amplían la jornada escolar usando el barrio como
                territorio educativo: plazas, clubes, bibliotecas y talleres reciben a los alumnos en
                el contraturno, con talleres de arte, deporte, ciencia y refuerzo escolar.""",
            ),
        },
    ),
    practice(
        key="eja-alfabetizacao",
        language="pt",
        countries="BR CV",
        title="Alfabetização de jovens e adultos {in_city}",
        summary="""Turmas de alfabetização para jovens e adultos funcionam à noite em escolas,
        associações e igrejas dos bairros, com educadores populares formados pelo município. O
        programa usa temas da vida dos alunos — trabalho, saúde, direitos — como ponto de partida.""",
        context="""O último censo mostrou que uma parte importante dos adultos do município não sabia
        ler nem escrever, sobretudo mulheres com mais de 40 anos e trabalhadores rurais. As turmas
        existentes ficavam longe e em horários incompatíveis com o trabalho.""",
        objectives="""- Alfabetizar adultos perto de casa, em horários possíveis.
        - Levar os alunos a continuar os estudos na educação de jovens e adultos.
        - Formar educadores populares da própria comunidade.""",
        actions="""Inspirado no método de Paulo Freire, cada curso começa por levantar as palavras
        geradoras da comunidade. O município forma os educadores, fornece material e óculos gratuitos
        depois de um rastreio visual, e garante lanche em todas as aulas.""",
        results="""Desde {year}, {students} pessoas frequentaram as {classes} turmas; {percent} %
        concluíram o ciclo de alfabetização e muitas seguiram para a escola noturna.""",
        lessons="""O rastreio visual e o lanche parecem detalhes, mas reduzem muito o abandono. Os
        educadores da própria comunidade criam confiança.""",
        themes="lifelong_learning social_inclusion",
        targets="women at_risk young_people",
        sdgs="4 5 10",
        principles="1 17 18",
        departments="education social",
        partners=[
            ("Instituto Paulo Freire", "civil_society"),
            ("Pastoral da Criança", "civil_society"),
            ("{university}", "university"),
        ],
        budget="50k-200k",
        figures={"students": (600, 4200), "classes": (20, 120), "percent": (58, 79)},
        translations={
            "fr": (
                "Alphabétisation des jeunes et des adultes {in_city}",
                """Des cours d’alphabétisation pour jeunes et adultes ont lieu le soir dans des écoles,
                des associations et des églises des quartiers, animés par des éducateurs populaires
                formés par la commune. Le programme part de la vie des apprenants : travail, santé,
                droits.""",
            ),
            "en": (
                "Literacy for young people and adults {in_city}",
                """Literacy classes for young people and adults are held in the evening in schools,
                associations and churches across the neighbourhoods, led by community educators trained
                by the city. The programme starts from learners’ lives: work, health and rights.""",
            ),
            "es": (
                "Alfabetización de jóvenes y adultos {in_city}",
                """Grupos de alfabetización para jóvenes y adultos funcionan por la noche en escuelas,
                asociaciones e iglesias de los barrios, con educadores populares formados por el
                municipio. El programa parte de la vida de los alumnos: trabajo, salud y derechos.""",
            ),
        },
    ),
    practice(
        key="orquestras-bairros",
        language="pt",
        countries="PT BR",
        title="Orquestras nos bairros {of_city}",
        summary="""Crianças e jovens de bairros de habitação social aprendem um instrumento e tocam em
        orquestra várias vezes por semana, gratuitamente, na sua escola. A música é o caminho para a
        disciplina, a autoestima e o sucesso escolar.""",
        context="""Inspirado no Sistema venezuelano, o projeto nasceu em {year} em dois bairros com
        insucesso escolar elevado, onde quase nenhuma criança tinha acesso ao ensino artístico.""",
        objectives="""- Dar acesso gratuito ao ensino da música a crianças de bairros desfavorecidos.
        - Melhorar a autoestima, a concentração e os resultados escolares.
        - Aproximar as famílias da escola através dos concertos.""",
        actions="""Professores de música trabalham nas escolas depois das aulas, {hours} horas por
        semana. Os instrumentos são emprestados e as crianças levam-nos para casa. Há concertos
        trimestrais nos bairros e um concerto anual no teatro municipal, com as famílias na plateia.""",
        results="""Hoje tocam {children} crianças em {orchestras} orquestras. As escolas participantes
        registam menos retenções e os professores destacam a melhoria da concentração. Alguns antigos
        alunos já estudam no conservatório.""",
        lessons="""Empréstimo do instrumento e continuidade dos professores são essenciais. O concerto
        no teatro municipal tem um enorme valor simbólico para as famílias.""",
        themes="culture social_inclusion formal_education",
        targets="children adolescents families",
        sdgs="4 10",
        principles="4 17 1",
        departments="culture education social",
        partners=[
            ("Conservatório de Música {of_city}", "school"),
            ("Fundação Calouste Gulbenkian", "foundation"),
        ],
        budget="200k-1m",
        figures={"hours": (6, 12), "children": (120, 700), "orchestras": (3, 12)},
        translations={
            "fr": (
                "Des orchestres dans les quartiers {of_city}",
                """Des enfants et des jeunes de quartiers d’habitat social apprennent un instrument et
                jouent en orchestre plusieurs fois par semaine, gratuitement, dans leur école. La
                musique est un chemin vers la discipline, l’estime de soi et la réussite scolaire.""",
            ),
            "en": (
                "Orchestras in the neighbourhoods {of_city}",
                """Children and young people from social housing estates learn an instrument and play
                in an orchestra several times a week, free of charge, at their school. Music is their
                way to discipline, self-esteem and success at school.""",
            ),
            "es": (
                "Orquestas en los barrios {of_city}",
                """Niños y jóvenes de barrios de vivienda social aprenden un instrumento y tocan en
                orquesta varias veces por semana, gratis, en su escuela. La música es el camino hacia la
                disciplina, la autoestima y el éxito escolar.""",
            ),
        },
    ),
    practice(
        key="cidade-sala-de-aula",
        language="pt",
        countries="PT",
        title="A cidade como sala de aula: percursos de património {in_city}",
        summary="""Um catálogo municipal de percursos pedagógicos leva todas as turmas a descobrir o
        património, os ofícios e a natureza do concelho, com transporte gratuito e guias formados.
        Cada percurso está ligado às aprendizagens essenciais de cada ano.""",
        context="""As visitas de estudo dependiam da iniciativa de cada professor e do dinheiro das
        famílias. Em {year}, a câmara reuniu museus, arquivo, biblioteca e associações num único
        programa educativo, gratuito para todas as escolas.""",
        objectives="""- Garantir que cada aluno conhece a história e o território do seu concelho.
        - Ligar os recursos culturais da cidade ao currículo.
        - Igualar oportunidades: nenhuma turma fica de fora por falta de transporte.""",
        actions="""O catálogo propõe {routes} percursos: o centro histórico, os moinhos, a frente
        ribeirinha, as profissões tradicionais, o arquivo municipal. Os guias fazem formação comum e
        cada percurso tem materiais para antes e depois da visita.""",
        results="""No último ano letivo realizaram-se {visits} visitas com {pupils} alunos. Todas as
        escolas do concelho participaram, incluindo as das freguesias rurais.""",
        lessons="""O transporte gratuito é o que garante a igualdade. Trabalhar com os professores na
        preparação dos materiais aumenta o uso dos percursos.""",
        themes="culture formal_education",
        targets="children adolescents educators",
        sdgs="4 11",
        principles="6 10 4",
        departments="culture education",
        partners=[
            ("Museu municipal {of_city}", "public_body"),
            ("Agrupamentos de escolas {of_city}", "school"),
            ("Associação de defesa do património", "civil_society"),
        ],
        budget="50k-200k",
        figures={"routes": (12, 40), "visits": (300, 1500), "pupils": (5000, 28000)},
        translations={
            "fr": (
                "La ville comme salle de classe : parcours du patrimoine {in_city}",
                """Un catalogue municipal de parcours pédagogiques emmène toutes les classes découvrir
                le patrimoine, les métiers et la nature de la commune, avec un transport gratuit et des
                guides formés. Chaque parcours est relié aux programmes de chaque niveau.""",
            ),
            "en": (
                "The city as a classroom: heritage routes {in_city}",
                """A municipal catalogue of learning routes takes every class to discover the
                heritage, crafts and nature of the municipality, with free transport and trained
                guides. Each route is linked to what pupils learn in their year.""",
            ),
            "es": (
                "La ciudad como aula: rutas de patrimonio {in_city}",
                """Un catálogo municipal de itinerarios pedagógicos lleva a todos los grupos a
                descubrir el patrimonio, los oficios y la naturaleza del municipio, con transporte
                gratuito y guías formados. Cada ruta está ligada al currículo de cada curso.""",
            ),
        },
    ),
    practice(
        key="seniores-digitais",
        language="pt",
        countries="PT BR",
        title="Seniores digitais {in_city}",
        summary="""Jovens voluntários ensinam pessoas mais velhas a usar o telemóvel, a marcar
        consultas, a falar por vídeo com a família e a evitar burlas, em sessões semanais nas juntas e
        nos centros de dia.""",
        context="""A pandemia mostrou que muitos idosos ficavam isolados e sem acesso a serviços por
        não saberem usar ferramentas digitais. Em {year}, o município lançou um programa de
        capacitação digital com jovens do ensino secundário e universitário.""",
        objectives="""- Dar autonomia digital às pessoas com mais de 65 anos.
        - Prevenir burlas online.
        - Criar laços entre gerações.""",
        actions="""As sessões, em grupos de seis, decorrem em {places} locais do concelho. Cada
        pessoa traz o seu telemóvel; quem não tem pode pedir um emprestado. Os jovens recebem formação
        sobre comunicação com pessoas idosas e o trabalho conta como voluntariado curricular.""",
        results="""Já participaram {seniors} pessoas idosas e {volunteers} jovens. {percent} % dizem
        conseguir agora marcar uma consulta sozinhas.""",
        lessons="""Aprender com o próprio telemóvel funciona muito melhor do que em computadores de
        uma sala. A relação entre jovens e idosos é tão valiosa como a competência digital.""",
        themes="digital intergenerational lifelong_learning",
        targets="older_people young_people",
        sdgs="4 10 9",
        principles="5 7 1",
        departments="older_people digital youth",
        partners=[
            ("Escolas secundárias {of_city}", "school"),
            ("Juntas de freguesia {of_city}", "public_body"),
        ],
        budget="lt10k",
        start_years=(2020, 2024),
        figures={"places": (6, 22), "seniors": (300, 1900), "volunteers": (40, 220), "percent": (61, 88)},
        translations={
            "fr": (
                "Seniors numériques {in_city}",
                """Des jeunes bénévoles apprennent aux personnes âgées à utiliser leur téléphone, à
                prendre rendez-vous chez le médecin, à appeler leur famille en vidéo et à éviter les
                arnaques, lors de séances hebdomadaires dans les mairies de quartier et les centres de
                jour.""",
            ),
            "en": (
                "Digital seniors {in_city}",
                """Young volunteers teach older people to use their phones, book medical appointments,
                video-call their families and avoid scams, in weekly sessions at parish offices and day
                centres.""",
            ),
            "es": (
                "Mayores digitales {in_city}",
                """Jóvenes voluntarios enseñan a personas mayores a usar el móvil, pedir cita médica,
                hablar por vídeo con la familia y evitar estafas, en sesiones semanales en juntas
                vecinales y centros de día.""",
            ),
        },
    ),
    practice(
        key="futebol-de-rua",
        language="pt",
        countries="BR PT CV",
        title="Esporte na praça: futebol e inclusão {in_city}",
        summary="""Aos fins de semana, praças e quadras dos bairros recebem torneios de futebol de rua
        com regras próprias: equipes mistas, sem árbitro, e gols que só valem se o time respeitar o
        fair play. O esporte é a porta de entrada para acompanhar jovens em risco.""",
        context="""Os bairros periféricos tinham poucas atividades para adolescentes ao fim de semana e
        as quadras estavam degradadas. Em {year}, a secretaria de esportes e a assistência social
        criaram juntas um programa com educadores de rua.""",
        objectives="""- Ocupar o espaço público com atividades positivas.
        - Promover a igualdade entre meninas e meninos no esporte.
        - Criar um vínculo entre educadores e jovens em situação de risco.""",
        actions="""As quadras foram reabilitadas com os próprios jovens. Educadores sociais e
        monitores esportivos organizam torneios mensais em {courts} quadras, com mediação no lugar de
        arbitragem. Entre jogos há rodas de conversa sobre temas escolhidos pelos jovens.""",
        results="""Participam regularmente {young} jovens, {girls} % dos quais meninas. As equipas de
        assistência social passaram a acompanhar dezenas de famílias que antes não chegavam aos
        serviços.""",
        lessons="""A regra das equipes mistas mudou a presença das meninas no espaço público. A
        continuidade dos educadores é o que cria confiança.""",
        themes="sport social_inclusion gender_equality",
        targets="adolescents at_risk",
        sdgs="3 5 10 16",
        principles="11 17 14",
        departments="sport social youth",
        partners=[
            ("Rede Futebol de Rua", "civil_society"),
            ("Associações de moradores {of_city}", "civil_society"),
        ],
        budget="10k-50k",
        figures={"courts": (5, 24), "young": (250, 1400), "girls": (28, 46)},
        translations={
            "fr": (
                "Le sport sur la place : football et inclusion {in_city}",
                """Le week-end, les places et terrains des quartiers accueillent des tournois de
                football de rue aux règles propres : équipes mixtes, pas d’arbitre, et des buts qui ne
                comptent que si l’équipe respecte le fair-play. Le sport ouvre la porte à
                l’accompagnement de jeunes en difficulté.""",
            ),
            "en": (
                "Sport in the square: street football and inclusion {in_city}",
                """At weekends, neighbourhood squares and courts host street-football tournaments with
                their own rules: mixed teams, no referee, and goals that count only if the team plays
                fair. Sport opens the door to supporting young people at risk.""",
            ),
            "es": (
                "Deporte en la plaza: fútbol e inclusión {in_city}",
                """Los fines de semana, plazas y canchas de los barrios acogen torneos de fútbol
                callejero con reglas propias: equipos mixtos, sin árbitro y goles que solo valen si el
                equipo respeta el juego limpio. El deporte es la puerta de entrada para acompañar a
                jóvenes en riesgo.""",
            ),
        },
    ),
    practice(
        key="jovens-qualifica",
        language="pt",
        countries="PT BR CV",
        title="Jovens Qualifica: formação e emprego {in_city}",
        summary="""Jovens que não estudam nem trabalham recebem um plano individual com um mentor:
        formação curta em áreas com procura, estágio numa empresa local e apoio até ao primeiro
        contrato. O programa junta o município, centros de formação e empresários.""",
        context="""Uma parte importante dos jovens entre 18 e 29 anos estava fora da escola e do
        emprego, muitos sem terem concluído o secundário. Os serviços de emprego não chegavam a eles.""",
        objectives="""- Encontrar e motivar jovens afastados da escola e do emprego.
        - Oferecer formação ligada às necessidades das empresas locais.
        - Acompanhar cada jovem até um emprego ou um regresso aos estudos.""",
        actions="""Educadores de rua e associações juvenis identificam os jovens. Cada um tem um mentor
        e um plano individual. As formações de {weeks} semanas cobrem restauração, logística,
        manutenção de edifícios e programação, e terminam com um estágio remunerado.""",
        results="""Desde {year}, {young} jovens entraram no programa. Seis meses depois, {percent} %
        estavam a trabalhar ou de volta à escola.""",
        lessons="""O mentor é o elemento-chave. Envolver os empresários desde o desenho das formações
        garante estágios e contratos.""",
        themes="employment social_inclusion lifelong_learning",
        targets="young_people at_risk",
        sdgs="8 4 10",
        principles="16 17 18",
        departments="employment youth social",
        partners=[
            ("Instituto do Emprego e Formação Profissional", "public_body"),
            ("Associação empresarial {of_city}", "business"),
            ("Associações juvenis", "civil_society"),
        ],
        budget="200k-1m",
        figures={"weeks": (8, 20), "young": (180, 1100), "percent": (55, 74)},
        translations={
            "fr": (
                "Jeunes Qualifiés : formation et emploi {in_city}",
                """Des jeunes ni en études ni en emploi reçoivent un plan individuel avec un mentor :
                une formation courte dans des métiers qui recrutent, un stage dans une entreprise locale
                et un accompagnement jusqu’au premier contrat. Le programme réunit la commune, des
                centres de formation et des entrepreneurs.""",
            ),
            "en": (
                "Young and Qualified: training and jobs {in_city}",
                """Young people not in education or work get an individual plan with a mentor: short
                training in fields that are hiring, a placement in a local company and support until
                their first contract. The programme brings together the city, training centres and
                employers.""",
            ),
            "es": (
                "Jóvenes Cualificados: formación y empleo {in_city}",
                """Jóvenes que ni estudian ni trabajan reciben un plan individual con un mentor:
                formación corta en sectores con demanda, prácticas en una empresa local y apoyo hasta el
                primer contrato. El programa une al municipio, centros de formación y empresarios.""",
            ),
        },
    ),
    practice(
        key="ruas-de-brincar",
        language="pt",
        countries="PT BR",
        title="Ruas de brincar {in_city}",
        summary="""Uma vez por mês, ruas residenciais fecham ao trânsito durante uma tarde para que as
        crianças brinquem na rua, com os vizinhos a vigiar. São os próprios moradores que pedem o fecho
        da sua rua, com um procedimento simples e gratuito.""",
        context="""As crianças passam cada vez menos tempo a brincar ao ar livre e as ruas tornaram-se
        lugar de carros. Inspirado nas «play streets» britânicas, o município criou em {year} um
        procedimento para que qualquer rua possa ser fechada para brincar.""",
        objectives="""- Devolver a rua às crianças e ao brincar livre.
        - Fortalecer as relações entre vizinhos.
        - Mostrar como pode ser uma rua com menos carros.""",
        actions="""Os moradores pedem o fecho através de um formulário simples; a câmara empresta
        barreiras, sinalética e uma caixa de jogos tradicionais. Um vizinho voluntário fica em cada
        ponta da rua. Não há programa nem animadores: as crianças inventam as brincadeiras.""",
        results="""Já houve ruas de brincar em {streets} ruas, com cerca de {children} crianças por
        tarde. Em várias ruas os moradores pediram depois medidas permanentes de acalmia de
        trânsito.""",
        lessons="""Simplicidade é tudo: um procedimento gratuito e rápido. O brincar livre, sem
        animação, é o que as crianças mais valorizam.""",
        themes="public_space children_participation mobility",
        targets="children families",
        sdgs="3 11",
        principles="11 14 5",
        departments="mobility childhood urban_planning",
        partners=[("Associações de moradores {of_city}", "civil_society")],
        budget="lt10k",
        start_years=(2015, 2024),
        figures={"streets": (12, 90), "children": (15, 45)},
        translations={
            "fr": (
                "Rues aux jeux {in_city}",
                """Une fois par mois, des rues résidentielles sont fermées à la circulation un
                après-midi pour que les enfants jouent dehors, sous l’œil des voisins. Ce sont les
                habitants eux-mêmes qui demandent la fermeture de leur rue, par une démarche simple et
                gratuite.""",
            ),
            "en": (
                "Play streets {in_city}",
                """Once a month, residential streets close to traffic for an afternoon so that
                children can play outside while neighbours keep an eye on them. Residents themselves ask
                for their street to be closed, through a simple, free procedure.""",
            ),
            "es": (
                "Calles para jugar {in_city}",
                """Una vez al mes, calles residenciales se cierran al tráfico durante una tarde para
                que los niños jueguen en la calle, con los vecinos atentos. Son los propios vecinos
                quienes piden el cierre de su calle, con un trámite sencillo y gratuito.""",
            ),
        },
    ),
    practice(
        key="museu-a-noite",
        language="pt",
        countries="PT BR",
        uses=3,
        title="Museu à noite para adolescentes {in_city}",
        summary="""Uma sexta-feira por mês, os museus municipais abrem à noite só para jovens dos 13 aos
        18 anos, com programação criada por um grupo de adolescentes: concertos, jogos de pistas,
        oficinas e DJ entre as coleções.""",
        context="""Os adolescentes eram o público que menos visitava os museus da cidade fora das
        visitas escolares. Em {year}, os museus convidaram um grupo de jovens para pensar o que os
        faria voltar.""",
        objectives="""- Fazer dos museus um lugar onde os adolescentes se sintam em casa.
        - Dar aos jovens a programação e a voz.
        - Ligar as coleções a linguagens contemporâneas.""",
        actions="""Um coletivo de {young} jovens, renovado todos os anos, reúne-se com a equipa
        educativa e programa as noites. As entradas são gratuitas e o transporte público funciona até
        mais tarde nessas noites.""",
        results="""Cada noite recebe entre {min_visitors} e {max_visitors} jovens; muitos vêm pela
        primeira vez a um museu sem a escola. Dois dos jovens programadores seguiram estudos em
        património.""",
        lessons="""Programar com os jovens, e não para eles, faz toda a diferença. Manter a gratuitidade
        e o transporte é decisivo.""",
        themes="culture children_participation",
        targets="adolescents",
        sdgs="4 10 11",
        principles="4 8",
        departments="culture youth",
        partners=[("Museus municipais {of_city}", "public_body"), ("Coletivos juvenis", "civil_society")],
        budget="10k-50k",
        figures={"young": (10, 25), "min_visitors": (150, 250), "max_visitors": (400, 900)},
        translations={
            "fr": (
                "Le musée la nuit pour les ados {in_city}",
                """Un vendredi par mois, les musées municipaux ouvrent le soir rien que pour les
                13-18 ans, avec une programmation imaginée par un groupe d’adolescents : concerts, jeux
                de piste, ateliers et DJ au milieu des collections.""",
            ),
            "en": (
                "Museum nights for teenagers {in_city}",
                """One Friday a month, the municipal museums open in the evening just for 13 to
                18-year-olds, with a programme created by a group of teenagers: concerts, treasure
                hunts, workshops and a DJ among the collections.""",
            ),
            "es": (
                "Museo de noche para adolescentes {in_city}",
                """Un viernes al mes, los museos municipales abren de noche solo para jóvenes de 13 a
                18 años, con una programación creada por un grupo de adolescentes: conciertos, juegos de
                pistas, talleres y DJ entre las colecciones.""",
            ),
        },
    ),
]
