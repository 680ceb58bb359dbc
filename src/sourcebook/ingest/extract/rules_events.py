"""Events and places: ``agreement``, ``exercise`` and ``deployed_to``."""

from __future__ import annotations

import re

from sourcebook.ingest.drafts import EntityRef
from sourcebook.ingest.extract.context import Article, Sent, emit
from sourcebook.ingest.extract.entities import force_country
from sourcebook.ingest.extract.numbers import as_number, number
from sourcebook.ingest.extract.phrases import quantity, status
from sourcebook.ingest.gazetteer import gazetteer

AGREEMENT = re.compile(
    r"\b(?:(?P<year>(?:19|20)\d\d) )?(?P<noun>[Aa]ccords?|[Aa]greements?|[Tt]reat(?:y|ies)|[Pp]acts?|[Mm]emorand(?:um|a)|[Cc]onventions?)\b"
)
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)\b"
NAME_BEFORE = re.compile(r"(?:(?<=\s)|^)(?P<name>(?:(?:[A-Z][\w'’-]*|[A-Z]{2,})(?: (?:of|on|for|and) )?\s?){1,6})$")
LOWER_BEFORE = re.compile(r"\b(?:signed|concluded|reached|inked|agreed) (?:a|an|the) (?P<name>(?:[a-z][\w-]* ){1,4})$")
TAIL = re.compile(
    r" (?:on|of|for) (?!"
    + WEEKDAY
    + r")(?:the )?[^,;.]{3,80}?(?= in (?:19|20)\d\d|,|;|\.|$| that | which | and the | to | was | were )"
)
IN_YEAR = re.compile(r" in ((?:19|20)\d\d)\b")
COOPERATION = re.compile(
    r"\b(?:(?:greater|closer|further|more|deeper|military|mutual)\s+)*((?:[a-z]+\s+){1,3})cooperation\b"
)
COUNT_BEFORE = re.compile(r"(?P<num>\w+) (?:other |more |new |separate |individual |bilateral )*$")
TWO_NATIONS = re.compile(r"\b(?:the|both) (?:two )?(?:nations|countries|sides|states|governments)\b")
PARTICIPANTS = re.compile(
    r"\b(?:[Pp]articipating (?:nations|countries|states)|[Pp]articipants|[Pp]articipating (?:units|forces))(?: will)? include\b"
)
HOST = re.compile(r"\b(?:will |to )?(?:both )?(?:hosts?|hosted|hosting)\b")
CO_HOSTED = re.compile(r"\b(?:co-)?(?:hosted|organi[sz]ed|led) (?:jointly )?by (?:the )?")
TOOK_PART = re.compile(
    r"\b(?:took|take|takes|taking) part in (?:the )?|\bparticipated in (?:the )?|\bjoined (?:the )?(?=[A-Z])"
)
TAKE_PLACE = re.compile(
    r"\b(?:will take place|takes place|took place|will be held|is held|was held|were held|will run|runs"
    r"|opened|began|begins|started|starts|kicked off|got under way|is being held|are being held)\b"
)
DEPLOYED = re.compile(r"\b(?:deployed|stationed|based|moved|redeployed|positioned|sent) (?:to|in|at|on|near) (?:the )?")
DEPLOY_ACTIVE = re.compile(
    r"\b(?:deploy|deploys|deployed|send|sends|sent|station|stations|stationed|move|moves|moved|redeploy|redeployed) "
)
HOSTED_UNIT = re.compile(r"\b(?:hosts?|hosted|hosting|is hosting) (?:a|an|the|two|three|four|several)? ?")
HQ = re.compile(r"\b(?:headquarters|headquartered|based) in (?P<place>[A-Z][\w-]+(?: [A-Z][\w-]+)?)")
BASED_ORG = re.compile(r"\b(?P<place>[A-Z][\w]+(?: [A-Z][\w]+)?)-based\b")


def agreements(s: Sent, art: Article) -> None:
    for a in AGREEMENT.finditer(s.text):
        noun = a.group("noun")
        tail = TAIL.match(s.text, a.end())
        year_text = a.group("year")
        after = IN_YEAR.match(s.text, tail.end() if tail else a.end())
        year = int(year_text) if year_text else (int(after.group(1)) if after else None)
        end = tail.end() if tail else a.end()
        name = ""
        qty = None
        before = s.text[: a.start()]
        named = NAME_BEFORE.search(before) if not year_text else None
        if named:
            words = named.group("name").split()
            while words and (
                words[0] in ("The", "A", "An", "Under", "In", "On", "By", "With")
                or words[0] in ("of", "on", "for", "and")
            ):
                words.pop(0)
            if words and not any(
                m.kind == "country" and m.start >= a.start() - len(" ".join(words)) - 1
                for m in s.mentions
                if m.end <= a.start()
            ):
                if noun[0].isupper() or all(w.isupper() for w in words):
                    year_text = None
                    start = a.start() - len(" ".join(words)) - 1
                    name = s.text[start:end]
            else:
                named = None
        lower = LOWER_BEFORE.search(before) if not named and not year_text else None
        if name:
            ref = EntityRef(name, "agreement")
        elif lower:
            name = lower.group("name") + s.text[a.start() : end]
            ref = EntityRef(name, "agreement")
        elif year_text and year in art.focus.agreement:
            ref = art.focus.agreement[year]
        elif year_text or tail:
            name = s.text[a.start() : end]
            ref = EntityRef(name, "agreement")
        else:
            coop = COOPERATION.search(s.text, a.end(), min(len(s.text), a.end() + 80))
            if not coop or not noun.endswith("s"):
                continue
            name = f"{coop.group(1).strip()} cooperation {noun.lower()}"
            ref = EntityRef(name, "agreement")
            count = COUNT_BEFORE.search(s.text[: a.start()])
            qty = number(count.group("num")) if count else None
            end = coop.end()
        if year is None:
            year = s.year_near(a.start()) if re.search(r"\bsigned\b", s.text) else None
        parties = []
        for m in s.of("country"):
            if m.ref not in parties:
                parties.append(m.ref)
        if len(parties) < 2 and TWO_NATIONS.search(s.text):
            for c in art.focus.countries:
                if c not in parties:
                    parties.append(c)
        if len(parties) < 2 and art.home_country and EntityRef(art.home_country, "country") not in parties:
            parties.append(EntityRef(art.home_country, "country"))
        if len(parties) < 2:
            continue
        if year is not None and year_text:
            art.focus.agreement.setdefault(year, ref)
        emit(
            art,
            s,
            ref,
            "agreement",
            (a.start(), end),
            "agreement.named",
            objects=parties,
            year=year,
            quantity=as_number(qty) if qty else None,
        )


def _exercise_year(ex: EntityRef, s: Sent, art: Article) -> int | None:
    digits = re.search(r"(?:19|20)\d\d", ex.name)
    return int(digits.group(0)) if digits else art.year


def exercises(s: Sent, art: Article) -> None:
    for m in s.of("exercise"):
        before = re.search(r"((?:19|20)\d\d)[ -]$", s.text[: m.start])
        year = int(before.group(1)) if before else None
        word = re.match(r"\s*(?:exercises?|drills?|war ?games|manoeuvres|maneuvers)\b", s.text[m.end :], re.I)
        if (year is None and not word) or TOOK_PART.search(s.text):
            continue
        between = re.search(r"\bbetween ", s.text)
        parties = [c.ref for c in s.of("country", between.end(), between.end() + 60)] if between else []
        if any(c.predicate == "exercise" and c.subject.name == m.ref.name for c in art.claims[-200:]):
            continue  # the exercise already has its participants or host: a bare mention adds nothing
        a = before.start() if before else m.start
        emit(
            art,
            s,
            m.ref,
            "exercise",
            (a, m.end + (word.end() if word else 0)),
            "exercise.named",
            objects=parties,
            year=year or _exercise_year(m.ref, s, art),
            weak=True,
        )
    ex = (s.of("exercise") or [None])[0]
    ex_ref = ex.ref if ex else art.focus.exercise
    if ex_ref is None or (ex is None and not any(w in s.low for w in ("articipa", "host", "organi", "led by"))):
        return  # without the exercise named, only a participants or host cue can say more about it
    year = _exercise_year(ex_ref, s, art)
    p = PARTICIPANTS.search(s.text)
    if p:
        countries = [c.ref for c in s.of("country", p.end())]
        units = [o for o in s.of("organisation", p.end())]
        if countries and len(countries) >= 2:
            emit(
                art,
                s,
                ex_ref,
                "exercise",
                (p.start(), len(s.text.rstrip(". "))),
                "exercise.participants",
                objects=list(dict.fromkeys(countries)),
                year=year,
            )
        for u in units:
            owner = s.first("country", 0, p.start())
            emit(
                art,
                s,
                ex_ref,
                "exercise",
                (p.start(), u.end),
                "exercise.participating_unit",
                obj=u.ref,
                year=year,
                country=owner.ref.name if owner else None,
            )
    co = CO_HOSTED.search(s.text)
    if co and re.search(r"\b(?:exercise|drills?|war ?games|manoeuvres|maneuvers)\b", s.text[: co.start()]):
        first = next((m for m in s.mentions if m.kind == "country" and m.start == co.end()), None)
        hosts = [first]
        for m in s.of("country", first.end if first else 0):
            if re.fullmatch(r",? (?:and )?(?:the )?|, ", s.text[hosts[-1].end : m.start]):
                hosts.append(m)
        if first:
            emit(
                art,
                s,
                ex_ref,
                "exercise",
                (co.start(), hosts[-1].end),
                "exercise.co_hosts",
                objects=[h.ref for h in hosts],
                year=year,
                role="host",
            )
    h = HOST.search(s.text)
    if h and re.search(r"\b(?:exercise|drills?)\b", s.text[h.end() :]):
        host = s.last("country", 0, h.start())
        if host:
            emit(
                art, s, ex_ref, "exercise", (host.start, h.end()), "exercise.host", obj=host.ref, year=year, role="host"
            )
    t = TAKE_PLACE.search(s.text)
    if t and ex:
        place = re.search(r"\bin ", s.text[t.end() :])
        if place:
            first = s.first("country", t.end() + place.end() - 1)
            if first:
                st = "planned" if "will" in t.group(0) else ""
                dates = [d for d in s.dates if d.start > t.start()]
                for c in [x for x in s.of("country", first.start) if x.form == "name"]:
                    emit(
                        art,
                        s,
                        ex_ref,
                        "deployed_to",
                        (ex.start, c.end),
                        "deployed_to.exercise_place",
                        obj=c.ref,
                        year=year,
                        status=st,
                        date=dates[0].text if dates else None,
                    )


def took_part(s: Sent, art: Article) -> None:
    """ "Indian Navy warships took part in the Milan naval exercise": the exercise and its participant."""
    for t in TOOK_PART.finditer(s.text):
        ex = next((m for m in s.of("exercise") if t.end() <= m.start <= t.end() + 3), None)
        if ex is None:
            continue
        who = [m for m in s.mentions if m.end <= t.start() and m.kind in ("country", "organisation")]
        if not who:
            continue
        party = force_country(who[-1]) or who[-1].ref
        with_ = re.match(
            r"(?:\s*(?:exercises?|drills?|war ?games|manoeuvres|maneuvers))? (?:with|alongside) (?:the )?",
            s.text[ex.end :],
        )
        parties = [party]
        if with_:
            first = next((m for m in s.mentions if m.kind == "country" and m.start == ex.end + with_.end()), None)
            while first:
                parties.append(force_country(first) or first.ref)
                first = next(
                    (
                        m
                        for m in s.mentions
                        if m.kind == "country"
                        and m.start > first.end
                        and re.fullmatch(r",? (?:and )?(?:the )?|, ", s.text[first.end : m.start])
                    ),
                    None,
                )
        emit(
            art,
            s,
            ex.ref,
            "exercise",
            (who[-1].start, ex.end),
            "exercise.took_part",
            objects=parties,
            year=_exercise_year(ex.ref, s, art) if re.search(r"(?:19|20)\d\d", ex.ref.name) else s.year_near(t.start()),
        )


def deployments(s: Sent, art: Article) -> None:
    for d in DEPLOY_ACTIVE.finditer(s.text):
        to = re.compile(r" (?:to|in|into|at) (?:the )?").search(s.text, d.end(), min(len(s.text), d.end() + 80))
        systems = [
            m for m in s.mentions if m.kind == "system" and d.end() <= m.start and (to is None or m.end <= to.start())
        ]
        if (
            not systems
            or to is None
            or not re.search(r"\b(?:will|to|has|have|had|was|were|is|are)?\s*$|[A-Za-z]\s*$", s.text[: d.start()])
        ):
            continue
        place = next((m for m in s.mentions if m.start == to.end() and m.kind == "country"), None)
        if PASSIVE_BEFORE.search(s.text[: d.start()]):
            continue
        ptext = place.ref.name if place else ""
        pend = place.end if place else 0
        if place is None:
            cap = re.match(r"[A-Z][\w-]+(?: [A-Z][\w-]+){0,2}", s.text[to.end() :])
            if not cap or cap.group(0).split()[0] in ("The", "A", "An"):
                continue
            ptext, pend = cap.group(0), to.end() + cap.end()
        force = next((f for f in reversed(s.of("organisation", 0, d.start())) if force_country(f)), None)
        for m in systems[:1]:
            if force and re.fullmatch(
                r"\s+(?:has |have |had |will |is |are |was |were |recently |also )*", s.text[force.end : d.start()]
            ):
                emit(art, s, m.ref, "operator", (force.start, m.end), "operator.deploys", obj=force.ref)
            qty, unit, _ = quantity(s, m)
            emit(
                art,
                s,
                m.ref,
                "deployed_to",
                (d.start(), pend),
                "deployed_to.active",
                obj=place.ref if place else None,
                text=ptext,
                year=s.year_near(d.start()),
                status=status(s.text[max(0, d.start() - 30) : d.start() + 1]),
                quantity=qty,
                unit=unit,
            )
    for h in HOSTED_UNIT.finditer(s.text):
        sysm = next((m for m in s.mentions if m.kind == "system" and h.end() <= m.start <= h.end() + 25), None)
        host = s.last("country", 0, h.start())
        if (
            sysm
            and host
            and host.form != "demonym"
            and re.match(
                r"\s*(?:[a-z]+ )?(?:units?|batter(?:y|ies)|squadrons?|systems?|detachments?|jets|aircraft)\b",
                s.text[sysm.end :],
            )
        ):
            emit(
                art,
                s,
                sysm.ref,
                "deployed_to",
                (host.start, sysm.end),
                "deployed_to.hosted",
                obj=host.ref,
                text=host.ref.name,
                year=s.year_near(h.start()),
            )
    _deployed_passive(s, art)


PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|being|be|is|are)\s+$")


def _deployed_passive(s: Sent, art: Article) -> None:
    for d in DEPLOYED.finditer(s.text):
        place = next((m for m in s.mentions if m.start == d.end() and m.kind == "country"), None)
        if place is not None and place.form == "demonym":
            continue  # "based at the German Olano air base": a demonym names no place
        ptext = place.ref.name if place else ""
        pend = place.end if place else d.end()
        if not place:
            cap = re.match(r"[A-Z][\w-]+(?: [A-Z][\w-]+){0,2}", s.text[d.end() :])
            if not cap:
                continue
            ptext, pend = cap.group(0), d.end() + cap.end()
        subj = s.last("system", 0, d.start())
        ref = subj.ref if subj else None
        if (
            ref is None
            and re.match(
                r"(?:The|These|Those|Its|Their) (?:[\w-]+ ){0,3}?(?:systems|batteries|units|jets|aircraft|\w+s) (?:\w+ ){0,3}$",
                s.text[: d.start()],
            )
            and art.focus.system
        ):
            ref = art.focus.system
        if ref is None:
            continue
        if (
            place
            and s.text[place.start : place.end] != place.ref.name
            and s.text[place.start].isupper()
            and place.form == "name"
            and s.text[place.start : place.end] in CAPITALS()
        ):
            ptext = s.text[place.start : place.end]
            place = None
        emit(
            art,
            s,
            ref,
            "deployed_to",
            (subj.start if subj else 0, pend),
            "deployed_to.verb",
            obj=place.ref if place else None,
            text=ptext,
            year=s.year_near(d.start()),
            status=status(s.text[max(0, d.start() - 30) : d.start()]),
        )
    for h in HQ.finditer(s.text):
        org = s.last("organisation", 0, h.start())
        if org is None and art.title_name:
            org = None
            ref = EntityRef(art.title_name, "organisation") if s.index <= 3 else None
        else:
            ref = org.ref if org else None
        if ref:
            emit(art, s, ref, "deployed_to", (h.start(), h.end()), "deployed_to.headquarters", text=h.group("place"))
    for b in BASED_ORG.finditer(s.text):
        org = next((m for m in s.mentions if m.kind == "organisation" and b.end() < m.start <= b.end() + 1), None)
        if org and not s.first("country", b.start(), b.end()):
            emit(art, s, org.ref, "deployed_to", (b.start(), org.end), "deployed_to.based", text=b.group("place"))


def CAPITALS() -> frozenset[str]:  # noqa: N802 - a constant read from the gazetteer
    return gazetteer().capitals


RULES = (agreements, exercises, took_part, deployments)
