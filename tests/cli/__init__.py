"""The command line as a user meets it: commands, exit codes, curating, ``validate FILE``."""
