"""Small French news articles made to order, for the store, crash and worker tests.

Each article is a few paragraphs about real actors (people, countries, organisations) the
French model recognises, different for every number, with no line shared by enough
articles to count as site boilerplate (so adding articles never changes the others).
"""

from __future__ import annotations

import random
from pathlib import Path

from graph.clean import find_boilerplate

PEOPLE = (
    "Emmanuel Macron",
    "Olaf Scholz",
    "Giorgia Meloni",
    "Pedro Sánchez",
    "Ursula von der Leyen",
    "Volodymyr Zelensky",
    "Sergueï Lavrov",
    "Antony Blinken",
    "Recep Tayyip Erdogan",
    "Keir Starmer",
    "Mark Rutte",
    "António Guterres",
)
PLACES = ("Paris", "Berlin", "Rome", "Madrid", "Bruxelles", "Kiev", "Varsovie", "Londres")
ORGANISATIONS = ("l'OTAN", "l'Union européenne", "l'ONU", "le FMI", "la Banque mondiale")
TOPICS = (
    "l'aide militaire à l'Ukraine",
    "les sanctions contre la Russie",
    "la transition énergétique",
    "la politique migratoire",
    "le budget européen",
    "la sécurité en mer Noire",
)
MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "septembre", "octobre")


def french_article(number: int) -> str:
    """Article `number`: the same text every time, a different one for every number."""
    rng = random.Random(number)
    a, b, c = rng.sample(PEOPLE, 3)
    place, elsewhere = rng.sample(PLACES, 2)
    organisation = rng.choice(ORGANISATIONS)
    topic = rng.choice(TOPICS)
    day, month = rng.randint(1, 28), rng.choice(MONTHS)
    return "\n".join(
        [
            f"Sommet de {place} : {a} et {b} parlent de {topic} (dépêche {number})",
            f"{a} a rencontré {b} le {day} {month} à {place} pour discuter de {topic}, "
            f"a indiqué la présidence dans un communiqué publié dans la soirée.",
            f"Selon {a}, {organisation} doit renforcer son soutien à ses partenaires. "
            f"{b} a salué l'engagement de {a} et a remercié {c} pour son aide.",
            f"{c} a pour sa part rejeté les accusations de {b}, qu'il juge infondées. "
            f"Les deux dirigeants doivent se revoir à {elsewhere} avant la fin de l'année, "
            f"a précisé un porte-parole de {organisation}.",
        ]
    )


def write_french_articles(folder: Path, numbers: range) -> list[Path]:
    """Write articles `numbers` as `NNN.txt` files in `folder` (created); their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in numbers:
        path = folder / f"{number:03d}.txt"
        path.write_text(french_article(number), encoding="utf-8")
        paths.append(path)
    return paths


def test_articles_are_reproducible_distinct_and_free_of_boilerplate() -> None:
    texts = [french_article(n) for n in range(60)]
    assert texts == [french_article(n) for n in range(60)]
    assert len(set(texts)) == 60
    assert find_boilerplate(texts) == frozenset()
    assert all(len(text.split()) > 60 for text in texts)
