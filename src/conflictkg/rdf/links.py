"""The one place that decides what becomes a link: a resource's page, a term's entry on the
ontology or vocabularies page, or a web URL safe in ``href``.

Pages and network views both show sources and resources as links; both take them from here, so
the site and the offline views reject the same characters (labels and URLs come from the data).
"""

from __future__ import annotations

import re

from conflictkg.rdf.namespaces import CK, CKR, CKV

#: Characters that could end an attribute value or start markup, plus backslash (browsers treat it
#: as ``/`` in http URLs), and any control character: a URL holding one is shown as text, never linked.
UNSAFE = frozenset(' "\'<>`\\')


def page_href(iri: str, base_url: str = "") -> str | None:
    """The resource page of ``iri`` (``{base_url}/resource/{local}``), or None outside ``ckr:``.

    >>> page_href(CKR + "agent-armenia", "http://127.0.0.1:8000/")
    'http://127.0.0.1:8000/resource/agent-armenia'
    >>> page_href(CKR + "agent-armenia")
    '/resource/agent-armenia'
    >>> page_href("https://example.org/x") is None
    True
    """
    if iri.startswith(CKR) and len(iri) > len(CKR):
        return f"{base_url.rstrip('/')}/resource/{iri[len(CKR):]}"
    return None


#: What a term's local name may hold to become an anchor (``/ontology#Claim``).
LOCAL_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")


def term_href(iri: str, base_url: str = "") -> str | None:
    """The entry of an ontology term on ``/ontology`` or of a vocabulary term on ``/vocab``, or None.

    >>> term_href(CK + "Claim"), term_href(CKV + "stance-alleges", "http://127.0.0.1:8000/")
    ('/ontology#Claim', 'http://127.0.0.1:8000/vocab#stance-alleges')
    >>> term_href(CK + "a b") is None, term_href(CKR + "agent-armenia") is None
    (True, True)
    """
    for namespace, page in ((CK, "ontology"), (CKV, "vocab")):
        if iri.startswith(namespace) and LOCAL_NAME.fullmatch(iri[len(namespace):]):
            return f"{base_url.rstrip('/')}/{page}#{iri[len(namespace):]}"
    return None


def web_href(value: str | None) -> str | None:
    """``value`` when it is an http(s) URL safe to put in ``href``; else None.

    >>> web_href("https://asbarez.com/a-b/")
    'https://asbarez.com/a-b/'
    >>> web_href("javascript:alert(1)") is None, web_href('https://x.org/"onmouseover') is None
    (True, True)
    """
    if not value or not value.startswith(("http://", "https://")):
        return None
    if any(c in UNSAFE or ord(c) < 0x20 or ord(c) == 0x7F for c in value):
        return None
    return value
