"""rasad: Arabic news articles to structured, sourced, queryable event data."""

from rasad.api import analyze, analyze_many
from rasad.model import Article

__all__ = ["Article", "analyze", "analyze_many", "__version__"]
__version__ = "0.1.0"
