"""The web skin: the SPARQL endpoint, the pages, content negotiation."""
