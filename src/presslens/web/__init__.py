"""presslens in a browser and over HTTP: FastAPI app, Jinja2 pages, REST API (see `app.create_app`)."""
from .app import create_app

__all__ = ["create_app"]
