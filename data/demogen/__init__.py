"""The demo district's generator in parts; ``data/generate_demo.py`` runs it."""
