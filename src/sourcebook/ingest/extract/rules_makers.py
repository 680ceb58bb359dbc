"""Who makes a thing: ``manufacturer`` and ``developer`` (made by, X produces, Polish-built, product lists)."""

from __future__ import annotations

import re

from sourcebook.ingest.drafts import EntityRef
from sourcebook.ingest.extract.context import Article, Sent, emit
from sourcebook.ingest.extract.entities import Mention
from sourcebook.ingest.extract.phrases import listed
from sourcebook.ingest.extract.rules_types import AKA
from sourcebook.ingest.gazetteer import gazetteer

MAKER = re.compile(
    r"\b(?P<v>manufactured|made|produced|built|developed|designed|license-built|licence-built|assembled"
    r"|license-produced|licence-produced|co-developed|jointly developed) by\b"
)
MAKER_NAME = re.compile(
    r"(?:the )?(?P<name>[A-Z][\w'’.-]*(?: (?:&|and|of|de|for) [A-Z][\w'’.-]*| [A-Z][\w'’.-]*){0,5})"
)
MAKER_MORE = re.compile(
    r"(?:,? and |, | in (?:cooperation|collaboration|partnership) with | together with | jointly with | with )(?:the )?"
)
PLANT = re.compile(
    r"\b(?:assembled|built|produced|manufactured|made) (?:at|in) (?:the )?(?P<org>[A-Z][\w&-]*(?: [A-Z][\w&-]*){0,3})['’]s? "
    r"(?:\w+ )?(?:plant|factory|facility|facilities|shipyard|works|assembly line)"
)
PRODUCT_OF = re.compile(r"\b(?:a|an|the) (?:product|creation|design) of (?:the )?")
MAKER_OF = re.compile(
    r",? (?:the )?(?:(?:main|prime|lead|sole|original) )?(?P<role>maker|manufacturer|producer|builder|developer|designer)s? of (?:the )?"
)
CONTRACTOR = re.compile(r"\b(?:principal|prime|main|lead) contractors? (?:will be|is|was|are|were) (?:the )?")
MAKES = re.compile(
    r"\b(?P<v>manufactures|makes|produces|produced|builds|manufactured|develops|developed|designs|designed"
    r"|(?:is|are) (?:building|producing|manufacturing|developing))\b"
)
BUILT_BY_COUNTRY = re.compile(r"[- ](?P<v>built|made|produced|manufactured|designed|developed)\b")


def makers(s: Sent, art: Article) -> None:
    """ "manufactured by X" (passive), "X produces A, B and C" (active), "Polish-built Mi-2"."""
    text = s.text
    for v in MAKER.finditer(text) if " by" in text else ():
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
        aka = AKA.search(s.text, 0, v.start())
        if subj and aka and aka.start() < subj.start < aka.end():
            subj = s.last("system", 0, aka.start()) or subj  # "The KM-SAM, also known as M-SAM, ... developed by"
        ref = subj.ref if subj else art.focus.system
        if ref is None:
            continue
        for maker in makers:
            cut = (
                re.search(r" (?:for|in|at|on|under) the (?=[A-Z])", maker.ref.name) if maker.form == "pattern" else None
            )
            obj = (
                EntityRef(maker.ref.name[: cut.start()], maker.ref.kind) if cut else maker.ref
            )  # "by Babcock for the Royal Navy"
            emit(art, s, ref, pred, (subj.start if subj else v.start(), maker.end), f"{pred}.passive_by", obj=obj)
    for p in PLANT.finditer(s.text):
        org = next((m for m in s.mentions if m.kind == "organisation" and m.start == p.start("org")), None)
        subj = s.last("system", 0, p.start())
        ref = subj.ref if subj else art.focus.system
        if org and ref:
            emit(art, s, ref, "manufacturer", (p.start(), p.end()), "manufacturer.plant", obj=org.ref)
    for p in PRODUCT_OF.finditer(text) if " of " in text else ():
        makers = _makers_after(s, p.end())
        subj = s.last("system", 0, p.start())
        if makers and subj:
            emit(
                art,
                s,
                subj.ref,
                "manufacturer",
                (subj.start, makers[0].end),
                "manufacturer.product_of",
                obj=makers[0].ref,
            )
    for p in MAKER_OF.finditer(text) if " of " in text else ():
        org = s.last("organisation", 0, p.start())
        target = next((m for m in s.mentions if m.kind == "system" and m.start == p.end()), None)
        if org and target and org.end >= p.start() - 1:
            pred = "developer" if p.group("role") in ("developer", "designer") else "manufacturer"
            for t in listed(s, target):
                emit(art, s, t.ref, pred, (org.start, t.end), f"{pred}.maker_of", obj=org.ref)
    for p in CONTRACTOR.finditer(text) if "ontractor" in text else ():
        makers = _makers_after(s, p.end())
        if (
            "contractors" in p.group(0)
            and len([m for m in s.mentions if m.kind == "organisation" and m.start >= p.end()]) > 1
        ):
            continue  # several contractors: which one makes what is not said
        sale = art.focus.transfer
        ref = (
            (sale.subject if sale and sale.predicate == "contract_signed" else None)
            or art.focus.system
            or art.main_system
        )
        if makers and ref and not s.of("system"):
            emit(art, s, ref, "manufacturer", (p.start(), makers[0].end), "manufacturer.contractor", obj=makers[0].ref)
    for m in s.mentions:
        if m.kind != "country" or m.form != "demonym":
            continue
        built = BUILT_BY_COUNTRY.match(s.text, m.end)
        if built:
            target = next(
                (x for x in s.mentions if x.kind == "system" and built.end() < x.start <= built.end() + 1), None
            )
            appos = re.search(r"(?:, |^)(?:an?|the) (?:[\w-]+ ){0,2}$", s.text[: m.start])
            if (
                target is None
                and appos
                and s.text[: appos.start()]
                .rstrip()
                .endswith(tuple("abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
            ):
                target = s.last("system", 0, appos.start() + 1)
                target = target if target and target.end == appos.start() else None
            targets = listed(s, target) if target else []
            if (
                not targets
                and re.match(r" (?:system|weapon|missile|aircraft|drone|jet|tank|vehicle)s?\b", s.text[built.end() :])
                and re.search(r"\b[Tt]he $", s.text[max(0, m.start - 4) : m.start])
                and art.focus.system
            ):
                targets = [Mention(m.start, built.end(), art.focus.system)]
            for target in targets:
                if built.group("v") in ("designed", "developed"):
                    emit(
                        art, s, target.ref, "developer", (m.start, built.end()), "developer.demonym_designed", obj=m.ref
                    )
                elif built.group("v") != "made":  # "Polish-built": made there; "Russian-made": of that origin
                    emit(
                        art,
                        s,
                        target.ref,
                        "manufacturer",
                        (m.start, target.end),
                        "manufacturer.demonym_built",
                        obj=m.ref,
                    )
                emit(art, s, target.ref, "origin", (m.start, target.end), "origin.demonym_built", obj=m.ref)
    _maker_before_model(s, art)
    active = MAKES.search(s.text)
    if active and _which_makes(s, art, active):
        return
    if active and not (" by" in text and MAKER.search(text)):
        subj_text = s.text[: active.start()].strip()
        org = s.last("organisation", 0, active.start())
        ref = org.ref if org and org.end >= active.start() - 2 else None
        if ref is None and re.fullmatch(r"(?:It|The (?:company|firm|factory|plant|corporation|group))", subj_text):
            ref = art.focus.organisation
            if subj_text.startswith("The ") and _title_company(art):  # on a company's page, "the company" is that one
                ref = EntityRef(art.title_name, "organisation")
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
            emit(
                art, s, sysm.ref if sysm else EntityRef(name, "system"), pred, (a, pos), f"{pred}.active_list", obj=ref
            )


def _maker_before_model(s: Sent, art: Article) -> None:
    """A company's name right before a model ("the Dassault Rafale", "Saab's Gripen") or opening it
    ("Otokar Cobra II", the company known to the gazetteer): the company makes it."""
    g = gazetteer()
    for m in s.mentions:
        if m.kind != "system":
            continue
        org = next(
            (
                o
                for o in s.mentions
                if o.kind == "organisation" and o.form == "name" and o.end in (m.start - 1, m.start - 3)
            ),
            None,
        )
        if (
            org is not None
            and s.text[org.end : m.start] in (" ", "'s ", "’s ")
            and MAKER_ORG.search(org.ref.name) is None
            and (org.entry is None or "force" not in org.entry.type)
        ):
            emit(art, s, m.ref, "manufacturer", (org.start, m.end), "manufacturer.maker_model", obj=org.ref)
            continue
        words = s.text[m.start : m.end].split()
        for k in range(len(words) - 1, 0, -1):
            entry = g.organisations.get(" ".join(words[:k]))
            if entry is not None and "force" not in entry.type:
                emit(
                    art,
                    s,
                    m.ref,
                    "manufacturer",
                    (m.start, m.end),
                    "manufacturer.maker_model",
                    obj=EntityRef(entry.name, "organisation"),
                )
                break


WHICH = re.compile(r", which (?:is |are )?$")


def _which_makes(s: Sent, art: Article, active: re.Match[str]) -> bool:
    """ "X anti-ship missiles, which MBDA builds jointly with Leonardo": a relative clause names X's makers,
    the company before the verb and those joined to it after ("with B and C")."""
    org = s.last("organisation", 0, active.start())
    if org is None or org.end < active.start() - 1:
        return False
    rel = WHICH.search(s.text, 0, org.start)
    if rel is None:
        return False
    target = s.last("system", 0, rel.start() + 1)
    if target is None or not NP_AFTER_NAME.fullmatch(s.text[target.end : rel.start()]):
        return False
    pred = "developer" if active.group("v").startswith(("develop", "design")) else "manufacturer"
    makers = [org]
    more = re.match(r" (?:jointly |together )?with (?:the )?", s.text[active.end() :])
    if more:
        makers += _makers_after(s, active.end() + more.end())
    for mk in makers:
        if mk.kind == "organisation":
            emit(art, s, target.ref, pred, (target.start, mk.end), f"{pred}.which_makes", obj=mk.ref)
    return True


NP_AFTER_NAME = re.compile(r"(?: [a-z][\w-]*){0,4}")  # "Otomat anti-ship missiles": class words after the name


MAKER_ORG = re.compile(
    r"\b(?:Ministry|Agency|Government|Department|Council|Command|Army|Navy|Force|Forces|Guard|Corps|Brigade|Division"
    r"|Regiment|Battalion|Squadron|Wing|Fleet|Office|Bureau|Directorate|Institute)\b"
)


def _makers_after(s: Sent, pos: int) -> list[Mention]:
    """The companies named from ``pos`` on: "India's DRDO and Russia's NPO Mash", "Kongsberg in cooperation with Raytheon"."""
    out: list[Mention] = []
    while True:
        owner = next(
            (
                c
                for c in s.mentions
                if c.kind == "country" and c.start in (pos, pos + 4) and s.text[c.end : c.end + 2] in ("'s", "’s")
            ),
            None,
        )
        start = owner.end + 3 if owner else pos
        if s.text.startswith("the ", start):
            start += 4
        org = next((m for m in s.mentions if m.kind == "organisation" and m.start == start), None)
        if org is None and owner is None:
            country = next((m for m in s.mentions if m.kind == "country" and m.start == start), None)
            kind = COMPANY_AFTER.match(s.text, country.end) if country and country.form == "demonym" else None
            if kind:  # "by the Dutch shipbuilder Damen", "the Polish state-owned manufacturer Mesko": the company
                start = kind.end()
                org = next((m for m in s.mentions if m.kind == "organisation" and m.start == start), None)
            elif country and not out:
                return [country]
        if org is None:
            n = MAKER_NAME.match(s.text, start)
            name = n.group("name") if n else ""
            words = name.split()
            while words and (
                words[-1] in ("In", "On", "The", "And", "Of") or gazetteer().months.get(words[-1].lower().rstrip("."))
            ):
                words.pop()
            name = " ".join(words).rstrip(".")
            if (
                not name
                or name.split()[0] in ("The", "It", "This", "A", "An")
                or any(m.start < start + len(name) and start < m.end for m in s.mentions)
            ):
                break
            org = Mention(start, start + len(name), EntityRef(name, "organisation"), "pattern")
        out.append(org)
        more = MAKER_MORE.match(s.text, org.end)
        if not more:
            break
        pos = more.end()
    return out


COMPANY_AFTER = re.compile(
    r" (?:[a-z][\w-]* ){0,2}(?:company|firm|manufacturer|maker|builder|shipbuilder|shipyard|group|corporation|"
    r"conglomerate) (?=[A-Z])"
)


PRODUCT_HEADINGS = (
    "products",
    "product line",
    "production",
    "weapons",
    "manufactured products",
    "portfolio",
    "product range",
)
BULLET = re.compile(r"^[-•*–]\s+")


def products(s: Sent, art: Article) -> None:
    """A bullet under a "Products" heading: the article's company makes it."""
    b = BULLET.match(s.text)
    maker = EntityRef(art.title_name, "organisation") if art.title_name else art.focus.organisation
    if not b or maker is None or art.section not in PRODUCT_HEADINGS:
        return
    item = s.text[b.end() :].rstrip(" .;")
    appos = re.match(
        r"(?P<name>[^,()]{1,40}), (?:an?|the) ", item
    )  # "THeMIS, a tracked unmanned ground vehicle with ...": the name
    if appos:
        name = appos.group("name").strip()
        subject = next(
            (m.ref for m in s.mentions if m.kind == "system" and m.start == b.end()), EntityRef(name, "system")
        )
        cls = next((c for c in s.classes if c[0] >= b.end() + appos.end()), None)
        if cls and not re.search(r"[,;]", s.text[b.end() + appos.end() : cls[0]]):
            emit(art, s, subject, "type", (b.end(), cls[1]), "type.product_item", text=cls[2])
        emit(art, s, subject, "manufacturer", (b.end(), b.end() + len(name)), "manufacturer.products_list", obj=maker)
        return
    last = s.classes[-1] if s.classes else None
    subject = EntityRef(item, "system")
    if last and last[1] >= b.end() + len(item.split("(")[0].rstrip()) - 1 and last[0] > b.end():
        name = s.text[b.end() : last[0]].strip()
        if name and not name.islower():
            subject = next(
                (m.ref for m in s.mentions if m.kind == "system" and m.start == b.end()), EntityRef(name, "system")
            )
            cls = s.text[last[0] : len(s.text)].strip()
            emit(art, s, subject, "type", (b.end(), len(s.text)), "type.product_item", text=cls)
    emit(art, s, subject, "manufacturer", (b.end(), len(s.text)), "manufacturer.products_list", obj=maker)


COMPANY_TYPE = re.compile(
    r"\b(?:company|firm|manufacturer|maker|builder|shipbuilder|shipyard|contractor|group|corporation)\b"
)


def _title_company(art: Article) -> bool:
    """The article's short title names a company: a type claim already called it one."""
    return bool(art.title_name) and any(COMPANY_TYPE.search(t) for t in art.types.get(art.title_name, []))
