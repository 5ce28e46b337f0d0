"""moto's own server with this project's plug-ins loaded into moto's backends first.

moto stays the pinned PyPI package (no fork): each module in plugins/ adds the operations moto
lacks (or corrects what it answers) by attaching methods to moto's response and backend classes,
then moto's own `main()` serves on the host and port given, exactly as `moto_server` would.

Usage: python emulator/server.py -H 127.0.0.1 -p PORT
"""

import importlib
import pkgutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import plugins  # noqa: E402


def install_plugins() -> list[str]:
    """Imports every plugins/*.py module and calls its install(); returns their names."""
    names = []
    for module in sorted(pkgutil.iter_modules(plugins.__path__), key=lambda m: m.name):
        importlib.import_module(f"plugins.{module.name}").install()
        names.append(module.name)
    return names


if __name__ == "__main__":
    from moto.server import main

    loaded = install_plugins()
    print(f"moto plug-ins: {', '.join(loaded) or '(none)'}", file=sys.stderr, flush=True)
    main(sys.argv[1:])
