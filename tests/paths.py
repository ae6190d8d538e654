"""Where the tests find the project, its fixtures and the optional shared data beside the checkout."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
SAMPLE_PAGE = ROOT / "resources" / "samples" / "business-recorder-sample.html"
SHARED = ROOT.parent / "shared"
SHARED_SAMPLES = SHARED / "samples"
