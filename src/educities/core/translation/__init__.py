"""Machine translation: one provider interface (none, LibreTranslate, DeepL) chosen by settings.

- ``providers``: the HTTP clients and the errors they raise;
- ``registry.translation_provider()``: the provider the settings choose;
- ``usage``: characters counted per provider and month, and the monthly limit;
- ``services.machine_translate()``: the one entry point the rest of the project calls
  (from the ``task_machine_translate`` background task, which retries temporary failures).
"""
