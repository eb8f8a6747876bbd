"""gunicorn settings for production: `gunicorn config.wsgi --config config/gunicorn.py`.

Every value can be overridden on the command line or with GUNICORN_CMD_ARGS. Responses carry no
`Server` header: it would tell a scanner which server and version to try.
"""

import os

from gunicorn.http import wsgi

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", "3"))
# Behind the TLS proxy the README asks for; it adds X-Forwarded-Proto.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")


_default_headers = wsgi.Response.default_headers


def _headers_without_banner(response):
    return [line for line in _default_headers(response) if not line.lower().startswith("server:")]


# Patched on the class itself, so error pages built elsewhere in gunicorn lose the banner too;
# workers are forked after this file is read.
wsgi.Response.default_headers = _headers_without_banner
