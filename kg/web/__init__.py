"""The web side of kg: the SPARQL endpoint and the HTML pages, as Flask blueprints."""
