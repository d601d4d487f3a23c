"""Person mentions linked to a persons register: `persName corresp="#p_…"`.

A register entry "Thompson, Llewellyn E., Jr." is found as its full name
("Llewellyn E. Thompson"), its first name and surname, or its surname alone.
Titles ("Ambassador", "Secretary of State") stay outside the element. A
surname followed by a word that makes it a place or an institution
("Kennedy Airport", "Kennedy Round") is no mention. Where several entries
share a surname, the title before the mention decides ("President Kennedy");
without one, the bearer that the volume's titled mentions name at least twice
as often as all others; otherwise the mention is tagged without a link,
since no link is better than a wrong one.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Span
from ..registers import Entry
from .wordlist import alternation

_NOT_A_PERSON_AFTER = {
    "Airport", "Round", "Room", "Doctrine", "Plan", "Center", "Centre", "Foundation",
    "Institute", "Memorial", "Prize", "Line", "Act", "Museum", "School", "University", "College", "Building",
    "Street", "Avenue", "Hall", "Bridge", "Station", "Island", "Era", "Administration", "Corporation", "Company",
}
_ATTRIBUTIVE = {"model", "regime", "type", "variety", "style", "line", "plan", "doctrine", "era"}
_TITLES = {
    "Mr", "Mrs", "Ms", "Miss", "Dr", "Messrs", "Ambassador", "Secretary", "President", "Chairman", "Premier", "Deputy",
    "Minister", "Senator", "Governor", "General", "Gen", "Admiral", "Adm", "Prince", "King", "Queen", "Chancellor",
    "Prime", "Foreign", "Under", "Assistant", "Director", "Counselor", "Attorney", "Professor", "Vice", "Comrade",
    "Marshal", "Mayor", "Judge", "Justice", "Sir", "Lord", "Lady", "Pope", "Representative", "Congressman",
    "State", "Commerce", "Defense", "Treasury", "Agriculture", "Labor", "Soviet", "French", "British", "German",
    "American", "US", "U.S.", "Chief", "Colonel", "Col", "Captain", "Lieutenant", "Major", "Commander", "Envoy",
    "Trade", "First", "Second", "Third", "Special", "Executive", "Acting", "Ministers", "Presidents", "Dear",
    "Chairmen", "Embassy", "Party", "Council", "Staff", "Advisor", "Adviser", "Consul", "Chargé", "Delegate",
}
# capitalised words that open a sentence before a surname ("Then Rusk said")
_LEADS = {
    "The", "Then", "When", "But", "And", "If", "As", "In", "On", "At", "For", "With", "While", "After", "Before",
    "Since", "That", "This", "Both", "Neither", "Either", "Only", "Also", "Although", "Because", "Where", "Why",
    "How", "What", "Yet", "So", "Later", "Meanwhile", "Moreover", "However", "To", "From", "By", "Of", "Did",
    "Does", "Had", "Has", "Was", "Were", "Is", "Would", "Should", "Could", "Will", "Can", "Let", "Tell", "Ask",
    "See", "Following", "Messrs",
}
_SUFFIXES = {"Jr.", "Sr.", "II", "III"}
# familiar forms of given names, as the documents use them ("Chet Bowles" for Chester B. Bowles)
NICKNAMES = {
    "Al": {"Albert", "Alfred", "Alan", "Allen"}, "Bill": {"William"}, "Bob": {"Robert"}, "Bobby": {"Robert"},
    "Charlie": {"Charles"}, "Chet": {"Chester"}, "Chip": {"Charles"}, "Dave": {"David"}, "Dick": {"Richard"},
    "Ed": {"Edward", "Edwin", "Edmund"}, "Frank": {"Francis", "Franklin"}, "Fred": {"Frederick", "Alfred"},
    "Gene": {"Eugene"}, "Hal": {"Harold", "Henry"}, "Jack": {"John"}, "Jim": {"James"}, "Jimmy": {"James"},
    "Joe": {"Joseph"}, "Ken": {"Kenneth"}, "Larry": {"Lawrence"}, "Mac": {"Malcolm"}, "Mike": {"Michael"},
    "Nick": {"Nicholas", "Nikolai"}, "Pat": {"Patrick"}, "Pete": {"Peter"}, "Ray": {"Raymond"},
    "Sam": {"Samuel"}, "Ted": {"Edward", "Theodore"}, "Teddy": {"Edward", "Theodore"}, "Tom": {"Thomas"},
    "Tommy": {"Thomas"}, "Tony": {"Anthony"}, "Walt": {"Walter"}, "Will": {"William"}, "Ike": {"Dwight"},
    "Llew": {"Llewellyn"}, "Chuck": {"Charles"},
}
_NEUTRAL = {"Mr", "Mrs", "Ms", "Miss", "Dr", "Messrs", "Dear", "Soviet", "American", "US", "U.S"}


@dataclass(frozen=True)
class _Person:
    entry: Entry
    surname: str
    given: str  # as listed: "Llewellyn E."
    first: str  # "Llewellyn"


def _person(entry: Entry) -> _Person | None:
    parts = [p.strip() for p in entry.name.split(",")]
    if not parts[0]:
        return None
    given = " ".join(p for p in parts[1:] if p not in _SUFFIXES)
    given = re.sub(r"\s*\(.*?\)\s*", " ", given).strip()
    given = " ".join(w for w in given.split() if w.rstrip(".") not in _TITLES)  # "Prince Norodom"
    first = given.split()[0] if given else ""
    return _Person(entry, parts[0], given, first if not first.endswith(".") else "")


class PersonMatcher:
    """Finds the persons of a register in text."""

    def __init__(self, persons: list[Entry]):
        self.people = [p for p in (_person(e) for e in persons) if p]
        self.by_surname: dict[str, list[_Person]] = {}
        for person in self.people:
            self.by_surname.setdefault(person.surname, []).append(person)
        full: dict[str, _Person] = {}
        for person in self.people:
            forms = {f"{person.given} {person.surname}", f"{person.first} {person.surname}"}
            for form in sorted(forms | set(person.entry.variants)):
                if form.split()[0] != person.surname and len(form.split()) > 1:
                    full.setdefault(form, person)
        self.full = full
        for person in self.people:  # "de Gaulle" opens a sentence as "De Gaulle"
            if person.surname[0].islower():
                self.by_surname.setdefault(person.surname[0].upper() + person.surname[1:], []).append(person)
        self.first_names = {p.first for p in self.people if p.first}
        self.titled: dict[str, dict[str, int]] = {}  # shared surname -> entry id -> mentions with a fitting title
        self.recent: dict[str, _Person] = {}  # surname -> the bearer last named in full in this document
        self._found: dict[str, list[re.Match]] = {}  # text -> the name matches in it
        names = sorted(set(full) | set(self.by_surname), key=len, reverse=True)
        self.pattern = re.compile(r"(?<![\w'-])" + alternation(names) + r"(?!(?!\u02bc)[\w-])") \
            if names else None

    def spans(self, text: str) -> list[Span]:
        """persName spans in ``text``."""
        if self.pattern is None:
            return []
        out = []
        for m in self._matches(text):
            name = m.group(0)
            if name in self.full:
                person = self.full[name]
                self.recent[person.surname] = person
                out.append(self._span(m, person))
                continue
            person = self._surname(text, m)
            if person is not False:
                out.append(self._span(m, person))
        return out

    def _matches(self, text: str) -> list[re.Match]:
        """The name matches in ``text``, found once: the first reading (learn) and the second share them."""
        found = self._found.get(text)
        if found is None:
            found = self._found[text] = list(self.pattern.finditer(text))
        return found

    @staticmethod
    def _span(m: re.Match, person: "_Person | None") -> Span:
        attrs = {"corresp": f"#{person.entry.id}"} if person else {}
        return Span(m.start(), m.end(), "persName", attrs)

    def _surname(self, text: str, m: re.Match):
        """The person a lone surname names; None: a person, unknown which; False: no person."""
        after = re.match(r"\s+([A-Za-z][\w]*)", text[m.end():])
        if after and (after.group(1) in _NOT_A_PERSON_AFTER or after.group(1) in _ATTRIBUTIVE):
            return False  # "Kennedy Round", "the Castro model"
        before = re.search(r"([A-Z][\w.]*)\s+$", text[:m.start()])
        familiar = [p for p in self.by_surname[m.group(0)] if before and p.first in NICKNAMES.get(before.group(1), ())]
        if len(familiar) == 1:
            return familiar[0]  # "Chet Bowles": Chester B. Bowles, named familiarly
        ends_sentence = before and before.group(1).endswith(".") and not re.fullmatch(r"(?:[A-Z]\.)+", before.group(1)) \
            and before.group(1).rstrip(".") not in _TITLES
        if ends_sentence:
            before = None  # "in Laos. Menshikov replied"
        if before and before.group(1).rstrip(".") not in _TITLES and before.group(1) not in _LEADS:
            opens = re.search(r"(?:^|[.!?:;\u201c\"(]\s*)\S+\s+$", text[:m.start()]) is not None
            if not opens or before.group(1) in self.first_names:
                return False  # "suggested that Eleanor Roosevelt": someone else of that name
        people = self.by_surname[m.group(0)]
        if after and after.group(1) == "Library":
            # A presidential library ("Kennedy Library") is tagged as the President the list presents as
            # such; for anyone else the name is only the institution's ("Johnson Library" in a volume
            # whose list has Johnson as Vice President), as the Office encodes them.
            presidents = [p for p in people if p.entry.description.startswith("President")]
            if len(presidents) == 1:
                return presidents[0]
            if any("President" in p.entry.description for p in people):
                return False
            # a list that says nothing of offices (one built from the texts): an ordinary mention
        if len(people) == 1:
            return people[0]
        title = before.group(1).rstrip(".") if before else ""
        fitting = [p for p in people if title and re.search(rf"\b{re.escape(title)}\b", p.entry.description)]
        if len(fitting) > 1 and title == "President":
            fitting = [p for p in fitting if "Vice President" not in p.entry.description] or fitting
        if len(fitting) == 1:
            counts = self.titled.setdefault(m.group(0), {})
            counts[fitting[0].entry.id] = counts.get(fitting[0].entry.id, 0) + 1
            self.recent[m.group(0)] = fitting[0]
            return fitting[0]
        if title and title not in _NEUTRAL and title not in _LEADS and not fitting:
            return None  # "Senator Kennedy": a title that fits none of them
        if m.group(0) in self.recent:  # the one this document named in full last
            return self.recent[m.group(0)]
        return self._usual(m.group(0), people)

    def begin_document(self) -> None:
        """Forget which bearer of a shared surname the previous document was about."""
        self.recent = {}

    def learn(self, text: str) -> None:
        """A first reading of the volume: which bearer of a shared surname its titles name.

        Only shared surnames are looked at: the titled mentions that settle them are all it counts.
        """
        if self.pattern is None:
            return
        for m in self._matches(text):
            if m.group(0) not in self.full and len(self.by_surname.get(m.group(0), ())) > 1:
                self._surname(text, m)

    def _usual(self, surname: str, people: list["_Person"]):
        """The bearer of a shared surname that the volume's titled mentions name at least twice as often."""
        counts = self.titled.get(surname, {})
        if not counts:
            return None
        best = max(counts, key=counts.get)
        if counts[best] >= 2 and counts[best] >= 2 * (sum(counts.values()) - counts[best]):
            return next(p for p in people if p.entry.id == best)
        return None


_FROM_TO = re.compile(r"\bFrom\b(?P<from>.+?)\bto\b(?P<to>.+)$")


def heading_roles(text: str, spans: list[Span]) -> None:
    """In a memorandum or letter heading, mark the writer type="from", the addressee type="to"."""
    m = _FROM_TO.search(text)
    if not m:
        return
    for span in spans:
        if span.kind != "persName":
            continue
        if m.start("from") <= span.start and span.end <= m.end("from"):
            span.attrs["type"] = "from"
        elif m.start("to") <= span.start and span.end <= m.end("to"):
            span.attrs["type"] = "to"
