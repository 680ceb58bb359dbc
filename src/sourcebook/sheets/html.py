"""A SpecSheet as HTML, from the one template under resources/spec_sheet/.

The same HTML is shown in the app, printed and exported. The modes differ only in where a
citation mark points: ``"file"`` (an exported page) links marks to the notes below them and
draws the timeline as inline SVG; ``"qt"`` (a QTextDocument) links marks to ``claim:ID`` and
shows the timeline as the image resource ``TIMELINE_URL``; ``"paper"`` (a QTextDocument to print
or write as PDF) is ``"qt"`` with its marks and note numbers as plain styled text, not links: the
same page, without thousands of anchors to parse and lay out, and without a PDF link annotation per
mark to an address (``claim:ID``) that means nothing outside the app. Every text from the library
is escaped.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from functools import cache
from html import escape
from pathlib import Path
from string import Template

from sourcebook.fileio import atomic_open
from sourcebook.paths import resource_dir
from sourcebook.sheets import timeline as chart
from sourcebook.sheets.model import NONE_SHOWN, UNKNOWN, Note, Related, SpecSheet, Transfer, Value
from sourcebook.sheets.related import SAME_PARTIES, SAME_SENTENCE

TIMELINE_URL = "sourcebook-timeline.png"
TABLE = '<table class="grid" width="100%" cellspacing="0" cellpadding="3">'
KIND_WORDS = {
    "contract": ("contract", "contracts"),
    "delivery": ("delivery", "deliveries"),
    "agreement": ("agreement", "agreements"),
    "exercise": ("exercise", "exercises"),
}


@cache
def template() -> Template:
    return Template((resource_dir() / "spec_sheet" / "sheet.html").read_text(encoding="utf-8"))


@cache
def stylesheet() -> str:
    return (resource_dir() / "spec_sheet" / "sheet.css").read_text(encoding="utf-8")


class _Writer:
    def __init__(self, sheet: SpecSheet, mode: str) -> None:
        self.sheet = sheet
        self.mode = mode

    def href(self, number: int, claim_id: int) -> str:
        return f"claim:{claim_id}" if self.mode == "qt" else f"#note-{number}"

    def marks(self, v: Value) -> str:
        seen: dict[int, int] = {}
        for m in v.marks:
            seen.setdefault(m.number, m.claim_id)
        if self.mode == "paper":
            return "".join(f'<span class="mark">[{n}]</span>' for n in sorted(seen))
        return "".join(f'<a class="mark" href="{self.href(n, cid)}">[{n}]</a>' for n, cid in sorted(seen.items()))

    def value(self, v: Value) -> str:
        text = f'<span class="unknown">{UNKNOWN}</span>' if v.text == UNKNOWN else escape(v.text)
        return text + self.marks(v)

    def values(self, vs: Iterable[Value], sep: str = "<br/>") -> str:
        parts = [self.value(v) for v in vs]
        return sep.join(parts) if parts else f'<span class="unknown">{UNKNOWN}</span>'

    # sections -------------------------------------------------------------------------------

    def infobox(self) -> str:
        s = self.sheet
        rows = [("Designation", escape(s.name), False)]
        rows.append(("Also known as", escape(", ".join(s.aliases)) if s.aliases else NONE_SHOWN, False))
        for f in s.header:
            rows.append((f.label, self.values(f.values), f.disputed))
        stated = {f.label for f in s.header}
        for label in ("Type / class", "Origin", "Manufacturer", "Developer"):
            if label not in stated:
                rows.append((label, f'<span class="unknown">{UNKNOWN}</span>', False))
        rows.append(("Operators", self.values(s.operators.values), False))
        body = "".join(
            f'<tr><td class="label" width="24%">{label}{self.badge(disputed)}</td><td>{cell}</td></tr>'
            for label, cell, disputed in rows
        )
        return f'<table class="grid" width="100%" cellspacing="0" cellpadding="3">{body}</table>'

    @staticmethod
    def badge(disputed: bool) -> str:
        return ' <span class="disputed">&nbsp;DISPUTED&nbsp;</span>' if disputed else ""

    def capabilities(self) -> str:
        caps = self.sheet.capabilities
        if not caps:
            return self.section("Capabilities", '<p class="none">No capability stated in the library.</p>')
        rows = "".join(
            f'<tr><td class="label" width="34%">{escape(f.label)}{self.badge(f.disputed)}</td>'
            f"<td>{self.values(f.values)}</td></tr>"
            for f in caps
        )
        table = (
            f'<table class="grid" width="100%" cellspacing="0" cellpadding="3"><thead><tr>'
            f'<th width="34%">Attribute</th><th>Value (unit)</th></tr></thead>{rows}</table>'
        )
        return self.section("Capabilities", table)

    def register(self) -> str:
        rows = self.sheet.transfers
        if not rows:
            none = '<p class="none">No contract or delivery stated in the library.</p>'
            return self.section("Transfer register", none)
        head = (
            '<thead><tr><th width="13%">Supplier</th><th width="15%">Recipient</th><th width="15%">Quantity</th>'
            '<th width="15%">Ordered</th><th width="16%">Delivered</th><th>Comment</th></tr></thead>'
        )
        body = "".join(self.transfer(t) for t in rows)
        note = (
            '<p class="rule">One row per contract; deliveries of the same quantity between the same parties '
            "share a row with their years. Values not stated are shown as unknown.</p>"
        )
        return self.section("Transfer register", f"{TABLE}{head}{body}</table>{note}")

    def transfer(self, t: Transfer) -> str:
        supplier = f'<span class="unknown">{UNKNOWN}</span>' if t.supplier == UNKNOWN else escape(t.supplier)
        return (
            f"<tr><td>{supplier}</td><td>{self.value(t.recipient)}</td><td>{self.value(t.quantity)}</td>"
            f"<td>{self.values(t.ordered, ', ')}</td><td>{self.values(t.delivered, ', ')}</td>"
            f"<td>{escape(t.comment)}</td></tr>"
        )

    def related(self, title: str, rows: tuple[Related, ...], who: str) -> str:
        if not rows:
            none = f'<p class="none">No {title.lower()} related to {escape(self.sheet.name)}.</p>'
            return self.section(title, none)
        head = (
            f'<thead><tr><th width="26%">Name</th><th width="30%">{who}</th><th width="14%">Year</th>'
            f"<th>Related by</th></tr></thead>"
        )
        body = "".join(
            f"<tr><td>{self.value(r.name)}</td><td>{escape(', '.join(r.parties)) or NONE_SHOWN}</td>"
            f'<td>{self.values(r.years, ", ")}</td><td><span class="why">{escape(r.why)}</span></td></tr>'
            for r in rows
        )
        return self.section(title, f"{TABLE}{head}{body}</table>")

    def other(self) -> str:
        if not self.sheet.other:
            return ""
        rows = "".join(
            f'<tr><td class="label" width="24%">{escape(f.label)}{self.badge(f.disputed)}</td>'
            f"<td>{self.values(f.values)}</td></tr>"
            for f in self.sheet.other
        )
        return self.section("Other statements", f"{TABLE}{rows}</table>")

    def timeline(self) -> str:
        s = self.sheet
        undated = ", ".join(f"{n} {KIND_WORDS[k][n != 1]}" for k, n in s.undated.items())
        tail = f'<p class="legend">Without a year, not drawn: {undated}.</p>' if undated else ""
        if not s.timeline:
            none = '<p class="none">No dated contract, delivery, agreement or exercise.</p>'
            return self.section("Timeline", none + tail)
        w, h = chart.size(s.timeline)
        if self.mode != "file":
            pic = f'<img src="{TIMELINE_URL}" width="{w}" height="{h}"/>'
        else:
            pic = chart.svg(s.timeline)
        legend = '<p class="legend">Dots are events by year (a number in a dot: several); [n] are their notes.</p>'
        return self.section("Timeline", f"<p>{pic}</p>{legend}{tail}")

    def notes(self) -> str:
        if not self.sheet.notes:
            return self.section("Notes", '<p class="none">No sources.</p>')
        return self.section("Notes", "\n".join(self.note(n) for n in self.sheet.notes))

    def note(self, n: Note) -> str:
        """One paragraph per note (a system can have hundreds): number, quoted sentence, source."""
        before, quote, after = n.parts()
        src = [f"“{escape(n.article_title)}”" if n.article_title else escape(n.article_slug)]
        if n.credits:
            src.append("credit: " + escape(", ".join(n.credits)))
        if n.date:
            src.append(escape(n.date))
        src.append(escape(n.article_slug))
        if self.mode == "paper":
            number = f'<span class="nn">[{n.number}]</span>'
        else:
            link = f"claim:{n.claim_ids[0]}" if self.mode == "qt" else f"#note-{n.number}"
            number = f'<a class="nn" name="note-{n.number}" href="{link}">[{n.number}]</a>'
        return (
            f'<p class="note">{number} '
            f'“{escape(before)}<span class="q">{escape(quote)}</span>{escape(after)}”<br/>'
            f'<span class="src">{" — ".join(src)}</span></p>'
        )

    @staticmethod
    def section(title: str, content: str) -> str:
        return f"<h2>{escape(title)}</h2>\n{content}\n"

    def body(self) -> str:
        s = self.sheet
        return "".join(
            (
                self.infobox(),
                self.capabilities(),
                self.timeline(),
                self.register(),
                self.related("Agreements", s.agreements, "Parties"),
                self.related("Exercises", s.exercises, "Participants"),
                self.other(),
                self.notes(),
            )
        )


def subtitle(sheet: SpecSheet) -> str:
    disputed = len(sheet.disputed)
    parts = [
        f"{len(sheet.notes)} source sentence{'s' if len(sheet.notes) != 1 else ''}",
        f"{sheet.articles} article{'s' if sheet.articles != 1 else ''}",
    ]
    if disputed:
        parts.append(f"{disputed} disputed value{'s' if disputed != 1 else ''}")
    return "Spec sheet · " + " · ".join(parts)


def related_rule() -> str:
    return (
        f"Related by “{SAME_SENTENCE}”: stated in a sentence that names the system. "
        f"“{SAME_PARTIES}”: stated in an article about the system, between its suppliers, recipients or operators."
    )


def render_html(sheet: SpecSheet, *, library_name: str, generated: datetime | str, mode: str = "file") -> str:
    """The sheet as one HTML page; ``mode`` is "file" for an export, "qt" for a QTextDocument shown
    in the app, "paper" for one printed or written as PDF."""
    when = generated.strftime("%Y-%m-%d %H:%M") if isinstance(generated, datetime) else str(generated)
    w = _Writer(sheet, mode)
    colophon = (
        f"Generated {escape(when)} by Sourcebook from the library “{escape(library_name)}”. "
        f"Every value cites the sentence that states it. {escape(related_rule())}"
    )
    return template().substitute(
        title=escape(sheet.name),
        css=stylesheet(),
        subtitle=escape(subtitle(sheet)),
        sections=w.body(),
        colophon=colophon,
    )


def write_html(sheet: SpecSheet, path: str | Path, *, library_name: str, generated: datetime | str) -> None:
    """Write the sheet as a standalone HTML file, atomically."""
    with atomic_open(Path(path), "w", encoding="utf-8") as f:
        f.write(render_html(sheet, library_name=library_name, generated=generated, mode="file"))
