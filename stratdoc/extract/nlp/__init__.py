"""The NLP boundary: natasha, slovnet, navec and pymorphy3 are imported in `models.py` only,
spaCy's matchers in `matching.py`; everything outside this package gets our records.

Build one `Nlp` per process (`shared()`, or a worker builds its own) and pass it down.
"""

from stratdoc.extract.nlp.matching import Patterns, tokenize
from stratdoc.extract.nlp.models import Nlp, shared
from stratdoc.extract.nlp.records import Match, NlpDoc, NlpSentence, NlpSpan, NlpToken, WordParse

__all__ = ["Match", "Nlp", "NlpDoc", "NlpSentence", "NlpSpan", "NlpToken", "Patterns", "WordParse",
           "shared", "tokenize"]

