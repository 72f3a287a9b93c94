"""A client session: who is connected and what they asked for."""

import time


class Session:
    def __init__(self, user):
        self.user = user
        self.started = time.monotonic()
        self.requests = []

    def request(self, text):
        self.requests.append(text)
        return f"{self.user} says {text!r}"

    def uptime(self):
        return time.monotonic() - self.started
