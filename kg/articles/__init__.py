"""Read article files into Documents: plain text, HTML and JSON Lines, with metadata and furniture marked."""

from kg.articles.reader import DEFAULT_MAX_BYTES, ReadProblem, iter_articles, read_article_file, slugify

__all__ = ["DEFAULT_MAX_BYTES", "ReadProblem", "iter_articles", "read_article_file", "slugify"]
