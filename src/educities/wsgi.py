import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "educities.settings")
application = get_wsgi_application()

# The objects loaded so far (modules, URL patterns, templates' code) live as long as the process: moving them
# out of the collector's reach spares every request's full collections a walk over them.
gc.collect()
gc.freeze()
