"""The HTTP app of `stratdoc serve`: JSON API, browse pages, uploads through the pipeline."""

from stratdoc.web.app import create_app

__all__ = ["create_app"]
