"""The exception hierarchy of kg and the HTTP status each error maps to."""

from __future__ import annotations


class KGError(Exception):
    """Base of every error kg raises on purpose; `status` is its HTTP status."""

    status = 500


class InvalidInput(KGError):
    """The input (an article, a query, a parameter) is malformed."""

    status = 400


class Unauthorized(KGError):
    """A write was attempted without credentials."""

    status = 401


class Forbidden(KGError):
    """The credentials were wrong, or the operation is disabled."""

    status = 403


class UnknownEntity(KGError):
    """No entity, article or graph has that identifier."""

    status = 404


class UnknownQuery(KGError):
    """No stored query has that name."""

    status = 404


class NotAcceptable(KGError):
    """None of the media types the client accepts can be produced."""

    status = 406


class PayloadTooLarge(KGError):
    """A request or an article is larger than the configured limit."""

    status = 413


class UnsupportedMediaType(KGError):
    """The request body has a content type that is not understood."""

    status = 415


class QueryTimeout(KGError):
    """A query ran longer than the configured time limit."""

    status = 503


class QueryTooLarge(KGError):
    """A query needed more memory than the configured bound."""

    status = 503


class StoreBusy(KGError):
    """The store is opened for writing by another process."""

    status = 503


class DiskFull(KGError):
    """The device holding the store has no space left; what was written before stays whole."""

    status = 507


class ModelNotFound(KGError):
    """No usable spaCy model is installed."""

    status = 500
