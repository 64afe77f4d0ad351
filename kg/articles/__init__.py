"""Read article files into Documents: plain text, HTML and JSON Lines, with metadata and furniture marked."""

from kg.articles.problems import ReadProblem, ReadWarning
from kg.articles.reader import DEFAULT_MAX_BYTES, iter_articles, read_article_file, slugify

__all__ = ["DEFAULT_MAX_BYTES", "ReadProblem", "ReadWarning", "iter_articles", "read_article_file", "slugify"]
