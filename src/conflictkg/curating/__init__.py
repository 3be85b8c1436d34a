"""Review and accept a draft (issue #11, part 3): the library behind ``conflictkg serve --curate``.

``form`` is the review form as plain data and its way back to the drafter's claims, ``choices``
the select lists read from the data, ``saving`` writes a reviewed file safely and validates it,
``workbench`` holds the drafts under review of one server process. The web skin
(:mod:`conflictkg.web.curate`) only renders and reads forms.
"""

from __future__ import annotations

from conflictkg.curating.choices import Choices, Option
from conflictkg.curating.form import ClaimForm, from_claim, kept_claims, read_form, to_claim, write_form
from conflictkg.curating.reader import read_draft
from conflictkg.curating.saving import FileCheck, Problem, check_file, incident_path, save_incident
from conflictkg.curating.workbench import Review, Saved, Workbench

__all__ = ["Choices", "ClaimForm", "FileCheck", "Option", "Problem", "Review", "Saved", "Workbench", "check_file",
           "from_claim", "incident_path", "kept_claims", "read_draft", "read_form", "save_incident", "to_claim", "write_form"]
