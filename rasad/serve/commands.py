"""CLI ``rasad serve``: the HTTP API and web page (thin: it calls rasad.serve.app)."""

from __future__ import annotations

import argparse
import sys

EXAMPLES = """examples:
  rasad serve                          # http://127.0.0.1:8000/ : paste an article, see the analysis
  rasad serve --db rasad.db --port 8080  # also /api/search, /api/events, /api/actors, /api/stats
  curl -s localhost:8000/api/analyze -H 'content-type: application/json' \\
       -d '{"text": "قال وزير الخارجية ...", "published": "2021-03-02"}'
API documentation: /docs (OpenAPI).
"""


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``serve`` command."""
    p = subparsers.add_parser(
        "serve",
        help="serve the HTTP API and the web page",
        description="Serve the rasad HTTP API and web page.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--db", help="corpus database for the search, events and actors endpoints")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    p.set_defaults(func=cmd_serve)


def cmd_serve(args: argparse.Namespace) -> int:
    """Run the server until interrupted."""
    try:
        import uvicorn

        from rasad.serve.app import create_app
    except ImportError as err:
        print(
            f"rasad: error: serving needs the 'serve' extra (pip install 'rasad[serve]'): {err}",
            file=sys.stderr,
        )
        return 2
    if args.db:
        from pathlib import Path

        if not Path(args.db).is_file():
            print(
                f"rasad: error: no database at {args.db} (create one with: rasad ingest FILE --db "
                f"{args.db})",
                file=sys.stderr,
            )
            return 2
    uvicorn.run(create_app(args.db), host=args.host, port=args.port, log_level="info")
    return 0
