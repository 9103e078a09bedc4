"""Queue and send the e-mail alerts that are due: run it from cron every minute, or as a worker with --every."""

import time

from django.core.management.base import BaseCommand

from events.alert_runs import send_alerts


class Command(BaseCommand):
    help = (
        "Send the confirmation messages, immediate alerts and daily digests that are due (events/alert_runs.py). "
        "Safe to run beside another run, and to stop at any point: the next run carries on."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--every", type=float, metavar="SECONDS", help="Keep running, one run every SECONDS (a worker)."
        )
        parser.add_argument("--runs", type=int, metavar="N", help="With --every: stop after N runs.")
        parser.add_argument("--queue-only", action="store_true", help="Queue the messages that are due; send none.")

    def handle(self, *args, every, runs, queue_only, **options):
        done = 0
        while True:
            report = send_alerts(deliver=not queue_only)
            self.stdout.write(str(report))
            done += 1
            if every is None or (runs is not None and done >= runs):
                return
            time.sleep(every)
