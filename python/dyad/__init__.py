"""dyad: news text in, PLOVER/CAMEO political events out.

>>> import dyad
>>> coder = dyad.Coder()
>>> events = coder.code("Turkish jets shot down a Russian warplane.", date="2015-11-24")
>>> events[0]["event"], events[0]["actor"][0]["code"]
(['ASSAULT'], 'TUR')

Every event is a dict with the PLOVER record's fields (``id``, ``doc_id``, ``date``, ``actor``,
``recipient``, ``event``, ``mode``, ``context``, ``cameo``, ``event_text``, ``event_loc``,
``text``, ``text_info``, ``modality``, ``attribution``, ``coder``, ``rule``, ...), exactly as
``dyad code`` writes them as JSON Lines. The coding itself is dyad's Rust pipeline; this
package only carries articles in and events out.

Problems with an article (bad dates, empty text) and the pipeline's diagnostics are logged
on the ``dyad`` logger; they never raise, and the rest of a batch is still coded.
"""

from __future__ import annotations

import datetime as _dt
import json
import logging
import os
from typing import TYPE_CHECKING, Any, Dict, List, Mapping, Optional, Sequence, Union

from ._dyad import CODER, NativeCoder
from ._dyad import read_text as _read_text

if TYPE_CHECKING:  # pragma: no cover
    import pandas
    import pyarrow

__all__ = ["ARTICLE_COLUMNS", "CODER", "Article", "Coder", "Event", "read_text"]

_log = logging.getLogger("dyad")
_LEVELS = {"info": logging.INFO, "warning": logging.WARNING, "error": logging.ERROR}

#: The article fields dyad reads (the CLI's JSONL input); only ``text`` is required.
ARTICLE_COLUMNS = ("id", "text", "date", "title", "url", "source")

#: An article: its text, or a mapping with ``text`` and optional ``id``, ``date``
#: (``YYYY-MM-DD``, a ``datetime.date`` or a timestamp), ``title``, ``url``, ``source``.
Article = Union[str, Mapping[str, Any]]

#: One event record (a PLOVER dict).
Event = Dict[str, Any]


def read_text(text: str, id: str = "article") -> Dict[str, Any]:
    """Read a plain-text article as ``dyad code`` reads a ``.txt`` file.

    A leading block of ``Key: value`` lines (``Date``, ``Title``, ``Outlet``/``Source``,
    ``URL``, ``Id``) followed by a blank line sets those fields and is not coded, so the
    report date of a file reaches the coder. Returns a mapping with ``id``, ``text``,
    ``date`` (``YYYY-MM-DD`` or None), ``title``, ``url`` and ``source``: an article for
    :meth:`Coder.code_batch` or :meth:`Coder.code_arrow`; a bad header line is logged and
    ignored.
    """
    obj, notes = _read_text(id, text)
    _log_notes(notes)
    return json.loads(obj)


def _jsonable(value: Any) -> Any:
    if isinstance(value, (_dt.datetime, _dt.date)):
        return value.isoformat()[:10]
    if hasattr(value, "isoformat"):  # pandas.Timestamp, numpy datetime64 via pandas
        return value.isoformat()[:10]
    return value


def _article_json(article: Article) -> str:
    if isinstance(article, str):
        return json.dumps({"text": article})
    if isinstance(article, Mapping):
        fields = {k: _jsonable(article[k]) for k in ARTICLE_COLUMNS if k in article and article[k] is not None}
        return json.dumps(fields, default=str)
    raise TypeError(f"an article is a str or a mapping with `text`, not {type(article).__name__}")


def _date_arg(date: Union[str, _dt.date, None]) -> Optional[str]:
    if date is None or isinstance(date, str):
        return date
    return _jsonable(date)


def _log_notes(notes: Sequence[tuple]) -> None:
    for level, message in notes:
        _log.log(_LEVELS.get(level, logging.WARNING), "%s", message)


class Coder:
    """dyad's coder, with its built-in knowledge loaded once (about a tenth of a second).

    One ``Coder`` can be shared by threads and reused for any number of articles.

    Args:
        jobs: threads used by :meth:`code_batch` and :meth:`code_arrow` (default: every core).
    """

    def __init__(self, jobs: Optional[int] = None) -> None:
        self._native = NativeCoder()
        self.jobs: int = jobs if jobs and jobs > 0 else (os.cpu_count() or 1)

    def code(
        self,
        text: str,
        date: Union[str, _dt.date, None] = None,
        *,
        id: Optional[str] = None,
        title: Optional[str] = None,
    ) -> List[Event]:
        """Code one article.

        Args:
            text: the article's text.
            date: its report date (``YYYY-MM-DD`` or a ``datetime.date``); relative dates in
                the text ("on Tuesday") are resolved against it.
            id: the article's id (``doc_id`` of its events; default ``article-0``).
            title: its title.

        Returns:
            The events, as PLOVER dicts, in the order of the text.

        Raises:
            ValueError: ``date`` is not a date.
        """
        article: Dict[str, Any] = {"text": text}
        if id is not None:
            article["id"] = id
        if title is not None:
            article["title"] = title
        ((records, notes),) = self._native.code_json([_article_json(article)], _date_arg(date), 1)
        _log_notes(notes)
        return [json.loads(r) for r in records]

    def code_batch(
        self,
        articles: Sequence[Article],
        date: Union[str, _dt.date, None] = None,
        *,
        jobs: Optional[int] = None,
    ) -> List[List[Event]]:
        """Code many articles at once, on every core, without holding the GIL.

        Args:
            articles: texts, or mappings with ``text`` and optional ``id``, ``date``,
                ``title``, ``url``, ``source`` (an article's own ``date`` wins over ``date``).
            date: report date for articles without one.
            jobs: threads (default: the coder's ``jobs``).

        Returns:
            One list of events per article, in the order given. An article that cannot be
            coded (no text) gives an empty list and a logged error.
        """
        payload = [_article_json(a) for a in articles]
        results = self._native.code_json(payload, _date_arg(date), jobs or self.jobs)
        out: List[List[Event]] = []
        for records, notes in results:
            _log_notes(notes)
            out.append([json.loads(r) for r in records])
        return out

    def code_arrow(
        self,
        table: "Union[pyarrow.Table, pyarrow.RecordBatch, pandas.DataFrame]",
        date: Union[str, _dt.date, None] = None,
        *,
        jobs: Optional[int] = None,
    ) -> "pyarrow.Table":
        """Code a table of articles into a table of events.

        Args:
            table: a pyarrow Table or RecordBatch (or a pandas DataFrame) with a ``text``
                column and optional ``id``, ``date``, ``title``, ``url``, ``source`` columns.
            date: report date for rows without one.
            jobs: threads (default: the coder's ``jobs``).

        Returns:
            A pyarrow Table with the output contract's columns (the same schema as
            ``dyad code --format parquet``): one row per event, nested ``actor``,
            ``recipient``, ``event_loc``, ``text_info`` and ``attribution``, ``date`` and
            ``report_date`` as ``date32``.
        """
        import pyarrow as pa
        import pyarrow.ipc

        if not isinstance(table, (pa.Table, pa.RecordBatch)):
            table = pa.Table.from_pandas(table, preserve_index=False)
        if "text" not in table.column_names:
            raise ValueError("the table needs a `text` column")
        columns = [c for c in ARTICLE_COLUMNS if c in table.column_names]
        rows = table.select(columns).to_pylist()
        payload = [_article_json(r) for r in rows]
        data, notes = self._native.code_ipc(payload, _date_arg(date), jobs or self.jobs)
        _log_notes(notes)
        return pyarrow.ipc.open_stream(data).read_all()

    def code_pandas(
        self,
        frame: "pandas.DataFrame",
        date: Union[str, _dt.date, None] = None,
        *,
        jobs: Optional[int] = None,
    ) -> "pandas.DataFrame":
        """Code a DataFrame of articles (columns as :meth:`code_arrow`) into a DataFrame of
        events with the contract's columns (nested fields as dicts and lists)."""
        return self.code_arrow(frame, date, jobs=jobs).to_pandas()
