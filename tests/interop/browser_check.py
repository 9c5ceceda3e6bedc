"""Open a page in headless Chromium, as a reader would, and say what happened.

    python3 browser_check.py URL SCREENSHOT.png [WIDTH HEIGHT]

Drives Debian's Chromium through the DevTools protocol (websocket-client): loads URL, waits for the load event and
a moment after it, then prints one JSON object on stdout:

- "errors": console errors, uncaught exceptions and browser log errors, each as text;
- "requests": every URL the page asked for (a self-contained page asks for itself only);
- "load_ms": milliseconds from navigation start to the end of the load event, as the page measured it;
- "dom": what the report holds, read from the live DOM after its script ran (people, event classes,
  timeline entries, article sections, marked spans), and the page title;

and writes a PNG screenshot of the first WIDTH x HEIGHT pixels (default 1400 x 1000).
"""

import base64
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request

import websocket

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--remote-debugging-port=0",
]

DOM = r"""JSON.stringify({
  title: document.title,
  people: Array.from(document.querySelectorAll('#network g.n[data-kind="person"]')).map(g => g.dataset.name),
  organizations: Array.from(document.querySelectorAll('#network g.n[data-kind="organization"]')).map(g => g.dataset.name),
  places: Array.from(document.querySelectorAll('#network g.n[data-kind="place"]')).map(g => g.dataset.name),
  event_classes: Array.from(document.querySelectorAll('#network g.n[data-kind="event"]')).map(g => g.dataset.class),
  edges: document.querySelectorAll('#network line.e').length,
  timeline: Array.from(document.querySelectorAll('#timeline > li')).map(li => li.textContent.replace(/\s+/g, ' ').trim()),
  timeline_links: Array.from(document.querySelectorAll('#timeline .reports a')).map(a => a.getAttribute('href')),
  text_targets: Array.from(document.querySelectorAll('.text [id]')).map(s => s.id),
  articles: Array.from(document.querySelectorAll('article.art h3')).map(h => h.textContent),
  article_people: Array.from(document.querySelectorAll('article.art li.person')).map(li => li.textContent),
  marks: Array.from(document.querySelectorAll('.text mark')).length,
  load_ms: (() => { const t = performance.getEntriesByType('navigation')[0]; return t ? t.loadEventEnd : null; })(),
})"""


class Browser:
    def __init__(self, width, height):
        chromium = shutil.which("chromium") or shutil.which("chromium-browser")
        if not chromium:
            sys.exit("chromium is not installed (scripts/setup.sh --test installs Debian's chromium)")
        self.profile = tempfile.mkdtemp(prefix="newskg-chromium-")
        self.process = subprocess.Popen(
            [chromium, *FLAGS, f"--user-data-dir={self.profile}", f"--window-size={width},{height}", "about:blank"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        port = None
        deadline = time.time() + 60
        while time.time() < deadline:
            line = self.process.stderr.readline()
            if not line:
                break
            m = re.search(r"DevTools listening on ws://127\.0\.0\.1:(\d+)/", line)
            if m:
                port = int(m.group(1))
                break
        if port is None:
            self.close()
            sys.exit("chromium did not start its DevTools endpoint")
        targets = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=10))
        page = next(t for t in targets if t.get("type") == "page")
        self.ws = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=60, suppress_origin=True)
        self.next_id = 0
        self.events = []

    def call(self, method, **params):
        self.next_id += 1
        self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        self.ws.settimeout(60)
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            self.events.append(message)

    def wait_for(self, method, seconds):
        deadline = time.time() + seconds
        while time.time() < deadline:
            if any(e.get("method") == method for e in self.events):
                return True
            self.ws.settimeout(max(0.05, deadline - time.time()))
            try:
                self.events.append(json.loads(self.ws.recv()))
            except websocket.WebSocketTimeoutException:
                break
        return any(e.get("method") == method for e in self.events)

    def drain(self, seconds):
        deadline = time.time() + seconds
        while time.time() < deadline:
            self.ws.settimeout(max(0.05, deadline - time.time()))
            try:
                self.events.append(json.loads(self.ws.recv()))
            except websocket.WebSocketTimeoutException:
                break

    def close(self):
        try:
            self.process.kill()
            self.process.wait(timeout=10)
        finally:
            shutil.rmtree(self.profile, ignore_errors=True)


def describe_error(event):
    method, params = event.get("method"), event.get("params", {})
    if method == "Runtime.exceptionThrown":
        details = params.get("exceptionDetails", {})
        exception = details.get("exception", {})
        return "exception: " + (exception.get("description") or details.get("text", "?"))
    if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
        return "console." + params["type"] + ": " + " ".join(str(a.get("value", a.get("description", ""))) for a in params.get("args", []))
    if method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
        entry = params["entry"]
        return f"log ({entry.get('source')}): {entry.get('text')} {entry.get('url', '')}".strip()
    return None


def main():
    if len(sys.argv) not in (3, 5) or sys.argv[1] in ("-h", "--help"):
        sys.exit(__doc__.split("\n\n")[1] if sys.argv[1:2] in (["-h"], ["--help"]) else "usage: " + __doc__.split("\n\n")[1].strip())
    url, screenshot = sys.argv[1], sys.argv[2]
    width, height = (int(sys.argv[3]), int(sys.argv[4])) if len(sys.argv) > 4 else (1400, 1000)
    browser = Browser(width, height)
    try:
        for domain in ("Runtime", "Log", "Page", "Network"):
            browser.call(f"{domain}.enable")
        browser.call("Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1, mobile=False)
        browser.call("Page.navigate", url=url)
        loaded = browser.wait_for("Page.loadEventFired", 60)
        browser.drain(0.5)
        dom = json.loads(browser.call("Runtime.evaluate", expression=DOM, returnByValue=True)["result"]["value"])
        shot = browser.call("Page.captureScreenshot", format="png")
        with open(screenshot, "wb") as f:
            f.write(base64.b64decode(shot["data"]))
        errors = [d for d in (describe_error(e) for e in browser.events) if d]
        requests = sorted(
            {e["params"]["request"]["url"] for e in browser.events if e.get("method") == "Network.requestWillBeSent"}
        )
        print(json.dumps({"loaded": loaded, "errors": errors, "requests": requests, "load_ms": dom.pop("load_ms"), "dom": dom}))
    finally:
        browser.close()


if __name__ == "__main__":
    main()
