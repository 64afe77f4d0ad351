"""kg: a knowledge graph of roles, events and sanctions drawn from news articles."""

__version__ = "0.1.0"
