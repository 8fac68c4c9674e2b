"""A mail relay for the server's tests: aiosmtpd on loopback, STARTTLS required before AUTH
and mail, one login (`plantzette` / `relay-secret`). Each message received is written to
OUT_DIR as JSON: the envelope, whether it came over TLS, the raw message, and as Python's
`email` package reads it (its subject, and each part's type, file name and decoded text).
Prints `ready PORT` once listening, then serves until killed.

    python smtp_relay.py CERT KEY OUT_DIR
"""

import email
import email.policy
import json
import socket
import ssl
import sys
import time
from pathlib import Path

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

cert, key, out_dir = sys.argv[1], sys.argv[2], Path(sys.argv[3])


class Keep:
    count = 0

    async def handle_DATA(self, server, session, envelope):
        Keep.count += 1
        parsed = email.message_from_bytes(envelope.content, policy=email.policy.default)
        parts = [
            {"type": part.get_content_type(), "filename": part.get_filename(), "text": part.get_content()}
            for part in parsed.walk()
            if not part.is_multipart()
        ]
        message = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            "tls": session.ssl is not None,
            "authenticated": session.authenticated,
            "content": envelope.content.decode("utf-8", "replace"),
            "subject": str(parsed["subject"]),
            "message_id": parsed["message-id"] and str(parsed["message-id"]),
            "auto_submitted": parsed["auto-submitted"] and str(parsed["auto-submitted"]),
            "parts": parts,
        }
        path = out_dir / f"{Keep.count:04}.json"
        path.with_suffix(".tmp").write_text(json.dumps(message))
        path.with_suffix(".tmp").rename(path)
        return "250 OK"


def authenticate(server, session, envelope, mechanism, auth_data):
    ok = isinstance(auth_data, LoginPassword) and auth_data.login == b"plantzette" and auth_data.password == b"relay-secret"
    return AuthResult(success=ok)


# A free port, chosen here: aiosmtpd's controller cannot listen on port 0.
with socket.socket() as probe:
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]

context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
context.load_cert_chain(cert, key)
controller = Controller(
    Keep(),
    hostname="127.0.0.1",
    port=port,
    tls_context=context,
    require_starttls=True,
    authenticator=authenticate,
    auth_require_tls=True,
)
controller.start()
print(f"ready {port}", flush=True)
while True:
    time.sleep(3600)
