"""ArticleExtraction ⇄ JSON, driven by the dataclasses' type hints: how the store keeps each
result whole (graph.store's `extractions.data`), and what its summary shows (`article`).

>>> decode_extraction(encode_extraction(extraction)) == extraction  # doctest: +SKIP
True
"""

from __future__ import annotations

import json
import types
from collections.abc import Callable
from dataclasses import fields, is_dataclass
from functools import cache
from operator import attrgetter
from typing import Any, Literal, Union, get_args, get_origin, get_type_hints

from graph.extract import ArticleExtraction
from graph.summary import ProcessedArticle


def encode_extraction(extraction: ArticleExtraction) -> str:
    """ArticleExtraction → JSON text (ASCII, so any string survives, lone surrogates too).

    Dataclasses become arrays of their fields in order (no field names: the JSON of a
    large corpus is half as long, and encoding is mostly C), tuples arrays;
    `decode_extraction` reads them back from the type hints, so a field added to a
    dataclass needs no change here (a field added at the end, with a default, even reads
    older rows; any change of the code makes a new pipeline version anyway).
    """
    plain = _encoder(ArticleExtraction)(extraction)
    return json.dumps(plain, ensure_ascii=True, separators=(",", ":"))


def decode_extraction(text: str) -> ArticleExtraction:
    """JSON text from `encode_extraction` → the equal ArticleExtraction."""
    decoded = _decoder(ArticleExtraction)(json.loads(text))
    assert isinstance(decoded, ArticleExtraction)
    return decoded


def encode_processed(article: ProcessedArticle) -> str:
    """ProcessedArticle → JSON: what the corpus summary shows of a stored article, kept
    apart so a build from the store reads it without decoding the whole extraction."""
    return json.dumps(_encoder(ProcessedArticle)(article), ensure_ascii=True)


def decode_processed(text: str) -> ProcessedArticle:
    """JSON text from `encode_processed` → the equal ProcessedArticle."""
    decoded = _decoder(ProcessedArticle)(json.loads(text))
    assert isinstance(decoded, ProcessedArticle)
    return decoded


@cache
def _encoder(kind: Any) -> Callable[[Any], Any]:
    """A function turning a `kind` value into what json.dumps writes (built once a type).

    Strings, numbers and tuples of them are left to json.dumps; dataclasses become lists
    of their fields' values (or tuples, when json.dumps can take the values as they are).
    """
    origin, args = get_origin(kind), get_args(kind)
    if is_dataclass(kind) and isinstance(kind, type):
        hints = get_type_hints(kind)
        names = tuple(f.name for f in fields(kind))
        converters = [_encoder(hints[name]) for name in names]
        nested = [(i, f) for i, f in enumerate(converters) if f is not _identity]
        values = attrgetter(*names) if len(names) > 1 else lambda obj: (getattr(obj, names[0]),)
        if not nested:
            return values

        def encode(obj: Any) -> list[Any]:
            plain = list(values(obj))
            for i, converter in nested:
                plain[i] = converter(plain[i])
            return plain

        return encode
    if origin in (tuple, list) and args:
        items = [_encoder(arg) for arg in args if arg is not Ellipsis]
        if all(item is _identity for item in items):
            return _identity
        if len(args) == 2 and args[1] is Ellipsis:
            return lambda value: [items[0](x) for x in value]
        return lambda value: [f(x) for f, x in zip(items, value, strict=True)]
    if origin is dict and args:
        entry = _encoder(args[1])
        return _identity if entry is _identity else lambda v: {k: entry(x) for k, x in v.items()}
    if origin in (Union, types.UnionType) and len(args) == 2 and type(None) in args:
        inner = _encoder(next(arg for arg in args if arg is not type(None)))
        return _identity if inner is _identity else lambda v: None if v is None else inner(v)
    if origin in (Union, types.UnionType):
        raise TypeError(f"the store cannot keep a value of type {kind!r}: add it to graph.store")
    return _identity


def _identity(value: Any) -> Any:
    return value


@cache
def _decoder(kind: Any) -> Callable[[Any], Any]:
    """A function turning the JSON form of a `kind` value back into one (built once a type)."""
    origin, args = get_origin(kind), get_args(kind)
    if kind in (str, int, float, bool, type(None)) or origin is Literal:
        return _identity
    if is_dataclass(kind) and isinstance(kind, type):
        return _dataclass_decoder(kind)
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        item = _decoder(args[0])
        return lambda value: tuple(item(x) for x in value)
    if origin is tuple:
        items = [_decoder(arg) for arg in args]
        return lambda value: tuple(f(x) for f, x in zip(items, value, strict=True))
    if origin is list:
        element = _decoder(args[0])
        return lambda value: [element(x) for x in value]
    if origin is dict:
        entry = _decoder(args[1])
        return lambda value: {key: entry(x) for key, x in value.items()}
    if origin in (Union, types.UnionType) and len(args) == 2 and type(None) in args:
        inner = _decoder(next(arg for arg in args if arg is not type(None)))
        return lambda value: None if value is None else inner(value)
    raise TypeError(f"the store cannot keep a value of type {kind!r}: add it to graph.store")


def _dataclass_decoder(kind: type) -> Callable[[Any], Any]:
    """Reads a dataclass from its array of field values (or, as schema 1 wrote it, from an
    object of them): fields left out take their defaults."""
    hints = get_type_hints(kind)
    names = [f.name for f in fields(kind)]
    wanted = [f.init for f in fields(kind)]
    converters = [(f.name, _decoder(hints[f.name])) for f in fields(kind) if f.init]
    nested = [(name, converter) for name, converter in converters if converter is not _identity]

    def decode(value: list[Any] | dict[str, Any]) -> Any:
        if isinstance(value, list):
            value = {n: v for n, v, init in zip(names, value, wanted, strict=False) if init}
        else:
            value = dict(value)
        for name, converter in nested:
            if name in value:
                value[name] = converter(value[name])
        return kind(**value)

    return decode
