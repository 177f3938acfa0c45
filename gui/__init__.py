"""The face: Qt widgets over the engine in ``gis``. Data flows gis models -> views."""
