"""nbgrader configuration for the course: the repository root is the course directory."""

import os

c = get_config()  # noqa: F821  (provided by nbgrader when it loads this file)

c.CourseDirectory.course_id = os.environ.get("COURSE_ID", "collections-101")
c.CourseDirectory.root = os.path.dirname(os.path.abspath(__file__))

# Gradebook: SQLite in the course root unless COURSE_DB_URL names another database,
# e.g. postgresql+psycopg2://grader:secret@127.0.0.1:5432/gradebook (SQLAlchemy 2.1 needs the +psycopg2)
c.CourseDirectory.db_url = os.environ.get(
    "COURSE_DB_URL", "sqlite:///" + os.path.join(c.CourseDirectory.root, "gradebook.db")
)

# The exchange directory used by release / fetch / submit / collect.
c.Exchange.root = os.environ.get("COURSE_EXCHANGE", "/srv/nbgrader/exchange")

# Learners' code gets a bounded time per cell while grading.
c.ExecutePreprocessor.timeout = int(os.environ.get("COURSE_CELL_TIMEOUT", "60"))
c.ExecutePreprocessor.interrupt_on_timeout = True

# A deleted grade/test cell is put back from the gradebook and run, so the answer still earns
# its points (nbgrader's add_missing_cells); the note says so in both languages.
c.OverwriteCells.add_missing_cells = True
c.OverwriteCells.missing_cell_notification = (
    "此单元格（id:{cell_id}）在提交中被删除，评分时已恢复。/ "
    "This cell (id:{cell_id}) was missing from the submission. It was added back by nbgrader.\n\n"
)

# Bilingual stubs left where solutions are removed.
c.ClearSolutions.code_stub = {
    "python": "# 在此作答 / YOUR ANSWER HERE\nraise NotImplementedError()",
}
c.ClearSolutions.text_stub = "在此作答 / YOUR ANSWER HERE"

# Learners' notebooks never carry more than this much output into grading.
c.LimitOutput.max_lines = 1000
c.LimitOutput.max_traceback = 100

# Feedback never shows hidden tests, their tracebacks, or active HTML/JS from learner output
# (see autograder/feedback.py); nbconvert also sanitises any HTML that remains.
c.GenerateFeedback.preprocessors = [
    "nbgrader.preprocessors.GetGrades",
    "autograder.feedback.ProtectFeedback",
    "nbconvert.preprocessors.CSSHTMLHeaderPreprocessor",
]
c.HTMLExporter.sanitize_html = True
