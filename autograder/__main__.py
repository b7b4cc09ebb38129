"""`python -m autograder` runs the CLI."""

import sys

from autograder.cli import run

sys.exit(run())
