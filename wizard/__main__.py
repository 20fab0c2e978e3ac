"""Command line: ``python -m wizard evaluate FILE|- [--now ISO-8601]``.

Reads an answers object (JSON) from FILE or, with ``-``, standard input, and prints the
result as JSON on standard output (exit status 0). Bad input of any kind gives exit
status 2, a Danish message on standard error and nothing on standard output.
"""

import argparse
import json
import os
import re
import sys
from datetime import datetime, timezone
from typing import BinaryIO

from wizard.contract import AnswerError, quoted
from wizard.moments import parse_now
from wizard.result import evaluate

PROG = "python -m wizard"
USAGE = f"{PROG} evaluate FIL|- [--now ISO-8601]"

# argparse's messages are English; these are the ones a user can trigger, in Danish.
_ARGPARSE_MESSAGES = (
    (re.compile(r"the following arguments are required: (.+)"), "Mangler: {0}."),
    (re.compile(r"unrecognized arguments: (.+)"), "Ukendte argumenter: {0}."),
    (
        re.compile(r"argument .+?: invalid choice: '?([^' ]*)'?"),
        'Ukendt kommando "{0}"; den eneste kommando er evaluate.',
    ),
    (re.compile(r"argument (.+?): expected one argument"), "{0} skal efterfølges af en værdi."),
    (re.compile(r"ambiguous option: (\S+)"), "Tvetydigt valg: {0}."),
)


class UsageError(Exception):
    """The command line could not be understood; the message is Danish."""


class InputError(Exception):
    """The answers could not be read as a JSON object; the message is Danish."""


class DanishArgumentParser(argparse.ArgumentParser):
    """An argument parser whose errors are Danish and raised, not printed."""

    def error(self, message: str):
        for pattern, danish in _ARGPARSE_MESSAGES:
            match = pattern.search(message)
            if match:
                raise UsageError(danish.format(*match.groups()))
        raise UsageError("Kommandoen kunne ikke forstås.")


class DanishHelpFormatter(argparse.HelpFormatter):
    """Help text with a Danish heading for the usage line."""

    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, "Brug: " if prefix is None else prefix)


def _parser() -> DanishArgumentParser:
    parser = DanishArgumentParser(
        prog=PROG,
        usage=USAGE,
        description="Beslutningsguide om digital chikane: vurderer svarene efter retningslinjen.",
        add_help=False,
        formatter_class=DanishHelpFormatter,
    )
    _danish_sections(parser)
    commands = parser.add_subparsers(
        dest="command", metavar="KOMMANDO", required=True, parser_class=DanishArgumentParser
    )
    evaluate_parser = commands.add_parser(
        "evaluate",
        usage=USAGE,
        help="vurdér et svarobjekt og skriv resultatet som JSON",
        description="Læser svarene som JSON og skriver resultatet som JSON.",
        add_help=False,
        formatter_class=DanishHelpFormatter,
    )
    _danish_sections(evaluate_parser)
    evaluate_parser.add_argument("file", metavar="FIL", help='filen med svarene (JSON); "-" læser fra standard input')
    evaluate_parser.add_argument(
        "--now",
        metavar="ISO-8601",
        help='tidspunktet, fristerne regnes fra, fx "2024-10-28T09:00+01:00" (standard: nu)',
    )
    return parser


def _danish_sections(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-h", "--help", action="help", help="vis denne hjælp")
    parser._positionals.title = "argumenter"
    parser._optionals.title = "valgmuligheder"


def _read_answers(name: str, stdin: BinaryIO) -> object:
    try:
        if name == "-":
            data = stdin.read()
        else:
            with open(name, "rb") as file:
                data = file.read()
    except OSError as error:
        # os.fsencode gives back the name's bytes, undecodable ones included, shown as \xNN.
        shown = os.fsencode(name).decode("utf-8", "backslashreplace")
        raise InputError(f'Filen "{shown}" kunne ikke læses ({_os_reason(error)}).') from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError("Svarene skal være UTF-8-kodet JSON.") from None
    try:
        return json.loads(text, object_pairs_hook=_unique_keys, parse_constant=_no_constant)
    except AnswerError:
        raise
    except json.JSONDecodeError as error:
        raise InputError(f"Svarene er ikke gyldig JSON: fejl i linje {error.lineno}, kolonne {error.colno}.") from None
    except RecursionError:
        raise InputError("Svarene er ikke gyldige: JSON-data er for dybt indlejret.") from None
    except ValueError:
        raise InputError("Svarene er ikke gyldig JSON: et tal er for stort.") from None


def _os_reason(error: OSError) -> str:
    if isinstance(error, FileNotFoundError):
        return "den findes ikke"
    if isinstance(error, IsADirectoryError):
        return "det er en mappe"
    if isinstance(error, PermissionError):
        return "ingen adgang"
    return "læsefejl"


def _unique_keys(pairs: list) -> dict:
    seen = {}
    for key, value in pairs:
        if key in seen:
            raise AnswerError(key, f"Feltet {quoted(key)} står mere end én gang.")
        seen[key] = value
    return seen


def _no_constant(name: str):
    raise InputError(f"Svarene er ikke gyldig JSON: {name} er ikke tilladt.")


def main(
    argv: list[str] | None = None,
    stdin: BinaryIO | None = None,
    stdout: BinaryIO | None = None,
    stderr: BinaryIO | None = None,
) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``) and binary streams; return the exit status."""
    stdin = stdin or sys.stdin.buffer
    stdout = stdout or sys.stdout.buffer
    stderr = stderr or sys.stderr.buffer

    def fail(message: str, status: int = 2) -> int:
        # An undecodable byte of the command line arrives as a lone surrogate: write it as its escape.
        stderr.write(f"Fejl: {message}\n".encode("utf-8", "backslashreplace"))
        stderr.flush()
        return status

    try:
        try:
            args = _parser().parse_args(argv)
        except UsageError as error:
            return fail(f"{error}\nBrug: {USAGE}")
        except SystemExit as exit:  # --help has been printed
            return exit.code if isinstance(exit.code, int) else 0
        now = parse_now(args.now) if args.now is not None else datetime.now(timezone.utc)
        result = evaluate(_read_answers(args.file, stdin), now)
    except AnswerError as error:
        return fail(error.message)
    except InputError as error:
        return fail(str(error))
    except Exception as error:  # a defect in the guide, not in the input: still no traceback
        return fail(f"Intern fejl i guiden ({type(error).__name__}). Meld det til den, der driver guiden.", 1)
    stdout.write(json.dumps(result, ensure_ascii=False, indent=2).encode("utf-8") + b"\n")
    stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
