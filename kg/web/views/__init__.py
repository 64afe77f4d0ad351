"""Data gathering for the HTML pages: SPARQL with bound variables in, plain records out."""
