"""Quote detection and attribution on small built sentences (loads the model once)."""

from __future__ import annotations

import pytest

from conftest import speaker_name
from presse.model import Article, Document

pytestmark = pytest.mark.model


def _analyze(analyzer, text: str) -> Article:
    return analyzer.analyze(Document(text=text))


@pytest.mark.parametrize(
    ("text", "quote", "kind", "speaker"),
    [
        # incise after the quote
        ("« Nous irons jusqu'au bout », a déclaré Emmanuel Macron lundi.", "Nous irons jusqu'au bout", "direct", "Emmanuel Macron"),
        ("« La situation est grave », a-t-elle expliqué. Angela Merkel était à Berlin.", None, "direct", None),
        # colon attribution
        ("Le ministre de l'Intérieur Gérald Darmanin a déclaré : « Nous ne céderons pas. »", "Nous ne céderons pas.", "direct", "Gérald Darmanin"),
        # partial quote governed by a reporting verb
        ("Joe Biden a qualifié la rencontre d'« extrêmement utile ».", "extrêmement utile", "direct", "Joe Biden"),
        # subject carried through coordination
        ("Marine Le Pen a promis un référendum, mais a aussi glissé que « rien n'est joué ».", "rien n'est joué", "direct", "Marine Le Pen"),
        # que-clause
        ("Le porte-parole du gouvernement Olivier Véran a annoncé que les écoles rouvriraient lundi.", "les écoles rouvriraient lundi", "indirect", "Olivier Véran"),
        # infinitive
        ("Boris Johnson a affirmé avoir reçu des garanties de Bruxelles.", "avoir reçu des garanties de Bruxelles", "indirect", "Boris Johnson"),
        # selon X
        ("Selon Jean Castex, la réforme sera votée avant l'été.", "la réforme sera votée avant l'été", "indirect", "Jean Castex"),
        # a stated view
        ("Pour le procureur Jean Martin, cette affaire relève clairement de la corruption.", "cette affaire relève clairement de la corruption", "indirect", "Jean Martin"),
        # an incise closing a sentence, its subject after the verb
        ("Six soldats ont été blessés dans une embuscade près de la frontière, a annoncé mardi le ministère de la Défense.", "Six soldats ont été blessés dans une embuscade près de la frontière", "indirect", "le ministère de la Défense"),
        # agent nouns name people
        ("Les manifestants affirment que la police a tiré sans sommation.", "la police a tiré sans sommation", "indirect", "les manifestants"),
        # an announced intention
        ("Le ministère de la Défense a annoncé sa volonté de poursuivre le constructeur en justice.", "poursuivre le constructeur en justice", "indirect", "le ministère de la Défense"),
        # multiword cue
        ("Recep Tayyip Erdoğan a laissé entendre que la Turquie pourrait intervenir.", "la Turquie pourrait intervenir", "indirect", "Recep Tayyip Erdoğan"),
        # a que-clause after a time phrase or a prepositional phrase (the parser hangs it elsewhere)
        ("Olaf Scholz a indiqué mardi soir lors d'une conférence de presse que l'Allemagne enverrait des chars.", "l'Allemagne enverrait des chars", "indirect", "Olaf Scholz"),
        # a coordinated cue with its own que-clause
        ("Les syndicats ont rejeté cette offre et affirment que la direction ment depuis des mois.", "la direction ment depuis des mois", "indirect", "les syndicats"),
        # infinitive after an indirect object, and a run of infinitives
        ("Le juge Paul Durand a déclaré aux journalistes avoir reçu des menaces de mort.", "avoir reçu des menaces de mort", "indirect", "Paul Durand"),
        ("Giorgia Meloni a promis de baisser les impôts, de réduire la dette et de fermer les frontières.", "baisser les impôts, de réduire la dette et de fermer les frontières", "indirect", "Giorgia Meloni"),
        ("Pedro Sánchez a annoncé pouvoir former un gouvernement avant la fin du mois.", "pouvoir former un gouvernement avant la fin du mois", "indirect", "Pedro Sánchez"),
        # a relative clause: the antecedent speaks
        ("Le maire de Lyon, Grégory Doucet, qui affirme que la ville est prête, a visité le chantier.", "la ville est prête", "indirect", "Grégory Doucet"),
        # "selon X" closing the sentence without a comma, and a written source
        ("Trois personnes ont été blessées dans l'explosion selon les pompiers.", "Trois personnes ont été blessées dans l'explosion", "indirect", "les pompiers"),
        ("Selon un rapport publié lundi, la pollution a tué 40 000 personnes en France.", "la pollution a tué 40 000 personnes en France", "indirect", "un rapport"),
        # ", selon X, qui …": the relative clause describes X, it is not X's words
        ("Le suspect a été arrêté à Lille, selon une source policière, qui précise qu'il était armé.", "Le suspect a été arrêté à Lille", "indirect", "la source policière"),
        # an incise closing the sentence without a comma
        ("Le bilan de l'accident s'élève à douze morts indique le ministère de l'Intérieur.", "Le bilan de l'accident s'élève à douze morts", "indirect", "le ministère de l'Intérieur"),
        ("L'hypothèse d'un attentat aurait été écartée a fait savoir la police.", "L'hypothèse d'un attentat aurait été écartée", "indirect", "la police"),
        # a stated view after a sentence adverbial
        ("Toutefois, pour la procureure Marie Dubois, ces faits sont d'une extrême gravité.", "ces faits sont d'une extrême gravité", "indirect", "Marie Dubois"),
        # the apposition names the speaker, not the complement
        ("La porte-parole de Joe Biden, Karine Jean-Pierre, a déclaré que le président était en bonne santé.", "le président était en bonne santé", "indirect", "Karine Jean-Pierre"),
        ("Plus tard, un porte-parole de Joe Biden, Karine Jean-Pierre, a déclaré que le président était en bonne santé.", "le président était en bonne santé", "indirect", "Karine Jean-Pierre"),
        ("« Nous étudions toutes les hypothèses », a déclaré une représentante du comité d'enquête, Oksana Kovrijnaïa.", "Nous étudions toutes les hypothèses", "direct", "Oksana Kovrijnaïa"),
        # a connective before "selon X" is not X's words; a name in apposition belongs to the phrase
        ("Toujours selon le Pentagone, l'interception aurait été conduite de manière dangereuse.", "l'interception aurait été conduite de manière dangereuse", "indirect", "Pentagone"),
        ("Selon le secrétaire général, Ban Ki-moon, il s'agit d'une violation flagrante du droit.", "il s'agit d'une violation flagrante du droit", "indirect", "Ban Ki-moon"),
        # a speech noun with its speaker: a possessive, a complement, a reporting verb after it
        ("Suite à l'appel mercredi d'Éric Drouet à « rentrer » samedi dans l'Élysée, le préfet a réagi.", "rentrer", "direct", "Éric Drouet"),
        ("La société des journalistes publie une tribune dans laquelle elle demande à l'animateur de « ne pas venir sur la chaîne ».", "ne pas venir sur la chaîne", "direct", "la société des journalistes"),
        # a prepositional phrase with "en" between the verb and a que-clause the parse lost
        ("Immacolata Postiglione a indiqué jeudi en fin de matinée qu'il y avait désormais 270 blessés hospitalisés.", "il y avait désormais 270 blessés hospitalisés", "indirect", "Immacolata Postiglione"),
        # a final incise after partial quotes: the whole clause is a mixed quotation, the
        # apposition to the speaker after it is not part of the words
        ("Le nouveau-né irait « bien » et « ses fonctions vitales sont stables », déclare Félix Castillo, médecin à Barcelone.", "Le nouveau-né irait « bien » et « ses fonctions vitales sont stables »", "mixed", "Félix Castillo"),
        # "selon X" inside or at the end of its clause still names the speaker; a clause of the
        # journalist's own before "mais selon X," is not X's words
        ("Le bilan, selon la préfecture, fait état d'un mort et de trois blessés.", "Le bilan, selon la préfecture, fait état d'un mort et de trois blessés", "indirect", "la préfecture"),
        ("Les causes demeurent inconnues, mais selon le ministre des transports, Alexander Dobrindt, les trains étaient équipés de freins automatiques.", "les trains étaient équipés de freins automatiques", "indirect", "Alexander Dobrindt"),
        # a finite reporting verb the parser hung on a noun: the sentence's root noun speaks
        ("Une source proche du dossier ajoute à Presse Océan que les traces ont été sommairement essuyées.", "les traces ont été sommairement essuyées", "indirect", "la source proche du dossier"),
        # a finite cue the parse left without subject: the name fronted before it speaks
        ("Vers 10h30, Jacqueline Moreau, membre du collectif, affirme que les Français sont pris en otage.", "les Français sont pris en otage", "indirect", "Jacqueline Moreau"),
        # words adapted with editorial brackets are someone's, even with no cue
        ("Un jeune homme a été emmené au poste. Il a été « audition[né] par les CRS ».", "audition[né] par les CRS", "direct", None),
        # short words in a partial quotation are not a capitalised name
        ("Édouard Philippe a dit « entendre la colère » tout en maintenant « le cap » en matière de fiscalité.", "le cap", "direct", "Édouard Philippe"),
        # the name first in a fronted phrase speaks (not the body of its title), past the verb's
        # own auxiliary; a new institution noun: « les forces »
        ("Vers 8h35, Olivier Besancenot, leader du NPA, a appelé « les gens à descendre dans la rue ».", "les gens à descendre dans la rue", "direct", "Olivier Besancenot"),
        ("Les forces rebelles ont nié ces accusations et prétendent que des milices ont bloqué les routes.", "des milices ont bloqué les routes", "indirect", "les forces rebelles"),
        # a participle coordinated under one auxiliary is active: its subject speaks
        ("François Hollande a exprimé « la solidarité de la Nation » et salué l'« extrême mobilisation des secours ».", "extrême mobilisation des secours", "direct", "François Hollande"),
        # a group known by a common noun states a view with « pour »
        ("Pour un certain nombre d'observateurs, la raison de cette décision est l'ouverture d'une enquête.", "la raison de cette décision est l'ouverture d'une enquête", "indirect", "les observateurs"),
        # "comme l'a dit X": the rest of the sentence is X's
        ("La réforme sera votée avant l'été, comme l'a annoncé le Premier ministre Jean Castex.", "La réforme sera votée avant l'été", "indirect", "Jean Castex"),
        ("Comme l'a rappelé le ministre, la loi interdit ces pratiques.", "la loi interdit ces pratiques", "indirect", "le ministre"),
        # "selon lui / eux": the pronoun's antecedent speaks
        ("Le ministre Paul Girard est venu. Selon lui, la réforme fonctionne bien depuis mars.", "la réforme fonctionne bien depuis mars", "indirect", "Paul Girard"),
        ("Les chercheurs ont étudié les souris. Selon eux, cela montre que le circuit est actif.", "cela montre que le circuit est actif", "indirect", "les chercheurs"),
        # "selon X, apposition, « … »": a direct quotation (a comma parts the naming noun "projet")
        ("Selon Giovanna Tinetti, l'une des chercheuses du projet, « ces résultats donnent un premier aperçu de la planète ».", "ces résultats donnent un premier aperçu de la planète", "direct", "Giovanna Tinetti"),
        ("Selon Julio Silva, un scientifique péruvien associé au projet, « la terre sera apportée à Lima ».", "la terre sera apportée à Lima", "direct", "Julio Silva"),
        ("Selon plusieurs officiels gambiens, il a réussi à dérober des millions de dollars.", "il a réussi à dérober des millions de dollars", "indirect", "plusieurs officiels gambiens"),
        ("D'après la presse locale, le suspect serait un adolescent de 17 ans.", "le suspect serait un adolescent de 17 ans", "indirect", "la presse locale"),
        # an incise whose auxiliary is followed by an adverb
        ("Ericka Bareigts est arrivée mardi. « Je présente mes excuses au peuple guyanais », a-t-elle ainsi concédé.", "Je présente mes excuses au peuple guyanais", "direct", "Ericka Bareigts"),
        # a quotation opened inside a reported clause and running on is one direct quotation
        ("Pour Giovanni Barocco, le président de la station, « la piste offre 23 kilomètres. Nous regardons plus loin ».", "la piste offre 23 kilomètres. Nous regardons plus loin", "direct", "Giovanni Barocco"),
        # the incise closing the sentence, after more quoted words
        ("« Tout incident de ce type est sérieux », bien que cela ne « devrait pas se traduire par une fuite », estime pour sa part Neil Hyatt, professeur à Sheffield.", "Tout incident de ce type est sérieux", "direct", "Neil Hyatt"),
        ("Alors patron d'Axa, Henri de Castries a annoncé officiellement soutenir François Fillon.", "soutenir François Fillon", "indirect", "Henri de Castries"),
        # subjects and clauses the parse gets wrong
        ("La chaîne américaine NBC annonce que le tueur aurait appelé le numéro d'urgence.", "le tueur aurait appelé le numéro d'urgence", "indirect", "NBC"),
        ("Le préfet du département a ensuite certifié que les élèves étaient en sécurité.", "les élèves étaient en sécurité", "indirect", "le préfet du département"),
        ("La compagnie annonce aujourd'hui dans un communiqué qu'elle rembourserait les billets de ses clients.", "elle rembourserait les billets de ses clients", "indirect", "La compagnie"),
        ("Le rapport de la CIA a déclaré que c'était pour faire gagner l'élection à Donald Trump.", "c'était pour faire gagner l'élection à Donald Trump", "indirect", "CIA"),
        ("La sécurité civile avait appelé à la prudence et demandé aux riverains de rester chez eux.", "rester chez eux", "indirect", "La sécurité civile"),
        ("Un cycliste est décédé après une chute lors d'une compétition a révélé le Comité international paralympique (IPC).", "Un cycliste est décédé après une chute lors d'une compétition", "indirect", "Comité international paralympique"),
        ("Selon les dires de chercheurs de la NASA, ces aurores seraient huit fois plus lumineuses sur Jupiter.", "ces aurores seraient huit fois plus lumineuses sur Jupiter", "indirect", "les chercheurs de la NASA"),
        # "qui" hung on a complement: the person noun above it speaks
        ("« Nous sommes choqués », a ajouté Massimiliano Rebaudengo, le chef de mission de MSF pour la Syrie qui considère qu'il s'agit d'une attaque délibérée.", "il s'agit d'une attaque délibérée", "indirect", "Massimiliano Rebaudengo"),
        # the addressee after an incise verb is not its subject
        ("« Le jeune a frappé la victime à coups de pied », a indiqué au Monde le premier substitut du procureur.", "Le jeune a frappé la victime à coups de pied", "direct", "le premier substitut du procureur"),
        ("« Nous partons », a déclaré à l'AFP Jean Dupont.", "Nous partons", "direct", "Jean Dupont"),
        # the object of an object-control verb speaks its infinitive
        ("Ce chiffre a permis à la ministre du travail Myriam El Khomri de déclarer que « l'inversion de la courbe est là ».", "l'inversion de la courbe est là", "direct", "Myriam El Khomri"),
        ("Les massacres ont conduit le Conseil de sécurité à exprimer sa « profonde préoccupation ».", "profonde préoccupation", "direct", "Conseil de sécurité"),
        # a quantity's complement speaks; an acronym of the speaker lexicon; a connective prefix
        ("D'autre part, selon la plupart des témoins interrogés, les barrières étaient fermées.", "les barrières étaient fermées", "indirect", "les témoins interrogés"),
        ("L'explosion s'est produite au nord de la ville, selon une ONG.", "L'explosion s'est produite au nord de la ville", "indirect", "une ONG"),
        # a verb tagged as a noun after its pronoun subject; a feminine agent noun; a que-clause
        # the parse hung on the addressee
        ("Elle juge que les autres candidats à la primaire sont des « hypocrites ».", "hypocrites", "direct", "Elle"),
        ("La conductrice a affirmé à son patron que les barrières du passage à niveau étaient levées.", "les barrières du passage à niveau étaient levées", "indirect", "La conductrice"),
        # a present participle read as an adverb of an incise verb: the incise's speaker
        ("« Nous avons perdu », a expliqué l'entraineur Patrice Canayer, estimant que Montpellier n'a « pas encore l'ambition d'être un grand club ».", "Montpellier n'a « pas encore l'ambition d'être un grand club »", "mixed", "Patrice Canayer"),
        # a clause with one word of the journalist's before the marks is mixed, however much is quoted
        ("La Gendarmerie royale du Canada a confirmé que la « situation est désamorcée et le suspect est en détention. »", "la « situation est désamorcée et le suspect est en détention. »", "mixed", "Gendarmerie royale du Canada"),
        ("Le député François Ruffin a affirmé qu'il y a « une rage qui traverse le pays, il faut qu'Emmanuel Macron le comprenne ».", "il y a « une rage qui traverse le pays, il faut qu'Emmanuel Macron le comprenne »", "mixed", "François Ruffin"),
        # what a shouting verb governs is said, even a capitalised formula
        ("Lors de l'explosion, le suspect aurait crié « Allah Akbar », avant de s'enfuir.", "Allah Akbar", "direct", "le suspect"),
    ],
)
def test_quotes_constructions(analyzer, text: str, quote: str | None, kind: str, speaker: str | None) -> None:
    article = _analyze(analyzer, text)
    assert article.quotes, f"no quote found in {text!r}"
    if quote is None:
        assert article.quotes[0].kind == kind
        return
    match = [q for q in article.quotes if q.text == quote]
    assert match, f"{quote!r} not in {[q.text for q in article.quotes]}"
    assert match[0].kind == kind
    assert speaker_name(article, match[0]) == speaker


@pytest.mark.parametrize(
    "text",
    [
        "L'opération « Sentinelle » a été renforcée à Paris.",
        "Le pays, rebaptisé « eSwatini », a célébré son roi.",
        "Le film « Les Misérables » sort en salles mercredi.",
        "La campagne « Stop Soros » a été lancée par le gouvernement hongrois.",
        "Le logiciel exploite une faille baptisée par ses auteurs du nom de code « Pegasus ».",
        "Les pirates ont utilisé la faille « Heartbleed » pour voler des données.",
        # the legal name of a charge, also in a list
        "Une enquête pour « homicide involontaire » a été ouverte par le parquet de Lyon.",
        "L'ancien ministre, soupçonné de « détournement de fonds », « trafic d'influence » et « recel », a été entendu.",
        "Il a été mis en examen pour « association de malfaiteurs » mardi.",
        # a noun in marks describing the speaker before the cue is no quotation of theirs
        "Vers 10h30, Jacqueline Moreau, membre des « gilets jaunes libres », affirme que le mouvement continue.",
        # a speech noun that names no one whose words these are: a term
        "Son véhicule a pris feu lors d'évènements en réaction à une manifestation contre la « haine anti-flics ».",
        "Une deuxième revendication, « antifasciste », a été mise en ligne le soir de l'attentat.",
        # a bare participle said of the subject, with no agent: a term (« Qualifié de « … », il … »);
        # a charge after a passive participle; the name of a service
        "Qualifié de « charismatique », il s'oppose ainsi au président sortant.",
        "Ils sont accusés de « violences sur personne dépositaire de l'autorité publique » depuis mardi.",
        "La société supprime des postes dans les services « fonctions support » cette année.",
        # a capitalised noun phrase after an article is a name
        "Les unités d'élite des « Force de réaction rapide » ont repris le quartier.",
        "Le ministre a refusé de recevoir les « Gilets jaunes libres » à Matignon.",
        # a naming noun before the marks, or heading the name inside them
        "Selon des officiers américains, la bombe visait des tunnels de l'organisation « État islamique ».",
        "Pour le ministre, cela n'a rien à voir avec l'« affaire Fillon ».",
        # a court's sentence is the judgment's wording; marks alone in brackets gloss or cite
        "Concrètement, il est donc condamné à « trois mois d'emprisonnement avec sursis et obligation d'effectuer 105 heures de travaux d'intérêt général ».",
        "Les candidats ont réfléchi aux croyances (« Pouvons-nous toujours justifier nos croyances ? ») et au désir.",
        "La MOAB, surnommée « Mother of All Bombs » (« Mère de toutes les bombes »), a été larguée jeudi.",
    ],
)
def test_quotes_names_and_terms_are_not_quotes(analyzer, text: str) -> None:
    article = _analyze(analyzer, text)
    assert [q.text for q in article.quotes if q.kind == "direct"] == []


def test_quotes_mixed_clause_and_inner_direct(analyzer) -> None:
    text = "Le ministre Bruno Le Maire a estimé que cette décision était « une erreur historique » pour l'Europe."
    article = _analyze(analyzer, text)
    kinds = {q.kind: q for q in article.quotes}
    assert "direct" in kinds and kinds["direct"].text == "une erreur historique"
    assert "mixed" in kinds and "une erreur historique" in kinds["mixed"].text
    assert speaker_name(article, kinds["direct"]) == speaker_name(article, kinds["mixed"]) == "Bruno Le Maire"


def test_quotes_pronoun_speaker_resolved_by_salience(analyzer) -> None:
    text = "Angela Merkel est arrivée à Paris mardi. Elle a déclaré que l'Allemagne soutiendrait la France."
    article = _analyze(analyzer, text)
    q = next(q for q in article.quotes if q.kind == "indirect")
    assert speaker_name(article, q) == "Angela Merkel"
    assert q.speaker.text == "Elle"
    assert q.speaker.resolved_by == "salience"


@pytest.mark.parametrize(
    "text",
    [
        "Le maire a déclaré : « Nous reconstruirons la ville.\nLa suite est inconnue.",
        # an unpaired mark with nothing after it on its line (found by test_properties)
        "dit «  \n Le",
    ],
)
def test_quotes_unpaired_mark_warns(analyzer, text: str) -> None:
    article = _analyze(analyzer, text)
    assert article.warnings
    for q in article.quotes:
        assert q.start < q.end and article.text[q.start : q.end] == q.text


@pytest.mark.parametrize(
    ("text", "pieces", "speaker"),
    [
        (
            "Angela Merkel était à Paris. « Nous irons, a-t-elle déclaré, jusqu'au bout de cette réforme. »",
            ["Nous irons", "jusqu'au bout de cette réforme."],
            "Angela Merkel",
        ),
        (
            "« La France, estime le ministre Bruno Le Maire, doit rester ferme face à Bruxelles. »",
            ["La France", "doit rester ferme face à Bruxelles."],
            "Bruno Le Maire",
        ),
    ],
)
def test_quotes_incise_splits_a_quotation(analyzer, text: str, pieces: list[str], speaker: str) -> None:
    article = _analyze(analyzer, text)
    assert [q.text for q in article.quotes] == pieces
    assert {speaker_name(article, q) for q in article.quotes} == {speaker}
    assert all(q.kind == "direct" and q.cue for q in article.quotes)


def test_quotes_signature_line_signs_the_quotation_above(analyzer) -> None:
    text = (
        "Le message publié après le séisme était bref.\n"
        "« Nous sommes aux côtés du peuple chilien dans cette épreuve. »\n"
        "— Angela Merkel, chancelière allemande\n"
        "La visite est prévue en mars."
    )
    article = _analyze(analyzer, text)
    assert [q.text for q in article.quotes] == ["Nous sommes aux côtés du peuple chilien dans cette épreuve."]
    assert speaker_name(article, article.quotes[0]) == "Angela Merkel"


@pytest.mark.parametrize(
    "caption",
    ["— Angela Merkel, chancelière allemande", "— Porte-parole de la préfecture", "— Lionel Messi"],
)
def test_quotes_signature_line_without_quotation_is_not_a_quote(analyzer, caption: str) -> None:
    # the caption of a quotation box whose text the page lost: nobody's words
    text = f"Le match a été arrêté à la mi-temps après des incidents dans les tribunes.\n\n{caption}\n\nLa reprise est prévue samedi."
    article = _analyze(analyzer, text)
    assert article.quotes == []


@pytest.mark.parametrize(
    "text",
    [
        # the speaker-like noun phrase before the verb is its subject: no incise
        "Les manifestants ont dit que le gouvernement dénonce la police.",
        "Les vents étaient forts et le capitaine précise la route.",
    ],
)
def test_quotes_no_incise_when_the_subject_precedes(analyzer, text: str) -> None:
    article = _analyze(analyzer, text)
    assert not any(q.evidence.startswith("indirect: incise closing") for q in article.quotes)


def test_quotes_dialogue_line_is_still_a_quote(analyzer) -> None:
    text = "Il entra dans la cuisine.\n— Bonjour, tout le monde est là ?\n— Oui, répondit Marie."
    article = _analyze(analyzer, text)
    assert "Bonjour, tout le monde est là ?" in [q.text for q in article.quotes]


@pytest.mark.parametrize(
    "text",
    [
        # « ne … que » (only) opens no content clause
        "Les forces spéciales ne sont intervenues que quelques heures plus tard pour arrêter le carnage.",
        # a purpose clause is not what is reported
        "Vers 19 heures, il l'avait appelée pour lui dire bonsoir.",
        # a relative clause with its subject after the verb is no incise
        "Un tireur a ouvert le feu dans une école de la ville où se trouvaient 900 élèves.",
        # terms: no one speaks them ("qualifié de" said of a thing), a name with its naming noun
        "Le bloc qualifié de « réformiste » arrive devant le bloc qualifié de « contestataire ».",
        "L'enquête sur l'« affaire Troadec » avance.",
        # criteria are nobody's words, whoever set them
        "Le chômage augmente de 0,1 point pour passer à 10,0 %, selon les critères du Bureau international du travail.",
        # a dash line with a name and a title signs a quotation, it is none
        "Le club a gagné la finale.\n— Jean-Michel Aulas, président de l'Olympique lyonnais.",
        "Le journal cessera de paraître.\n\n— Evgeny Lebedev, propriétaire de The Independent\n\nLe site continue.",
        # wishes with an infinitive are no speech; nor is a speech act to come or an impersonal passive
        "Le candidat espère ainsi prendre du temps médiatique à la droite avant le débat.",
        "Vers 14h30, l'individu souhaitait entrer dans le commissariat pour porter plainte.",
        "Cette annonce intervient avant que le président ait annoncé s'il briguerait un second mandat.",
        "Il espère couper l'herbe sous le pied du président avant qu'il n'annonce la sienne.",
        "En effet, il est largement estimé qu'il faut une croissance d'au moins 1,5 % pour faire baisser le chômage.",
    ],
)
def test_quotes_not_reported_speech(analyzer, text: str) -> None:
    article = _analyze(analyzer, text)
    assert not article.quotes, [(q.text, q.cue) for q in article.quotes]


def test_quotes_verb_before_marks_is_no_incise(analyzer) -> None:
    # the verb governs the quotation right after it: the subject before it is nobody's words
    text = "Philippe Germain, le chef de l'exécutif, a salué « un homme qui cherchait à faire bouger les lignes »."
    article = _analyze(analyzer, text)
    assert [(q.kind, q.text) for q in article.quotes] == [("direct", "un homme qui cherchait à faire bouger les lignes")]
    assert speaker_name(article, article.quotes[0]) == "Philippe Germain"


def test_quotes_selon_participle_describes_the_words(analyzer) -> None:
    # « …, rapportés par Y » describes the words « selon » cites: no second, mixed quotation
    text = "« Les opérations sont sous contrôle. », selon les propos du directeur de la centrale, Stéphane Brasseur, rapportés à l'AFP par un porte-parole."
    article = _analyze(analyzer, text)
    assert [(q.kind, q.text) for q in article.quotes] == [("direct", "Les opérations sont sous contrôle.")]
