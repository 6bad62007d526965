"""The REST API (FastAPI, ``/api/v1``, OpenAPI at ``/openapi.json``): thin routes over services.

:func:`install` adds the routes, the JSON error bodies and the body-size limits to an app the
composition root (:mod:`filmpark.asgi`) made.
"""

from filmpark.api.app import install

__all__ = ["install"]
