"""The only writers of the notify tables: outbox.py (messages), surveys.py (answers, reminders)."""
