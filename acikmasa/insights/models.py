"""Daily and monthly roll-ups of the case history, one table per grain, kept in the event's
transaction.

Every row adds up the cases registered on one local day (span DAY) or in one local month (span
MONTH, day = the 1st) that share the grain's keys. A case counts once in each grain, by its current
state: registered (received), solved now, solved by the due time or after it, ever reopened, its
time to resolve (histogram) and its survey answer. Keys are plain integers, 0 for "none", so that
one unique constraint (NULLs would be distinct) serves the upsert on SQLite and PostgreSQL alike.
"""

from django.db import models

from .histogram import FIELDS as HISTOGRAM_FIELDS

COUNTERS = (
    "received",
    "solved",
    "met",
    "missed",
    "reopened",
    "answered",
    "score_n",
    "score_sum",
    "said_unsolved",
)
VALUE_FIELDS = COUNTERS + HISTOGRAM_FIELDS


class Span(models.IntegerChoices):
    DAY = 1, "day"
    MONTH = 2, "month"


class Rollup(models.Model):
    municipality = models.IntegerField()
    span = models.SmallIntegerField(choices=Span.choices)
    day = models.DateField()
    directorate = models.IntegerField(default=0)
    for _name in VALUE_FIELDS:
        vars()[_name] = models.IntegerField(default=0)
    del _name

    class Meta:
        abstract = True


class DirectorateRollup(Rollup):
    """Per directorate: the dashboard's figures and series, the scorecards."""

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "span", "day", "directorate"],
                name="insights_rollup_directorate_key",
            )
        ]


class ChannelRollup(Rollup):
    """Per directorate, channel and case type: channel mix, filters on channel or type."""

    channel = models.IntegerField(default=0)
    case_type = models.CharField(max_length=20, default="")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "span", "day", "directorate", "channel", "case_type"],
                name="insights_rollup_channel_key",
            )
        ]


class SubjectRollup(Rollup):
    """Per directorate and subject: top subjects, the subject filter."""

    subject = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "span", "day", "directorate", "subject"],
                name="insights_rollup_subject_key",
            )
        ]


class PlaceRollup(Rollup):
    """Per directorate and mahalle: the "where" tables, the map, the public page, the mahalle
    filter."""

    neighbourhood = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "span", "day", "directorate", "neighbourhood"],
                name="insights_rollup_place_key",
            )
        ]
