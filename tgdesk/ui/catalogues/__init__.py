"""Catalogues (cells, areas, documents, people, categories): the page, its forms and model, merging, Excel import and export."""
