"""Is a transfer stated as fact? Denials, rumours, unconfirmed reports and negations say it is not.

``unreal(text, start, end)`` looks at the words around a verb (``text[start:end]``) and tells whether
the event it names is denied, only rumoured, not confirmed, or did not (yet) happen. A wrong claim
costs our users more than a missed one, so any such cue drops the claim.
"""

from __future__ import annotations

import re

# Cues anywhere before the verb in its sentence: the whole report is put in doubt.
DOUBT_BEFORE = re.compile(
    r"\b(?:den(?:y|ies|ied|ying)|dismiss(?:ed|es)?|reject(?:ed|s)?|refut(?:ed|es)|disput(?:ed|es)|rebuff(?:ed|s)?)\b"
    r"|\b(?:would|will|did|does|do|could|can)(?: not|n't) (?:confirm|verify|say|comment)\b|\bdeclined to (?:confirm|say|comment)\b"
    r"|\brefused to (?:confirm|say|comment)\b|\bcannot confirm\b|\bunconfirmed\b|\bunverified\b"
    r"|\brumou?r(?:s|ed)?\b|\bspeculat(?:ion|ed|es)\b|\ballegedly\b|\ballegations?\b"
    r"|\b(?:is|are|was|were) (?:said|rumou?red|believed|alleged|thought|reported) to (?:have|be)\b"
    r"|\b(?:posts?|claims?|users?) (?:\w+ ){0,3}(?:claimed|suggested|alleged)\b|\bfalse(?:ly)?\b|\bfake\b|\bhoax\b",
    re.I,
)
# A negation or "yet to" right before the verb: "has yet to take delivery of", "did not receive", "never ordered".
NOT_BEFORE = re.compile(
    r"\b(?:not|never|n't|no longer|yet to|failed to|refused to|declined to|unable to|cannot|did not|without"
    r"|suspend(?:ed|s)?|halt(?:ed|s)?|froze|frozen|freez(?:es|ing)|block(?:ed|s)|stopped|stops|cancell?(?:ed|ing)?|cancels|paused|scrapped)"
    r"(?: (?:yet|been|be|have|had|formally|officially|actually|fully|already|to))*\s*$",
    re.I,
)
# Cues after the verb in the same sentence that take the statement back.
DOUBT_AFTER = re.compile(
    r"\b(?:has|have|had) not (?:been )?(?:confirmed|verified)\b|\bnot (?:been )?confirmed\b|\b(?:was|were) (?:later )?(?:cancell?ed|denied)\b"
    r"|\bno (?:deliveries|delivery|contract|deal) (?:has|have|had) (?:been|yet)\b"
    r"|\bnever (?:materiali[sz]ed|happened|took place)\b",
    re.I,
)


UNDELIVERED = re.compile(
    r"\b(?:remain(?:s|ed)?|(?:is|are|was|were)(?: still)?) (?:undelivered|on order|pending)\b|\byet to (?:be )?(?:deliver|arrive)",
    re.I,
)


def unreal(text: str, start: int, end: int, lo: int = 0, hi: int | None = None, predicate: str = "") -> bool:
    """The event whose verb is ``text[start:end]`` (in the clause ``text[lo:hi]``) is denied, rumoured,
    unconfirmed or negated; for a delivery, also when the sentence says it is still pending."""
    hi = len(text) if hi is None else hi
    if NOT_BEFORE.search(text[max(lo, start - 40) : start]):
        return True
    if DOUBT_BEFORE.search(text[:start]):
        return True
    if predicate == "delivered_to" and UNDELIVERED.search(text[end:]):
        return True
    return bool(DOUBT_AFTER.search(text[end:hi]))
