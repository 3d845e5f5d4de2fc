"""Structured outcomes of information requests (Law 4982), recorded in the
resolve/reject/reopen/note payload.

The yearly Art. 30 statistics count granted, partly granted and refused requests (by the article
the refusal rests on) and appeals; these codes make them exact instead of guessed from the text.
"""

from django.utils.translation import gettext_lazy as _

GRANTED, PARTLY_GRANTED, REFUSED = "granted", "partly_granted", "refused"
ANSWER_OUTCOMES = {GRANTED: _("Granted"), PARTLY_GRANTED: _("Partly granted")}

# Grounds a refusal may rest on (Law 4982 Art. 7 and the exceptions of Art. 15–28).
LEGAL_GROUNDS = {
    "art_7": _("Art. 7: needs separate work or research"),
    "art_15": _("Art. 15: judicial review"),
    "art_16": _("Art. 16: state secret"),
    "art_17": _("Art. 17: economic interests of the country"),
    "art_18": _("Art. 18: intelligence"),
    "art_19": _("Art. 19: administrative investigation"),
    "art_20": _("Art. 20: judicial investigation and prosecution"),
    "art_21": _("Art. 21: privacy of private life"),
    "art_22": _("Art. 22: privacy of communication"),
    "art_23": _("Art. 23: trade secret"),
    "art_24": _("Art. 24: intellectual and artistic works"),
    "art_25": _("Art. 25: internal regulations"),
    "art_26": _("Art. 26: internal opinions and notes"),
    "art_27": _("Art. 27: advice and opinion requests"),
    "art_28": _("Art. 28: recommendations and opinions"),
}

# Appeals of the applicant (Law 4982 Art. 13–14): to the institution, to the Board of Review, to
# court.
APPEALS = {
    "objection": _("Objection to the institution"),
    "board": _("Appeal to the Board of Review (Bilgi Edinme Değerlendirme Kurulu)"),
    "court": _("Administrative court"),
}
