"""Command line: ``python -m wizard evaluate FILE|- [--now ISO-8601]``.

Reads an answers object (JSON) from FILE or, with ``-``, standard input, and prints the
result as JSON on standard output (exit status 0). Bad input of any kind gives exit
status 2, a Danish message on standard error and nothing on standard output; a result that
cannot be written (a closed pipe, a full disk) exit status 1 and a Danish message. The messages
and the help text are in ``content/texts/messages.yaml`` (ids ``cli.*``).
"""

import argparse
import errno
import json
import os
import re
import sys
from datetime import UTC, datetime
from typing import BinaryIO

from wizard import content
from wizard.contract import AnswerError, quoted
from wizard.moments import parse_now
from wizard.result import evaluate

_TEXTS = {
    id: content.text("messages", f"cli.{id}")
    for id in (
        "usage",
        "usage_prefix",
        "description",
        "commands",
        "evaluate_help",
        "evaluate_description",
        "file",
        "file_help",
        "now_help",
        "help_help",
        "arguments",
        "options",
        "error_prefix",
        "not_understood",
        "unreadable",
        "not_found",
        "is_directory",
        "no_access",
        "read_error",
        "not_utf8",
        "not_json",
        "too_deep",
        "number_too_big",
        "constant",
        "duplicate_field",
        "internal",
        "too_big",
        "not_written",
        "pipe_closed",
        "disk_full",
    )
}
# An answers object is a few hundred bytes; anything this long is not one (and /dev/zero never ends).
MAX_INPUT_BYTES = 1_000_000

PROG = "python -m wizard"
USAGE = _TEXTS["usage"].format(prog=PROG)

# argparse's messages are English; these are the ones a user can trigger, each with its Danish
# message, whose placeholders are the pattern's named groups.
_ARGPARSE_MESSAGES = tuple(
    (re.compile(pattern), content.text("messages", f"cli.{id}"))
    for pattern, id in (
        (r"the following arguments are required: (?P<arguments>.+)", "missing"),
        (r"unrecognized arguments: (?P<arguments>.+)", "unrecognized"),
        (r"argument .+?: invalid choice: '?(?P<command>[^' ]*)'?", "invalid_choice"),
        (r"argument (?P<option>.+?): expected one argument", "expected_one"),
        (r"ambiguous option: (?P<option>\S+)", "ambiguous"),
    )
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
                raise UsageError(danish.format(**match.groupdict()))
        raise UsageError(_TEXTS["not_understood"])


class DanishHelpFormatter(argparse.HelpFormatter):
    """Help text with a Danish heading for the usage line."""

    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, _TEXTS["usage_prefix"] + " " if prefix is None else prefix)


def _parser() -> DanishArgumentParser:
    parser = DanishArgumentParser(
        prog=PROG,
        usage=USAGE,
        description=_TEXTS["description"],
        add_help=False,
        formatter_class=DanishHelpFormatter,
    )
    _danish_sections(parser)
    commands = parser.add_subparsers(
        dest="command", metavar=_TEXTS["commands"], required=True, parser_class=DanishArgumentParser
    )
    evaluate_parser = commands.add_parser(
        "evaluate",
        usage=USAGE,
        help=_TEXTS["evaluate_help"],
        description=_TEXTS["evaluate_description"],
        add_help=False,
        formatter_class=DanishHelpFormatter,
    )
    _danish_sections(evaluate_parser)
    evaluate_parser.add_argument("file", metavar=_TEXTS["file"], help=_TEXTS["file_help"])
    evaluate_parser.add_argument("--now", metavar="ISO-8601", help=_TEXTS["now_help"])
    return parser


def _danish_sections(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-h", "--help", action="help", help=_TEXTS["help_help"])
    parser._positionals.title = _TEXTS["arguments"]
    parser._optionals.title = _TEXTS["options"]


def _read_answers(name: str, stdin: BinaryIO) -> object:
    try:
        if name == "-":
            data = stdin.read(MAX_INPUT_BYTES + 1)
        else:
            with open(name, "rb") as file:
                data = file.read(MAX_INPUT_BYTES + 1)
    except OSError as error:
        # os.fsencode gives back the name's bytes, undecodable ones included, shown as \xNN.
        shown = os.fsencode(name).decode("utf-8", "backslashreplace")
        raise InputError(_TEXTS["unreadable"].format(name=shown, reason=_os_reason(error))) from None
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(_TEXTS["too_big"].format(limit=MAX_INPUT_BYTES // 1000))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(_TEXTS["not_utf8"]) from None
    try:
        return json.loads(text, object_pairs_hook=_unique_keys, parse_constant=_no_constant)
    except AnswerError:
        raise
    except json.JSONDecodeError as error:
        raise InputError(_TEXTS["not_json"].format(line=error.lineno, column=error.colno)) from None
    except RecursionError:
        raise InputError(_TEXTS["too_deep"]) from None
    except MemoryError:
        raise InputError(_TEXTS["too_big"].format(limit=MAX_INPUT_BYTES // 1000)) from None
    except ValueError:
        raise InputError(_TEXTS["number_too_big"]) from None


def _os_reason(error: OSError) -> str:
    if isinstance(error, FileNotFoundError):
        return _TEXTS["not_found"]
    if isinstance(error, IsADirectoryError):
        return _TEXTS["is_directory"]
    if isinstance(error, PermissionError):
        return _TEXTS["no_access"]
    return _TEXTS["read_error"]


def _unique_keys(pairs: list) -> dict:
    seen = {}
    for key, value in pairs:
        if key in seen:
            raise AnswerError(key, _TEXTS["duplicate_field"].format(field=quoted(key)))
        seen[key] = value
    return seen


def _no_constant(name: str):
    raise InputError(_TEXTS["constant"].format(name=name))


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
        try:
            stderr.write(f"{_TEXTS['error_prefix']} {message}\n".encode("utf-8", "backslashreplace"))
            stderr.flush()
        except OSError:  # nowhere left to say it: the exit status must do
            pass
        return status

    try:
        try:
            args = _parser().parse_args(argv)
        except UsageError as error:
            return fail(f"{error}\n{_TEXTS['usage_prefix']} {USAGE}")
        except SystemExit as exit:  # --help has been printed
            return exit.code if isinstance(exit.code, int) else 0
        now = parse_now(args.now) if args.now is not None else datetime.now(UTC)
        result = evaluate(_read_answers(args.file, stdin), now)
    except AnswerError as error:
        return fail(error.message)
    except InputError as error:
        return fail(str(error))
    except Exception as error:  # a defect in the guide, not in the input: still no traceback
        return fail(_TEXTS["internal"].format(error=type(error).__name__), 1)
    try:
        stdout.write(json.dumps(result, ensure_ascii=False, indent=2).encode("utf-8") + b"\n")
        stdout.flush()
    except OSError as error:
        _quiet(stdout)
        return fail(_TEXTS["not_written"].format(reason=_write_reason(error)), 1)
    return 0


def _write_reason(error: OSError) -> str:
    if isinstance(error, BrokenPipeError):
        return _TEXTS["pipe_closed"]
    if error.errno == errno.ENOSPC:
        return _TEXTS["disk_full"]
    return os.strerror(error.errno) if error.errno else type(error).__name__


def _quiet(stream: BinaryIO) -> None:
    """Point a failed output at /dev/null, so that Python's own flush at exit finds nothing left to write."""
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), stream.fileno())
    except (OSError, ValueError, AttributeError):  # not a file descriptor (a test's BytesIO): nothing to flush
        pass


if __name__ == "__main__":
    sys.exit(main())
