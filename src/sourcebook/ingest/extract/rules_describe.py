"""What a thing is and whose: ``type``, ``origin``, ``manufacturer``, ``developer``, ``operator``.

The rules live by responsibility in ``rules_types``, ``rules_makers`` and ``rules_operators``; this module
keeps their order (a weak claim yields to an earlier one of the same fact, so the order matters).
"""

from __future__ import annotations

from sourcebook.ingest.extract.rules_makers import makers, products
from sourcebook.ingest.extract.rules_operators import operators
from sourcebook.ingest.extract.rules_types import anaphoric_type, appositive, copula_type, juxtaposed_type

RULES = (juxtaposed_type, copula_type, appositive, makers, operators, anaphoric_type, products)
