def extract_sanctions(doc, table, document, sentences):
    return [], 0
