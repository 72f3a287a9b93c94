"""Entry point of the example: F5 in relive, or `relive-run . --namespace applib --run applib.main:run`.

Every second the loop sends one message through the same NetworkService
instance. Edit NetworkService.handle and save: the next line shows the new
code, and the counter keeps counting."""

import time

from applib.objects import Session
from applib.services import NetworkService

service = None


def run(interval=1.0, count=None):
    global service
    service = NetworkService()
    session = Session("alice")
    n = 0
    while count is None or n < count:
        n += 1
        print(service.handle(session.request(f"ping {n}")), flush=True)
        time.sleep(interval)


if __name__ == "__main__":
    # F5 in relive runs the file from here; Run File with Arguments… sets
    # the optional [interval [count]].
    import sys

    run(float(sys.argv[1]) if len(sys.argv) > 1 else 1.0,
        int(sys.argv[2]) if len(sys.argv) > 2 else None)
