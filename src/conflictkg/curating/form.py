"""The review form as plain data: one :class:`ClaimForm` per drafted claim, and the way back.

A form holds only strings, numbers and flags (what an HTML form can carry), so the web skin
renders it and reads it back without knowing the draft's types. :func:`from_claim` and
:func:`to_claim` are inverse on everything the curator can edit; what the form does not edit
(the claim's events and its drafter's notes) is carried over from the drafted claim.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from conflictkg.drafting.model import DraftClaim, Figure
from conflictkg.drafting.trig import CLASSES
from conflictkg.errors import InputError
from conflictkg.rdf.namespaces import CKR

FIGURE_KINDS = ("killed", "wounded", "missing")
_FIGURE = re.compile(r"^(?P<kind>killed|wounded|missing)\s+(?P<low>\d{1,7})(?:\s*-\s*(?P<high>\d{1,7}))?"
                     r"(?:\s+(?P<group>[^()]*?))?\s*(?:\((?P<qualifier>[^()]*)\))?$", re.I)
#: An absolute http(s) IRI that can be written between ``<`` and ``>`` in TriG as it is.
_IRI = re.compile(r"^https?://[^\s<>\"{}|\\^`]+$")
CARRIED = "carried"
BY_CURATOR = "set by the curator"


@dataclass(frozen=True)
class ClaimForm:
    """What the curator sees and edits of one claim (``claim_date`` is a date the article states;
    ``proposed_date`` a date the drafter only proposes, written as a ``ck:dateNote``)."""

    keep: bool = True
    claimant: str = ""
    stance: str = "reports"
    claim_date: str = ""
    proposed_date: str = ""
    date_basis: str = ""
    named_agreement: bool = False
    named_points: tuple[int, ...] = ()
    implied_points: tuple[int, ...] = ()
    accused: str = ""
    places: tuple[str, ...] = ()
    figures: str = ""  # one figure a line, see :func:`figure_text`
    quote: str = ""
    responds_to: str = ""  # the number (1-based) of the answered claim, or ""
    curator_note: str = ""  # written as ck:curatorNote (why no point is linked, what is uncertain)
    sentences: tuple[int, ...] = field(default=())


def figure_text(f: Figure) -> str:
    """``killed 2 soldiers``, ``wounded 6-8 civilians (at least)``: one figure as a line."""
    count = str(f.low) if f.low == f.high else f"{f.low}-{f.high}"
    return " ".join(p for p in (f.kind, count, f.group) if p) + (f" ({f.qualifier})" if f.qualifier else "")


def parse_figures(text: str, claim: int) -> list[Figure]:
    """The figures of a form's text (one a line; blank lines skipped).

    Raises:
        InputError: a line is not ``KIND COUNT[-COUNT] GROUP [(QUALIFIER)]``.
    """
    out = []
    for line in (raw.strip() for raw in text.splitlines()):
        if not line:
            continue
        m = _FIGURE.match(line)
        if m is None:
            raise InputError(f"claim {claim}: cannot read the figure {line!r}",
                             hint="write one figure a line: killed 2 soldiers, or wounded 6-8 civilians (at least)")
        low = int(m["low"])
        high = int(m["high"]) if m["high"] else low
        if high < low:
            raise InputError(f"claim {claim}: the figure {line!r} counts from {low} down to {high}",
                             hint="write the smaller count first: wounded 6-8 civilians")
        out.append(Figure(m["kind"].lower(), low, high, (m["group"] or "").strip(), (m["qualifier"] or "").strip()))
    return out


def iri_of(text: str, what: str, claim: int) -> str:
    """A posted IRI (``ckr:x`` expanded): only an absolute http(s) IRI can enter the file.

    Raises:
        InputError: anything else (a name typed instead of choosing, or text that is no IRI).
    """
    value = text.strip()
    value = CKR + value[4:] if value.startswith("ckr:") else value
    if not _IRI.match(value):
        raise InputError(f"claim {claim}: the {what} {text!r} is not an IRI of the data",
                         hint="choose it from the list (the list's entries are IRIs such as ckr:place-parukh-farrukh)")
    return value


def _iso(d: date | None) -> str:
    return d.isoformat() if d else ""


def from_claim(c: DraftClaim) -> ClaimForm:
    """The form of a drafted claim."""
    carried = c.date_basis.startswith(CARRIED)
    return ClaimForm(
        keep=True, claimant=c.claimant, stance=c.stance, claim_date="" if carried else _iso(c.claim_date),
        proposed_date=_iso(c.claim_date) if carried else "", date_basis=c.date_basis,
        named_agreement=c.named_agreement, named_points=tuple(sorted(c.named_points)),
        implied_points=tuple(sorted(c.implied_points)), accused=c.accused, places=tuple(c.places),
        figures="\n".join(figure_text(f) for f in c.figures), quote=c.quote,
        responds_to="" if c.responds_to is None else str(c.responds_to + 1), sentences=tuple(c.sentences),
        curator_note=c.curator_note)


def parse_date(text: str, claim: int) -> date | None:
    """A form's ``YYYY-MM-DD`` (or nothing)."""
    if not text.strip():
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise InputError(f"claim {claim}: {text!r} is not a date", hint="write the date as YYYY-MM-DD") from None


def _dated(form: ClaimForm, number: int) -> tuple[date | None, str]:
    stated = parse_date(form.claim_date, number)
    if stated is not None:
        basis = form.date_basis if form.date_basis and not form.date_basis.startswith(CARRIED) else BY_CURATOR
        return stated, basis
    proposed = parse_date(form.proposed_date, number)
    return proposed, form.date_basis if proposed else ""


def to_claim(form: ClaimForm, number: int, base: DraftClaim | None = None) -> DraftClaim:
    """The claim a form describes (``number``: its 1-based place, for messages). ``base`` is the
    drafted claim it was made from: its events and notes are carried over.

    Raises:
        InputError: a date or a figure cannot be read, or a claim has no claimant.
    """
    if not form.claimant:
        raise InputError(f"claim {number} has no claimant", hint="choose the claimant, or drop the claim")
    if form.stance not in CLASSES:
        raise InputError(f"claim {number}: {form.stance!r} is not a stance", hint="choose one of " + ", ".join(CLASSES))
    when, basis = _dated(form, number)
    responds = int(form.responds_to) - 1 if form.responds_to.isdigit() and int(form.responds_to) > 0 else None
    return DraftClaim(
        claimant=iri_of(form.claimant, "claimant", number), stance=form.stance, sentences=list(form.sentences), claim_date=when,
        date_basis=basis, named_agreement=form.named_agreement, named_points=set(form.named_points),
        implied_points=set(form.implied_points) - set(form.named_points),
        accused=iri_of(form.accused, "accused party", number) if form.accused else "",
        places=[iri_of(p, "place", number) for p in form.places], figures=parse_figures(form.figures, number),
        events=list(base.events) if base else [], quote=form.quote.strip(),
        quotations=list(base.quotations) if base else [], responds_to=responds,
        new_claimant=bool(base and base.new_claimant and base.claimant == form.claimant),
        notes=list(base.notes) if base else [], curator_note=" ".join(form.curator_note.split()))


def kept_claims(forms: Sequence[ClaimForm], bases: Sequence[DraftClaim]) -> list[DraftClaim]:
    """The claims the curator keeps, in order; a reply to a dropped claim answers nothing, and
    replies are renumbered to the kept claims."""
    kept = [i for i, f in enumerate(forms) if f.keep]
    if not kept:
        raise InputError("every claim was dropped: there is nothing to save", hint="keep at least one claim")
    position = {old: new for new, old in enumerate(kept)}
    out = []
    for i in kept:
        claim = to_claim(forms[i], i + 1, bases[i] if i < len(bases) else None)
        claim.responds_to = position.get(claim.responds_to) if claim.responds_to is not None else None
        out.append(claim)
    return out


def _numbers(values: Sequence[str], low: int = 1, high: int = 100) -> tuple[int, ...]:
    """The distinct whole numbers among ``values`` in [low, high), sorted (anything else is ignored)."""
    return tuple(sorted({int(v) for v in values if v.isascii() and v.isdigit() and low <= int(v) < high}))


def read_form(fields: Mapping[str, Sequence[str]], index: int) -> ClaimForm:
    """Claim ``index``'s form from posted fields (``c{index}-claimant``, ...; repeated fields for
    points and places; a missing checkbox is off)."""
    def one(name: str) -> str:
        values = fields.get(f"c{index}-{name}", [])
        return values[0] if values else ""

    def many(name: str) -> list[str]:
        return [v for v in fields.get(f"c{index}-{name}", []) if v]

    return ClaimForm(
        keep=one("keep") == "on", claimant=one("claimant"), stance=one("stance"), claim_date=one("claim_date"),
        proposed_date=one("proposed_date"), date_basis=one("date_basis"), named_agreement=one("agreement") == "on",
        named_points=_numbers(many("named")), implied_points=_numbers(many("implied")), accused=one("accused"),
        places=tuple(dict.fromkeys(many("place"))), figures=one("figures"), quote=one("quote"),
        responds_to=one("responds_to"), sentences=_numbers(many("sentence"), 0, 100_000),
        curator_note=one("curator_note"))


def write_form(form: ClaimForm, index: int) -> dict[str, list[str]]:
    """The fields a browser posts for ``form`` (the inverse of :func:`read_form`)."""
    flags = {"keep": form.keep, "agreement": form.named_agreement}
    out = {f"c{index}-{k}": ["on"] for k, on in flags.items() if on}
    for name in ("claimant", "stance", "claim_date", "proposed_date", "date_basis", "accused", "figures", "quote",
                 "responds_to", "curator_note"):
        out[f"c{index}-{name}"] = [getattr(form, name)]
    out[f"c{index}-named"] = [str(n) for n in form.named_points]
    out[f"c{index}-implied"] = [str(n) for n in form.implied_points]
    out[f"c{index}-place"] = list(form.places)
    out[f"c{index}-sentence"] = [str(n) for n in form.sentences]
    return out


def with_keep(form: ClaimForm, keep: bool) -> ClaimForm:
    """The same form, kept or dropped."""
    return replace(form, keep=keep)
