"""Entry point of the example: `relive-run . --namespace applib --run applib.main:run`.

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
