"""What a thing is and whose: ``type``, ``origin``, ``manufacturer``, ``developer``, ``operator``."""

from __future__ import annotations

import re

from sourcebook.ingest.drafts import EntityRef
from sourcebook.ingest.extract.context import Article, Sent, emit
from sourcebook.ingest.extract.entities import Mention, force_country
from sourcebook.ingest.extract.phrases import listed, quantity, status
from sourcebook.ingest.gazetteer import gazetteer

COPULA = re.compile(r"\b(?:is|are|was|were|remains|became)\s+(?:(?:a|an|one of the|one of|the|also a|also an)\s+)?"
                    r"(?:(?:form|kind|type|class|variant|version|family|member) of\s+)?")
MAKER = re.compile(r"\b(?P<v>manufactured|made|produced|built|developed|designed|license-built|licence-built|assembled"
                   r"|license-produced|licence-produced|co-developed|jointly developed) by\b")
MAKER_NAME = re.compile(r"(?:the )?(?P<name>[A-Z][\w'’.-]*(?: (?:&|and|of|de|for) [A-Z][\w'’.-]*| [A-Z][\w'’.-]*){0,5})")
MAKER_MORE = re.compile(r"(?:,? and |, | in (?:cooperation|collaboration|partnership) with | together with | jointly with | with )(?:the )?")
PLANT = re.compile(r"\b(?:assembled|built|produced|manufactured|made) (?:at|in) (?:the )?(?P<org>[A-Z][\w&-]*(?: [A-Z][\w&-]*){0,3})['’]s? "
                   r"(?:\w+ )?(?:plant|factory|facility|facilities|shipyard|works|assembly line)")
PRODUCT_OF = re.compile(r"\b(?:a|an|the) (?:product|creation|design) of (?:the )?")
MAKER_OF = re.compile(r",? (?:the )?(?:(?:main|prime|lead|sole|original) )?(?P<role>maker|manufacturer|producer|builder|developer|designer)s? of (?:the )?")
CONTRACTOR = re.compile(r"\b(?:principal|prime|main|lead) contractors? (?:will be|is|was|are|were) (?:the )?")
MAKES = re.compile(r"\b(?P<v>manufactures|makes|produces|produced|builds|manufactured|develops|developed|designs|designed"
                   r"|(?:is|are) (?:building|producing|manufacturing|developing))\b")
BUILT_BY_COUNTRY = re.compile(r"[- ](?P<v>built|made|produced|manufactured|designed|developed)\b")
EQUIPPED = re.compile(r"\b(?:is|are|was|were) (?:equipped|armed) with\b|\b(?:operates?|operated|fields?|fielded|flies|uses?) (?:the )?")
INTEGRATED = re.compile(r"\b(?:integrated into|in service with|operated by|used by|fielded by|flown by|in use with|in the inventory of) (?:the )?")
OPERATORS_INCLUDE = re.compile(r"\b(?:(?:[Cc]urrent|[Oo]ther|[Ff]oreign|[Ee]xport) )?(?:[Oo]perators|[Uu]sers|[Cc]ustomers) (?:include|includes|are|also include)\b:? (?:the )?")
INVENTORY = re.compile(r"(?:^|\b)(?:[Ii]ts|[Tt]heir|[Tt]he (?:army|navy|air force|military|armed forces|marines|fleet|force)['’]s?) (?:(?:[\w-]+ ){0,3}?)"
                       r"(?:(?:includes?|included|comprises?|comprised|consists? of|are|were) |(?=\d|[a-z]+ [A-Z]))")
PROVIDED = re.compile(r"\b(?:is|are) (?:provided|handled|equipped) (?:by|with) ")
YEAR_SINCE = re.compile(r"\b(?:since|from|in) ((?:19|20)\d\d)\b")
LISTED = re.compile(r"\blisted\b")
CLASS_LIST = re.compile(r"\s+(?:listed\s+)?(?:are|were)\s+(?:of\s+)?(?:(?P<dem>[A-Z][a-z]+)[- ]type\s+|the\s+)?")
FORCE = re.compile(r"^(?:the\s+)?(?:air force|army|navy|military|armed forces|ground forces|land forces|air defen[cs]e forces?)\b", re.I)
DROP_MODIFIER = re.compile(r"^(?:a|an|the|its|their|one|most|more|very|largest|biggest|main|leading|major|only|first|new|modern)$", re.I)


def _kind_of(cls: str) -> str:
    return gazetteer().class_kind.get(cls, "system")


def juxtaposed_type(s: Sent, art: Article) -> None:
    """"MiG-29 fighters", "a Buk-M2 air defense missile system", "Multiple rocket launcher M-77 Oganj"."""
    for m in s.mentions:
        if m.kind != "system":
            continue
        c = s.class_at(m.end + 1, 0)
        if c and (c[2] in GENERIC_CLASSES or (s.kind == "title" and s.text[c[0]].isupper()) or _typed(art, m.ref, s.text[c[0] : c[1]])):
            continue
        if c and _kind_of(c[2]) == "system" and s.text[m.end : c[0]] == " ":
            emit(art, s, m.ref, "type", (m.start, c[1]), "type.juxtaposed", text=_singular(s.text[c[0] : c[1]]), weak=True)
            continue
        c = _class_after_adjectives(s, m.end)
        if c and _kind_of(c[2]) == "system" and c[2] not in GENERIC_CLASSES and not _typed(art, m.ref, s.text[c[0] : c[1]]):
            text = s.text[m.end + 1 : c[0]] + _singular(s.text[c[0] : c[1]])
            emit(art, s, m.ref, "type", (m.start, c[1]), "type.juxtaposed_modified", text=text, weak=True)
    for c in s.classes:
        if _kind_of(c[2]) != "system":
            continue
        nxt = next((m for m in s.mentions if m.kind == "system" and m.start == c[1] + 1), None)
        if nxt and s.class_at(nxt.end + 1, 0) is None and not re.search(r"[A-Z][\w-]* $", s.text[max(0, c[0] - 30) : c[0]]):
            for m in listed(s, nxt):
                emit(art, s, m.ref, "type", (c[0], m.end), "type.class_then_name", text=_singular(s.text[c[0] : c[1]]), weak=True)


ADJECTIVES = re.compile(r"(?: [a-z]+(?:-[a-z]+)*){1,2} ")
NOT_ADJECTIVES = frozenset("is are was were be been has have had will would can could may and or of the a an to in on at from with for by "
                           "which that who as its their this these those than then also not more most".split())
GENERIC_CLASSES = frozenset(("aircraft", "airplane", "plane", "system", "vehicle", "missile", "weapon"))


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
        if low in ("and", "most", "more") and not (i + 1 < len(words) and words[i + 1][:1].isupper() and i and words[i - 1][:1].isupper()):
            cut = i + 1
    kept = [w for w in words[cut:] if not DROP_MODIFIER.match(w) and not w.endswith("ly")]
    kept = [w for i, w in enumerate(kept) if not w[:1].isdigit() and not (w in ("mm", "mm-calibre", "cm", "kg", "tonne", "ton") and i and kept[i - 1][:1].isdigit())]
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
        if re.search(r"[,;:()]|\b(?:that|which|who|to|by|with|in|from|is|are|has|have)\b|^\w+ing\b", gap):
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
    """"X is a multinational air defense exercise", "the K9 is one of the ... artillery systems"."""
    for cop in COPULA.finditer(s.text):
        np = _np_after(s, cop.end())
        if np is None:
            continue
        start, end, obj, dem = np
        subject = _subject_before(s, art, cop.start(), _kind_of(s.class_at(start, 200)[2]) if s.class_at(start, 200) else "system")
        if subject is None:
            continue
        ref, a = subject
        emit(art, s, ref, "type", (a, end), "type.copula", text=obj)
        if dem is not None and ref.kind in ("system", "organisation"):
            for d in [x for x in s.of("country", dem.start, end) if x.form == "demonym"] or [dem]:
                emit(art, s, ref, "origin", (a, d.end), "origin.copula_demonym", obj=d.ref)


def _subject_before(s: Sent, art: Article, pos: int, kind: str) -> tuple[EntityRef, int] | None:
    head = re.sub(r"\([^()]*\)", lambda p: " " * len(p.group(0)), s.text[:pos])
    cands = [m for m in s.mentions if m.end <= pos and m.kind in ("system", "organisation", "exercise") and head[m.start] != " "]
    if cands:
        m = cands[-1]
        if re.fullmatch(r"(?:\s+[\w-]+){0,4}\s*", head[m.end : pos]) and not re.search(r"[,;]", head[: m.start].strip()[-1:]):
            return m.ref, m.start
    words = head.strip().split()
    if 1 <= len(words) <= 5 and all(w[:1].isupper() or w[:1].isdigit() for w in words) and words[0] not in ("The", "It", "This", "These", "They"):
        name = " ".join(words)
        title = art.title_name
        if title and name.lower().startswith(title.lower().split()[0].lower()):
            name = title
        k = "organisation" if kind == "organisation" else ("exercise" if kind == "exercise" else "system")
        return EntityRef(name, k), 0
    return None


def appositive(s: Sent, art: Article) -> None:
    """"Interfax, Russia's largest news agency," and "a French state-owned ... Corporation, Thales,"."""
    for m in s.mentions:
        if m.kind not in ("organisation", "system"):
            continue
        after = re.match(r", (?P<np>[^,;]{3,80}?)(?=,|;|\.$)", s.text[m.end :])
        if after:
            a = m.end + after.start("np")
            b = m.end + after.end("np")
            owner = next((c for c in s.of("country", a, b) if c.start == a and s.text[c.end : c.end + 1] in ("’", "'")), None)
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


def makers(s: Sent, art: Article) -> None:
    """"manufactured by X" (passive), "X produces A, B and C" (active), "Polish-built Mi-2"."""
    for v in MAKER.finditer(s.text):
        pred = "developer" if v.group("v").endswith(("developed", "designed")) else "manufacturer"
        makers = _makers_after(s, v.end() + 1)
        if not makers:  # "by a French state-owned ... Corporation, Thales"
            orgs = [m for m in s.mentions if m.kind == "organisation" and v.end() <= m.start < v.end() + 90]
            if len(orgs) > 1 and s.text[orgs[0].end : orgs[1].start] == ", ":
                makers = [orgs[1]]
            elif orgs and re.match(r" (?:an?|the) [^,;]*$", s.text[v.end() : orgs[0].start]):
                makers = [orgs[0]]
        if not makers:
            continue
        subj = s.last("system", 0, v.start())
        ref = subj.ref if subj else art.focus.system
        if ref is None:
            continue
        for maker in makers:
            emit(art, s, ref, pred, (subj.start if subj else v.start(), maker.end), f"{pred}.passive_by", obj=maker.ref)
    for p in PLANT.finditer(s.text):
        org = next((m for m in s.mentions if m.kind == "organisation" and m.start == p.start("org")), None)
        subj = s.last("system", 0, p.start())
        ref = subj.ref if subj else art.focus.system
        if org and ref:
            emit(art, s, ref, "manufacturer", (p.start(), p.end()), "manufacturer.plant", obj=org.ref)
    for p in PRODUCT_OF.finditer(s.text):
        makers = _makers_after(s, p.end())
        subj = s.last("system", 0, p.start())
        if makers and subj:
            emit(art, s, subj.ref, "manufacturer", (subj.start, makers[0].end), "manufacturer.product_of", obj=makers[0].ref)
    for p in MAKER_OF.finditer(s.text):
        org = s.last("organisation", 0, p.start())
        target = next((m for m in s.mentions if m.kind == "system" and m.start == p.end()), None)
        if org and target and org.end >= p.start() - 1:
            pred = "developer" if p.group("role") in ("developer", "designer") else "manufacturer"
            for t in listed(s, target):
                emit(art, s, t.ref, pred, (org.start, t.end), f"{pred}.maker_of", obj=org.ref)
    for p in CONTRACTOR.finditer(s.text):
        makers = _makers_after(s, p.end())
        ref = art.focus.system or art.main_system
        if makers and ref and not s.of("system"):
            emit(art, s, ref, "manufacturer", (p.start(), makers[0].end), "manufacturer.contractor", obj=makers[0].ref)
    for m in s.mentions:
        if m.kind != "country" or m.form != "demonym":
            continue
        built = BUILT_BY_COUNTRY.match(s.text, m.end)
        if built:
            target = next((x for x in s.mentions if x.kind == "system" and built.end() < x.start <= built.end() + 1), None)
            appos = re.search(r"(?:, |^)(?:an?|the) (?:[\w-]+ ){0,2}$", s.text[: m.start])
            if target is None and appos and s.text[: appos.start()].rstrip().endswith(tuple("abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ")):
                target = s.last("system", 0, appos.start() + 1)
                target = target if target and target.end == appos.start() else None
            targets = listed(s, target) if target else []
            if not targets and re.match(r" (?:system|weapon|missile|aircraft|drone|jet|tank|vehicle)s?\b", s.text[built.end() :]) \
                    and re.search(r"\b[Tt]he $", s.text[max(0, m.start - 4) : m.start]) and art.focus.system:
                targets = [Mention(m.start, built.end(), art.focus.system)]
            for target in targets:
                if built.group("v") in ("designed", "developed"):
                    emit(art, s, target.ref, "developer", (m.start, built.end()), "developer.demonym_designed", obj=m.ref)
                elif built.group("v") != "made":  # "Polish-built": made there; "Russian-made": of that origin
                    emit(art, s, target.ref, "manufacturer", (m.start, target.end), "manufacturer.demonym_built", obj=m.ref)
                emit(art, s, target.ref, "origin", (m.start, target.end), "origin.demonym_built", obj=m.ref)
    active = MAKES.search(s.text)
    if active and not MAKER.search(s.text):
        subj_text = s.text[: active.start()].strip()
        org = s.last("organisation", 0, active.start())
        ref = org.ref if org and org.end >= active.start() - 2 else None
        if ref is None and re.fullmatch(r"(?:It|The (?:company|firm|factory|plant|corporation|group))", subj_text):
            ref = art.focus.organisation
        if ref is None:
            return
        pred = "developer" if active.group("v").startswith(("develop", "design")) else "manufacturer"
        rest = s.text[active.end() :].rstrip(" .")
        pos = active.end()
        for part in re.split(r",\s*(?:and\s+)?|\s+and\s+", rest):
            a = s.text.find(part, pos)
            pos = a + len(part)
            name = part.strip()
            sysm = next((x for x in s.mentions if x.kind == "system" and a <= x.start < pos), None)
            if not name or (len(name.split()) > 8 and sysm is None):
                continue
            emit(art, s, sysm.ref if sysm else EntityRef(name, "system"), pred, (a, pos), f"{pred}.active_list", obj=ref)


def _thing_after(s: Sent, pos: int) -> bool:
    """"the systems", "the new tanks", "them": what follows names a thing already in focus."""
    return bool(re.match(r" ?(?:the |these |those |its |their )?(?:[\w-]+ ){0,2}?(?:systems?|batter(?:y|ies)|units?|weapons?|\w+s)\b", s.text[pos:]))


def _parties(s: Sent, first: Mention) -> list[Mention]:
    """``first`` and the countries or organisations listed after it."""
    out = [first]
    for m in s.mentions:
        if m.start < out[-1].end:
            continue
        if m.kind not in ("country", "organisation"):
            break
        if not re.fullmatch(r",? (?:and |or |as well as )?(?:the )?|, ", s.text[out[-1].end : m.start]):
            break
        out.append(m)
    return out


def _makers_after(s: Sent, pos: int) -> list[Mention]:
    """The companies named from ``pos`` on: "India's DRDO and Russia's NPO Mash", "Kongsberg in cooperation with Raytheon"."""
    out: list[Mention] = []
    while True:
        owner = next((c for c in s.mentions if c.kind == "country" and c.start in (pos, pos + 4)
                      and s.text[c.end : c.end + 2] in ("'s", "’s")), None)
        start = owner.end + 3 if owner else pos
        if s.text.startswith("the ", start):
            start += 4
        org = next((m for m in s.mentions if m.kind == "organisation" and m.start == start), None)
        if org is None and owner is None:
            country = next((m for m in s.mentions if m.kind == "country" and m.start == start), None)
            if country and not out:
                return [country]
        if org is None:
            n = MAKER_NAME.match(s.text, start)
            name = n.group("name") if n else ""
            words = name.split()
            while words and (words[-1] in ("In", "On", "The", "And", "Of") or gazetteer().months.get(words[-1].lower().rstrip("."))):
                words.pop()
            name = " ".join(words).rstrip(".")
            if not name or name.split()[0] in ("The", "It", "This", "A", "An") or any(m.start < start + len(name) and start < m.end for m in s.mentions):
                break
            org = Mention(start, start + len(name), EntityRef(name, "organisation"), "pattern")
        out.append(org)
        more = MAKER_MORE.match(s.text, org.end)
        if not more:
            break
        pos = more.end()
    return out


def operators(s: Sent, art: Article) -> None:
    """"The Air Force is equipped with A, B and C", "integrated into Finnish air defence", "listed N X"."""
    home_or_title = art.home_country or art.title_country
    for e in EQUIPPED.finditer(s.text):
        first = next((m for m in s.mentions if m.kind == "system" and e.end() <= m.start < e.end() + 40), None)
        forces = [m for m in s.of("organisation", 0, e.start()) if force_country(m) and m.end >= e.start() - 25]
        owner = forces[-1] if forces else s.last("country", 0, e.start())
        if owner and owner.form == "demonym" and not re.match(r"(?: [a-z]+)? (?:units?|forces|troops|army|navy|military|artillery|air force)\b",
                                                             s.text[owner.end : e.start()]):
            owner = None
        owners = [owner] if owner else []
        if owner and owner.kind == "country" and owner.form != "demonym":
            for c in reversed(s.of("country", 0, owner.start)):
                if not re.fullmatch(r",? (?:and )?(?:the )?|, ", s.text[c.end : owners[0].start]):
                    break
                owners.insert(0, c)
        head = s.text[: e.start()].strip()
        obj = owner.ref if owner else (EntityRef(home_or_title, "country") if home_or_title and FORCE.match(head) else None)
        if obj is None:
            continue
        if first is None:
            if forces and _thing_after(s, e.end()) and art.focus.system:
                emit(art, s, art.focus.system, "operator", (owner.start, e.end()), "operator.force_operates", obj=obj,
                     status=status(s.text[owner.end : e.end()]))
            continue
        for m in listed(s, first):
            for o in ([x.ref for x in owners] if len(owners) > 1 else [obj]):
                emit(art, s, m.ref, "operator", (m.start, m.end), "operator.equipped_with", obj=o)
    for i in INTEGRATED.finditer(s.text):
        first = next((m for m in s.mentions if m.kind in ("country", "organisation") and m.start == i.end()), None)
        if first is None:
            continue
        subj = s.first("system", 0, i.start())
        ref = subj.ref if subj else (art.focus.system if re.match(r"^(?:The|This|These|Its|It|They)\b", s.text) else None)
        if ref is None:
            continue
        since = YEAR_SINCE.search(s.text, i.end())
        parties = _parties(s, first)
        for c in parties:
            emit(art, s, ref, "operator", (subj.start if subj else i.start(), c.end + (12 if len(parties) == 1 else 0)),
                 "operator.integrated_into", obj=c.ref,
                 year=int(since.group(1)) if since else None, status=status(s.text[: i.start()]))
    for o in OPERATORS_INCLUDE.finditer(s.text):
        first = next((m for m in s.mentions if m.kind in ("country", "organisation") and m.start == o.end()), None)
        ref = s.last("system", 0, o.start())
        ref = ref.ref if ref else (art.main_system or art.focus.system)
        if first and ref:
            for c in _parties(s, first):
                emit(art, s, ref, "operator", (o.start(), c.end), "operator.operators_include", obj=c.ref)
    inv = INVENTORY.search(s.text) or PROVIDED.search(s.text)
    if inv and home_or_title and not s.of("country", 0, inv.start()):
        first = next((m for m in s.mentions if m.kind == "system" and inv.end() <= m.start < inv.end() + 40), None)
        if first:
            for m in listed(s, first):
                emit(art, s, m.ref, "operator", (inv.start(), m.end), "operator.inventory", obj=EntityRef(home_or_title, "country"))
    for f in s.of("organisation"):
        if force_country(f) is None:
            continue
        nxt = next((m for m in s.mentions if m.kind == "system" and m.start in (f.end + 1, f.end + 3)), None)
        if nxt and s.text[f.end : nxt.start] in (" ", "'s ", "’s "):
            for m in listed(s, nxt):
                emit(art, s, m.ref, "operator", (f.start, m.end), "operator.force_system", obj=f.ref)
    home = EntityRef(art.home_country, "country") if art.home_country else None
    spots = list(LISTED.finditer(s.text))
    for k, lst in enumerate(spots):
        if home is None:
            break
        hi = spots[k + 1].start() if k + 1 < len(spots) else len(s.text)
        year = s.year_near(lst.start())
        for m in s.of("system", lst.end(), hi):
            qty, unit, _ = quantity(s, m)
            emit(art, s, m.ref, "operator", (lst.start(), m.end), "operator.listed", obj=home, year=year,
                 quantity=qty if qty is not None else (1 if unit else None), unit=unit)
    for c in s.classes:
        if _kind_of(c[2]) != "system":
            continue
        cl = CLASS_LIST.match(s.text, c[1])
        first = next((m for m in s.mentions if m.kind == "system" and cl and m.start == cl.end()), None) if cl else None
        if first is None:
            continue
        dem = gazetteer().demonyms.get((cl.group("dem") or "").lower())
        cls = _singular(s.text[c[0] : c[1]])
        for m in listed(s, first):
            emit(art, s, m.ref, "type", (c[0], m.end), "type.class_are", text=cls, weak=True)
            if dem:
                emit(art, s, m.ref, "origin", (cl.start("dem"), m.end), "origin.demonym_type", obj=EntityRef(dem, "country"))
            if home and not LISTED.search(s.text[c[1] : cl.end()]):
                emit(art, s, m.ref, "operator", (c[0], m.end), "operator.class_are", obj=home, weak=True)


DEFINITE = re.compile(r"\b[Tt]he (?:[a-z-]+ ){0,2}$")
PRODUCT_HEADINGS = ("products", "product line", "production", "weapons", "manufactured products", "portfolio", "product range")
BULLET = re.compile(r"^[-•*–]\s+")


def anaphoric_type(s: Sent, art: Article) -> None:
    """"The surface-to-air missile system has ...": the system in focus is one (the sentence names none)."""
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


def products(s: Sent, art: Article) -> None:
    """A bullet under a "Products" heading: the article's company makes it."""
    b = BULLET.match(s.text)
    maker = EntityRef(art.title_name, "organisation") if art.title_name else art.focus.organisation
    if not b or maker is None or art.section not in PRODUCT_HEADINGS:
        return
    item = s.text[b.end() :].rstrip(" .;")
    last = s.classes[-1] if s.classes else None
    subject = EntityRef(item, "system")
    if last and last[1] >= b.end() + len(item.split("(")[0].rstrip()) - 1 and last[0] > b.end():
        name = s.text[b.end() : last[0]].strip()
        if name and not name.islower():
            subject = next((m.ref for m in s.mentions if m.kind == "system" and m.start == b.end()), EntityRef(name, "system"))
            cls = s.text[last[0] : len(s.text)].strip()
            emit(art, s, subject, "type", (b.end(), len(s.text)), "type.product_item", text=cls)
    emit(art, s, subject, "manufacturer", (b.end(), len(s.text)), "manufacturer.products_list", obj=maker)


RULES = (juxtaposed_type, copula_type, appositive, makers, operators, anaphoric_type, products)
