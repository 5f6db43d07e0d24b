"""detente: evidence-linked event data and relations analysis from texts about international relations.

The pipeline, one module per stage:

    ingest -> parse -> actors -> coding -> store -> export / report

Library first: the CLI (`detente.cli`) and the report call the same functions.
"""

__version__ = "0.1.0"
