"""The benchmark scripts' pure parts and the crash test (``bench/``); speed itself is measured there, not here."""
