"""Is a typed literal's lexical form in its XSD datatype's lexical space?

RDF parsers (Oxigraph, rdflib) accept ``"2022-13-45"^^xsd:date``: an ill-typed literal is legal
syntax. The tools after them are not so lenient: pyshacl compares such values and crashes,
HermiT rejects them with a Java stack trace. So the build checks every typed literal here first.

rdflib's ``Literal.ill_typed`` is not used: it accepts ``"1_000"^^xsd:integer``, ``" 12 "``,
``"NaN"^^xsd:decimal`` and ``"1e5"^^xsd:decimal`` (Python's converters are wider than XSD), does
not check ``xsd:gYear`` at all, and logs a traceback for every ill-typed date. These checks
follow XML Schema 1.1 Part 2 (lexical spaces, day-of-month and time-zone limits); datatypes not
listed (``xsd:string``, ``xsd:anyURI``, ``rdf:langString``, ``geo:wktLiteral``…) are not checked.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable

XSD = "http://www.w3.org/2001/XMLSchema#"

_TZ = r"(?P<tz>Z|[+-]\d\d:\d\d)?"
_YEAR = r"(?P<year>-?(?:[1-9]\d{4,}|\d{4}))"
_DATE = _YEAR + r"-(?P<month>\d\d)-(?P<day>\d\d)"
_TIME = r"(?P<hour>\d\d):(?P<minute>\d\d):(?P<second>\d\d(?:\.\d+)?)"
_DECIMAL = r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)"
_DURATION = r"-?P(?!$)(?:\d+Y)?(?:\d+M)?(?:\d+D)?(?:T(?!$)(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d+)?S)?)?"

#: datatype local name -> (pattern of the lexical space, what a valid value looks like)
_PATTERNS: dict[str, tuple[str, str]] = {
    "boolean": (r"true|false|1|0", "true, false, 1 or 0"),
    "decimal": (_DECIMAL, "a decimal number such as 3.5 or -12"),
    "integer": (r"[+-]?\d+", "a whole number such as 42 or -7"),
    "double": (_DECIMAL + r"(?:[eE][+-]?\d+)?|[+-]?INF|NaN", "a number such as 1.5e3, INF or NaN"),
    "date": (_DATE + _TZ, "YYYY-MM-DD, e.g. 2022-03-24"),
    "dateTime": (_DATE + "T" + _TIME + _TZ, "YYYY-MM-DDThh:mm:ss, e.g. 2022-03-24T14:30:00"),
    "dateTimeStamp": (_DATE + "T" + _TIME + r"(?P<tz>Z|[+-]\d\d:\d\d)",
                      "YYYY-MM-DDThh:mm:ss with a time zone, e.g. 2022-03-24T14:30:00Z"),
    "time": (_TIME + _TZ, "hh:mm:ss, e.g. 14:30:00"),
    "gYear": (_YEAR + _TZ, "a year YYYY, e.g. 2022"),
    "gYearMonth": (_YEAR + r"-(?P<month>\d\d)" + _TZ, "YYYY-MM, e.g. 2022-03"),
    "gMonthDay": (r"--(?P<month>\d\d)-(?P<day>\d\d)" + _TZ, "--MM-DD, e.g. --03-24"),
    "gMonth": (r"--(?P<month>\d\d)" + _TZ, "--MM, e.g. --03"),
    "gDay": (r"---(?P<day>\d\d)" + _TZ, "---DD, e.g. ---24"),
    "duration": (_DURATION, "an ISO 8601 duration such as P1Y2M or PT36H"),
    "dayTimeDuration": (r"-?P(?!$)(?:\d+D)?(?:T(?!$)(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d+)?S)?)?",
                        "a duration in days and time such as P3DT4H"),
    "yearMonthDuration": (r"-?P(?!$)(?:\d+Y)?(?:\d+M)?", "a duration in years and months such as P1Y6M"),
    "hexBinary": (r"(?:[0-9a-fA-F]{2})*", "pairs of hexadecimal digits"),
    "language": (r"[a-zA-Z]{1,8}(?:-[a-zA-Z0-9]{1,8})*", "a language tag such as en or hy-Latn"),
}
_PATTERNS["float"] = _PATTERNS["double"]

#: integer datatypes derived from xsd:integer: (lowest, highest) value, None for unbounded
_INTEGER_RANGES: dict[str, tuple[int | None, int | None]] = {
    "integer": (None, None), "nonNegativeInteger": (0, None), "positiveInteger": (1, None),
    "nonPositiveInteger": (None, 0), "negativeInteger": (None, -1),
    "long": (-2**63, 2**63 - 1), "int": (-2**31, 2**31 - 1), "short": (-2**15, 2**15 - 1), "byte": (-128, 127),
    "unsignedLong": (0, 2**64 - 1), "unsignedInt": (0, 2**32 - 1), "unsignedShort": (0, 2**16 - 1),
    "unsignedByte": (0, 255),
}

_COMPILED = {name: re.compile(pattern, re.ASCII) for name, (pattern, _) in _PATTERNS.items()}


def checked(datatype: str) -> bool:
    """Whether :func:`problem` knows the lexical space of ``datatype`` (a full IRI)."""
    local = datatype.removeprefix(XSD)
    return datatype.startswith(XSD) and (local in _COMPILED or local in _INTEGER_RANGES)


def problem(lexical: str, datatype: str) -> str | None:
    """Why ``lexical`` is not a valid literal of ``datatype`` (a full IRI), or None if it is (or the
    datatype is not checked). The reason ends with what a valid value looks like.

    >>> problem("2022-13-45", XSD + "date")
    'month 13 is not 01-12; expected YYYY-MM-DD, e.g. 2022-03-24'
    >>> problem("3.5", XSD + "integer") is not None, problem("2024-02-29", XSD + "date")
    (True, None)
    """
    if not checked(datatype):
        return None
    local = datatype.removeprefix(XSD)
    if local in _INTEGER_RANGES:
        return _integer_problem(lexical, local)
    expected = _PATTERNS[local][1]
    if lexical != lexical.strip():
        return f"leading or trailing spaces; expected {expected}"
    match = _COMPILED[local].fullmatch(lexical)
    if match is None:
        return f"not a valid xsd:{local}; expected {expected}"
    reason = _fields_problem(match.groupdict())
    return None if reason is None else f"{reason}; expected {expected}"


def _integer_problem(lexical: str, local: str) -> str | None:
    expected = "a whole number such as 42 or -7, in digits 0-9, without a decimal point"
    if lexical != lexical.strip():
        return f"leading or trailing spaces; expected {expected}"
    if _COMPILED["integer"].fullmatch(lexical) is None:
        return f"not a valid xsd:{local}; expected {expected}"
    low, high = _INTEGER_RANGES[local]
    value = int(lexical)
    if low is not None and value < low:
        return f"below the lowest xsd:{local}, {low}"
    if high is not None and value > high:
        return f"above the highest xsd:{local}, {high}"
    return None


def _fields_problem(fields: dict[str, str | None]) -> str | None:
    """Range checks of the numbers inside a date, time or time zone."""
    for check in _FIELD_CHECKS:
        reason = check(fields)
        if reason:
            return reason
    return None


def _month(fields: dict[str, str | None]) -> str | None:
    month = fields.get("month")
    if month is not None and not 1 <= int(month) <= 12:
        return f"month {month} is not 01-12"
    return None


def _day(fields: dict[str, str | None]) -> str | None:
    day, month, year = fields.get("day"), fields.get("month"), fields.get("year")
    if day is None:
        return None
    if month is None:
        last = 31
    elif year is None:
        last = 29 if int(month) == 2 else calendar.monthrange(2001, int(month))[1]
    else:
        last = calendar.monthrange(2000 + int(year) % 400, int(month))[1]
    if not 1 <= int(day) <= last:
        return f"day {day} is not 01-{last}" + (f" in month {month}" if month else "")
    return None


def _time(fields: dict[str, str | None]) -> str | None:
    hour, minute, second = fields.get("hour"), fields.get("minute"), fields.get("second")
    if hour is None or minute is None or second is None:
        return None
    if int(hour) == 24 and (int(minute), float(second)) == (0, 0.0):
        return None
    if int(hour) > 23 or int(minute) > 59 or float(second) >= 60:
        return f"time {hour}:{minute}:{second} is not a valid time of day (00:00:00-23:59:59)"
    return None


def _zone(fields: dict[str, str | None]) -> str | None:
    tz = fields.get("tz")
    if not tz or tz == "Z":
        return None
    hours, minutes = int(tz[1:3]), int(tz[4:6])
    if minutes > 59 or hours > 14 or (hours == 14 and minutes > 0):
        return f"time zone {tz} is not between -14:00 and +14:00"
    return None


_FIELD_CHECKS: tuple[Callable[[dict[str, str | None]], str | None], ...] = (_month, _day, _time, _zone)
