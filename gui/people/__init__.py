"""People in compounds: the survey join review and the estimates, in the window."""
