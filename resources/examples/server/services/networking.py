"""A toy network service: edit `handle` while the example runs and watch the
next line it prints change, with the request counter carrying on."""


class NetworkService:
    def __init__(self, name="echo"):
        self.name = name
        self.handled = 0

    def handle(self, message):
        self.handled += 1
        return f"[{self.name} #{self.handled}] {message}"

    def status(self):
        return f"{self.name}: {self.handled} messages handled"
