"""Where a student reads the workbook: JupyterLab, or the student mode (Voilà, a page without code).

The texts that tell a student what to do differ between the two: in JupyterLab a notebook starts
with *Run All Cells*, a stuck one is mended by restarting the kernel, and exports are in the file
browser; in the student mode the page runs by itself, a reload starts it afresh, and there is no
code, menu or file browser. This module says which of the two this kernel serves, so that every
text can fit it:

* :func:`mode` -- ``"student"`` or ``"lab"`` (first match wins):

  1. ``WAKKER_MODE`` set to ``student`` or ``lab`` (tests; an administrator who wants one of them);
  2. a kernel started by Voilà: its render handler puts ``SERVER_SOFTWARE=voila/<version>`` and
     ``VOILA_PREHEAT`` into the environment of every kernel it starts, standalone and as a Jupyter
     server extension, so this holds for ``make student``, Binder's ``voila/render`` links and a
     school's JupyterHub alike;
  3. otherwise ``lab`` (JupyterLab, Notebook 7, nbclient, nbconvert, tests).

* :func:`pick` -- the text for this mode; :func:`restart_hint` -- how to start afresh.
* Markdown cells hold both versions where they differ (the Lab one visible by default)::

      <div class="wakker-lab">

      Kies *Uitvoeren → Run All Cells*.

      </div>
      <div class="wakker-student" hidden="hidden">

      De les start vanzelf.

      </div>

  Within a sentence, ``<span class="wakker-lab">…</span><span class="wakker-student" hidden="hidden">…</span>``
  does the same (Markdown inside the spans still works). JupyterLab's sanitizer keeps ``class`` and
  ``hidden`` -- but only with a value: a bare ``hidden`` is dropped as an empty attribute -- so the
  student version stays out of sight there;
  in the student mode the notebook's header (``wakker.ui.page.Page``) adds :data:`STUDENT_CSS`,
  which swaps the two. :func:`markdown_for` gives the text one mode shows (for tests and counts).

Everything here reads the environment each time it is asked.
"""
from __future__ import annotations

import os
import re
from collections.abc import Mapping

LAB = "lab"
STUDENT = "student"
MODES = (LAB, STUDENT)

#: Shows the student versions of the notebook's texts and hides the JupyterLab ones (see above).
STUDENT_CSS = (".wakker-lab{display:none !important}"
               "div.wakker-student[hidden]{display:block !important}"
               "span.wakker-student[hidden]{display:inline !important}")

#: Words of JupyterLab's screen that mean nothing on a page without code, menus or file browser: a text the
#: student mode shows must not use them (tests/test_student_mode.py, tests/browser/test_student_mode_browser.py).
LAB_ONLY = re.compile(r"Run All|Shift ?\+ ?Enter|bestandsbrowser|bestandenbrowser|Kernel →|Restart Kernel|zijpaneel|"
                      r"codecel|Klik in de cel", re.I)

_RESTART = {
    LAB: "herstart de kernel (menu Kernel, Restart Kernel)",
    STUDENT: "laad de pagina opnieuw (toets F5, of de knop Vernieuwen van je browser)",
}


def mode(environ: Mapping[str, str] | None = None) -> str:
    """``"student"`` in the student mode (Voilà), else ``"lab"``; see the module docstring."""
    env = os.environ if environ is None else environ
    forced = env.get("WAKKER_MODE", "").strip().lower()
    if forced in MODES:
        return forced
    if env.get("SERVER_SOFTWARE", "").startswith("voila/") or "VOILA_PREHEAT" in env:
        return STUDENT
    return LAB


def is_student(environ: Mapping[str, str] | None = None) -> bool:
    return mode(environ) == STUDENT


def pick(lab: str, student: str) -> str:
    """``lab`` in JupyterLab, ``student`` in the student mode."""
    return student if is_student() else lab


def restart_hint(sentence: bool = False) -> str:
    """How to start afresh: lower case, to follow "en ..."; with ``sentence`` it starts with a capital."""
    hint = _RESTART[mode()]
    return hint[0].upper() + hint[1:] if sentence else hint


_VERSION = re.compile(r'<(div|span) class="wakker-(lab|student)"(?: hidden="hidden")?>(.*?)</\1>', re.S)


def markdown_for(markdown: str, which: str) -> str:
    """``markdown`` as a reader in mode ``which`` sees it: the other mode's versions left out, the
    wrappers of this mode's versions dropped (their Markdown kept)."""
    if which not in MODES:
        raise ValueError(f"unknown mode {which!r}")
    return _VERSION.sub(lambda m: m.group(3) if m.group(2) == which else "", markdown)
