"""Exercises told the way releases tell them: an apposition with its host ("X 2024, a biennial air combat
exercise hosted by the Royal Australian Air Force, ..."), a host named before the exercise ("Australia will
host the next iteration, X 2026"), and participants ("involved ... from 20 nations, including A, B and C",
"A, B and C sent fighter jets", "troops from A and B took part", "the Egyptian and US armies concluded X").
The object is the list of participating states, as in the eval README; a host gets ``role: host``."""

from __future__ import annotations

import re

from sourcebook.ingest.drafts import EntityRef
from sourcebook.ingest.extract.context import Article, Sent, emit
from sourcebook.ingest.extract.entities import Mention, force_country

EX_WORD = r"(?:exercises?|drills?|war ?games|manoeuvres|maneuvers)"
APPOSITION = re.compile(
    r", (?:a|an|the) (?P<mods>(?:[\w.-]+ ){0,5}?)(?P<head>" + EX_WORD + r")\b"
    r"(?: (?:(?:co-)?hosted|led|organi[sz]ed|run|conducted) (?:jointly )?by (?:the )?)?"
)
UNKNOWN_EDITION = re.compile(
    r"\b(?:armies|armed forces|forces|troops|navies|militaries|air forces|marines|soldiers) (?:have |had |will )?"
    r"(?:concluded|conducted|held|started|launched|staged|wrapped up|completed|opened|kicked off) (?:the )?"
    r"(?P<n>[A-Z][\w-]+(?: [A-Z][\w-]+){0,3} (?:19|20)\d\d)\b"
)
ALONGSIDE = re.compile(r"\b(?:alongside|with|and) (?:the )?")
FORCE_NOUN = re.compile(r" (?:troops|forces|soldiers|units|sailors|marines|armies|navies|air forces|contingents)\b")
SENT_SYSTEMS = re.compile(r" (?:sent|brought|deployed|contributed|dispatched|flew in) (?=[\w-]+ )")
NEAR_WORD = re.compile(r"\b(?:" + EX_WORD + r"|iteration)\b", re.I)
FREQUENCY = frozenset("annual biennial yearly triennial regular".split())
HOST_BEFORE = re.compile(r"\b(?:will |to |would )?(?:co-)?(?:hosts?|hosted|hosting)\b(?: [\w'’-]+){0,4},? $")
LIST_GAP = re.compile(r",? (?:and |as well as )?(?:the )?|, ")
INCLUDING = re.compile(
    r"\b(?:nations|countries|states|participants|partners|allies|militaries|armed forces)\b[^.;]{0,30}?,? including (?:the )?"
)
SENT = re.compile(
    r" (?:sent|send|sends|deployed|deploy|deploys|contributed|contribute|contributes|brought|bring|brings|dispatched)"
    r" (?:[\w,-]+ ){0,4}?(?:jets|aircraft|fighters|troops|soldiers|personnel|ships|warships|vessels|units|teams|helicopters|forces|sailors|marines)\b"
)
JOINED = re.compile(
    r" (?:also )?(?:participated|took part|take part|takes part|joined in|are participating|were participating|is participating)\b"
)
TROOPS_FROM = re.compile(
    r"\b(?:troops|forces|personnel|soldiers|units|contingents|teams|sailors|airmen) from (?:the )?"
)
ARMIES = re.compile(
    r"^(?: (?:and|&) )?(?: (?:armies|armed forces|forces|militaries|navies|air forces|troops|marines))"
    r" (?:have |had |will )?(?:concluded|conducted|held|began|started|launched|staged|wrapped up|completed|opened|kicked off)\b"
)


def _year(ref: EntityRef, art: Article) -> int | None:
    m = re.search(r"(?:^|\D)((?:19|20)\d\d)$", ref.name) or re.search(r" (\d\d)$", ref.name)
    if m:
        y = int(m.group(1))
        return y if y > 1900 else 2000 + y
    return art.year


def _state(m: Mention) -> EntityRef | None:
    if m.kind == "country":
        return m.ref
    return force_country(m)


def _chain(s: Sent, first: Mention) -> list[Mention]:
    """``first`` and the states listed right after it ("Germany, France, Spain and Japan")."""
    out = [first]
    for m in s.mentions:
        if m.start < out[-1].end:
            continue
        if _state(m) is None or not LIST_GAP.fullmatch(s.text[out[-1].end : m.start]):
            break
        out.append(m)
    return out


def _chain_before(s: Sent, last: Mention) -> list[Mention]:
    out = [last]
    for m in reversed([x for x in s.mentions if x.end <= last.start]):
        if _state(m) is None or not LIST_GAP.fullmatch(s.text[m.end : out[0].start]):
            break
        out.insert(0, m)
    return out


def _states(ms: list[Mention]) -> list[EntityRef]:
    return list(dict.fromkeys(r for r in (_state(m) for m in ms) if r is not None))


def _participants(
    art: Article, s: Sent, ex: EntityRef, states: list[EntityRef], span: tuple[int, int], rule: str
) -> None:
    """One claim for the states not yet named as this exercise's participants (a restatement is no new fact)."""
    known = art.exercise_parties.setdefault(ex.name, set())
    new = [c for c in states if c.name not in known]
    if not new:
        return
    known.update(c.name for c in new)
    emit(art, s, ex, "exercise", span, rule, objects=new, year=_year(ex, art))


def exercise_phrases(s: Sent, art: Article) -> None:
    if not (
        s.index - art.exercise_at <= 6
        or any(m.kind == "exercise" for m in s.mentions)
        or ("ed " in s.text and UNKNOWN_EDITION.search(s.text))
    ):
        return  # only where an exercise is named, or just was
    for n in (
        UNKNOWN_EDITION.finditer(s.text) if "ed " in s.text else ()
    ):  # "the US and Egyptian armies concluded Bright Star 2023"
        a, b = n.span("n")
        if not any(m.start < b and a < m.end for m in s.mentions):
            s.mentions.append(Mention(a, b, EntityRef(n.group("n"), "exercise"), "pattern"))
            s.mentions.sort(key=lambda m: m.start)
    exs = s.of("exercise")
    for m in exs:  # "X 2024, a biennial air combat exercise hosted by the RAAF,"
        ap = APPOSITION.match(s.text, m.end)
        if ap is None:
            continue
        mods = [
            w
            for w in ap.group("mods").split()
            if w.lower() not in FREQUENCY and not re.search(r"-(?:led|hosted|run|organi[sz]ed)$", w)
        ]
        if mods:
            emit(
                art,
                s,
                m.ref,
                "type",
                (m.start, ap.end("head")),
                "type.exercise_apposition",
                text=" ".join([*mods, re.sub(r"s$", "", ap.group("head"))]),
                weak=True,
            )
        if ap.end() > ap.end("head"):
            host = next((x for x in s.mentions if x.start == ap.end() and _state(x) is not None), None)
            if host is not None:
                hosts = _states(_chain(s, host))
                emit(
                    art,
                    s,
                    m.ref,
                    "exercise",
                    (m.start, host.end),
                    "exercise.hosted_by",
                    objects=hosts,
                    year=_year(m.ref, art),
                    role="host",
                )
    for m in exs:  # "Australia will host the next iteration, X 2026"
        h = HOST_BEFORE.search(s.text, max(0, m.start - 60), m.start)
        if h is None:
            continue
        host = next(
            (x for x in reversed(s.mentions) if x.end <= h.start() and _state(x) is not None and x.form != "demonym"),
            None,
        )
        if host is not None and re.fullmatch(r"\s*(?:has |have |had |also |again )*", s.text[host.end : h.start()]):
            emit(
                art,
                s,
                m.ref,
                "exercise",
                (host.start, m.end),
                "exercise.host_named",
                obj=_state(host),
                year=_year(m.ref, art),
                role="host",
            )
    if exs:
        art.exercise_at = s.index
    for v in (
        SENT_SYSTEMS.finditer(s.text) if s.index - art.exercise_at <= 6 else ()
    ):  # "Germany sent six Typhoon jets to the exercise": it operates them
        who = next(
            (x for x in reversed(s.mentions) if x.end <= v.start() and x.kind in ("country", "organisation")), None
        )
        if (
            who is None
            or _state(who) is None
            or who.form == "demonym"
            or not re.fullmatch(r"(?: (?:has|have|had|also|again|will))*", s.text[who.end : v.start()])
        ):
            continue
        if re.match(r"[^,;]{0,60}? to (?!the exercise|the drills?)(?:the )?[A-Z]", s.text[v.end() :]):
            continue  # "sent tanks to Ukraine": a transfer or a deployment, not a contingent
        stop = re.compile(r",? (?:while|and then|but|whereas) |;|, (?:and )?(?:which|who) ").search(s.text, v.end())
        for m in s.of("system", v.end(), stop.start() if stop else len(s.text)):
            emit(art, s, m.ref, "operator", (who.start, m.end), "operator.sent_to_exercise", obj=who.ref)
    ex = exs[0].ref if exs else art.focus.exercise
    if ex is None or (not exs and not NEAR_WORD.search(s.text) and s.index - art.exercise_at > 2):
        return
    for inc in INCLUDING.finditer(s.text):  # "from 20 nations, including A, B and C"
        first = next((x for x in s.mentions if x.start == inc.end() and _state(x) is not None), None)
        if first is not None:
            chain = _chain(s, first)
            beside: list[Mention] = []  # "alongside Latvian and Lithuanian troops during X, ... including A and B"
            for b in ALONGSIDE.finditer(s.text, 0, inc.start()):
                head = next((x for x in s.mentions if x.start == b.end() and x.kind == "country"), None)
                if head is not None:
                    group = _chain(s, head)
                    if FORCE_NOUN.match(s.text, group[-1].end):
                        beside += group
            _participants(art, s, ex, _states(beside + chain), (inc.start(), chain[-1].end), "exercise.including")
    for v in list(SENT.finditer(s.text)) + list(JOINED.finditer(s.text)):  # "A, B and C sent fighter jets"
        last = next((x for x in reversed(s.mentions) if x.end <= v.start() and _state(x) is not None), None)
        if (
            last is None
            or not re.fullmatch(r",? ?(?:while |and |but )?|\s*(?:also |too )?", s.text[last.end : v.start()])
            and not re.fullmatch(r"(?: (?:has|have|had|also|again|will))*", s.text[last.end : v.start()])
        ):
            continue
        if last.form == "demonym" and not re.match(
            r" (?:air force|army|navy|forces|troops|military|marines)", s.text[last.end :]
        ):
            continue
        chain = _chain_before(s, last)
        states = _states(chain)
        more = [
            x
            for x in s.mentions
            if x.start > v.end()
            and _state(x) is not None
            and re.match(r",? (?:while|and) (?:the )?$", s.text[v.end() : x.start][-12:])
            and JOINED.match(s.text, _chain(s, x)[-1].end)
        ]
        for x in more:  # "..., while Papua New Guinea participated for the first time"
            states += [c for c in _states(_chain(s, x)) if c not in states]
        if re.match(
            r" (?:[\w,-]+ ){0,3}?to (?!the exercise|the drills?|" + re.escape(ex.name) + ")", s.text[v.end() :]
        ):
            continue  # "sent troops to Syria": a deployment elsewhere
        if states and not INCLUDING.search(s.text):
            _participants(art, s, ex, states, (chain[0].start, v.end()), "exercise.sent")
    for t in TROOPS_FROM.finditer(s.text):  # "troops from A and B took part"
        first = next((x for x in s.mentions if x.start == t.end() and _state(x) is not None), None)
        if first is None:
            continue
        chain = _chain(s, first)
        if JOINED.match(s.text, chain[-1].end) or re.match(
            r" (?:took|take|takes) part| joined| (?:have |had )?(?:trained|drilled)", s.text[chain[-1].end :]
        ):
            _participants(art, s, ex, _states(chain), (t.start(), chain[-1].end), "exercise.troops_from")
    for m in exs:  # "the Egyptian and US armies concluded X"
        dems = [x for x in s.mentions if x.kind == "country" and x.end <= m.start and m.start - x.end < 60]
        if not dems:
            continue
        arm = ARMIES.match(s.text[dems[-1].end : m.start])
        if arm:
            chain = _chain_before(s, dems[-1])
            _participants(art, s, m.ref, _states(chain), (chain[0].start, m.end), "exercise.armies")


RULES = (exercise_phrases,)
