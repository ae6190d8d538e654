"""The window as a new user first sees it on a real X display with a window manager, at small screen sizes.

For each screen: a virtual X server (Xvfb) with openbox, fresh settings and library, `market-reader` opening the
bundled sample; then a picture of the whole screen and a check that the window, title bar and status bar
included, lies on it. Needs `xvfb`, `openbox` and `xdotool` (apt). Usage:

    .venv/bin/python tests/tools/xvfb_screenshots.py [OUT_DIR]

Without OUT_DIR the two README pictures go to resources/screenshots and the larger screens are only checked.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "samples" / "business-recorder-sample.html"
APP = [sys.executable, "-m", "desktop"]
README_SHOTS = 2  # the first two of SCREENS are kept in the README
# (file name, screen, scale, theme)
SCREENS = [
    ("window-1366x768.png", "1366x768", 1, "light"),
    ("window-1280x800-dark.png", "1280x800", 1, "dark"),
    ("window-1920x1080.png", "1920x1080", 1, "system"),
    ("window-2560x1600-2x.png", "2560x1600", 2, "system"),
]
GRAB = """
import sys
from PySide6.QtGui import QGuiApplication
app = QGuiApplication(sys.argv[:1])
app.primaryScreen().grabWindow(0).save(sys.argv[1])
"""


def wait_for(check: object, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():  # type: ignore[operator]
            return True
        time.sleep(0.2)
    return False


def window_frame(env: dict[str, str]) -> tuple[int, int, int, int] | None:
    """(x, y, width, height) of the main window with its frame, from xwininfo and _NET_FRAME_EXTENTS."""
    found = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", "Market Reader"], env=env,
                           capture_output=True, text=True).stdout.split()
    if not found:
        return None
    window = found[-1]
    info = subprocess.run(["xwininfo", "-id", window], env=env, capture_output=True, text=True).stdout
    values = {key.strip(): value.strip() for key, _, value in (line.partition(":") for line in info.splitlines())}
    extents = subprocess.run(["xprop", "-id", window, "_NET_FRAME_EXTENTS"], env=env, capture_output=True,
                             text=True).stdout
    left, right, top, bottom = ([int(v) for v in extents.split("=")[1].split(",")] if "=" in extents else [0] * 4)
    x = int(values["Absolute upper-left X"]) - left
    y = int(values["Absolute upper-left Y"]) - top
    return x, y, int(values["Width"]) + left + right, int(values["Height"]) + top + bottom


def shoot(name: str, screen: str, scale: int, theme: str, out: Path, display: int) -> bool:
    width, height = (int(v) for v in screen.split("x"))
    home = Path(tempfile.mkdtemp(prefix="mr-xvfb-"))
    env = dict(os.environ, DISPLAY=f":{display}", XDG_CONFIG_HOME=str(home / "config"),
               XDG_DATA_HOME=str(home / "data"), QT_QPA_PLATFORM="xcb", QT_SCALE_FACTOR=str(scale))
    (home / "config" / "market-reader").mkdir(parents=True)
    (home / "config" / "market-reader" / "market-reader.conf").write_text(f"[view]\ntheme={theme}\n")
    server = subprocess.Popen(["Xvfb", f":{display}", "-screen", "0", f"{width}x{height}x24", "-nolisten", "tcp"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    processes = [server]
    try:
        time.sleep(1.0)
        processes.append(subprocess.Popen(["openbox"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        time.sleep(1.0)
        processes.append(subprocess.Popen([*APP, str(SAMPLE)], env=env, cwd=ROOT, stdout=subprocess.DEVNULL,
                                          stderr=subprocess.DEVNULL))
        if not wait_for(lambda: window_frame(env) is not None, 20):
            print(f"{name}: the window did not appear")
            return False
        time.sleep(4.0)  # the sample imports and the page is shown
        frame = window_frame(env)
        subprocess.run([sys.executable, "-c", GRAB, str(out / name)], env=dict(env, QT_SCALE_FACTOR="1"), check=True)
        assert frame is not None
        x, y, w, h = frame
        fits = x >= 0 and y >= 0 and x + w <= width and y + h <= height
        print(f"{name}: window frame {w}×{h} at ({x}, {y}) on a {screen} screen"
              f"{f' at {scale}×' if scale > 1 else ''}: {'fits' if fits else 'DOES NOT FIT'}")
        return fits
    finally:
        for process in reversed(processes):
            process.terminate()
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
        shutil.rmtree(home, ignore_errors=True)


def main() -> int:
    missing = [tool for tool in ("Xvfb", "openbox", "xdotool", "xprop", "xwininfo") if shutil.which(tool) is None]
    if missing:
        print(f"needs {', '.join(missing)} (apt-get install xvfb openbox xdotool x11-utils)")
        return 2
    chosen = Path(sys.argv[1]) if len(sys.argv) > 1 else None
    scratch = Path(tempfile.mkdtemp(prefix="mr-shots-"))
    results = []
    for n, (name, screen, scale, theme) in enumerate(SCREENS):
        out = chosen or (ROOT / "resources" / "screenshots" if n < README_SHOTS else scratch)
        out.mkdir(parents=True, exist_ok=True)
        results.append(shoot(name, screen, scale, theme, out, 90 + n))
    shutil.rmtree(scratch, ignore_errors=True)
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
