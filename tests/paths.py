"""Where the tests find the project, its fixtures and the optional shared data beside the checkout."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
SAMPLE_PAGE = ROOT / "resources" / "samples" / "business-recorder-sample.html"
# The shared data sits beside the checkout; MARKET_READER_SHARED names another place (a worktree elsewhere).
SHARED = Path(os.environ.get("MARKET_READER_SHARED") or ROOT.parent / "shared")
SHARED_SAMPLES = SHARED / "samples"
