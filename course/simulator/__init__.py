"""Call-branch simulator: scenarios in YAML, a deterministic engine, validator and scorecard."""

from course.simulator.engine import Line, Session, SimulatorError, Step, play
from course.simulator.loader import SCENARIO_DIR, ScenarioError, list_scenarios, load_scenario
from course.simulator.model import Choice, Node, Scenario, Text
from course.simulator.paths import paths_to_endings
from course.simulator.scorecard import Scorecard
from course.simulator.transcript import from_transcript
from course.simulator.validate import Problem, validate, validate_dir, validate_file

__all__ = [
    "SCENARIO_DIR",
    "Choice",
    "Line",
    "Node",
    "Problem",
    "Scenario",
    "ScenarioError",
    "Scorecard",
    "Session",
    "SimulatorError",
    "Step",
    "Text",
    "from_transcript",
    "list_scenarios",
    "load_scenario",
    "paths_to_endings",
    "play",
    "validate",
    "validate_dir",
    "validate_file",
]
