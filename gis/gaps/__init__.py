"""Gap analysis (issue 6): which compounds and zones lack 一老一小 services and elevators, and where to build."""
