"""Type stubs of dyad's native module (use ``dyad.Coder``, which wraps it)."""

from typing import List, Optional, Tuple

#: ``dyad <version>``, as written in every record's ``coder`` field.
CODER: str

Note = Tuple[str, str]

class NativeCoder:
    """The native coder: the built-in knowledge and dyad's pipeline."""

    def __init__(self) -> None: ...
    def code_json(
        self, articles: List[str], date: Optional[str] = None, jobs: int = 1
    ) -> List[Tuple[List[str], List[Note]]]:
        """Code articles given as JSON objects; per article, its records as JSON and notes."""
    def code_ipc(
        self, articles: List[str], date: Optional[str] = None, jobs: int = 1
    ) -> Tuple[bytes, List[Note]]:
        """Code articles given as JSON objects; all records as one Arrow IPC stream, and notes."""

def read_text(id: str, text: str) -> Tuple[str, List[Note]]:
    """Read a plain-text article with its header block; the article as JSON, and notes."""
