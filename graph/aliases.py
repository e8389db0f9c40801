"""The user's alias file: merge these names, keep those apart, rename that node.

A TOML file, applied on every build (`newsgraph build --aliases FILE`, or
`BuildOptions(aliases=...)`)::

    # Names in one [[merge]] group become one node (matched case- and accent-insensitively).
    [[merge]]
    names = ["Volodymyr Zelensky", "Zelenskyy", "le président ukrainien"]
    label = "Volodymyr Zelensky"          # optional: the node's label

    # Names in one [[keep_apart]] group are never merged by the automatic rules.
    [[keep_apart]]
    names = ["Jean-Marie Le Pen", "Marine Le Pen", "Le Pen"]

    # Display names for nodes, by any of their names.
    [rename]
    "Sergueï Lavrov" = "Sergueï V. Lavrov"

    # Edges that are wrong: dropped from the graph (ends named by any of their names;
    # kind is a stance kind or co_mention, which matches either direction).
    [[reject]]
    source = "Emmanuel Macron"
    kind = "criticises"
    target = "Marine Le Pen"

The report's Curation box writes such a file from what the reader marks in the page.
Errors name the file and the line of the faulty group.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from graph.errors import InputError
from graph.names import entity_key

#: The edge kinds a [[reject]] may name.
EDGE_KINDS = ("co_mention", "supports", "denies", "criticises", "accuses")


@dataclass(frozen=True)
class Reject:
    """An edge the user marked wrong: its ends as name keys, and its kind."""

    source: str
    kind: str
    target: str


@dataclass(frozen=True)
class AliasRules:
    """The user's decisions, as name keys (see graph.names.entity_key)."""

    merges: tuple[tuple[frozenset[str], str], ...] = ()
    apart: tuple[frozenset[str], ...] = ()
    renames: dict[str, str] = field(default_factory=dict)
    rejects: tuple[Reject, ...] = ()

    def merge_group(self, key: str) -> tuple[frozenset[str], str] | None:
        """The first [[merge]] group a name key belongs to, with its label ("" if none)."""
        index = self._merge_index.get(key)
        return None if index is None else self.merges[index]

    def apart_groups(self, key: str) -> frozenset[int]:
        """Which [[keep_apart]] groups (by position in the file) name this key."""
        return self._apart_index.get(key, frozenset())

    def kept_apart(self, a: str, b: str) -> bool:
        """Whether the user said these two names are different actors."""
        return not self.apart_groups(a).isdisjoint(self.apart_groups(b))

    @cached_property
    def _merge_index(self) -> dict[str, int]:
        """Each name key's first [[merge]] group: a look-up, so that thousands of groups
        cost no more per name than one."""
        index: dict[str, int] = {}
        for position, (group, _label) in enumerate(self.merges):
            for key in group:
                index.setdefault(key, position)
        return index

    @cached_property
    def _apart_index(self) -> dict[str, frozenset[int]]:
        """Each name key's [[keep_apart]] groups (see `_merge_index`)."""
        index: dict[str, set[int]] = {}
        for position, group in enumerate(self.apart):
            for key in group:
                index.setdefault(key, set()).add(position)
        return {key: frozenset(groups) for key, groups in index.items()}


def read_aliases(path: str | Path) -> AliasRules:
    """Read an alias file; a malformed one is an InputError saying what is wrong."""
    path = Path(path)
    text = ""
    try:
        text = path.read_text(encoding="utf-8")
        return _rules(tomllib.loads(text))
    except OSError as error:
        raise InputError(str(path), f"cannot read alias file: {error.strerror}") from error
    except UnicodeDecodeError as error:
        line = error.object[: error.start].count(b"\n") + 1
        where = f"byte {error.object[error.start]:#04x} on line {line}"
        reason = f"alias file is not UTF-8 ({where}): save it as UTF-8"
        raise InputError(str(path), reason) from error
    except GroupError as error:
        where = f"line {_group_line(text, error.kind, error.number)}: "
        reason = f"{where}not a valid alias file ({error}); see graph/aliases.py"
        raise InputError(str(path), reason) from error
    except (tomllib.TOMLDecodeError, TypeError, KeyError, AttributeError) as error:
        raise InputError(
            str(path), f"not a valid alias file ({error}); see graph/aliases.py"
        ) from error


class GroupError(ValueError):
    """A malformed [[merge]], [[keep_apart]] or [[reject]] group (the n-th of its kind)."""

    def __init__(self, kind: str, number: int, reason: str) -> None:
        super().__init__(f"[[{kind}]] group {number}: {reason}")
        self.kind = kind
        self.number = number


def _group_line(text: str, kind: str, number: int) -> int:
    """The line of the `number`-th `[[kind]]` header: tomllib gives lines only for syntax
    errors, and a user fixing a group wants to jump to it."""
    header = re.compile(rf"^[ \t]*\[\[[ \t]*{re.escape(kind)}[ \t]*\]\]", re.MULTILINE)
    starts = [match.start() for match in header.finditer(text)]
    if len(starts) < number:
        return 1
    return text.count("\n", 0, starts[number - 1]) + 1


def _rules(table: dict) -> AliasRules:  # type: ignore[type-arg]
    merges = tuple(
        (_names(group, "merge", n), str(group.get("label", "")))
        for n, group in enumerate(_groups(table, "merge"), 1)
    )
    apart = tuple(
        _names(group, "keep_apart", n) for n, group in enumerate(_groups(table, "keep_apart"), 1)
    )
    renames = {entity_key(name): str(label) for name, label in table.get("rename", {}).items()}
    rejects = tuple(_reject(group, n) for n, group in enumerate(_groups(table, "reject"), 1))
    return AliasRules(merges, apart, renames, rejects)


def _groups(table: dict, kind: str) -> list:  # type: ignore[type-arg]
    groups = table.get(kind, [])
    if not isinstance(groups, list):
        raise GroupError(kind, 1, f"write [[{kind}]] (an array of tables), not [{kind}]")
    return groups


def _reject(group: object, number: int) -> Reject:
    """One [[reject]] group: source, kind and target, each a non-empty string."""
    if not isinstance(group, dict):
        raise GroupError("reject", number, "must be a table with source, kind and target")
    values = {}
    for name in ("source", "kind", "target"):
        value = group.get(name)
        if not isinstance(value, str) or not value.strip():
            raise GroupError("reject", number, f"{name} must be a non-empty string")
        values[name] = value.strip()
    unknown = sorted(set(group) - set(values))
    if unknown:
        raise GroupError("reject", number, f"unknown field {unknown[0]!r}")
    if values["kind"] not in EDGE_KINDS:
        raise GroupError(
            "reject", number, f"kind {values['kind']!r} is not one of {', '.join(EDGE_KINDS)}"
        )
    return Reject(entity_key(values["source"]), values["kind"], entity_key(values["target"]))


def _names(group: dict, kind: str, number: int) -> frozenset[str]:  # type: ignore[type-arg]
    """A group's names as keys; a string where the list belongs is refused, not read as
    one name per letter."""
    names = group.get("names") if isinstance(group, dict) else None
    if not isinstance(names, list) or not all(isinstance(name, str) for name in names):
        raise GroupError(
            kind,
            number,
            "names must be a list of strings, "
            f'e.g. names = ["Emmanuel Macron", "Macron"], not {names!r}',
        )
    return frozenset(entity_key(name) for name in names)
