"""What the article is talking about, carried from sentence to sentence (for "the system", "it")."""

from __future__ import annotations

from dataclasses import dataclass, field

from sourcebook.ingest.drafts import ClaimDraft, EntityRef


@dataclass
class Focus:
    system: EntityRef | None = None
    organisation: EntityRef | None = None
    exercise: EntityRef | None = None
    agreement: dict[int, EntityRef] = field(default_factory=dict)  # year -> agreement named earlier
    recipient: EntityRef | None = None
    recipient_at: int = -99  # the sentence that named the recipient
    supplier: EntityRef | None = None
    countries: list[EntityRef] = field(default_factory=list)  # of the latest sentence that had any
    transfer: ClaimDraft | None = None  # the latest delivery or contract

    def after_sentence(self, mentions: list, keep_system: bool = False) -> None:
        """``keep_system``: the sentence spoke of the system in focus ("It carries ... two X missiles"), so X does not take its place."""
        systems = [m.ref for m in mentions if m.kind == "system"]
        if systems and not keep_system:
            self.system = systems[0]
        orgs = [m.ref for m in mentions if m.kind == "organisation"]
        if orgs:
            self.organisation = orgs[0]
        exercises = [m.ref for m in mentions if m.kind == "exercise"]
        if exercises:
            self.exercise = exercises[0]
        countries: list[EntityRef] = []
        for m in mentions:
            if m.kind == "country" and m.ref not in countries:
                countries.append(m.ref)
        if countries:
            self.countries = countries

    def after_claim(self, claim: ClaimDraft) -> None:
        if claim.predicate in ("delivered_to", "contract_signed"):
            self.transfer = claim
            if claim.object_entity and claim.object_entity.kind == "country":
                self.recipient = claim.object_entity
                self.recipient_at = claim.sentence
            supplier = claim.qualifiers.get("supplier")
            if supplier:
                self.supplier = EntityRef(supplier, "country")
            if claim.subject.kind == "system":
                self.system = claim.subject
