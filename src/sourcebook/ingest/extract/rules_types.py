"""What a thing is: ``type`` (a class word next to a name, copulas, appositives, anaphora) and the ``origin``
stated with it; the helpers for class phrases and their modifiers."""

from __future__ import annotations

import re

from sourcebook.ingest.drafts import EntityRef
from sourcebook.ingest.extract.context import Article, Sent, emit
from sourcebook.ingest.extract.entities import Mention
from sourcebook.ingest.extract.phrases import listed
from sourcebook.ingest.gazetteer import gazetteer

COPULA = re.compile(
    r"\b(?:is|are|was|were|remains|became)\s+(?:(?:a|an|one of the|one of|the|also a|also an)\s+)?"
    r"(?:(?:form|kind|type|class|variant|version|family|member) of\s+)?"
)
PART_OF = re.compile(
    r"(?:subsidiary|division|unit|branch|arm|part|member|affiliate|partner|parent|owner|sister|joint venture)\b", re.I
)
AKA = re.compile(r", (?:also |otherwise |locally |formerly )?(?:known as|called|designated|a\.k\.a\.|aka) [^,;]{1,60},")
DROP_MODIFIER = re.compile(
    r"^(?:a|an|the|its|their|one|most|more|very|largest|biggest|main|leading|major|only|first|new|modern)$", re.I
)


def _kind_of(cls: str) -> str:
    return gazetteer().class_kind.get(cls, "system")


def juxtaposed_type(s: Sent, art: Article) -> None:
    """ "MiG-29 fighters", "a Buk-M2 air defense missile system", "Multiple rocket launcher M-77 Oganj"."""
    for m in s.mentions:
        if m.kind != "system":
            continue
        c = s.class_at(m.end + 1, 0)
        if c and (
            c[2] in GENERIC_CLASSES
            or (s.kind == "title" and s.text[c[0]].isupper())
            or _typed(art, m.ref, s.text[c[0] : c[1]])
        ):
            continue
        if c and _kind_of(c[2]) == "system" and s.text[m.end : c[0]] == " ":
            emit(
                art,
                s,
                m.ref,
                "type",
                (m.start, c[1]),
                "type.juxtaposed",
                text=_singular(s.text[c[0] : c[1]]),
                weak=True,
            )
            continue
        c = _class_after_adjectives(s, m.end)
        if (
            c
            and _kind_of(c[2]) == "system"
            and c[2] not in GENERIC_CLASSES
            and not _typed(art, m.ref, s.text[c[0] : c[1]])
        ):
            text = s.text[m.end + 1 : c[0]] + _singular(s.text[c[0] : c[1]])
            emit(art, s, m.ref, "type", (m.start, c[1]), "type.juxtaposed_modified", text=text, weak=True)
    for c in s.classes:
        if _kind_of(c[2]) != "system":
            continue
        nxt = next((m for m in s.mentions if m.kind == "system" and m.start == c[1] + 1), None)
        if (
            nxt
            and s.class_at(nxt.end + 1, 0) is None
            and not re.search(r"[A-Z][\w-]* $", s.text[max(0, c[0] - 30) : c[0]])
        ):
            for m in listed(s, nxt):
                emit(
                    art,
                    s,
                    m.ref,
                    "type",
                    (c[0], m.end),
                    "type.class_then_name",
                    text=_singular(s.text[c[0] : c[1]]),
                    weak=True,
                )


ADJECTIVES = re.compile(r"(?: [a-z]+(?:-[a-z]+)*){1,2} ")
NOT_ADJECTIVES = frozenset(
    "is are was were be been has have had will would can could may and or of the a an to in on at from with for by "
    "which that who as its their this these those than then also not more most".split()
)
GENERIC_CLASSES = frozenset(
    ("aircraft", "airplane", "plane", "system", "vehicle", "missile", "weapon", "ship", "vessel")
)


def _class_after_adjectives(s: Sent, end: int) -> tuple[int, int, str] | None:
    """A class phrase after one or two lower-case modifiers: "BrahMos supersonic cruise missiles"."""
    adj = ADJECTIVES.match(s.text, end)
    if not adj or set(adj.group(0).split()) & NOT_ADJECTIVES:
        return None
    for k in re.finditer(r"(?<=[a-z]) ", s.text[end + 1 : adj.end()]):
        c = s.class_at(end + 1 + k.end(), 0)
        if c:
            return c
    return None


def _typed(art: Article, ref: EntityRef, cls: str) -> bool:
    """The subject already has a type that ends with this class's head word (no weaker restatement)."""
    head = _singular(cls).split()[-1].lower()
    return any(t.endswith(head) for t in art.types.get(ref.name, ()))


def _singular(text: str) -> str:
    words = text.split()
    last = words[-1]
    g = gazetteer()
    if last.lower() in g.units and g.units[last.lower()][0] != last.lower():
        words[-1] = g.units[last.lower()][0]
    elif len(last) > 3 and last.endswith("ies"):
        words[-1] = last[:-3] + "y"
    elif len(last) > 3 and last.endswith("s") and not last.endswith("ss"):
        words[-1] = last[:-1]
    return " ".join(words)


def _modifiers(s: Sent, a: int, b: int) -> tuple[str, Mention | None]:
    """The modifiers written in [a, b) before a class word, less articles and superlatives; a demonym apart."""
    demonym = next((m for m in s.mentions if a <= m.start < b and m.kind == "country"), None)
    words = s.text[a:b].split()
    if any(w.endswith(",") for w in words):
        return "", demonym
    cut = 0
    for i, w in enumerate(words):
        low = w.lower()
        if low in ("and", "most", "more") and not (
            i + 1 < len(words) and words[i + 1][:1].isupper() and i and words[i - 1][:1].isupper()
        ):
            cut = i + 1
    kept = [w for w in words[cut:] if not DROP_MODIFIER.match(w) and not w.endswith("ly")]
    kept = [
        w
        for i, w in enumerate(kept)
        if not w[:1].isdigit()
        and not (w in ("mm", "mm-calibre", "cm", "kg", "tonne", "ton") and i and kept[i - 1][:1].isdigit())
    ]
    if demonym:
        dem = s.text[demonym.start : demonym.end]
        kept = [w for w in kept if w != dem and not w.startswith(dem + "-")]
    return " ".join(kept[-5:]), demonym


def _np_after(s: Sent, pos: int) -> tuple[int, int, str, Mention | None] | None:
    """The class noun phrase right after ``pos``: (start, end, text, demonym in it)."""
    for c in s.classes:
        if c[0] < pos or c[0] - pos > 70:
            continue
        gap = s.text[pos : c[0]]
        if re.search(r"[,;:()]|\b(?:that|which|who|to|by|with|in|from|is|are|has|have)\b|^(?:\w+ly )?\w+ing\b", gap):
            return None
        if any(pos <= m.start < c[0] for m in s.mentions if m.kind == "system"):
            return None
        mods, dem = _modifiers(s, pos, c[0])
        text = (mods + " " + s.text[c[0] : c[1]]).strip()
        end = c[1]
        if _kind_of(c[2]) == "organisation":
            pp = re.match(r" (?:for|of) [^,;()]{3,80}?(?=,|;|\.|$| with | in [A-Z])", s.text[end:])
            if pp:
                text += pp.group(0)
                end += pp.end()
        return pos, end, _singular_head(text, s.text[c[0] : c[1]]), dem
    return None


def _singular_head(text: str, cls: str) -> str:
    return text.replace(cls, _singular(cls), 1) if cls.split()[-1].lower().endswith("s") else text


def copula_type(s: Sent, art: Article) -> None:
    """ "X is a multinational air defense exercise", "the K9 is one of the ... artillery systems"."""
    for cop in COPULA.finditer(s.text):
        np = _np_after(s, cop.end())
        if np is None:
            continue
        start, end, obj, dem = np
        subject = _subject_before(
            s, art, cop.start(), _kind_of(s.class_at(start, 200)[2]) if s.class_at(start, 200) else "system"
        )
        if subject is None:
            continue
        ref, a = subject
        if PART_OF.match(obj):
            continue
        emit(art, s, ref, "type", (a, end), "type.copula", text=obj)
        if dem is not None and ref.kind in ("system", "organisation"):
            for d in [x for x in s.of("country", dem.start, end) if x.form == "demonym"] or [dem]:
                emit(art, s, ref, "origin", (a, d.end), "origin.copula_demonym", obj=d.ref)


def _subject_before(s: Sent, art: Article, pos: int, kind: str) -> tuple[EntityRef, int] | None:
    head = re.sub(r"\([^()]*\)", lambda p: " " * len(p.group(0)), s.text[:pos])
    head = AKA.sub(lambda p: " " * len(p.group(0)), head)
    cands = [
        m
        for m in s.mentions
        if m.end <= pos and m.kind in ("system", "organisation", "exercise") and head[m.start] != " "
    ]
    if cands:
        m = cands[-1]
        if re.fullmatch(r"(?:\s+[\w-]+){0,4}\s*", head[m.end : pos]) and not re.search(
            r"[,;]", head[: m.start].strip()[-1:]
        ):
            return m.ref, m.start
    words = head.strip().split()
    if (
        1 <= len(words) <= 5
        and all(w[:1].isupper() or w[:1].isdigit() for w in words)
        and words[0] not in ("The", "It", "This", "These", "They")
    ):
        name = " ".join(words)
        title = art.title_name
        if title and name.lower().startswith(title.lower().split()[0].lower()):
            name = title
        k = "organisation" if kind == "organisation" else ("exercise" if kind == "exercise" else "system")
        return EntityRef(name, k), 0
    return None


def appositive(s: Sent, art: Article) -> None:
    """ "Interfax, Russia's largest news agency," and "a French state-owned ... Corporation, Thales,"."""
    for m in s.mentions:
        if m.kind not in ("organisation", "system"):
            continue
        after = re.match(r", (?P<np>[^,;]{3,80}?)(?=,|;|\.$)", s.text[m.end :])
        if after:
            a = m.end + after.start("np")
            b = m.end + after.end("np")
            owner = next(
                (c for c in s.of("country", a, b) if c.start == a and s.text[c.end : c.end + 1] in ("’", "'")), None
            )
            cls = [c for c in s.classes if a <= c[0] and c[1] == b and _kind_of(c[2]) == "organisation"]
            if cls and (owner or re.match(r"(?:a|an|the) ", s.text[a:b])):
                mods_from = owner.end + (2 if s.text[owner.end : owner.end + 2] in ("’s", "'s") else 1) if owner else a
                mods, dem = _modifiers(s, mods_from, cls[0][0])
                obj = (mods + " " + s.text[cls[0][0] : cls[0][1]]).strip()
                emit(art, s, m.ref, "type", (m.start, b), "type.appositive", text=obj)
                country = owner or dem
                if country:
                    emit(art, s, m.ref, "origin", (m.start, b), "origin.appositive", obj=country.ref)
        before = re.search(r"\b(?:a|an|the) (?P<np>[^,;]{3,80}), $", s.text[max(0, m.start - 90) : m.start])
        if before and m.kind == "organisation":
            a = max(0, m.start - 90) + before.start("np")
            b = max(0, m.start - 90) + before.end("np")
            cls = [c for c in s.classes if a <= c[0] and c[1] == b and _kind_of(c[2]) == "organisation"]
            if cls:
                mods, dem = _modifiers(s, a, cls[0][0])
                obj = (mods + " " + s.text[cls[0][0] : cls[0][1]]).strip()
                emit(art, s, m.ref, "type", (a, m.end), "type.appositive_before", text=obj)
                if dem:
                    emit(art, s, m.ref, "origin", (dem.start, m.end), "origin.appositive_before", obj=dem.ref)


DEFINITE = re.compile(r"\b[Tt]he (?:[a-z-]+ ){0,2}$")


def anaphoric_type(s: Sent, art: Article) -> None:
    """ "The surface-to-air missile system has ...": the system in focus is one (the sentence names none)."""
    if s.of("system") or art.focus.system is None:
        return
    for c in s.classes:
        if _kind_of(c[2]) != "system" or " " not in c[2]:
            continue
        d = DEFINITE.search(s.text[: c[0]])
        if d:
            mods, _ = _modifiers(s, d.start(), c[0])
            obj = (mods + " " + _singular(s.text[c[0] : c[1]])).strip()
            emit(art, s, art.focus.system, "type", (d.start(), c[1]), "type.anaphora", text=obj, weak=True)
            return
