"""People in compounds: survey tables joined by name, estimates, and where each count came from."""
