"""What the Secretariat writes back to cities, and the later changes cities propose, in each language."""

# Comments with which staff ask for changes (the city's language).
CHANGES_REQUESTED: dict[str, tuple[str, ...]] = {
    "es": (
        (
            "Gracias por compartir la experiencia. Antes de publicarla, ¿podéis añadir cifras concretas en "
            "«Resultados y evaluación» (participantes, centros, evaluación externa si la hay) e indicar qué "
            "departamentos municipales intervienen?"
        ),
        (
            "El texto de «Acciones y metodología» describe bien las actividades, pero no explica cómo se "
            "coordinan los servicios ni el calendario. Completadlo, por favor, y revisad el resumen: no "
            "debería superar tres frases."
        ),
        (
            "La experiencia es muy interesante. Falta la sección «Lecciones y transferibilidad»: ¿qué "
            "recomendaríais a otra ciudad que quisiera ponerla en marcha?"
        ),
    ),
    "pt": (
        (
            "Obrigado pela experiência. Antes de a publicarmos, podem acrescentar números concretos em "
            "«Resultados e avaliação» (participantes, escolas, avaliação externa) e indicar os serviços "
            "municipais envolvidos?"
        ),
        (
            "O resumo é demasiado longo e repete o contexto. Reduzam-no a duas ou três frases que digam "
            "o que o município faz e para quem."
        ),
        "Falta a secção «Lições e transferibilidade»: o que recomendariam a outro município?",
    ),
    "fr": (
        (
            "Merci pour cette expérience. Avant publication, pouvez-vous préciser les résultats chiffrés "
            "(participants, écoles, évaluation) et les services municipaux concernés ?"
        ),
        (
            "La partie « Actions et méthodologie » décrit les activités mais pas l’organisation : qui "
            "coordonne, avec quel calendrier ? Merci de la compléter."
        ),
        (
            "Le texte contient le nom et la photo d’un enfant : merci de les retirer avant publication, "
            "conformément à notre politique de protection des mineurs."
        ),
    ),
    "en": (
        (
            "Thank you for sharing this experience. Before we publish it, could you add figures to "
            "“Results and evaluation” (participants, schools, any external evaluation) and say which "
            "municipal departments are involved?"
        ),
        (
            "The summary repeats the context; please shorten it to two or three sentences that say what "
            "the city does and for whom."
        ),
        (
            "Please add the “Lessons and transferability” section: what would you tell another city that "
            "wants to start the same programme?"
        ),
    ),
    "ca": (
        (
            "Gràcies per compartir l’experiència. Abans de publicar-la, podeu afegir xifres concretes als "
            "«Resultats i avaluació» i indicar quins departaments municipals hi participen?"
        ),
    ),
}

# Reasons for refusing an experience.
REJECTED: dict[str, tuple[str, ...]] = {
    "es": (
        (
            "La experiencia describe el servicio de una empresa contratada y no la política municipal de la "
            "que forma parte; os invitamos a presentarla desde el punto de vista del ayuntamiento, con su "
            "evaluación."
        ),
        (
            "Se trata de una actividad puntual de un solo día, sin continuidad ni evaluación; el banco "
            "recoge programas y políticas sostenidos en el tiempo."
        ),
    ),
    "pt": (
        (
            "Trata-se de uma atividade pontual de um só dia, sem continuidade nem avaliação; o banco reúne "
            "programas e políticas que perduram."
        ),
    ),
    "fr": (
        (
            "Il s’agit d’une prestation proposée par une entreprise privée et non d’une politique "
            "municipale : elle ne relève pas de la banque d’expériences."
        ),
    ),
    "en": (
        (
            "This is a one-off event without continuity or evaluation; the bank collects programmes and "
            "policies that last."
        ),
    ),
    "ca": (
        (
            "Es tracta d’una activitat puntual d’un sol dia, sense continuïtat ni avaluació; el banc recull "
            "programes i polítiques que perduren."
        ),
    ),
}

# A sentence a city adds to its summary in a later, published revision (its translations go stale).
SUMMARY_UPDATE: dict[str, str] = {
    "es": "En {update_year}, el ayuntamiento decidió extender el programa a todos los distritos.",
    "pt": "Em {update_year}, o município decidiu alargar o programa a todo o seu território.",
    "fr": "En {update_year}, la ville a décidé d’étendre le programme à tous les quartiers.",
    "en": "In {update_year} the city council decided to extend the programme to every district.",
    "ca": "El {update_year}, l’ajuntament va decidir estendre el programa a tots els barris.",
}

# A paragraph and a partner a city adds in a change still waiting for review.
RESULTS_UPDATE: dict[str, tuple[str, tuple[str, str]]] = {
    "es": (
        (
            "Actualización {update_year}: la evaluación externa realizada este año confirma los resultados "
            "y recomienda mantener un equipo estable y ampliar la participación de las familias."
        ),
        ("Observatorio de la infancia y la adolescencia", "public_body"),
    ),
    "pt": (
        (
            "Atualização {update_year}: a avaliação externa feita este ano confirma os resultados e "
            "recomenda manter uma equipa estável e envolver mais as famílias."
        ),
        ("Observatório local da educação", "public_body"),
    ),
    "fr": (
        (
            "Mise à jour {update_year} : l’évaluation externe réalisée cette année confirme les résultats "
            "et recommande de stabiliser l’équipe et d’associer davantage les familles."
        ),
        ("Observatoire local de la jeunesse", "public_body"),
    ),
    "en": (
        (
            "Update {update_year}: this year’s external evaluation confirms the results and recommends "
            "keeping a stable team and involving families more."
        ),
        ("Local education observatory", "public_body"),
    ),
    "ca": (
        (
            "Actualització {update_year}: l’avaluació externa d’aquest any confirma els resultats i "
            "recomana mantenir un equip estable i implicar més les famílies."
        ),
        ("Observatori local de l’educació", "public_body"),
    ),
}
