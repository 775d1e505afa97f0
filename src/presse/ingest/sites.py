"""The outlet of a record that names none: the site of its URL.

A record's ``outlet``/``sitename`` name its outlet; its ``source``, in many corpora, says where
the record came from instead (``amir-zeldes/gum@72ce5ac…`` for the GUM Wikinews texts, a file, a
URL). :func:`outlet_name` tells the two apart, and :func:`site_name` reads the outlet from the URL
when no field names it: ``https://en.wikinews.org/wiki/…`` → ``Wikinews``,
``https://www.lemonde.fr/…`` → ``lemonde.fr``.
"""

from __future__ import annotations

from urllib.parse import urlsplit

# Sister projects of the Wikimedia Foundation: a language subdomain, then the project's name.
WIKIMEDIA_PROJECTS = {
    "wikinews": "Wikinews",
    "wikipedia": "Wikipedia",
    "wikisource": "Wikisource",
    "wikiquote": "Wikiquote",
    "wikibooks": "Wikibooks",
    "wikiversity": "Wikiversity",
    "wikivoyage": "Wikivoyage",
}
# Host prefixes that name a variant of the site (desktop, mobile, AMP), not another site.
_VARIANT_PREFIXES = ("www.", "m.", "amp.", "mobile.")


def site_name(url: str | None) -> str | None:
    """The outlet a URL belongs to: a Wikimedia project's name, else the host without its
    ``www.``/``m.``/``amp.`` prefix; None when ``url`` has no host (no URL, a path)."""
    if not url:
        return None
    try:
        host = (urlsplit(url.strip()).hostname or "").rstrip(".")
    except ValueError:
        return None
    if "." not in host:
        return None
    labels = host.split(".")
    if len(labels) == 3 and labels[2] == "org" and labels[1] in WIKIMEDIA_PROJECTS:
        return WIKIMEDIA_PROJECTS[labels[1]]
    for prefix in _VARIANT_PREFIXES:
        if host.startswith(prefix) and host.count(".") > 1:
            host = host[len(prefix):]
            break
    return host


def outlet_name(value: str | None) -> str | None:
    """``value`` when it reads as an outlet's name ("Le Monde", "Wikinews"); None when it is a
    reference to where a record came from — a URL, a path, a repository at a revision
    (``owner/name@rev``) — which never names an outlet."""
    if not value or any(mark in value for mark in ("/", "@", "://", "\\")):
        return None
    return value
