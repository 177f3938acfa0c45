"""The map: a QWebEngineView showing Leaflet from resources/web, driven over QWebChannel."""
