"""The learner package's public names all resolve, and importing it stays light."""

import subprocess
import sys

import course


def test_every_public_name_resolves():
    for name in course.__all__:
        assert getattr(course, name) is not None, name


def test_import_course_does_not_load_pandas_or_widgets():
    code = "import sys, course; print('pandas' in sys.modules, 'ipywidgets' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]
