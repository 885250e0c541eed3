"""Test-wide setup: no test ever touches a user's real journal or export folder.

Kernels started by the tests (the lesson contract, the browser tests) inherit these
environment variables.
"""
import os
import tempfile

_tmp = tempfile.mkdtemp(prefix="wakker-tests-")
os.environ["WAKKER_JOURNAL"] = os.path.join(_tmp, "journal.sqlite")
os.environ["WAKKER_EXPORTS"] = os.path.join(_tmp, "exports")

# Property tests: random examples on a developer's machine (to find new failures), a fixed
# sequence in CI (so that a landed build never turns red by chance).
try:
    from hypothesis import settings as _hyp_settings

    _hyp_settings.register_profile("ci", derandomize=True, print_blob=True)
    if os.environ.get("CI"):
        _hyp_settings.load_profile("ci")
except ImportError:  # pragma: no cover
    pass
