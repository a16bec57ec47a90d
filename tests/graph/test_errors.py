import pytest

from graph.errors import InvalidInput, NotFound, ParseError, PlangraphError


@pytest.mark.parametrize("cls,status", [(ParseError, 422), (NotFound, 404), (InvalidInput, 400)])
def test_hierarchy_and_status(cls, status):
    exc = cls("x")
    assert isinstance(exc, PlangraphError)
    assert exc.status == status


def test_parse_error_names_source_and_line():
    exc = ParseError("bad table", source="plan.md", line=12)
    assert str(exc) == "plan.md:12: bad table"
    assert (exc.source, exc.line, exc.reason) == ("plan.md", 12, "bad table")
    assert str(ParseError("empty")) == "empty"
