"""presse's web UI and JSON API over a corpus store: :func:`presse.web.app.create_app`."""
