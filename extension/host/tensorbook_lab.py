"""Serves Tensorbook's JupyterLab application with the Jupyter server.

A `LabServerApp` (jupyterlab_server) whose static files, schemas, themes and page template are
the ones `extension/host/build.mjs` wrote into `extension/host/static/`. It runs on the Jupyter
server a user already has: Debian's `jupyter_server` 1.23 + `jupyterlab_server` 2.16 work, and so
does a pip-installed JupyterLab 4's server. Prebuilt extensions (ours included) are found in
`<JUPYTER_PATH entry>/labextensions/`, exactly as JupyterLab finds them.

Run it as `python3 tensorbook_lab.py [--ServerApp.port=N ...]`; `tensorbook lab` (npm start) does
that with the project-local paths. Security defaults, which the command line cannot weaken:
loopback only unless an address is named explicitly, a token always required, XSRF checks on.
"""

import os
import secrets
import sys

from jupyter_server.serverapp import ServerApp
from jupyterlab_server import LabServerApp
from traitlets import Unicode, default

HERE = os.path.dirname(os.path.abspath(__file__))
STATIC = os.path.join(HERE, "static")


class TensorbookLab(LabServerApp):
    """JupyterLab 4 front end built by `extension/host`, served as a server extension."""

    name = "tensorbook"
    app_name = "Tensorbook"
    description = "Tensorbook: learn machine learning hands-on in TypeScript notebooks."
    app_version = Unicode("0.1.0")
    # Only our application: a user's other server extensions could shadow /lab.
    load_other_extensions = False
    extension_url = "/lab"
    default_url = Unicode("/lab", config=True)

    @default("static_dir")
    def _static_dir(self):
        return STATIC

    @default("templates_dir")
    def _templates_dir(self):
        return STATIC

    @default("schemas_dir")
    def _schemas_dir(self):
        return os.path.join(STATIC, "schemas")

    @default("themes_dir")
    def _themes_dir(self):
        return os.path.join(STATIC, "themes")

    @default("app_settings_dir")
    def _app_settings_dir(self):
        # Holds overrides.json (news and update checks off: learners are often offline).
        return os.path.join(STATIC, "settings")

    def initialize_settings(self):
        if not os.path.exists(os.path.join(STATIC, "index.html")):
            sys.exit(
                f"tensorbook: the JupyterLab application is not built ({STATIC} is missing); "
                "run `npm run build` in the Tensorbook checkout"
            )
        super().initialize_settings()


def _jupyter_server_extension_points():
    # The server finds the application through this hook of the module it was launched from.
    return [{"module": __name__, "app": TensorbookLab}]


def _harden(server: ServerApp) -> None:
    """Refuses settings that would expose the notebook server: no token or XSRF off."""
    if not server.token:
        server.token = os.environ.get("TENSORBOOK_TOKEN") or secrets.token_hex(24)
    if server.disable_check_xsrf:
        sys.exit("tensorbook: refusing to run with XSRF checks off")


def main(argv=None) -> None:
    argv = list(sys.argv[1:] if argv is None else argv)
    # Loopback unless the caller names an address on purpose.
    if not any(a.startswith(("--ip", "--ServerApp.ip")) for a in argv):
        argv.append("--ServerApp.ip=127.0.0.1")
    if os.environ.get("TENSORBOOK_TOKEN") and not any(
        a.startswith(("--ServerApp.token", "--IdentityProvider.token")) for a in argv
    ):
        argv.append("--ServerApp.token=" + os.environ["TENSORBOOK_TOKEN"])
    if hasattr(os, "geteuid") and os.geteuid() == 0 and "--allow-root" not in argv:
        # Containers and CI run as root; the server refuses that unless told.
        argv.append("--allow-root")

    original = ServerApp.init_webapp

    def init_webapp(server: ServerApp) -> None:
        _harden(server)
        original(server)

    ServerApp.init_webapp = init_webapp  # type: ignore[method-assign]
    TensorbookLab.launch_instance(argv)


if __name__ == "__main__":
    main()
