"""Event coding: from a parsed sentence and its resolved actors to CAMEO-coded events.

For every verb (and event noun) the lexicon knows, the coder finds its source (the subject, or the
agent of a passive) and its targets (direct object, passive subject, prepositional objects), follows
coordination ("the US and Russia signed" -> both directions; "the two sides signed" -> the
document's two main parties, both directions), control ("refused to sign", "plans
to meet") and clausal complements ("Moscow said it would..."), and marks negation and modality as
docs/annotation.md describes. Only dyadic events are produced: both ends must be actors.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from detente.actors import ResolvedActor
from detente.lexicon import Lexicon, Pattern
from detente.records import Actor

# Prepositions whose object can be an event's target. Locative and temporal ones ("in Moscow",
# "after the war") are left out unless the lexicon entry asks for them.
TARGET_PREPS = ("with", "to", "against", "on", "toward", "towards", "into", "from", "over", "for",
                "of", "about", "upon", "between", "among", "at", "across", "onto")  # fmt: skip
OBJECT_CONTROL = {"urge", "ask", "call", "invite", "press", "encourage", "persuade", "force",
                  "push", "request", "allow", "help", "warn", "tell", "order", "advise", "appeal",
                  # causatives: "prompting Moscow to recall its ambassador"
                  "prompt", "lead", "cause", "compel", "oblige", "drive", "spur", "provoke"}  # fmt: skip
# Where force is shown or used, the place is the target: "massed troops near Ukraine's border",
# "drills around Taiwan", "the operation in Ukraine".
LOCATIVE_PREPS = {
    "15": ("near", "around", "along", "off", "over", "across"),  # exercises *in* Belarus: a host
    **{root: ("near", "around", "along", "off", "over", "across", "in", "inside", "within")
       for root in ("18", "19", "20")},
}  # fmt: skip
PARTNER_WORDS = {"together", "along", "jointly"}
# Prepositions of time and circumstance: their objects say when or why, not what was done.
CIRCUMSTANCE_PREPS = {"after", "before", "since", "during", "until", "till", "despite", "amid",
                      "following", "because", "like", "unlike", "as", "throughout"}  # fmt: skip
# Inside an object phrase, these introduce its owner or author, not its victim.
OWNER_PREPS = {"of", "on", "into", "by"}
# Codes whose object is a wrong, a measure, an offer or a thing attacked: its owner or author is
# the target ("accept Turkish mediation"). "shelled Ukrainian villages", "investigated crimes committed by Russian forces",
# "vetoed a resolution put forward by the United States", "lifted its embargo on Georgian wine".
OBJECT_OWNER_ROOTS = {"03", "08", "09", "11", "12", "16", "17", "18", "19", "20"}
RELATIVE_PRONOUNS = {"which", "that", "who", "whom"}
CLAUSE_PRONOUNS = {"it", "they", "we"}
SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
CHAIN_DEPS = {"xcomp", "ccomp", "conj", "advcl"}
JOINT_DRILL = "062"  # cooperate militarily: an exercise, drill or patrol two sides hold together


@dataclass(frozen=True)
class Coded:
    """One event found in a sentence, before it becomes an Event record."""

    source: ResolvedActor
    target: ResolvedActor
    pattern: Pattern
    trigger: Token
    event_text: str
    negated: bool
    modality: str
    nominal: bool
    direct: bool  # both arguments are syntactic subject/object, not inferred


class Coder:
    """Codes sentences. Holds only read-only data (lexicon, group nouns); safe to share."""

    def __init__(self, lexicon: Lexicon, group_nouns: Iterable[str] = ()) -> None:
        self.lexicon = lexicon
        self.modality = lexicon.modality
        # Nouns that stand for an actor's people: "the leaders of Russia", "members of NATO".
        self.group_nouns = frozenset(group_nouns)

    # -- public ----------------------------------------------------------------------------------

    def code(
        self,
        sent: Span,
        actors: Mapping[int, ResolvedActor],
        modifiers: Mapping[int, ResolvedActor] | None = None,
        pair: tuple[Actor, Actor] | None = None,
    ) -> list[Coded]:
        """Events of one sentence. `actors` by anchor token; `modifiers` are actor words that only
        modify a noun ("Russian invasion"): they can be arguments of event nouns. `pair` is the
        document's two main parties, whom "the two sides" or "both governments" stand for."""
        if len(actors) + len(modifiers or {}) < 2 and not pair:
            return []
        found: list[Coded] = []
        seen: set[tuple[str, str, str]] = set()
        for tok in sent:
            if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("aux", "auxpass"):
                events = self._verb(tok, actors, modifiers or {}, pair)
            elif tok.pos_ in ("NOUN", "PROPN") and tok.lemma_.lower() in self.lexicon.nouns:
                events = self._noun(tok, actors, modifiers or {})
            else:
                continue
            for ev in events:
                key = (ev.source.actor.code, ev.target.actor.code, ev.pattern.code[:2])
                if key not in seen:
                    seen.add(key)
                    found.append(ev)
        return found

    # -- verbs -----------------------------------------------------------------------------------

    def _verb(
        self,
        v: Token,
        actors: Mapping[int, ResolvedActor],
        modifiers: Mapping[int, ResolvedActor],
        pair: tuple[Actor, Actor] | None = None,
    ) -> Iterator[Coded]:
        lemma = v.lemma_.lower()
        control = self._control(v)
        if control in ("intended", "negating") and any(c.dep_ == "xcomp" for c in v.children):
            return  # "refused to sign": the governed verb is the event
        if v.dep_ in ("xcomp", "ccomp", "advcl") and self._addressee(v.head, actors):
            return  # "urged Russia to withdraw": the appeal is the event, not the withdrawal
        # "sent the diplomats home": "home" is the particle of an expulsion
        particle = next((c.lemma_.lower() for c in v.children if c.dep_ == "prt"
                         or (c.dep_ == "advmod" and c.lower_ == "home")), None)  # fmt: skip
        preps = [c.lemma_.lower() for c in v.children if c.dep_ in ("prep", "dative")]
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in v.children)
        obj_tokens = [c for c in v.children if c.dep_ in ("dobj", "attr", "oprd")]
        if passive:
            obj_tokens += [c for c in v.children if c.dep_ == "nsubjpass"]
        obj_tokens += [c for o in obj_tokens for c in o.conjuncts]  # "civilian and military ties"
        objects = {w for o in obj_tokens for w in _phrase_lemmas(o)}
        for holder in (v, *obj_tokens):  # "withdrew from the treaty", "800 million in aid"
            for p in holder.children:
                if p.dep_ == "prep" and p.lower_ not in CIRCUMSTANCE_PREPS:
                    objects |= {w for o in _pobjs(p) for w in _phrase_lemmas(o)}
        pattern = self.lexicon.verb(lemma, particle, preps, objects)
        if pattern is None:
            return
        if not pattern.objects and any(c.dep_ in ("oprd", "acomp") for c in v.children):
            return  # "called Putin 'savvy'": an object complement changes what the verb means

        if passive:
            sources = [a for p in v.children if p.dep_ == "agent" for a in _pobj_actors(p, actors)]
        else:
            sources = self._subjects(v, actors, pair)
        # The object's owner is aimed at too: "condemned Russia's exercises", "Putin's offer was
        # rejected by Washington".
        owners = [c for o in obj_tokens for c in o.children if c.dep_ == "poss"]
        direct_targets = [a for o in (*obj_tokens, *owners) for a in _actors_at(o, actors)]
        if lemma == "join" and pattern.objects and any(
            c.dep_ == "prep" and c.lower_ == "in" and any(
                o.dep_ == "pcomp" or (o.pos_ == "NOUN" and o.ent_type_ not in ("DATE", "TIME"))
                for o in c.children
            )
            for c in v.children
        ):  # fmt: skip
            # "Japan joined the United States in sanctions on Russia": whom one joins in an act
            # the verb's pattern names is a partner in it; the act's target is whom it is aimed
            # at ("Finland joined NATO in a ceremony" is still an accession)
            obj_tokens = [o for o in obj_tokens if not _actors_at(o, actors)]
            direct_targets = []
        if not sources:
            return
        targets = list(direct_targets)
        if not targets and pattern.code[:2] in OBJECT_OWNER_ROOTS:
            # The author of a deed condemned is its target, not whom the deed hit: "condemned the
            # halting of gas deliveries to Poland by Gazprom".
            targets = [
                a for o in obj_tokens for p in o.children
                if p.dep_ == "prep" and p.lower_ == "by" for a in _pobj_actors(p, actors)
            ]  # fmt: skip
        if not targets:
            targets = self._prep_targets(v, obj_tokens, actors, pattern)
        if not targets:
            targets = self._addressee(v, actors)
        if not targets and pattern.code[:2] in OBJECT_OWNER_ROOTS:
            targets = _object_owners(obj_tokens, actors, modifiers)
        negated = self._negated(v)
        modality = self._modality(v, actors)
        if modality == "asserted":
            # The verb itself says the act is to come: "urged Russia", "pledged aid".
            if control == "proposed":
                modality = "proposed"
            elif lemma in self.modality.commissive:
                modality = "intended"
        words = [v.text] + ([particle] if particle else [])
        if pattern.prep:
            words.append(pattern.prep)
        if obj_tokens and not direct_targets:
            words.append(obj_tokens[0].text)
        event_text = " ".join(words)
        yield from self._pairs(
            sources, targets, pattern, v, event_text, negated, modality, False, bool(direct_targets)
        )

    def _group(self, tok: Token, actors: Mapping[int, ResolvedActor]) -> list[ResolvedActor]:
        """The actors a group noun stands for: "the leaders of Russia and the US"."""
        if tok.lemma_.lower() not in self.group_nouns:
            return []
        return [a for p in tok.children if p.dep_ == "prep" and p.lower_ == "of"
                for a in _pobj_actors(p, actors)]  # fmt: skip

    def _subjects(
        self, v: Token, actors: Mapping[int, ResolvedActor], pair: tuple[Actor, Actor] | None = None
    ) -> list[ResolvedActor]:
        subj = next((c for c in v.children if c.dep_ in SUBJECT_DEPS), None)
        if subj is not None:
            if subj.lower_ in RELATIVE_PRONOUNS and v.dep_ == "relcl":
                return _actors_at(v.head, actors)
            # "Yeltsin and the leaders of NATO signed": groups stand for their actors, among
            # coordinated subjects too
            found = _actors_at(subj, actors) + [
                a for t in (subj, *subj.conjuncts) if t.i not in actors
                for a in self._group(t, actors)
            ]  # fmt: skip
            if found:
                return found
            if pair and _names_the_pair(subj):
                # "The two governments signed 15 agreements": the story's two parties
                return [
                    ResolvedActor(actor, anchor, _phrase_text(subj), subj.idx,
                                  subj.idx + len(subj.text), "pair")
                    for actor, anchor in zip(pair, (subj.i, -subj.i - 1), strict=True)
                ]  # fmt: skip
            # "Moscow said it would...": a pronoun subject of a complement clause is the speaker.
            if subj.lower_ in CLAUSE_PRONOUNS and v.dep_ == "ccomp":
                return self._subjects(v.head, actors, pair)
            return []
        head = v.head
        if head is v:
            return []
        if v.dep_ == "xcomp" and head.pos_ == "ADJ" and head.dep_ in ("acomp", "amod", "attr"):
            # "they were ready to settle": the adjective's clause holds the subject.
            return self._subjects(head.head, actors, pair)
        if v.dep_ == "xcomp":
            if head.lemma_.lower() in OBJECT_CONTROL:
                obj = [a for c in head.children if c.dep_ == "dobj" for a in _actors_at(c, actors)]
                if obj:
                    return obj
            return self._subjects(head, actors, pair)
        if v.dep_ == "advcl" and _infinitive_of_a_time_noun(v):
            return []  # "after the strongest earthquake to hit Albania": the earthquake hits
        if v.dep_ in ("conj", "advcl") and head.pos_ in ("VERB", "AUX"):
            return self._subjects(head, actors, pair)
        if v.dep_ in ("acl", "relcl") and head.i in actors:
            return [actors[head.i]]
        return []

    def _reciprocal(self, trigger: Token) -> bool:
        """Whether coordinated subjects do this to each other: by the verb itself ("met",
        "signed"), or by its object ("held talks", "carried out an exchange")."""
        m = self.modality
        mutual = m.reciprocal_verbs | m.reciprocal_objects
        head = trigger
        for _ in range(4):  # "agreed to reduce": what is agreed together is mutual
            if head.lemma_.lower() in mutual:
                return True
            if head.dep_ != "xcomp" or head.head is head:
                break
            head = head.head
        objects = [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")]
        objects += [  # "took part in the talks"
            o
            for p in trigger.children
            if p.dep_ == "prep" and p.lower_ not in CIRCUMSTANCE_PREPS
            for o in _pobjs(p)
        ]
        return any(o.lemma_.lower() in m.reciprocal_objects for o in objects)

    def _control(self, v: Token) -> str | None:
        """The verb's control class, from its lemma or its lemma with a particle or preposition
        ("call on", "call for")."""
        lemma = v.lemma_.lower()
        for c in v.children:
            if c.dep_ in ("prep", "prt"):
                found = self.modality.control.get(f"{lemma} {c.lemma_.lower()}")
                if found:
                    return found
        return self.modality.control.get(lemma)

    def _addressee(self, v: Token, actors: Mapping[int, ResolvedActor]) -> list[ResolvedActor]:
        """Whom an appeal or demand is addressed to: "urged Russia to...", "demanded that Moscow..."."""
        lemma = v.lemma_.lower()
        if self._control(v) != "proposed" and lemma not in self.modality.directive:
            return []
        if lemma in OBJECT_CONTROL and any(c.dep_ in ("xcomp", "advcl") for c in v.children):
            found = [a for c in v.children if c.dep_ == "dobj" for a in _actors_at(c, actors)]
            found += [  # "called on Russia to withdraw"
                a
                for p in v.children
                if p.dep_ == "prep" and p.lower_ in ("on", "upon", "to")
                for a in _pobj_actors(p, actors)
            ]
            if found:
                return found
        for clause in v.children:
            if clause.dep_ == "ccomp":
                subj = next((c for c in clause.children if c.dep_ in SUBJECT_DEPS), None)
                if subj is not None and (found := _actors_at(subj, actors)):
                    return found
        return []

    def _prep_targets(
        self, v: Token, obj_tokens: list[Token], actors: Mapping[int, ResolvedActor],
        pattern: Pattern,
    ) -> list[ResolvedActor]:  # fmt: skip
        allowed = set(TARGET_PREPS) | ({pattern.prep} if pattern.prep else set())
        allowed |= set(LOCATIVE_PREPS.get(pattern.code[:2], ()))
        holders = [v, *obj_tokens]
        # One level down: "pledged euros in aid to Ukraine", "called for talks with Russia".
        holders += [
            o for h in list(holders) for p in h.children if p.dep_ == "prep" for o in _pobjs(p)
        ]
        for holder in holders:
            for p in holder.children:
                if p.dep_ == "dative":  # "offered Ukraine a loan", "gave aid to Georgia"
                    found = _actors_at(p, actors) or _pobj_actors(p, actors)
                elif p.dep_ == "prep" and (
                    p.lower_ == "alongside" or (p.i > 0 and p.nbor(-1).lower_ in PARTNER_WORDS)
                ):
                    continue  # "applied together with Sweden": a partner, not a target
                elif p.dep_ == "prep" and p.lemma_.lower() in allowed:
                    found = _pobj_actors(p, actors) or [  # "near Ukraine's border"
                        a
                        for o in _pobjs(p)
                        for c in o.children
                        if c.dep_ == "poss"
                        for a in _actors_at(c, actors)
                    ]
                else:
                    continue
                if found:
                    return found
        return []

    def _negated(self, v: Token) -> bool:
        """Negated: a `not`/`never` on the verb or on a verb controlling it, a negating control
        verb above it ("refused to sign", "did not agree to meet"), or "have/be yet to" ("have
        yet to establish diplomatic relations": not done)."""
        cur = v
        for _ in range(6):
            if any(
                c.dep_ == "neg" or c.lower_ in self.modality.negation_words for c in cur.children
            ):
                return True
            if any(c.lower_ == "longer" and any(g.lower_ == "no" for g in c.children)
                   for c in cur.children):  # fmt: skip
                return True
            if cur.dep_ != "xcomp" or cur.head is cur:
                return False
            if self._control(cur.head) == "negating":
                return True
            if cur.head.lemma_ in ("have", "be") and any(
                c.lower_ == "yet" for c in cur.head.children
            ):
                return True
            cur = cur.head
        return False

    def _modality(self, v: Token, actors: Mapping[int, ResolvedActor]) -> str:
        """Walk up through xcomp/ccomp/conj heads; the outermost marker wins."""
        found = "asserted"
        cur = v
        for _ in range(8):
            marker = self._markers(cur)
            if marker:
                found = marker
            if cur.dep_ == "xcomp":
                ctl = self._control(cur.head)
                if ctl in ("intended", "proposed"):
                    found = ctl
            if cur.dep_ == "ccomp" and self._reported_by_non_actor(cur.head, actors):
                found = "reported"
            if cur.dep_ not in CHAIN_DEPS or cur.head is cur:
                break
            if cur.dep_ == "advcl" and not any(
                c.lower_ in self.modality.hypothetical_marks for c in cur.children
            ):
                break
            cur = cur.head
        if found == "asserted" and any(
            t.lower_ == "according" and t.dep_ == "prep" for t in v.sent
        ):
            found = "reported"
        return found

    def _markers(self, tok: Token) -> str | None:
        """The modality a verb's own auxiliaries, marks and adverbs give it, if any."""
        found = None
        for c in tok.children:
            low = c.lower_
            if c.dep_ in ("aux", "auxpass") and low in self.modality.auxiliaries:
                found = self.modality.auxiliaries[low]
            elif c.dep_ == "aux" and low == "to" and tok.head.lower_ in ("going", "set"):
                found = "intended"  # "is going to meet", "is set to sign"
            elif c.dep_ == "mark" and low in self.modality.hypothetical_marks:
                return "hypothetical"
            elif c.dep_ == "advmod" and low in self.modality.reported_adverbs:
                found = "reported"
        return found

    def _reported_by_non_actor(self, say: Token, actors: Mapping[int, ResolvedActor]) -> bool:
        if say.lemma_.lower() not in self.modality.reporting:
            return False
        subj = next((c for c in say.children if c.dep_ in SUBJECT_DEPS), None)
        if subj is None:
            return say.dep_ == "ROOT" and any(c.dep_ == "nsubjpass" for c in say.children)
        if _actors_at(subj, actors):
            return False
        return subj.lemma_.lower() in self.modality.reporting_subjects or subj.pos_ != "PRON"

    # -- nouns -----------------------------------------------------------------------------------

    def _noun(
        self, n: Token, actors: Mapping[int, ResolvedActor], modifiers: Mapping[int, ResolvedActor]
    ) -> Iterator[Coded]:
        preps = [c for c in n.children if c.dep_ == "prep"]
        objects = set(_phrase_lemmas(n)) - {n.lemma_.lower()}
        for p in preps:
            objects |= {w for o in _pobjs(p) for w in _phrase_lemmas(o)}
        pattern = self.lexicon.noun(n.lemma_.lower(), [p.lemma_.lower() for p in preps], objects)
        if pattern is None:
            return
        sources: list[ResolvedActor] = []
        for c in n.children:
            if c.dep_ == "poss":
                sources += _actors_at(c, actors)
        if not sources:  # "the Russian invasion", "US-Russian talks": actor words before the noun
            sources = [
                found[t.i]
                for c in n.lefts
                if c.dep_ in ("amod", "compound", "nmod", "npadvmod")
                for t in c.subtree
                for found in (modifiers, actors)
                if t.i in found
            ]
        if not sources:
            sources = [a for p in preps if p.lower_ == "by" for a in _pobj_actors(p, actors)]
        # "invasion of Georgia", "annexation of Ukraine's Crimea", "suspension of contacts with
        # Russia": the same search for targets as for verbs.
        targets = self._prep_targets(n, [], actors, pattern)
        if not sources or (not targets and len(sources) < 2):
            return
        text = n.text + (f" {preps[0].text}" if preps else "")
        yield from self._pairs(sources, targets, pattern, n, text, False, "asserted", True, False)

    # -- pairing ---------------------------------------------------------------------------------

    def _pairs(
        self, sources: list[ResolvedActor], targets: list[ResolvedActor], pattern: Pattern,
        trigger: Token, event_text: str, negated: bool, modality: str, nominal: bool, direct: bool,
    ) -> Iterator[Coded]:  # fmt: skip
        if not targets and len(sources) > 1 and self._reciprocal(trigger):
            # "The US and Russia signed the treaty": each side acts towards the other.
            pairs = [(s, t) for s in sources for t in sources if s.anchor != t.anchor]
            if pattern.code[:2] == "15":
                # "the Norwegian and Russian navies held their exercise": a drill two sides
                # hold together is military cooperation, not a show of force at each other
                pattern = replace(pattern, code=JOINT_DRILL)
        else:
            pairs = [(s, t) for s in sources for t in targets]
        for s, t in pairs:
            if s.actor.country == t.actor.country and not (
                s.actor.sector and t.actor.sector and s.actor.sector != t.actor.sector
            ):
                continue  # a country acting on itself is only an event between its parts
            yield Coded(s, t, pattern, trigger, event_text, negated, modality, nominal, direct)


# Nouns that "the two" / "both" make into the story's two parties: "the two sides", "both
# governments", "the two leaders".
PAIR_NOUNS = {"side", "country", "government", "leader", "president", "minister", "nation",
              "capital", "neighbour", "neighbor", "army", "military", "delegation", "power",
              "state"}  # fmt: skip


def _infinitive_of_a_time_noun(v: Token) -> bool:
    """Whether `v` is an infinitive right after the noun of a time phrase ("after the worst
    floods to hit the region", "since the first talks to open"), which the small parser may hang
    on the main verb: the noun is its subject, not the main verb's."""
    to = next((c for c in v.children if c.dep_ == "aux" and c.lower_ == "to"), None)
    if to is None or to.i == 0:
        return False
    noun = to.nbor(-1)
    return (
        noun.pos_ == "NOUN"
        and noun.dep_ == "pobj"
        and noun.head.lower_ in ("after", "before", "since", "during", "amid")
    )


def _names_the_pair(tok: Token) -> bool:
    """Whether a subject is "the two X" or "both X" with X a party noun ("both sides", "the two
    foreign ministers"); not "the two men", "both crews"."""
    if tok.lemma_.lower() not in PAIR_NOUNS and tok.lower_ != "both":
        return False
    if tok.lower_ == "both":
        return not list(tok.children)  # "Both said ...": the pronoun on its own
    mods = {c.lower_ for c in tok.children if c.dep_ in ("det", "predet", "nummod", "preconj")}
    return "both" in mods or "two" in mods


def _phrase_text(tok: Token) -> str:
    return tok.doc[tok.left_edge.i : tok.i + 1].text


def _phrase_lemmas(tok: Token) -> list[str]:
    """The head noun's lemma and its compound/adjective modifiers ("new gas supplies")."""
    words = [tok.lemma_.lower()]
    words += [c.lemma_.lower() for c in tok.children if c.dep_ in ("compound", "amod", "nummod")]
    return words


def _actors_at(tok: Token, actors: Mapping[int, ResolvedActor]) -> list[ResolvedActor]:
    """Actors heading `tok`'s phrase and its coordinated phrases ("the US and Russia")."""
    found = []
    if tok.i not in actors:
        # "MOSCOW, Oct 18 — Russia will...": the parser makes the dateline city the subject and
        # the actor its apposition.
        tok = next((c for c in tok.children if c.dep_ == "appos" and c.i in actors), tok)
    for t in (tok, *tok.conjuncts):
        if t.i in actors:
            found.append(actors[t.i])
            # "Polish and Ukrainian troops": the second adjective is an actor of its own.
            found += [
                actors[c.i]
                for m in t.children
                if m.dep_ in ("amod", "compound")
                for c in m.conjuncts
                if c.i in actors
            ]
    return list({a.anchor: a for a in found}.values())


def _object_owners(
    obj_tokens: list[Token], actors: Mapping[int, ResolvedActor],
    modifiers: Mapping[int, ResolvedActor],
) -> list[ResolvedActor]:  # fmt: skip
    """Actors named inside the object phrases: a country adjective on the object or on its
    prepositional object ("embargo on Georgian wine"), or the agent of a participle attached to
    it ("crimes committed by Russian forces")."""
    phrase = list(obj_tokens)
    phrase += [
        o
        for t in obj_tokens
        for p in t.children
        if p.dep_ == "prep" and p.lower_ in OWNER_PREPS
        for o in _pobjs(p)
    ]
    found = [modifiers[c.i] for t in phrase for c in t.children if c.i in modifiers]
    found += [
        a for t in phrase[len(obj_tokens) :] for a in _actors_at(t, actors)
    ]  # "abuses by Russian troops"
    for t in phrase:
        for participle in t.children:
            if participle.dep_ in ("acl", "relcl"):
                found += [
                    a
                    for p in participle.children
                    if p.dep_ == "agent"
                    for a in _pobj_actors(p, actors)
                ]
    return found


def _pobjs(prep: Token) -> list[Token]:
    return [o for o in prep.children if o.dep_ == "pobj"]


def _pobj_actors(prep: Token, actors: Mapping[int, ResolvedActor]) -> list[ResolvedActor]:
    return [a for o in _pobjs(prep) for a in _actors_at(o, actors)]
