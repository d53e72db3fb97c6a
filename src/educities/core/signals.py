"""Signals other apps listen to, so that core never imports them."""

from django.dispatch import Signal

# Sent after a translation of one field of ``obj`` was saved (human or machine): kwargs obj, field, language.
translation_saved = Signal()
