"""Small local HTTP servers that speak LibreTranslate's and DeepL's real request and response formats.

Each server records every request it receives (method, path, headers, body) and answers like the real
service: it checks the path, the method, the authentication and the body's shape, "translates" from a
small phrase book, and refuses what the real service refuses with the real status codes and error
bodies. A test can also script the next answers (an error status, a broken body, a slow answer).
"""

import json
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

# What our fake engines know: (text, target language) → translation. Anything else gets "[xx] text".
PHRASE_BOOK = {
    ("Educating cities", "fr"): "Villes éducatrices",
    ("Educating cities", "es"): "Ciudades educadoras",
    ("Educating cities", "pt"): "Cidades educadoras",
    ("Educating cities", "ca"): "Ciutats educadores",
    ("Hello", "fr"): "Bonjour",
    ("Ciudades educadoras", "en"): "Educating cities",
    ("The library opens at night.", "fr"): "La bibliothèque ouvre la nuit.",
}


def fake_translate(text: str, target: str) -> str:
    return PHRASE_BOOK.get((text, target), f"[{target}] {text}")


def fake_translate_html(markup: str, target: str) -> str:
    """Translate the text between tags only, as the real services do with HTML."""
    return re.sub(r">([^<>]+)<", lambda match: f">{fake_translate(match.group(1), target)}<", markup)


@dataclass
class Received:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes

    @property
    def json(self) -> Any:
        return json.loads(self.body)


@dataclass
class Answer:
    status: int
    body: bytes = b""
    content_type: str = "application/json"
    delay: float = 0.0

    @classmethod
    def json(cls, status: int, data: Any) -> "Answer":
        return cls(status=status, body=json.dumps(data).encode("utf-8"))


@dataclass
class FakeService:
    """A threaded HTTP server on 127.0.0.1 with a free port; ``respond`` answers unscripted requests."""

    respond: Callable[[Received], Answer]
    received: list[Received] = field(default_factory=list)
    scripted: list[Answer] = field(default_factory=list)

    def __post_init__(self) -> None:
        service = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def _handle(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                request = Received(
                    method=self.command,
                    path=self.path,
                    headers={name.lower(): value for name, value in self.headers.items()},
                    body=self.rfile.read(length),
                )
                service.received.append(request)
                answer = service.scripted.pop(0) if service.scripted else service.respond(request)
                if answer.delay:
                    time.sleep(answer.delay)
                self.send_response(answer.status)
                self.send_header("Content-Type", answer.content_type)
                self.send_header("Content-Length", str(len(answer.body)))
                self.end_headers()
                self.wfile.write(answer.body)

            do_GET = do_POST = _handle  # noqa: N815 - http.server's hook names

            def log_message(self, format, *args):
                pass

        class Server(ThreadingHTTPServer):
            daemon_threads = True

            def handle_error(self, request, client_address):
                pass  # a client that gave up (timeout test) closes the socket under a slow answer

        self._server = Server(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> "FakeService":
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)


# --- LibreTranslate -------------------------------------------------------------------------------

LIBRETRANSLATE_LANGUAGES = {"en", "fr", "es", "pt", "ca"}


def libretranslate_responder(*, api_key: str = "") -> Callable[[Received], Answer]:
    """LibreTranslate's POST /translate (JSON body; errors as {"error": "..."})."""

    def respond(request: Received) -> Answer:
        if request.path != "/translate":
            return Answer(status=404, body=b"<h1>Not Found</h1>", content_type="text/html")
        if request.method != "POST":
            return Answer.json(405, {"error": "Method Not Allowed"})
        if not request.headers.get("content-type", "").startswith("application/json"):
            return Answer.json(400, {"error": "Invalid request: missing q parameter"})
        data = request.json
        if api_key and data.get("api_key") != api_key:
            return Answer.json(
                403, {"error": "Invalid API key. Please contact the server operator to obtain an API key."}
            )
        for parameter in ("q", "source", "target"):
            if not data.get(parameter):
                return Answer.json(400, {"error": f"Invalid request: missing {parameter} parameter"})
        source, target, text_format = data["source"], data["target"], data.get("format", "text")
        if source != "auto" and source not in LIBRETRANSLATE_LANGUAGES:
            return Answer.json(400, {"error": f"{source} is not supported"})
        if target not in LIBRETRANSLATE_LANGUAGES:
            return Answer.json(400, {"error": f"{target} is not supported"})
        if text_format not in {"text", "html"}:
            return Answer.json(400, {"error": f"{text_format} format is not supported"})
        translate = fake_translate_html if text_format == "html" else fake_translate
        queries = data["q"]
        detected = {"confidence": 90.0, "language": "en"}
        if isinstance(queries, list):
            answer: dict[str, Any] = {"translatedText": [translate(query, target) for query in queries]}
            if source == "auto":
                answer["detectedLanguage"] = [detected for _query in queries]
        else:
            answer = {"translatedText": translate(queries, target)}
            if source == "auto":
                answer["detectedLanguage"] = detected
        return Answer.json(200, answer)

    return respond


# --- DeepL ----------------------------------------------------------------------------------------

DEEPL_SOURCE_LANGUAGES = {"EN", "FR", "ES", "PT", "CA", "DE"}
DEEPL_TARGET_LANGUAGES = {"EN-GB", "EN-US", "FR", "ES", "PT-PT", "PT-BR", "CA", "DE"}


def deepl_responder(*, api_key: str) -> Callable[[Received], Answer]:
    """DeepL's POST /v2/translate (DeepL-Auth-Key header, JSON body; errors as {"message": "..."})."""

    def respond(request: Received) -> Answer:
        if request.path != "/v2/translate":
            return Answer.json(404, {"message": "Not found"})
        if request.method != "POST":
            return Answer.json(405, {"message": "Method not allowed"})
        if request.headers.get("authorization") != f"DeepL-Auth-Key {api_key}":
            return Answer.json(403, {"message": "Wrong endpoint or authentication key."})
        if request.headers.get("content-type") != "application/json":
            return Answer.json(415, {"message": "Unsupported media type"})
        data = request.json
        texts = data.get("text")
        if not isinstance(texts, list) or not texts or not all(isinstance(text, str) for text in texts):
            return Answer.json(400, {"message": "Value for 'text' not supported."})
        if len(texts) > 50:
            return Answer.json(413, {"message": "Too many texts in one request."})
        target = data.get("target_lang")
        if target not in DEEPL_TARGET_LANGUAGES:
            return Answer.json(400, {"message": "Value for 'target_lang' not supported."})
        source = data.get("source_lang")
        if source is not None and source not in DEEPL_SOURCE_LANGUAGES:
            return Answer.json(400, {"message": "Value for 'source_lang' not supported."})
        if data.get("tag_handling") not in {None, "html", "xml"}:
            return Answer.json(400, {"message": "Value for 'tag_handling' not supported."})
        translate = fake_translate_html if data.get("tag_handling") == "html" else fake_translate
        language = target.split("-")[0].lower()
        translations = []
        for text in texts:
            item: dict[str, Any] = {
                "detected_source_language": source or "EN",
                "text": translate(text, language),
            }
            if data.get("show_billed_characters"):
                item["billed_characters"] = len(text)
            translations.append(item)
        return Answer.json(200, {"translations": translations})

    return respond
