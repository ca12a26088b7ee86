"""``python -m workshop_lib`` runs the ``workshop`` command."""

from workshop_lib.cli import main

raise SystemExit(main())
