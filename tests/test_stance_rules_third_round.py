"""Stance rules of the third round, written from short news stories made up for the
purpose (US, European and French politics, not the corpus): each construction on a fresh
sentence it was not written from, and what it must leave alone."""

from __future__ import annotations

import pytest
from spacy.language import Language

from .conftest import stance_triples

pytestmark = pytest.mark.slow

Triple = tuple[str, str, str]

ENGLISH = [
    # A stance noun its owner gives: its "of" complement is whom it aims at.
    (
        "Senator Elizabeth Warren renewed her criticism of Jamie Dimon on Thursday.",
        {("Elizabeth Warren", "criticises", "Jamie Dimon")},
    ),
    (
        "Nikki Haley voiced sharp criticism of Vivek Ramaswamy during the debate.",
        {("Nikki Haley", "criticises", "Vivek Ramaswamy")},
    ),
    (
        "Gavin Newsom repeated his praise of Gretchen Whitmer in a televised interview.",
        {("Gavin Newsom", "supports", "Gretchen Whitmer")},
    ),
    # A name set off by commas before a participle the parser made a clause speaks.
    (
        "Pritzker, asked about the strike on Monday, said he had not spoken to the union, "
        "but criticized Brandon Johnson.",
        {("Pritzker", "criticises", "Brandon Johnson")},
    ),
    (
        "Kathy Hochul, questioned about the budget, said nothing had been decided but "
        "thanked Carl Heastie.",
        {("Kathy Hochul", "supports", "Carl Heastie")},
    ),
    # Calling an act something names it and makes no act of one's own: "the bill" is
    # still the one its authors unveiled.
    (
        "Senate Republicans unveiled a tax bill on Monday. Chuck Schumer said Democrats "
        'would fight the bill, calling it "a giveaway to the rich." Governor Kathy Hochul '
        "criticized the bill.",
        {("Kathy Hochul", "criticises", "Republican Party")},
    ),
    (
        "Senate Democrats unveiled a voting rights bill on Monday. Joe Manchin announced his "
        "support for Kyrsten Sinema on Tuesday. The NAACP praised the bill.",
        {("NAACP", "supports", "Democratic Party")},
    ),
    # Cue words and phrases of US political news.
    (
        "Gavin Newsom faulted Greg Abbott for the crisis at the border.",
        {("Gavin Newsom", "criticises", "Greg Abbott")},
    ),
    (
        "Pete Buttigieg took a jab at Ron DeSantis on Sunday.",
        {("Pete Buttigieg", "criticises", "Ron DeSantis")},
    ),
    (
        "Bill Clinton campaigned for Hillary Clinton in Ohio.",
        {("Bill Clinton", "supports", "Hillary Clinton")},
    ),
    (
        "Donald Trump belittled Jeb Bush during the debate.",
        {("Donald Trump", "criticises", "Jeb Bush")},
    ),
    ("Liz Cheney voted to impeach Donald Trump.", {("Liz Cheney", "criticises", "Donald Trump")}),
    (
        "Mitt Romney had harsh words for Josh Hawley.",
        {("Mitt Romney", "criticises", "Josh Hawley")},
    ),
    (
        "Nancy Mace clashed with Kevin McCarthy over the budget.",
        {("Nancy Mace", "criticises", "Kevin McCarthy")},
    ),
    # An ad is sent like a message: who releases it takes its stance.
    (
        "The Lincoln Project released an ad attacking Ron DeSantis.",
        {("Lincoln Project", "criticises", "Ron DeSantis")},
    ),
    # Who gives the stance noun the subject receives, after "from".
    (
        "Gretchen Whitmer drew fierce criticism from Bernie Sanders.",
        {("Bernie Sanders", "criticises", "Gretchen Whitmer")},
    ),
    (
        "Gretchen Whitmer vetoed the bill, winning praise from Joe Biden.",
        {("Joe Biden", "supports", "Gretchen Whitmer")},
    ),
    # Calling someone an insult criticises them, whatever the parser makes of the name.
    (
        "Donald Trump called Liz Cheney a traitor.",
        {("Donald Trump", "criticises", "Liz Cheney")},
    ),
    (
        "Ron DeSantis branded Anthony Fauci a fraud.",
        {("Ron DeSantis", "criticises", "Anthony Fauci")},
    ),
    # One of many holders of a stance.
    (
        "Kevin McCarthy, one of Donald Trump's closest allies, spoke first.",
        {("Kevin McCarthy", "supports", "Donald Trump")},
    ),
    (
        "Chris Christie, one of the harshest critics of Donald Trump, spoke first.",
        {("Chris Christie", "criticises", "Donald Trump")},
    ),
    # An insult said of an actor in a clause someone reports, quotes or sources.
    (
        "Mitt Romney said Donald Trump was unfit for office.",
        {("Mitt Romney", "criticises", "Donald Trump")},
    ),
    (
        '"Kevin McCarthy is a coward," Matt Gaetz told reporters.',
        {("Matt Gaetz", "criticises", "Kevin McCarthy")},
    ),
    # The subject pronoun of a relative clause on the object is the main verb's subject.
    (
        "Bernie Sanders criticized Jamie Dimon, whom he accused of greed.",
        {("Bernie Sanders", "accuses", "Jamie Dimon")},
    ),
    # A verb the parser joined to a reported clause about a thing is the reporter's.
    (
        "Mike Johnson said the bill was dead and blamed Chuck Schumer for the delay.",
        {("Mike Johnson", "accuses", "Chuck Schumer")},
    ),
    # A clause opened by "while" stands apart from the verb it hangs on ("called for").
    (
        "Ted Cruz called for calm, while Ron Wyden accused Donald Trump of lying.",
        {("Ron Wyden", "accuses", "Donald Trump")},
    ),
    (
        "Donald Trump called Jerome Powell the worst Fed chair in history.",
        {("Donald Trump", "criticises", "Jerome Powell")},
    ),
    # An object pronoun: the person subject of the clause the cue's clause hangs on, or
    # the person named before the speaker.
    (
        "Joe Manchin spoke on Tuesday, as Bernie Sanders attacked him over the bill.",
        {("Bernie Sanders", "criticises", "Joe Manchin")},
    ),
    (
        "Gretchen Whitmer toured a factory in Detroit, where Joe Biden praised her as a leader.",
        {("Joe Biden", "supports", "Gretchen Whitmer")},
    ),
    # Labelling an act as bad criticises whoever made it.
    (
        "Senate Republicans unveiled a health care bill on Monday. Bernie Sanders called the "
        "bill a disaster for working families.",
        {("Bernie Sanders", "criticises", "Republican Party")},
    ),
    (
        "Governor Ron DeSantis signed the ban on Friday. Gavin Newsom described the ban as "
        "shameful.",
        {("Gavin Newsom", "criticises", "Ron DeSantis")},
    ),
    # The name apposed to the object of a phrase, past its comma.
    (
        "Marco Rubio took aim at his longtime rival, Florida Governor Charlie Crist.",
        {("Marco Rubio", "criticises", "Charlie Crist")},
    ),
]

ENGLISH_LEFT_ALONE = [
    # An act called necessary is no criticism of its authors.
    (
        "Senate Republicans unveiled a health care bill on Monday. Bernie Sanders called the "
        "bill necessary.",
        ("Bernie Sanders", "criticises", "Republican Party"),
    ),
    # Announcing one's support is a stance, not the measure "the bill" is.
    (
        "Senate Democrats unveiled a voting rights bill on Monday. Joe Manchin announced his "
        "support for Kyrsten Sinema on Tuesday. The NAACP praised the bill.",
        ("NAACP", "supports", "Joe Manchin"),
    ),
    (
        "Senate Republicans unveiled a tax bill on Monday. Chuck Schumer said Democrats "
        'would fight the bill, calling it "a giveaway to the rich." Governor Kathy Hochul '
        "criticized the bill.",
        ("Kathy Hochul", "criticises", "Democratic Party"),
    ),
    # A place before a role says whose role it is: the governor is praised, not Texas.
    ("Joe Biden praised the Texas governor on Friday.", ("Joe Biden", "supports", "Texas")),
    # A negated insult, or one said of no actor, is no stance.
    (
        "Liz Cheney said Adam Kinzinger was not reckless.",
        ("Liz Cheney", "criticises", "Adam Kinzinger"),
    ),
    # Calling something that names an actor a threat is no insult to that actor.
    (
        "Viktor Orban accused George Soros of encouraging migration, which Orban calls a "
        "threat to Europe's security.",
        ("Viktor Orban", "criticises", "Europe"),
    ),
    # "of" after a stance noun nobody owns is its author, not its aim.
    (
        "The criticism of Bernie Sanders stung the White House.",
        ("White House", "criticises", "Bernie Sanders"),
    ),
]

FRENCH = [
    # "sa critique de X": the noun has its owner, "de X" is its aim.
    (
        "François Bayrou a renouvelé sa critique de Jean-Luc Mélenchon devant la presse.",
        {("François Bayrou", "criticises", "Jean-Luc Mélenchon")},
    ),
    # A verb coordinated after a quotation the parser joined it into shares the subject of
    # the verb outside the quotation.
    (
        "Le PS, par la voix d'Olivier Faure, a critiqué une loi « qui divise le pays » et "
        "accusé Gérald Darmanin de jouer avec le feu.",
        {("Parti socialiste", "accuses", "Gérald Darmanin")},
    ),
    (
        "Marine Tondelier a fustigé un budget « qui oublie le climat » et accusé Bruno Le "
        "Maire de céder aux lobbies.",
        {("Marine Tondelier", "accuses", "Bruno Le Maire")},
    ),
    # The French parser makes the name after a coordinated participle with no auxiliary
    # its subject: it is the object ("et accusé Élisabeth Borne de mentir").
    (
        "La CGT a dénoncé un projet « qui détruit le service public » et accusé Élisabeth "
        "Borne de mentir.",
        {("CGT", "accuses", "Élisabeth Borne")},
    ),
    # Giving a stance ("présenter sa démission") is no measure a later "le texte" answers.
    (
        "Le gouvernement a présenté mardi un projet de loi sur l'énergie. La ministre Agnès "
        "Pannier-Runacher a présenté sa démission mercredi. Le Medef a salué le texte.",
        {("Medef", "supports", "gouvernement")},
    ),
]

FRENCH += [
    (
        "Fabien Roussel a qualifié Emmanuel Macron de « fossoyeur de l'industrie ».",
        {("Fabien Roussel", "criticises", "Emmanuel Macron")},
    ),
    (
        "Éric Zemmour a traité Gérald Darmanin d'incompétent.",
        {("Éric Zemmour", "criticises", "Gérald Darmanin")},
    ),
    (
        "Gabriel Attal, l'un des plus proches alliés d'Emmanuel Macron, a pris la parole.",
        {("Gabriel Attal", "supports", "Emmanuel Macron")},
    ),
    (
        "Olivier Faure a estimé que Jordan Bardella était un danger pour la République.",
        {("Olivier Faure", "criticises", "Jordan Bardella")},
    ),
    (
        "Selon Raphaël Glucksmann, Viktor Orban est une marionnette du Kremlin.",
        {("Raphaël Glucksmann", "criticises", "Viktor Orban")},
    ),
    (
        "François Ruffin a croisé le fer avec Jean-Luc Mélenchon sur la laïcité.",
        {("François Ruffin", "criticises", "Jean-Luc Mélenchon")},
    ),
    # A relative clause on the object: "qu'il accuse" aims at its antecedent, and its "il"
    # is the main verb's subject.
    (
        "Olivier Faure a critiqué mercredi le ministre Gérald Darmanin, qu'il accuse de "
        "diviser le pays.",
        {("Olivier Faure", "accuses", "Gérald Darmanin")},
    ),
    # "tandis que" opens a clause of its own; "RN", which the tagger calls a pronoun, speaks.
    (
        "Le PCF a appelé à la grève, tandis que le RN a accusé Gabriel Attal de mépris.",
        {("Rassemblement national", "accuses", "Gabriel Attal")},
    ),
    # "le budget" is the one the government presented, not the last call made since.
    (
        "Le gouvernement a présenté lundi un budget de rigueur. Le lendemain, la CGT a appelé "
        "à manifester. Le MoDem a défendu le budget.",
        {("MoDem", "supports", "gouvernement")},
    ),
    (
        "Valérie Pécresse a tenu un meeting à Nice. Éric Ciotti lui a apporté son soutien.",
        {("Éric Ciotti", "supports", "Valérie Pécresse")},
    ),
    (
        "Bruno Le Maire a présenté un budget rectificatif. Éric Coquerel a jugé le budget "
        "injuste pour les ménages.",
        {("Éric Coquerel", "criticises", "Bruno Le Maire")},
    ),
    # Not read: "Sandrine Rousseau, l'une des principales adversaires de Fabien Roussel,
    # a réagi", which the French parser reads as "principales" qualified by "adversaires".
]

FRENCH_LEFT_ALONE = [
    # "a lui apporté" (after the auxiliary) is emphatic, and the phrase names its aim.
    (
        "Fabien Roussel a parlé lundi. Jean-Luc Mélenchon a lui apporté son soutien à un "
        "nouvel acte de mobilisation.",
        ("Jean-Luc Mélenchon", "supports", "Fabien Roussel"),
    ),
    (
        "Le gouvernement a présenté mardi un projet de loi sur l'énergie. La ministre Agnès "
        "Pannier-Runacher a présenté sa démission mercredi. Le Medef a salué le texte.",
        ("Medef", "supports", "Agnès Pannier-Runacher"),
    ),
    # Calling on someone to withdraw a text makes it no act of theirs.
    (
        "Greenpeace a dénoncé « un scandale » et appelé Emmanuel Macron à retirer le texte. "
        "La FNSEA a salué le texte.",
        ("FNSEA", "supports", "Emmanuel Macron"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), ENGLISH)
def test_english_rules(en_nlp: Language, text: str, expected: set[Triple]) -> None:
    assert expected <= stance_triples(en_nlp, text, "en")


@pytest.mark.parametrize(("text", "wrong"), ENGLISH_LEFT_ALONE)
def test_english_rules_leave_these_alone(en_nlp: Language, text: str, wrong: Triple) -> None:
    assert wrong not in stance_triples(en_nlp, text, "en")


@pytest.mark.parametrize(("text", "expected"), FRENCH)
def test_french_rules(fr_nlp: Language, text: str, expected: set[Triple]) -> None:
    assert expected <= stance_triples(fr_nlp, text, "fr")


@pytest.mark.parametrize(("text", "wrong"), FRENCH_LEFT_ALONE)
def test_french_rules_leave_these_alone(fr_nlp: Language, text: str, wrong: Triple) -> None:
    assert wrong not in stance_triples(fr_nlp, text, "fr")
