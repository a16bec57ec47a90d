"""IRIs are minted from content: deterministic, safe for any key, reversible where needed."""

from __future__ import annotations

import datetime as dt

import pytest

from graph.errors import InvalidInput
from ontology.iris import Iris

PLAN = "vn/ubnd-ha-noi/kh/2022/94"


def test_same_content_same_iri():
    a, b = Iris(), Iris()
    assert a.task(PLAN, "IV.10") == b.task(PLAN, "IV.10")
    assert a.span(PLAN, 3, 4, "KẾ HOẠCH") == b.span(PLAN, 3, 4, "KẾ HOẠCH")
    assert a.span(PLAN, 3, 4, "KẾ HOẠCH") != a.span(PLAN, 3, 4, "khác")


def test_keys_are_percent_encoded_never_raw():
    iri = Iris().document('vn/_/chien-luoc/_/văn hóa <x> "y"')
    assert " " not in iri and "<" not in iri and '"' not in iri and iri.isascii()
    assert Iris().key_of(iri) == 'vn/_/chien-luoc/_/văn hóa <x> "y"'


def test_scoped_records():
    iris = Iris("https://example.org/kg")
    assert iris.base == "https://example.org/kg/"
    assert (
        iris.agency("ha-noi/group/cac-so-ban-nganh")
        == "https://example.org/kg/id/org/ha-noi/group/cac-so-ban-nganh"
    )
    assert iris.responsibility(PLAN, "IV.1.a").endswith("/kh/2022/94/responsibility/IV-1-a")
    assert iris.reporting(PLAN, "rep-1").endswith("/kh/2022/94/reporting/rep-1")
    assert iris.deadline(PLAN, "rep-1", 2).endswith("/reporting/rep-1/deadline/2")
    assert iris.instant(dt.date(2022, 6, 20)) == "https://example.org/kg/id/date/2022-06-20"
    assert iris.interval(dt.date(2022, 1, 1), None).endswith("/id/interval/2022-01-01/_")


@pytest.mark.parametrize("base", ["ftp://x/", "https://exa mple.org/", "https://x.org/<a>"])
def test_bad_base_is_refused(base):
    with pytest.raises(InvalidInput):
        Iris(base)
