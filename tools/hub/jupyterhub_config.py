"""A small local JupyterHub for the workbook: the hub of ``tests/browser/test_hub_browser.py``.

Everything runs on 127.0.0.1 as the current user: ``DummyAuthenticator`` (any name, any password)
and ``SimpleLocalProcessSpawner`` (each user's home is a folder below the state folder). **Only for
tests and for trying the hub path on your own machine, never for real students.** The proxy is
``configurable-http-proxy`` from ``tools/hub/node_modules`` (``npm ci`` in ``tools/hub``).

Try it yourself (from the repository, after ``make test`` has made ``.venv``)::

    (cd tools/hub && npm ci)
    .venv/bin/jupyterhub -f tools/hub/jupyterhub_config.py

and open http://127.0.0.1:8000 (any name, any password): the single-user servers then read the
repository's ``jupyter-config/`` as ``make lab`` does, and each user's exports go to ``~/exports``.
Settings come from environment variables (all optional):

``WAKKER_HUB_DIR``           state folder: database, cookie secret, logs, ``homes/<user>`` (default: a new temp folder)
``WAKKER_HUB_PORT``          public port of the proxy (default 8000)
``WAKKER_HUB_API_PORT``      the proxy's API port (default: public port + 1)
``WAKKER_HUB_HUB_PORT``      the hub's own port (default: public port + 2)
``WAKKER_HUB_CONFIG_PATH``   Jupyter config folders for the single-user servers (``JUPYTER_CONFIG_PATH``; default
                             the repository's ``jupyter-config/``); the test puts there what ``pip install``
                             puts in ``<prefix>/etc/jupyter``
``WAKKER_HUB_DATA_PATH``     Jupyter data folders for the single-user servers (``JUPYTER_PATH``; default the
                             repository's ``jupyter-data/``, with the JupyterLab extension ``wakker-voorladen``);
                             the test puts there what ``pip install`` puts in ``<prefix>/share/jupyter``
``WAKKER_HUB_SINGLEUSER_ARGS`` JSON list of extra arguments for every single-user server
``WAKKER_HUB_EXPORTS``       ``0``: no ``WAKKER_EXPORTS``; otherwise a user's exports go to ``~/exports``: the
                             single-user environment runs the checkout's editable ``wakker``, which would
                             put every user's exports in the repository's ``exports/``
"""
import json
import os
import sys
import tempfile
from pathlib import Path

c = get_config()  # noqa: F821 - provided by JupyterHub when it loads this file

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
BIN = Path(sys.executable).parent  # the environment JupyterHub runs in is also the single-user environment

state = Path(os.environ.get("WAKKER_HUB_DIR") or tempfile.mkdtemp(prefix="wakker-hub-"))
state.mkdir(parents=True, exist_ok=True)
port = int(os.environ.get("WAKKER_HUB_PORT") or 8000)
api_port = int(os.environ.get("WAKKER_HUB_API_PORT") or port + 1)
hub_port = int(os.environ.get("WAKKER_HUB_HUB_PORT") or port + 2)

# --- the hub and its proxy, all on 127.0.0.1
c.JupyterHub.bind_url = f"http://127.0.0.1:{port}"
c.JupyterHub.hub_bind_url = f"http://127.0.0.1:{hub_port}"
c.JupyterHub.db_url = f"sqlite:///{state / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(state / "jupyterhub_cookie_secret")
c.JupyterHub.pid_file = str(state / "jupyterhub.pid")
c.JupyterHub.cleanup_servers = True  # stopping the hub stops every user's server
c.JupyterHub.cleanup_proxy = True
c.ConfigurableHTTPProxy.command = [str(HERE / "node_modules" / ".bin" / "configurable-http-proxy")]
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{api_port}"
c.ConfigurableHTTPProxy.pid_file = str(state / "proxy.pid")

# --- users: any name and password; each has a home of their own
c.JupyterHub.authenticator_class = "dummy"
c.Authenticator.allow_all = True
c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = str(state / "homes" / "{username}")
c.Spawner.cmd = [str(BIN / "jupyterhub-singleuser")]
c.Spawner.ip = "127.0.0.1"
c.Spawner.default_url = "/lab"
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 120
c.Spawner.args = json.loads(os.environ.get("WAKKER_HUB_SINGLEUSER_ARGS") or "[]")
if hasattr(os, "geteuid") and os.geteuid() == 0:
    c.Spawner.args.append("--allow-root")  # containers and CI often run as root; Jupyter refuses unless told

environment = {"JUPYTER_CONFIG_PATH": os.environ.get("WAKKER_HUB_CONFIG_PATH") or str(REPO / "jupyter-config"),
               "JUPYTER_PATH": os.environ.get("WAKKER_HUB_DATA_PATH") or str(REPO / "jupyter-data")}
if os.environ.get("WAKKER_HUB_EXPORTS") != "0":
    environment["WAKKER_EXPORTS"] = lambda spawner: os.path.join(spawner.home_dir, "exports")
environment["PYDEVD_DISABLE_FILE_VALIDATION"] = "1"  # silences a debugpy warning on kernel stderr
c.Spawner.environment = environment
