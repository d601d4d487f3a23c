"""A persons register built from the documents, for a volume that comes without one.

Editors name people in ways a reader recognises: a title before a surname
("Ambassador Thompson", "Secretary of State Rusk", "Deputy Premier Mikoyan",
"Mr. Dillon", "Messrs. Khrushchev and Mikoyan"), a participants list
("Mikhail A. Menshikov, Soviet Ambassador"), a signature, an office's holder
in parentheses in a heading ("the Under Secretary of State (Bowles)"),
"Drafted by McSweeney" in a source note, a name before "said" or "told".
Each of these is a cue. A word is taken for a surname when a cue names it
and the volume never uses it as an ordinary word (in lower case). Given names
are then collected wherever one stands before a known surname ("Adlai
Stevenson"), and the forms grouped into persons: one per surname, or one per
given name where a surname has several bearers. Ids follow the Office's
recipe ("Menshikov, Mikhail A." → ``p_MMA1``).
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from dataclasses import dataclass, field

from ..model import Closer, Dateline, Document, Inline, ListBlock
from ..registers import Entry, Register, mint_id
from .persons import NICKNAMES
from .wordlist import alternation

TITLES = {
    "Mr.", "Mrs.", "Ms.", "Dr.", "Messrs.", "Gen.", "Adm.", "Col.", "Sen.", "Gov.", "Amb.", "Prof.", "Lt.", "Capt.",
    "Miss", "Ambassador", "President", "President-elect", "Chairman", "Premier", "Senator", "Congressman",
    "Representative", "Governor", "Secretary", "Minister", "Chancellor", "General", "Admiral", "Colonel", "Captain",
    "Marshal", "Prince", "King", "Queen", "Pope", "Comrade", "Professor", "Judge", "Justice", "Mayor", "Sir", "Lord",
    "Lady", "Counselor", "Consul", "Chargé", "Commissioner", "Ambassador-at-Large", "Envoy", "Emperor", "Shah",
    "Cardinal", "Bishop", "Father", "Vice-President", "Vice-Premier", "Senators", "Ambassadors", "Ministers",
    "Director", "Administrator", "Coordinator", "Adviser", "Advisor", "Officer", "Delegate", "Representatives",
}
# words that may stand before a title and belong to it ("Soviet Deputy Premier")
MODIFIERS = {
    "Deputy", "First", "Vice", "Under", "Assistant", "Acting", "Prime", "Foreign", "Special", "Executive", "Former",
    "Attorney", "Defense", "Finance", "Trade", "Chief", "Permanent", "Second", "Third", "Soviet", "American",
    "British", "French", "German", "Italian", "Cuban", "Chinese", "Polish", "Indian", "Japanese", "Canadian",
    "Yugoslav", "Czech", "Hungarian", "Romanian", "Rumanian", "Bulgarian", "Austrian", "Belgian", "Dutch", "Swedish",
    "Norwegian", "Danish", "Finnish", "Turkish", "Greek", "Israeli", "Egyptian", "Mexican", "Brazilian", "East",
    "West", "US", "U.S.", "UK", "USSR", "Secretary", "General", "Minister",
}
# departments and ministries after "of" in a title ("Secretary of the Treasury")
OFFICES = {
    "the", "State", "Defense", "Commerce", "Treasury", "Agriculture", "Labor", "Interior", "Justice", "Foreign",
    "Affairs", "Trade", "Finance", "Culture", "USSR", "Soviet", "Union", "Economic", "External", "Health", "Navy",
    "Army", "Air", "Force", "Council", "Ministers", "Presidium", "Supreme", "Education", "Welfare", "Internal",
    "Industry", "Planning", "Staff", "Embassy", "Mission", "United", "States", "Nations", "Great", "Britain",
    "France", "Germany", "Italy", "India", "Japan", "Canada", "Poland",
}
# capitalised words that are never a surname, whatever stands before them
NOT_NAMES = {
    "I", "He", "She", "We", "They", "It", "You", "His", "Her", "Their", "Our", "My", "Your", "Its", "This", "That",
    "These", "Those", "Who", "Which", "What", "Whom", "There", "Here", "Each", "Both", "All", "Some", "Any", "None",
    "Mr", "Mrs", "Sir", "Dear", "Excellency", "Majesty", "Highness", "Holiness", "God",
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    "Department", "Embassy", "Government", "Committee", "Council", "Assembly", "House", "Senate", "Congress",
    "Ministry", "Office", "Bureau", "Agency", "Union", "States", "Republic", "Kingdom", "Nations", "Party",
    "Presidium", "Kremlin", "Pravda", "Tass", "Izvestia", "Administration", "Staff", "Agreement", "Services",
    "Counsel", "Electric", "Motors", "Corporation", "Company", "Inc", "Petroleum", "Bank", "Fund", "Excerpt", "Extract", "Summary", "Draft", "Undated", "Paraphrase",
    "Translation", "Attachment", "Enclosure", "Tab", "Annex", "Part", "Section", "Chapter", "Volume", "Document",
    "Documents", "Page", "Pages", "Source", "Note", "Editorial", "Telegram", "Memorandum", "Letter", "Moscow",
    "Washington", "London", "Paris", "Bonn", "Berlin", "Geneva", "Vienna", "Peking", "Havana", "Rome", "Tokyo",
    "Delhi", "Warsaw", "Prague", "Belgrade", "Budapest", "Bucharest", "Sofia", "Ottawa", "Brussels", "Soviets",
    "Russians", "Americans", "Communist", "Communists", "Western", "Eastern", "Allied", "Allies", "Chiefs", "Joint",
    "Defense", "State", "Treasury", "Commerce", "Foreign", "Affairs", "Soviet", "American", "Russian", "National",
    "Security", "Central", "Intelligence", "White", "Secretariat", "Files", "Library", "Papers", "Records", "Box",
    "Top", "Secret", "Confidential", "Official", "Use", "Only", "Priority", "Eyes", "Limit", "Distribution",
    "Niact", "Operational", "Immediate", "Drafted", "Approved", "Cleared", "Initialed", "Also", "However",
    "Extraordinary", "Plenipotentiary", "Designate", "Emeritus",
    # countries and regions: coordinated with a person's name they are still places ("Adenauer and Germany")
    "Afghanistan", "Albania", "Algeria", "America", "Argentina", "Asia", "Australia", "Austria", "Belgium",
    "Bolivia", "Brazil", "Britain", "Bulgaria", "Burma", "Cambodia", "Canada", "Ceylon", "Chile", "China",
    "Colombia", "Congo", "Cuba", "Czechoslovakia", "Denmark", "Egypt", "England", "Ethiopia", "Europe", "Finland",
    "France", "Germany", "Ghana", "Greece", "Guinea", "Holland", "Hungary", "Iceland", "India", "Indochina",
    "Indonesia", "Iran", "Iraq", "Ireland", "Israel", "Italy", "Japan", "Jordan", "Korea", "Laos", "Lebanon",
    "Libya", "Malaya", "Mexico", "Mongolia", "Morocco", "Netherlands", "Nigeria", "Norway", "Pakistan", "Panama",
    "Peru", "Philippines", "Poland", "Portugal", "Rumania", "Romania", "Russia", "Scandinavia", "Spain", "Sudan",
    "Sweden", "Switzerland", "Syria", "Taiwan", "Thailand", "Tibet", "Tunisia", "Turkey", "Ukraine", "Venezuela",
    "Vietnam", "Yemen", "Yugoslavia", "Africa", "Berlin", "Formosa", "Latin", "Middle", "Near", "Far",
}
# words that open a sentence or clause and may stand before a name without being a given name
LEADS = {
    "The", "Then", "When", "But", "And", "If", "As", "In", "On", "At", "For", "With", "While", "After", "Before",
    "Since", "Although", "Because", "Where", "Why", "How", "Yet", "So", "Later", "Meanwhile", "Moreover",
    "Today", "Yesterday", "Tomorrow", "Tonight", "Now", "Thus", "Still", "Even", "Perhaps", "Indeed", "Nor",
    "To", "From", "By", "Of", "Did", "Does", "Had", "Has", "Was", "Were", "Is", "Would", "Should", "Could", "Will",
    "Can", "Let", "Tell", "Ask", "See", "Following", "Did", "Said", "Told", "Once", "Until", "Unless", "Whether",
}
SPEECH = {
    "said", "says", "told", "tells", "replied", "asked", "stated", "remarked", "added", "agreed", "answered",
    "explained", "commented", "observed", "emphasized", "stressed", "responded", "declared", "insisted",
    "inquired", "continued", "wrote", "thought", "believed", "felt", "urged", "promised", "warned", "recalled",
}
# lower-case roles that stand before a name ("party chief Ulbricht", "the interpreter Akalovsky")
ROLES = {
    "chief", "leader", "spokesman", "correspondent", "journalist", "interpreter", "colleague", "columnist",
    "publisher", "editor", "commentator", "premier", "chairman", "ambassador", "president", "minister", "secretary",
    "senator", "marshal", "counselor", "dictator", "envoy", "emissary", "aide", "adviser", "advisor", "successor",
    "predecessor", "son-in-law", "writer", "poet", "scientist", "physicist", "businessman", "industrialist",
}
PARTICLES = {"de", "van", "von", "da", "di", "del", "du", "ter", "le", "la"}
_BY = re.compile(r"\b(?:[Dd]rafted|[Aa]pproved|[Cc]leared|[Ii]nitialed|[Ss]igned|[Tt]ransmitted|[Pp]repared)"
                 r"(?:\s+\w+)?\s+by\s+")
_SURNAME = re.compile(r"^(?:Mc|Mac|O['’])?[A-Z][a-z]+(?:-[A-Z][a-z]+)?$")
_GIVEN = re.compile(r"^(?:[A-Z][a-z]+|(?:[A-Z]\.)+)$")
# the words on either side of " and ": a capitalised word after lower case or a comma, and one not
# followed by another capitalised word (that would be a first name: "Rusk and Chester B. Bowles")
_LEFT_WORD = re.compile(r"(?<=[a-z,] )((?:Mc|Mac)?[A-Z][a-z]+(?:-[A-Z][a-z]+)?)$")
_RIGHT_WORD = re.compile(r"((?:Mc|Mac)?[A-Z][a-z]+(?:-[A-Z][a-z]+)?)(?:\u02bcs|'s|\u2019s)?(?![\w-])(?!\s+[A-Z])")
# a title, a role or a verb of saying; the words that may open a title ("Soviet Deputy ...") are taken
# up from the title word backwards, so that "Soviet" alone, everywhere in a volume, triggers nothing
_TRIGGER = re.compile(r"(?<![\w.])" + alternation(TITLES | ROLES | SPEECH) + r"(?!\w)")
_GIVEN_BEFORE = re.compile(r"(?<![\w.])([A-Z][a-z]+\s+(?:(?:[A-Z]\.)+\s*)*)$")
_AN_INITIAL = re.compile(r"[A-Z]\.\s?[A-Z]?[a-z]")  # a cheap first look for _INITIALLED
_INITIALLED = re.compile(r"(?<![\w.])([A-Z][a-z]+\s+(?:[A-Z]\.\s?)+)((?:Mc|Mac|O['’])?[A-Z][a-z]+(?:-[A-Z][a-z]+)?)"
                         r"(?!(?!\u02bc)[\w-])")


@lru_cache(maxsize=8192)  # a volume repeats its words ("Secretary", "the") thousands of times
def _core(token: str) -> tuple[str, bool]:
    """A token without its punctuation; True if punctuation after it ends a name there."""
    word = token.lstrip("(\u201c\"\u2018[")
    ends = False
    for tail in ("'s", "\u2019s", "\u02bcs", "s'", "s\u2019"):
        if word.endswith(tail) and len(word) > len(tail) + 1:
            word, ends = word[: -len(tail)] + ("s" if tail.startswith("s") else ""), True
            break
    stripped = word.rstrip(",;:)\u201d\"\u2019]!?")
    if stripped != word:
        ends = True
    word = stripped
    if word.endswith(".") and not re.fullmatch(r"(?:[A-Z]\.)+|Mr\.|Mrs\.|Ms\.|Dr\.|Messrs\.|\w{1,4}\.", word):
        word, ends = word[:-1], True
    elif word.endswith(".") and re.fullmatch(r"[A-Z][a-z]+\.", word) and word not in TITLES:
        word, ends = word[:-1], True
    return word, ends


@dataclass
class _Name:
    given: tuple[str, ...]
    surname: str
    title: str = ""
    description: str = ""


@dataclass
class _Bearer:
    given: Counter = field(default_factory=Counter)
    titles: Counter = field(default_factory=Counter)
    descriptions: Counter = field(default_factory=Counter)


class _Volume:
    """The volume's texts, tokenised once, and what the cues find in them."""

    def __init__(self, documents: list[Document]):
        from . import all_inlines
        self.texts: list[tuple[str, str]] = []  # (role, text)
        for doc in documents:
            for inline in all_inlines(doc):
                self.texts.append(("head" if inline is doc.head else "text", inline.text))
            for block in doc.blocks:
                if isinstance(block, ListBlock) and block.type == "participants":
                    self.texts += [("participant", item.text) for item in block.items]
                elif isinstance(block, Closer):
                    self.texts.append(("signed", _signature(block.signed)))
        every = " ".join(t for _, t in self.texts)
        self.lower = set(re.findall(r"(?<![\w-])[a-z][a-z]+", every))
        self.places = {block.content.text[s.start:s.end] for doc in documents for block in doc.blocks
                       if isinstance(block, Dateline) for s in block.content.spans if s.kind == "placeName"}

    def surname_ok(self, word: str) -> bool:
        if word.split()[0] in PARTICLES:
            return _SURNAME.match(word.split()[-1]) is not None and len(word.split()) == 2
        return (_SURNAME.match(word) is not None and word not in NOT_NAMES and word not in TITLES
                and word not in MODIFIERS and word not in LEADS and word.lower() not in self.lower
                and word not in self.places)

    def given_ok(self, word: str) -> bool:
        return _GIVEN.match(word) is not None and word not in NOT_NAMES and word not in TITLES \
            and word not in MODIFIERS and word not in LEADS and word.lower() not in self.lower


def _signature(inline: Inline) -> str:
    named = [inline.text[s.start:s.end] for s in inline.spans if s.kind == "persName"]
    return named[0] if named else inline.text


def _name_run(tokens: list[str], i: int, vol: _Volume, title: str = "") -> tuple[_Name | None, int]:
    """The name starting at token ``i``: given names and initials, a surname. Returns it and the next index."""
    words: list[str] = []
    j = i
    while j < len(tokens) and len(words) < 5:
        word, ends = _core(tokens[j])
        if word in PARTICLES and j + 1 < len(tokens):
            nxt, ends = _core(tokens[j + 1])
            if not _SURNAME.match(nxt):
                break
            words.append(f"{word} {nxt}")
            j += 2
            break
        if not (_SURNAME.match(word) or _GIVEN.match(word)):
            break
        words.append(word)
        j += 1
        if ends:
            break
    while words and not vol.surname_ok(words[-1]):
        words.pop()
        j -= 1
    if not words:
        return None, i + 1
    given = words[:-1]
    while given and not all(vol.given_ok(g) for g in given):
        given = given[1:]
    return _Name(tuple(given), words[-1], title), j


def _title_end(tokens: list[str], i: int) -> int:
    """Past a title that starts at ``i`` ("Soviet Deputy Premier", "Secretary of State"), or ``i``."""
    j = i
    seen_title = False
    while j < len(tokens):
        word, ends = _core(tokens[j])
        if word in TITLES:
            seen_title = True
        elif word not in MODIFIERS:
            break
        j += 1
        if ends:  # "President's", "Ambassador,": no name follows this title
            return i
    if not seen_title:
        return i
    if j < len(tokens) and tokens[j] == "of":  # "of State", "of the Treasury", "of Foreign Affairs"
        k = j + 1
        offices = 0
        while k < len(tokens) and _core(tokens[k])[0] in OFFICES and k - j <= 4:
            word, ends = _core(tokens[k])
            offices += word != "the"
            k += 1
            if ends:
                break
        # "President of the Occidental Petroleum Corporation": an office of no state, no name after it
        return k if offices and not _core(tokens[k - 1])[1] else i
    return j


def _cue_at(tokens: list[str], i: int, vol: _Volume, found: list[_Name]) -> int:
    """The names a title, role or verb of saying at token ``i`` points to; the index to go on from."""
    while i > 0 and _core(tokens[i - 1])[0] in MODIFIERS and not _core(tokens[i - 1])[1]:
        i -= 1  # "Soviet Deputy Premier": the title opens at "Soviet"
    word, ends = _core(tokens[i])
    if word in ROLES and not ends and i + 1 < len(tokens):
        name, j = _name_run(tokens, i + 1, vol)
        if name:
            found.append(name)
            return j
    if word in TITLES or word in MODIFIERS:
        end = _title_end(tokens, i)
        if end > i:
            title = " ".join(_core(t)[0] for t in tokens[i:end])
            name, j = _name_run(tokens, end, vol, title)
            if name:
                found.append(name)
                while word == "Messrs." and j < len(tokens) and (tokens[j] in ("and", "&")
                                                                 or tokens[j - 1].endswith(",")):
                    j += tokens[j] in ("and", "&")
                    name, j = _name_run(tokens, j, vol, title)
                    if not name:
                        break
                    found.append(name)
            return max(j, i + 1)
    if word in SPEECH and i > 0:
        k = i - 1
        while k > 0 and i - k < 3 and _GIVEN.match(_core(tokens[k - 1])[0]) and not _core(tokens[k - 1])[1]:
            k -= 1
        name, j = _name_run(tokens, k, vol)
        if name and j == i:
            found.append(name)
    return i + 1


def _cues(vol: _Volume) -> list[_Name]:
    found: list[_Name] = []
    for role, text in vol.texts:
        tokens = text.split() if role != "text" else []
        if role == "signed":
            name, _ = _name_run(tokens, 0, vol)
            if name:
                found.append(name)
            continue
        if role == "participant":
            start = _title_end(tokens, 0)
            title = " ".join(tokens[:start])
            name, j = _name_run(tokens, start, vol, title)
            if name and (j == len(tokens) or tokens[j - 1].endswith(",")):
                found.append(_Name(name.given, name.surname, title,
                                   text.split(",", 1)[1].strip() if "," in text else ""))
        following = 0
        i, at = -1, 0  # the token that holds text[at], counted from the previous trigger
        for m in _TRIGGER.finditer(text):  # only where a title, role or verb of saying stands
            tokens = tokens or text.split()
            pieces = text[at:m.start() + 1].split()
            i += len(pieces) - (1 if i >= 0 and not text[at].isspace() else 0)
            at = m.start()
            if i >= following:
                following = _cue_at(tokens, i, vol, found)
        for m in (_BY.finditer(text) if "by " in text else ()):
            name, _ = _name_run(text[m.end():].split(), 0, vol)
            if name:
                found.append(name)
        for m in (_INITIALLED.finditer(text) if _AN_INITIAL.search(text) else ()):  # "David K.E. Bruce"
            given, surname = m.group(1).split(), m.group(2)
            if vol.given_ok(given[0]) and vol.surname_ok(surname):
                found.append(_Name(tuple(given), surname))
        if role == "head":
            for m in re.finditer(r"\(([^()]{2,40})\)", text):
                tokens_in = m.group(1).split()
                name, j = _name_run(tokens_in, 0, vol)
                if name and j == len(tokens_in):
                    found.append(name)
    return found


def _coordinated(vol: _Volume, surnames: set[str]) -> list[_Name]:
    """A name joined to a known person's by "and" ("saw Adenauer and Macmillan")."""
    out = []
    for _, text in vol.texts:
        at = text.find(" and ")
        while at >= 0:
            left = _LEFT_WORD.search(text, max(0, at - 40), at)
            right = _RIGHT_WORD.match(text, at + 5)
            if left and right:
                for known, candidate in ((left.group(1), right.group(1)), (right.group(1), left.group(1))):
                    if known in surnames and candidate not in surnames and vol.surname_ok(candidate):
                        out.append(_Name((), candidate))
            at = text.find(" and ", at + 5)
    return out


def _full_names(vol: _Volume, surnames: set[str]) -> list[_Name]:
    """Given names standing before a known surname anywhere ("Adlai Stevenson", "John F. Kennedy")."""
    if not surnames:
        return []
    known = re.compile(r"(?<=[a-z.]\s)" + alternation(surnames) + r"(?![\w-])")  # a word and a space before it
    out = []
    for _, text in vol.texts:
        for m in known.finditer(text):
            given = _GIVEN_BEFORE.search(text, max(0, m.start() - 40), m.start())
            if given:
                words = tuple(given.group(1).split())
                if vol.given_ok(words[0]) and words[0] not in surnames:
                    out.append(_Name(words, m.group(0)))
    return out


def discover_persons(documents: list[Document]) -> Register:
    """The persons the documents name, as a register with ids minted by the Office's recipe."""
    vol = _Volume(documents)
    names = _cues(vol)
    names += _coordinated(vol, {n.surname for n in names})
    names += _full_names(vol, {n.surname for n in names})
    bearers: dict[str, dict[str, _Bearer]] = {}  # surname -> first given name ("" if none) -> forms
    for name in names:
        first = name.given[0] if name.given else ""
        bearer = bearers.setdefault(name.surname, {}).setdefault(first, _Bearer())
        if name.given:
            bearer.given[" ".join(name.given)] += 1
        if name.title:
            bearer.titles[name.title] += 1
        if name.description:
            bearer.descriptions[name.description] += 1
    entries: list[tuple[str, str, tuple[str, ...]]] = []
    for surname, by_first in bearers.items():
        bare = by_first.pop("", None)
        _fold_initials(by_first)
        if not by_first:
            entries.append((surname, _describe(bare), (surname,)))
            continue
        for first, bearer in by_first.items():
            if bare is not None and len(by_first) == 1:
                bearer.titles.update(bare.titles)
                bearer.descriptions.update(bare.descriptions)
            given = max(bearer.given, key=lambda g: (len(g.split()), len(g), g))
            forms = tuple(sorted(f"{g} {surname}" for g in bearer.given)) + (surname,)
            entries.append((f"{surname}, {given}", _describe(bearer), forms))
    taken: set[str] = set()
    register = []
    for name, description, forms in sorted(entries, key=lambda e: (e[0].lower(), e[0])):
        register.append(Entry(mint_id("persons", name, taken), name, description, forms))
    return Register("persons", register)


def _fold_initials(by_first: dict[str, _Bearer]) -> None:
    """"J." joins "John", and "Chet" joins "Chester", when that is the only bearer of the surname it fits."""
    for first in [f for f in by_first if re.fullmatch(r"(?:[A-Z]\.)+", f) or f in NICKNAMES]:
        if first in NICKNAMES:
            fitting = [f for f in by_first if f in NICKNAMES[first]]
        else:
            fitting = [f for f in by_first if f != first and f[0] == first[0] and not f.endswith(".")]
        if len(fitting) == 1:
            target = by_first[fitting[0]]
            source = by_first.pop(first)
            target.given.update(source.given)
            target.titles.update(source.titles)
            target.descriptions.update(source.descriptions)


def _describe(bearer: _Bearer | None) -> str:
    """What the documents call the person: the participants list's words, else the title used most."""
    if bearer is None:
        return ""
    if bearer.descriptions:
        return max(bearer.descriptions, key=lambda d: (bearer.descriptions[d], d))
    if bearer.titles:
        title = max(bearer.titles, key=lambda t: (bearer.titles[t], len(t), t))
        return "" if title in ("Mr.", "Mrs.", "Ms.", "Messrs.", "Miss", "Dr.") else title
    return ""
