# The validator moved to core (cities, events and the award store time zones); migrations name this path.
from educities.core.time_zones import validate_time_zone

__all__ = ["validate_time_zone"]
