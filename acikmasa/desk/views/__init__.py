"""Staff screens. Thin: parse input, call one selector or service, render."""

from .case import attachment_file, case_action, case_detail
from .field import coverage, field_visit
from .guidance import guidance
from .home import home
from .intake import call_centre, caller_lookup_part, options, receipt, walk_in
from .queue import bulk_assign, case_queue, queue_counts_part
from .search import search

__all__ = [
    "attachment_file",
    "bulk_assign",
    "call_centre",
    "caller_lookup_part",
    "case_action",
    "case_detail",
    "case_queue",
    "coverage",
    "field_visit",
    "guidance",
    "home",
    "options",
    "queue_counts_part",
    "receipt",
    "search",
    "walk_in",
]
