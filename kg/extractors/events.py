"""Event facts placeholder."""
def extract_events(doc, table, document, sentences):
    return []
