"""A real SMTP server on 127.0.0.1 (aiosmtpd) that the alert tests send to, and what it received."""

import email
import email.policy
import socket

import pytest
from aiosmtpd.controller import Controller

# An address the server refuses for good (550), as a server refuses a mailbox that does not exist.
REFUSED = "nobody@refused.example"


class Mailbox:
    """What the server received: each message parsed, with the envelope's recipients."""

    def __init__(self):
        self.messages: list[email.message.EmailMessage] = []
        self.recipients: list[list[str]] = []
        self.raw: list[bytes] = []

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address == REFUSED:
            return "550 5.1.1 No such mailbox"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(email.message_from_bytes(envelope.content, policy=email.policy.default))
        self.recipients.append(list(envelope.rcpt_tos))
        self.raw.append(envelope.content)
        return "250 Message accepted for delivery"


def text(message: email.message.EmailMessage) -> str:
    """A message's text as written, its lines ended by newlines (SMTP carries them as CR LF)."""
    return message.get_content().replace("\r\n", "\n")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class SmtpServer:
    def __init__(self):
        self.mailbox = Mailbox()
        self.port = free_port()
        self.controller = None

    def start(self):
        self.controller = Controller(self.mailbox, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self):
        if self.controller is not None:
            self.controller.stop()
            self.controller = None

    @property
    def messages(self):
        return self.mailbox.messages


@pytest.fixture
def smtp(settings):
    """The SMTP server, started, with Django's e-mail settings pointing at it."""
    server = SmtpServer()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = server.port
    settings.DEFAULT_FROM_EMAIL = "Diplomatic events calendar <alerts@calendar.example>"
    server.start()
    yield server
    server.stop()
