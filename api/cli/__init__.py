"""The command line: ``plangraph COMMAND``. Thin: it calls the same functions as the API.

Errors become one line on stderr and a non-zero exit (1 for bad input or data,
2 for usage and commands not built yet); ``--debug`` shows the traceback.
"""

from __future__ import annotations

import sys

import typer
from typer._click.exceptions import ClickException

from api.cli import ask, commands, export, load, push, reindex, stats, validate, viz  # noqa: F401  (registers the commands)
from api.cli.app import app
from graph.errors import NotBuilt, PlangraphError

EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 70


def _err(message: str) -> None:
    """One line on stderr, whatever the message holds (a file name may contain a newline)."""
    print("plangraph: " + " ".join(message.split()), file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``plangraph`` command; returns (and exits with) the exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in args
    code = 0
    try:
        result = app(args=args, prog_name="plangraph", standalone_mode=False)
        code = result if isinstance(result, int) else 0
    except typer.Exit as exc:
        code = exc.exit_code
    except typer.Abort:
        _err("aborted")
        code = 130
    except ClickException as exc:
        exc.show()
        code = exc.exit_code
    except NotBuilt as exc:
        _err(str(exc))
        code = EXIT_USAGE
    except PlangraphError as exc:
        if debug:
            raise
        _err(f"error: {exc}")
        code = EXIT_ERROR
    except KeyboardInterrupt:
        _err("interrupted")
        code = 130
    except BrokenPipeError:
        code = 0
    except Exception as exc:  # the last line of defence: never a traceback without --debug
        if debug:
            raise
        first = str(exc).splitlines()[0] if str(exc) else ""
        _err(f"internal error: {type(exc).__name__}: {first} (run with --debug for details)")
        code = EXIT_INTERNAL
    if argv is None:
        sys.exit(code)
    return code
